"""Publish a folder, a file or several files all at once, so a failed run leaves the last
good outputs in place."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staged_dir(final: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside `final`; on success it replaces `final`.

    On any error the staging folder is removed and `final` is left untouched.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-new-", dir=final.parent))
    try:
        staging.chmod(0o755)
        yield staging
        previous = final.with_name(f".{final.name}-old")
        if previous.exists():
            shutil.rmtree(previous)
        if final.exists():
            final.rename(previous)
        staging.rename(final)
        shutil.rmtree(previous, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file by renaming a complete temporary copy over it (never half-written)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with open(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_together(targets: dict[Path, bytes]) -> None:
    """Write every file or none: each goes to a temporary name, then all are renamed. On
    failure the files written are removed and any they replaced are put back."""
    temps: list[tuple[Path, Path]] = []
    kept: dict[Path, Path] = {}  # target -> its previous content, set aside
    done: list[Path] = []
    try:
        for target, content in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.partial")
            temp.write_bytes(content)
            temps.append((temp, target))
        for temp, target in temps:
            if target.is_file():
                kept[target] = target.rename(target.with_name(f".{target.name}.previous"))
            temp.rename(target)
            done.append(target)
    except BaseException:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        for target in done:
            target.unlink(missing_ok=True)
        for target, previous in kept.items():
            previous.replace(target)
        raise
    for previous in kept.values():
        previous.unlink(missing_ok=True)
