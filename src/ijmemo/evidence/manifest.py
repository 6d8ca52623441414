"""Which inputs the processed tables were built from, checked without loading them.

Light on purpose (no pandas): `make report` asks "are the tables current?" and reads
the parameter check's ids before anything heavy is imported, so the memo's kernel can
start at once.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from ijmemo.core.paths import DataPaths
from ijmemo.metadata.tables import TABLES

MANIFEST = "manifest.json"  # which inputs the processed tables were built from


def input_hashes(paths: DataPaths) -> dict[str, str]:
    """sha256 of every input of the curate step, keyed by path relative to the data dir."""
    files = sorted(
        [*paths.sources.glob("*"), *paths.curated.glob("*.yaml"), *paths.claims.glob("*.yaml")]
    )
    return {
        str(f.relative_to(paths.root)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in files
        if f.is_file()
    }


def write_manifest(folder: Path, inputs: dict[str, str], rows: dict[str, int]) -> None:
    """The manifest: every input's sha256 and each table's number of rows."""
    manifest = {"inputs": inputs, "tables": rows}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def processed_is_current(paths: DataPaths, hashes: dict[str, str] | None = None) -> bool:
    """Were the processed tables written from exactly the current inputs?

    `hashes`: the inputs' `input_hashes`, when the caller has just computed them."""
    manifest = paths.processed / MANIFEST
    if not manifest.is_file() or any(not (paths.processed / f"{t}.csv").is_file() for t in TABLES):
        return False
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("inputs")
    except (json.JSONDecodeError, AttributeError):
        return False
    return recorded == (input_hashes(paths) if hashes is None else hashes)


def processed_column(paths: DataPaths, table: str, column: str) -> list[str]:
    """One column of a processed table, read with the csv module (no pandas)."""
    with (paths.processed / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh)]
