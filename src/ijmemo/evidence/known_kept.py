"""The evidence known on a date, computed once for all the processes of a build.

`make report` runs the memo notebook and the curate notebook side by side, and each
needs the processed tables as known on the edition's date (`as_of.known_on`), as do the
edition's files the memo's kernel writes after its notebook: at 100,000 claims that is
seconds of work each, on two cores. The
first to ask computes it and keeps it under `.cache/evidence/`, keyed by the processed
tables' bytes, the date and the code's fingerprint; the others wait for it (a file lock)
and read it back. Different tables, another date or other code is another key: a kept
result is never used for anything but exactly what it was computed from.
"""

from __future__ import annotations

import fcntl
import hashlib
from datetime import date
from pathlib import Path

from ijmemo.core.kept import code_fingerprint, read_kept, write_kept
from ijmemo.core.paths import DataPaths
from ijmemo.evidence.as_of import KnownOn, known_on
from ijmemo.evidence.manifest import MANIFEST
from ijmemo.evidence.store import load_processed
from ijmemo.metadata.tables import TABLES

KEEP = 6  # kept dates per data folder: the editions an analyst rebuilds in turn


def _key(paths: DataPaths, day: str) -> str:
    digest = hashlib.sha256(f"{day}\n{code_fingerprint()}\n".encode())
    for name in [*(f"{t}.csv" for t in TABLES), MANIFEST]:
        digest.update((paths.processed / name).read_bytes())
    return digest.hexdigest()[:32]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another build's pruning
        return 0.0


def _prune(folder: Path) -> None:
    """Keep the KEEP newest entries (another build may be pruning at the same time)."""
    entries = sorted(folder.glob("*.pickle"), key=_mtime, reverse=True)
    for old in entries[KEEP:]:
        try:
            old.unlink(missing_ok=True)
            old.with_suffix(".lock").unlink(missing_ok=True)
        except OSError:
            pass


def known_on_kept(data_dir, as_of: date | str) -> KnownOn:
    """`known_on(load_processed(data_dir), as_of)`, computed by the first process to ask."""
    paths = DataPaths.at(data_dir)
    day = as_of if isinstance(as_of, str) else as_of.isoformat()
    key = _key(paths, day)
    entry = paths.evidence_cache / f"{key}.pickle"
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        lock = entry.with_suffix(".lock").open("a")
    except OSError:  # nowhere to keep it (a read-only folder): each process computes it
        return known_on(load_processed(paths.root), day)
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process computing it: wait, then read
        kept = read_kept(entry, key).get("known")
        if kept is None:
            kept = known_on(load_processed(paths.root), day)
            write_kept(entry, key, {"known": kept})
            _prune(entry.parent)
    return kept
