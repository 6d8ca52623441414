"""Tables as files: CSV, described by a Frictionless data package (one writer for both).

Every column's type, description and allowed values come from `fields.py`, the one
place a column is defined; a table whose columns differ from its listing is refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ijmemo.metadata.csv_text import csv_chunks
from ijmemo.metadata.fields import enum, field
from ijmemo.metadata.tables import columns, spec

if TYPE_CHECKING:  # frames are only passed through: the build imports this before pandas
    import pandas as pd


def datapackage(tables: dict[str, pd.DataFrame]) -> dict:
    """A Frictionless data package descriptor for the processed CSV tables."""
    resources = []
    for name, frame in tables.items():
        if list(frame.columns) != columns(name):
            raise KeyError(f"table {name}: columns {list(frame.columns)} are not {columns(name)}")
        fields = [_field(name, c) for c in frame.columns]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": fields,
                    "primaryKey": spec(name)["key"],
                    "missingValues": [""],
                },
            }
        )
    return {
        "name": "india-japan-partnership-evidence",
        "title": "India–Japan partnership: curated, quote-verified claims and what they report",
        "description": "Tables behind the memo. Every claim quotes a named source verbatim; unknown source metadata is left empty.",
        "resources": resources,
    }


def _field(table: str, column: str) -> dict:
    """A column as the data package describes it: type, description, allowed values."""
    kind, text = field(table, column)
    described = {"name": column, "type": kind, "description": text}
    values = enum(table, column)
    if values:
        described["constraints"] = {"enum": list(values)}
    return described


def write_tables(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Each table as <name>.csv and the data package describing them, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        write_csv(frame, folder / f"{name}.csv")
    package = json.dumps(datapackage(tables), indent=2, ensure_ascii=False)
    (folder / "datapackage.json").write_text(package + "\n", encoding="utf-8")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """One table as CSV: UTF-8, no index, "\\n" line ends (the same bytes on any machine):
    the bytes `DataFrame.to_csv` writes (`csv_text`)."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.writelines(csv_chunks(frame))
