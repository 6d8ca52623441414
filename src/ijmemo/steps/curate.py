"""The curate step: sources + curated YAML → validated, quote-checked, derived tables.

    load     curation.load.load_curated       read and type-check every record (pydantic)
    process  curation.checks.check_curated    cross-record rules: references, quotes, dates
             evidence.tabulate.build_tables   the curated records as tables
             evidence.derive.derive           statuses, milestones, conflicts and counts
    save     evidence.store.write_processed   publish them to data/processed/, only if
                                              everything passed

Every problem found is collected, so the analyst sees them all at once, each
naming the file, line, record and field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import CurationError, Problem
from ijmemo.curation.checks.checked import Checked
from ijmemo.curation.checks.run import check_curated
from ijmemo.curation.load import CuratedData, load_curated
from ijmemo.evidence.as_of import evidence_as_of
from ijmemo.evidence.derive import derive
from ijmemo.evidence.known_kept import known_on_kept
from ijmemo.evidence.manifest import InputFiles, input_hashes, processed_is_current
from ijmemo.evidence.store import ProcessedTables, write_processed
from ijmemo.evidence.tabulate import build_tables

# Handed the checked tables as soon as they are made (`make report` starts work on them).
Tabulated = Callable[[dict[str, pd.DataFrame]], None] | None
# The same, with the inputs' sha256 they were checked from, as the manifest will list them.
TabulatedFrom = Callable[[dict[str, pd.DataFrame], dict[str, str]], None] | None


@dataclass
class Curation:
    data: CuratedData | None
    checked: Checked | None
    tables: Mapping[str, pd.DataFrame]  # (data None: the processed tables, read when used)


@dataclass
class Review:
    """The outcome of checking the data: the curation if clean, and every problem."""

    curation: Curation | None
    problems: list[Problem]

    def problems_frame(self) -> pd.DataFrame:
        """The problems as a table (empty when every check passed)."""
        columns = ["file", "line", "record", "field", "message"]
        return pd.DataFrame(
            [{c: getattr(p, c) for c in columns} for p in self.problems], columns=columns
        )

    def result(self) -> Curation:
        if self.problems:
            raise CurationError(self.problems)
        return self.curation


def review(
    data_dir=None,
    reuse_processed: bool = False,
    tabulated: Tabulated = None,
    read: Callable[[str], tuple[bytes, str] | None] | None = None,
) -> Review:
    """Load and check everything; never raises for problems in the data.

    With `reuse_processed`, when data/processed/ was written from exactly the current
    inputs (its manifest says so) the checks already passed: its tables are reused
    instead of validating everything again (read only when a table is asked for).
    `tabulated` is handed the checked tables as soon as they are made, before derive.
    `read`: files read and hashed already, checked as read (`load_curated`).
    """
    paths = DataPaths.at(data_dir)
    if reuse_processed and processed_is_current(paths):
        return Review(Curation(None, None, ProcessedTables(paths.root)), [])
    data, problems = load_curated(data_dir, read)  # load
    checked, more = check_curated(data)  # process
    problems += more
    if problems:
        return Review(None, problems)
    tables = build_tables(data, checked)
    if tabulated is not None:
        tabulated(tables)
    return Review(Curation(data, checked, derive(tables)), [])


def tables_as_of(outcome: Review, data_dir=None, as_of=None) -> dict[str, pd.DataFrame]:
    """The checked tables as an edition dated `as_of` knows them (all of them when None).

    When the processed tables were reused, the memo's processes of the same build need
    the same evidence: it is computed once for them all (`known_kept`)."""
    tables = outcome.result().tables  # raises, listing every problem, if a check failed
    if as_of is None:
        return dict(tables)
    if outcome.curation.data is None:  # the processed tables, as written (left unread)
        return known_on_kept(data_dir, as_of).tables
    return evidence_as_of(tables, as_of)


def curate(data_dir=None, tabulated: Tabulated = None, read=None) -> Curation:
    """Load, validate and tabulate; raise CurationError listing every problem."""
    return review(data_dir, tabulated=tabulated, read=read).result()


def curate_to_processed(
    data_dir=None,
    out_dir: Path | None = None,
    hashes: InputFiles | None = None,
    tabulated: TabulatedFrom = None,
) -> Curation:
    """The whole curate step (make data): check everything, then publish the tables.

    `hashes`: the inputs' `input_hashes`, when the caller took them already: the bytes
    they hashed are what is checked (a file changed since is then recorded as not yet
    curated: the next run curates it). `tabulated`: handed the checked tables as soon as
    they are made, and those hashes, if the tables were made from exactly those bytes
    (not when a file was added or removed meanwhile: `InputFiles.read_exactly`)."""
    paths = DataPaths.at(data_dir)
    hashes = input_hashes(paths, keep_read=True) if hashes is None else hashes

    def handed(tables: dict[str, pd.DataFrame]) -> None:
        if hashes.read_exactly(paths):
            tabulated(tables, hashes)

    try:
        result = curate(paths.root, handed if tabulated else None, hashes.take)
    finally:
        hashes.let_go()
    write_processed(result.tables, out_dir or paths.processed, hashes)  # save
    return result
