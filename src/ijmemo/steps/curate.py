"""The curate step: sources + curated YAML → validated, quote-checked, derived tables.

    load.load_curated()     read and type-check every record (pydantic)
    checks.check_curated()  cross-record rules: references, quotes, dates, provenance
    tables.build_tables()   the curated records as tables
    evidence.derive()       statuses, milestones, conflicts and counts from the claims
    write_tables()          publish them to data/processed/ only if everything passed

Every problem found is collected, so the analyst sees them all at once, each
naming the file, line, record and field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ijmemo.core.atomic import staged_dir
from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import CurationError, Problem
from ijmemo.curation.checks import check_curated
from ijmemo.curation.checks.checked import Checked
from ijmemo.curation.load import CuratedData, load_curated
from ijmemo.evidence.derive import derive
from ijmemo.evidence.manifest import MANIFEST, input_hashes, processed_is_current
from ijmemo.evidence.tabulate import build_tables, typed
from ijmemo.metadata.datapackage import datapackage
from ijmemo.metadata.fields import TABLES

__all__ = [
    "MANIFEST",
    "CurationError",
    "Problem",
    "curate",
    "input_hashes",
    "load_curated",
    "load_tables",
    "processed_is_current",
    "review",
]


@dataclass
class Curation:
    data: CuratedData | None
    checked: Checked | None
    tables: dict[str, pd.DataFrame]


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


def review(data_dir=None, reuse_processed: bool = False) -> Review:
    """Load and check everything; never raises for problems in the data.

    With `reuse_processed`, when data/processed/ was written from exactly the current
    inputs (its manifest says so) the checks already passed: its tables are reused
    instead of validating everything again.
    """
    paths = DataPaths.at(data_dir)
    if reuse_processed and processed_is_current(paths):
        return Review(Curation(None, None, load_tables(paths.root)), [])
    data, problems = load_curated(data_dir)
    checked, more = check_curated(data)
    problems += more
    if problems:
        return Review(None, problems)
    return Review(Curation(data, checked, derive(build_tables(data, checked))), [])


def curate(data_dir=None) -> Curation:
    """Load, validate and tabulate; raise CurationError listing every problem."""
    return review(data_dir).result()


def coverage_by_source(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per source: how many claims, and how many initiatives/events/topics they support."""
    claims = tables["claims"]
    rows = claims.groupby("source_id").agg(claims=("claim_id", "size"))
    for kind in ("initiative", "event", "topic"):
        subset = claims[claims["subject_kind"] == kind]
        rows[f"{kind}s"] = subset.groupby("source_id")["subject_id"].nunique()
    rows = rows.fillna(0).astype(int)
    labels = tables["sources"].set_index("source_id")
    rows.insert(0, "source", labels["title"].fillna(labels["description"]))
    return rows.reset_index()


def coverage_by_sector(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per sector (taxonomy order): claims, sources and initiatives tagged with it."""

    def per_sector(frame: pd.DataFrame, key: str) -> pd.Series:
        exploded = frame.assign(sector=frame["sectors"].str.split(";")).explode("sector")
        return exploded.groupby("sector")[key].nunique()

    claims = tables["claims"]
    out = tables["sectors"][["sector_id", "label"]].set_index("sector_id")
    out["claims"] = per_sector(claims, "claim_id")
    out["sources"] = per_sector(claims, "source_id")
    out["initiatives"] = per_sector(tables["initiatives"], "initiative_id")
    return out.fillna(0).astype({"claims": int, "sources": int, "initiatives": int}).reset_index()


def write_tables(
    tables: dict[str, pd.DataFrame], out_dir: Path, inputs: dict[str, str]
) -> list[Path]:
    """Publish the tables and a manifest of their inputs to `out_dir`, all at once."""
    with staged_dir(out_dir) as staging:
        for name, frame in tables.items():
            frame.to_csv(staging / f"{name}.csv", index=False, lineterminator="\n")
        manifest = {
            "inputs": inputs,
            "tables": {name: len(frame) for name, frame in tables.items()},
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        package = json.dumps(datapackage(tables), indent=2, ensure_ascii=False)
        (staging / "datapackage.json").write_text(package + "\n", encoding="utf-8")
    return [Path(out_dir) / f"{name}.csv" for name in tables]


def curate_to_processed(data_dir=None, out_dir: Path | None = None) -> Curation:
    """The whole curate step: check everything, then publish the tables (make data)."""
    paths = DataPaths.at(data_dir)
    result = curate(paths.root)
    write_tables(result.tables, out_dir or paths.processed, input_hashes(paths))
    return result


def load_tables(data_dir=None) -> dict[str, pd.DataFrame]:
    """The processed tables written by the curate step (strings; empty cells → NaN)."""
    folder = DataPaths.at(data_dir).processed
    missing = [t for t in TABLES if not (folder / f"{t}.csv").is_file()]
    if missing:
        raise FileNotFoundError(
            f"processed tables missing in {folder}: {', '.join(missing)} (run 'make data')"
        )
    tables = {}
    for name in TABLES:
        frame = pd.read_csv(
            folder / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""]
        )
        tables[name] = typed(name, frame)
    return tables
