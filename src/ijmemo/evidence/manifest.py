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


class InputFiles(dict):
    """`input_hashes`: each input's sha256 by its path relative to the data folder; with
    `read`, the bytes hashed by the same key, for the curate step to check exactly those
    (what the manifest then records is what was curated, and no input is read or hashed
    twice). Curating `take`s each once; whoever is done with them calls `let_go`."""

    def __init__(self, hashes: dict[str, str], read: dict[str, bytes]) -> None:
        super().__init__(hashes)
        self.read = read

    def take(self, key: str) -> tuple[bytes, str] | None:
        """The bytes hashed for input `key` and their sha256, handed over once (None: not
        kept, or taken already)."""
        content = self.read.pop(key, None)
        return None if content is None else (content, self[key])

    def let_go(self) -> None:
        """Drop the bytes not taken (at 100,000 claims the inputs are 100 MB)."""
        self.read.clear()


def input_hashes(paths: DataPaths, keep_read: bool = False) -> InputFiles:
    """sha256 of every input of the curate step, keyed by path relative to the data dir
    (`keep_read`: with the bytes hashed, when the caller may curate from them)."""
    files = sorted(
        [*paths.sources.glob("*"), *paths.curated.glob("*.yaml"), *paths.claims.glob("*.yaml")]
    )
    hashes, read = {}, {}
    for f in files:
        if not f.is_file():
            continue
        content = f.read_bytes()
        key = str(f.relative_to(paths.root))  # (the same however the folder is spelt)
        hashes[key] = hashlib.sha256(content).hexdigest()
        if keep_read:
            read[key] = content
    return InputFiles(hashes, read)


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
