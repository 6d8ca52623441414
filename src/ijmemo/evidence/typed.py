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
    frame = frame[columns(name)].reset_index(drop=True).astype(object)
    frame = frame.where(frame.notna(), None)
    for column in integer_columns(name):
        frame[column] = frame[column].astype("Int64")
    return frame
