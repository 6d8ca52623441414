"""The evidence known on a date, computed once for all the processes of a build.

`make report` runs the memo notebook and the curate notebook side by side, and each
needs the processed tables as known on the edition's date (`as_of.known_on`), as do the
edition's files the memo's kernel writes after its notebook: at 100,000 claims that is
seconds of work each, on two cores. The
first to ask computes it and keeps it under `.cache/evidence/`, keyed by the processed
tables' bytes, the date and the code's fingerprint; the others wait for it (a file lock)
and read it back. Different tables, another date or other code is another key: a kept
result is never used for anything but exactly what it was computed from.

When `make report` has to curate first, the memo's kernel sits idle meanwhile: the
build hands it the curated tables as soon as they are made (`hand_over_tables`), and it
works out the evidence from them (`work_out_ahead`) while the build derives and writes
them. The first process to ask then uses that work only if the tables it reads back are
exactly those (compared column by column), and computes it otherwise.
"""

from __future__ import annotations

import fcntl
import hashlib
import pickle
from datetime import date
from pathlib import Path

import pandas as pd

from ijmemo.core.kept import code_fingerprint, read_kept, write_kept
from ijmemo.core.paths import DataPaths
from ijmemo.evidence.as_of import KnownOn, evidence_as_of, known_on
from ijmemo.evidence.manifest import MANIFEST
from ijmemo.evidence.store import load_processed
from ijmemo.evidence.typed import typed_columns
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


# (data folder, day) -> the curated tables handed over and the evidence worked out from
# them, in the process that did it (the memo's kernel), until `known_on_kept` asks.
_AHEAD: dict[tuple[str, str], tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]] = {}


def as_written(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each table handed over (`hand_over_tables`) as the processed CSV gives it back."""
    return {
        name: typed_columns(name, frame, empty_is_missing=True) for name, frame in tables.items()
    }


def hand_over_tables(tables: dict[str, pd.DataFrame], handed) -> None:
    """Pickle the curated tables' own columns for `work_out_ahead` into the open file
    `handed` (their form as written is made there, in the kernel, not in the build)."""
    own = {name: tables[name][spec["base"]] for name, spec in TABLES.items() if spec["base"]}
    pickle.dump(own, handed, protocol=pickle.HIGHEST_PROTOCOL)


def work_out_ahead(handed: Path, data_dir, day: str) -> None:
    """In the memo's kernel: the evidence as of `day` from the curated tables the build
    pickled at `handed` (`hand_over_tables`; the file is removed once read)."""
    with Path(handed).open("rb") as fh:
        tables = as_written(pickle.load(fh))
    Path(handed).unlink(missing_ok=True)
    _AHEAD[(str(DataPaths.at(data_dir).root.resolve()), day)] = (
        tables,
        evidence_as_of(tables, day),
    )


def _worked_out(ahead, processed: dict) -> KnownOn | None:
    """The evidence worked out ahead (`_AHEAD`'s entry, or None), if it came from exactly
    the tables of `processed`."""
    if ahead is None:
        return None
    tables, evidence = ahead
    if any(not processed[n][t.columns].equals(t) for n, t in tables.items()):
        return None
    sources = processed["sources"]
    return KnownOn(evidence, sources[sources.known_from.isna()].reset_index(drop=True))


def known_on_kept(data_dir, as_of: date | str) -> KnownOn:
    """`known_on(load_processed(data_dir), as_of)`, computed by the first process to ask."""
    paths = DataPaths.at(data_dir)
    day = as_of if isinstance(as_of, str) else as_of.isoformat()
    ahead = _AHEAD.pop((str(paths.root.resolve()), day), None)  # (let go of it either way)
    key = _key(paths, day)
    entry = paths.evidence_cache / f"{key}.pickle"
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        lock = entry.with_suffix(".lock").open("a")
    except OSError:  # nowhere to keep it (a read-only folder): each process computes it
        processed = load_processed(paths.root)
        return _worked_out(ahead, processed) or known_on(processed, day)
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process computing it: wait, then read
        kept = read_kept(entry, key).get("known")
        if kept is None:
            processed = load_processed(paths.root)
            kept = _worked_out(ahead, processed) or known_on(processed, day)
            write_kept(entry, key, {"known": kept})
            _prune(entry.parent)
    return kept
