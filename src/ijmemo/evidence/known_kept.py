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
build hands it the curated tables as soon as they are made, with the inputs' sha256 they
were checked from (`hand_over_tables`), and it works out the evidence from them
(`work_out_ahead`) while the build derives and writes them. The first process to ask then
uses that work if the processed tables' manifest names the very same inputs and code;
the tables are handed over only when curated from exactly those bytes (no file added or
removed meanwhile: `InputFiles.read_exactly`). Curating is a function of them (same
inputs, same bytes), so the tables written are the ones handed over: reading 100,000
claims back to compare them would cost most of a second. Work is done ahead only from
tables that read back from CSV exactly as handed over (`reads_back_as_handed`): text,
none with a carriage return.
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
from ijmemo.evidence.manifest import MANIFEST, processed_is_current
from ijmemo.evidence.store import load_processed, load_processed_table
from ijmemo.evidence.typed import typed_columns
from ijmemo.metadata.tables import TABLES, integer_columns

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


# (data folder, day) -> the evidence worked out ahead there, and the inputs' sha256 the
# tables it came from were checked from, in the process that did it (the memo's kernel),
# until `known_on_kept` asks.
_AHEAD: dict[tuple[str, str], tuple[dict[str, str], dict[str, pd.DataFrame]]] = {}


def as_written(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Each table handed over (`hand_over_tables`) as the processed CSV gives it back."""
    return {
        name: typed_columns(name, frame, empty_is_missing=True) for name, frame in tables.items()
    }


def reads_back_as_handed(tables: dict[str, pd.DataFrame]) -> bool:
    """Do these tables (`as_written`) read back from their CSV cell for cell? Every cell
    not missing and not a whole number is text, none with a carriage return: the CSV
    leaves one on its own unquoted, and it reads back as a line break."""
    for name, frame in tables.items():
        whole = set(integer_columns(name))
        for column in frame.columns.difference(whole):
            cells = [cell for cell in frame[column].tolist() if cell is not None]
            try:
                text = "".join(cells)
            except TypeError:  # (a cell that is not text reads back as text)
                return False
            if "\r" in text:
                return False
    return True


def hand_over_tables(tables: dict[str, pd.DataFrame], inputs: dict[str, str], handed) -> None:
    """Pickle the curated tables' own columns for `work_out_ahead` into the open file
    `handed`, with the `inputs` (file -> sha256) they were checked from, as the processed
    tables' manifest will list them (their form as written is made in the kernel)."""
    own = {name: tables[name][spec["base"]] for name, spec in TABLES.items() if spec["base"]}
    pickle.dump((own, dict(inputs)), handed, protocol=pickle.HIGHEST_PROTOCOL)


def work_out_ahead(handed: Path, data_dir, day: str) -> None:
    """In the memo's kernel: the evidence as of `day` from the curated tables the build
    pickled at `handed` (`hand_over_tables`; the file is removed once read), if they read
    back from CSV as handed over (otherwise it is worked out from the CSV when asked)."""
    with Path(handed).open("rb") as fh:
        own, inputs = pickle.load(fh)
    Path(handed).unlink(missing_ok=True)
    tables = as_written(own)
    if reads_back_as_handed(tables):
        _AHEAD[(str(DataPaths.at(data_dir).root.resolve()), day)] = (
            inputs,
            evidence_as_of(tables, day),
        )


def _worked_out(ahead, paths: DataPaths) -> KnownOn | None:
    """The evidence worked out ahead (`_AHEAD`'s entry, or None), if the processed tables
    were written from exactly the inputs its tables were checked from, by this code."""
    if ahead is None:
        return None
    inputs, evidence = ahead
    if not processed_is_current(paths, inputs):
        return None
    sources = load_processed_table(paths.root, "sources")
    return KnownOn(evidence, sources[sources.known_from.isna()].reset_index(drop=True))


def known_on_kept(data_dir, as_of: date | str) -> KnownOn:
    """`known_on(load_processed(data_dir), as_of)`, computed by the first process to ask;
    asked again in one process, a copy of what it had (the memo's kernel asks for the
    memo, the edition's files and notebook 01: reading it back cost 0.2 s each time at
    100,000 claims; a copy that shares the data until one side writes costs nothing)."""
    paths = DataPaths.at(data_dir)
    day = as_of if isinstance(as_of, str) else as_of.isoformat()
    ahead = _AHEAD.pop((str(paths.root.resolve()), day), None)  # (let go of it either way)
    key = _key(paths, day)
    known = _LAST.get(key)
    if known is None:
        known = _kept_or_computed(paths, day, key, ahead)
        _LAST.clear()  # (only the latest: let go of the one before)
        _LAST[key] = known
    # Copied: what one caller changes, the next does not see (pandas copies on write).
    tables = {name: t.copy(deep=False) for name, t in known.tables.items()}
    return KnownOn(tables, known.undated.copy(deep=False))


# The evidence this process had last, by its key (`_key`).
_LAST: dict[str, KnownOn] = {}


def _kept_or_computed(paths: DataPaths, day: str, key: str, ahead) -> KnownOn:
    """The evidence kept under `key`, or worked out (ahead) or computed, and kept."""
    entry = paths.evidence_cache / f"{key}.pickle"
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        lock = entry.with_suffix(".lock").open("a")
    except OSError:  # nowhere to keep it (a read-only folder): each process computes it
        return _worked_out(ahead, paths) or known_on(load_processed(paths.root), day)
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process computing it: wait, then read
        kept = read_kept(entry, key).get("known")
        if kept is None:
            kept = _worked_out(ahead, paths) or known_on(load_processed(paths.root), day)
            write_kept(entry, key, {"known": kept})
            _prune(entry.parent)
    return kept
