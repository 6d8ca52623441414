"""Work kept between runs in one file, valid only for the code that made it.

A kept value is a dict read back whole, or {} when there is none, it is unreadable, or
the code that wrote it differs from the code reading it (`code_fingerprint`): a cache
never outlives a change to the rules. Written by renaming a complete copy into place, or
not at all where nothing can be written: keeping work saves time, never a result.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path


@cache
def code_fingerprint() -> str:
    """The package's own code: a kept result is used only by the code that made it."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_kept(path: Path | None, fingerprint: str) -> dict:
    """What was kept at `path` by code with this fingerprint ({} otherwise)."""
    if path is None:
        return {}
    try:
        with Path(path).open("rb") as fh:
            made_by, value = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return {}  # none yet, or unreadable: everything is computed
    return value if made_by == fingerprint and isinstance(value, dict) else {}


def write_kept(path: Path, fingerprint: str, value: dict) -> None:
    """Keep `value` at `path` for code with this fingerprint; where nothing can be written
    (a read-only folder), nothing is kept and the work is done again next time."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump((fingerprint, value), tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass


def update_kept(path: Path | None, before: dict, now: dict) -> None:
    """Keep what this run used (`now`, read as `before` from `path` by this code), when it
    differs by an entry: entries are named by their inputs' content, so the same names
    hold the same work. Entries this run did not use are dropped."""
    if path is not None and now.keys() != before.keys():
        write_kept(path, code_fingerprint(), now)
