"""Which inputs the processed tables were built from, checked without loading them.

Light on purpose (no pandas): `make report` asks "are the tables current?" and reads
the parameter check's ids before anything heavy is imported, so the memo's kernel can
start at once.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path

from ijmemo.core.kept import code_fingerprint
from ijmemo.core.paths import DataPaths, entries_in, is_file
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
        self.read_elsewhere = False  # a file asked for that was not hashed, or taken twice

    def take(self, key: str) -> tuple[bytes, str] | None:
        """The bytes hashed for input `key` and their sha256, handed over once (None: not
        kept, or taken already: the caller reads the file itself)."""
        content = self.read.pop(key, None)
        if content is None:
            self.read_elsewhere = True
            return None
        return content, self[key]

    def read_exactly(self, paths: DataPaths) -> bool:
        """Did curating read only the bytes hashed (no file asked for twice or besides
        them), and are the inputs still those files (none added or removed meanwhile)?
        Then its tables are what any curating of these inputs gives: the manifest names
        them."""
        return not self.read_elsewhere and list(self) == input_files(paths)

    def let_go(self) -> None:
        """Drop the bytes not taken (at 100,000 claims the inputs are 100 MB)."""
        self.read.clear()


def input_hashes(paths: DataPaths, keep_read: bool = False) -> InputFiles:
    """sha256 of every input of the curate step, keyed by path relative to the data dir
    (`keep_read`: with the bytes hashed, when the caller may curate from them)."""
    hashes, read = {}, {}
    root = os.fspath(paths.root)
    for key in input_files(paths):
        with open(os.path.join(root, key), "rb") as fh:
            content = fh.read()
        hashes[key] = hashlib.sha256(content).hexdigest()
        if keep_read:
            read[key] = content
    return InputFiles(hashes, read)


def input_files(paths: DataPaths) -> list[str]:
    """Every input of the curate step, by its path relative to the data dir (the same
    however the folder is spelt), in path order: the sources folder's files, the curated
    YAML and the claims files. Listed with `os.scandir`: at 15,000 files pathlib's glob,
    sort and stat cost 0.2 s, and `make report` lists them before anything starts."""
    keys = []
    for folder, suffix in ((paths.sources, ""), (paths.curated, ".yaml"), (paths.claims, ".yaml")):
        under = folder.relative_to(paths.root).as_posix()
        keys += [f"{under}/{e.name}" for e in entries_in(folder, suffix) if is_file(e)]
    return sorted(keys, key=lambda key: key.split("/"))  # (as paths sort: part by part)


def write_manifest(folder: Path, inputs: dict[str, str], rows: dict[str, int]) -> None:
    """The manifest: every input's sha256, each table's number of rows, and the code that
    checked and wrote them (`code_fingerprint`)."""
    manifest = {"code": code_fingerprint(), "inputs": inputs, "tables": rows}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def processed_is_current(paths: DataPaths, hashes: dict[str, str] | None = None) -> bool:
    """Were the processed tables written from exactly the current inputs, by this code?
    (Tables written by other code are checked again: a new or changed rule applies to
    data that did not change.)

    `hashes`: the inputs' `input_hashes`, when the caller has just computed them."""
    manifest = paths.processed / MANIFEST
    if not manifest.is_file() or any(not (paths.processed / f"{t}.csv").is_file() for t in TABLES):
        return False
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return False
    if not isinstance(recorded, dict) or recorded.get("code") != code_fingerprint():
        return False
    return recorded.get("inputs") == (input_hashes(paths) if hashes is None else hashes)


def processed_column(paths: DataPaths, table: str, column: str) -> list[str]:
    """One column of a processed table, read with the csv module (no pandas)."""
    with (paths.processed / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh)]
