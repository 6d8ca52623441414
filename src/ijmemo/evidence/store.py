"""The processed tables in data/processed/: published all at once, read back typed.

The curate step writes every table as CSV with its data package and a manifest of the
inputs it was built from (`manifest.py` owns that file); the memo and the notebooks
read them back with each column's type (`tabulate.typed`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path

import pandas as pd

from ijmemo.core.atomic import staged_dir
from ijmemo.core.paths import DataPaths
from ijmemo.evidence.manifest import write_manifest
from ijmemo.evidence.typed import typed
from ijmemo.metadata.datapackage import write_tables
from ijmemo.metadata.tables import TABLES


def write_processed(
    tables: dict[str, pd.DataFrame], out_dir: Path, inputs: dict[str, str]
) -> list[Path]:
    """Publish the tables and a manifest of their inputs to `out_dir`, all at once."""
    with staged_dir(out_dir) as staging:
        write_tables(tables, staging)
        write_manifest(staging, inputs, {name: len(frame) for name, frame in tables.items()})
    return [Path(out_dir) / f"{name}.csv" for name in tables]


def load_processed(data_dir=None) -> dict[str, pd.DataFrame]:
    """The processed tables written by the curate step, typed (`typed`: text, whole
    numbers as Int64, an empty cell None)."""
    folder = DataPaths.at(data_dir).processed
    missing = [t for t in TABLES if not (folder / f"{t}.csv").is_file()]
    if missing:
        raise FileNotFoundError(
            f"processed tables missing in {folder}: {', '.join(missing)} (run 'make data')"
        )
    return {name: load_processed_table(data_dir, name) for name in TABLES}


def load_processed_table(data_dir, name: str) -> pd.DataFrame:
    """One processed table, typed as `load_processed` gives it."""
    path = DataPaths.at(data_dir).processed / f"{name}.csv"
    return typed(name, pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""]))


class ProcessedTables(Mapping):
    """`load_processed(data_dir)`, read the first time a table is asked for.

    A notebook that reuses the processed tables often needs only the evidence as of its
    edition's date, kept apart (`known_kept`): at 100,000 claims, reading every table
    first would cost it most of a second for nothing."""

    def __init__(self, data_dir=None) -> None:
        self._data_dir = data_dir

    @cached_property
    def _tables(self) -> dict[str, pd.DataFrame]:
        return load_processed(self._data_dir)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)
