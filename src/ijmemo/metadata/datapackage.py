"""The data export: processed tables described by a Frictionless data package.

Every column's type and description comes from `fields.py`, the one place a
column is defined; a table whose columns differ from its listing is refused.
"""

from __future__ import annotations

import pandas as pd

from ijmemo.metadata.fields import TABLES, columns, field


def datapackage(tables: dict[str, pd.DataFrame]) -> dict:
    """A Frictionless data package descriptor for the processed CSV tables."""
    resources = []
    for name, frame in tables.items():
        if list(frame.columns) != columns(name):
            raise KeyError(f"table {name}: columns {list(frame.columns)} are not {columns(name)}")
        fields = [
            {"name": c, "type": field(name, c)[0], "description": field(name, c)[1]}
            for c in frame.columns
        ]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": fields,
                    "primaryKey": TABLES[name]["key"],
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
