"""A table with its listed columns, in order, each with its type (`metadata/tables.py`).

Apart from `tabulate.py` so that what reads the processed tables (the memo's kernel)
does not import the curation layer that builds them.
"""

from __future__ import annotations

import pandas as pd

from ijmemo.metadata.tables import columns, integer_columns


def typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A table with its listed columns in order; integers Int64, any other missing cell None.

    The same whether derived in memory or read back from CSV, so a notebook shows
    the same table either way.
    """
    return typed_columns(name, frame[columns(name)])


def typed_columns(name: str, frame: pd.DataFrame, empty_is_missing: bool = False) -> pd.DataFrame:
    """The columns `frame` has of table `name`, typed as `typed` types them.
    `empty_is_missing`: an empty text is None too, as a CSV cell gives it back."""
    frame = frame.reset_index(drop=True).astype(object)
    frame = frame.where(frame.notna() & frame.ne("") if empty_is_missing else frame.notna(), None)
    for column in integer_columns(name):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame
