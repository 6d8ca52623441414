"""What a table cell holds: a missing value, or several values in one cell.

Multi-valued columns ('sectors', 'claim_ids', ...) hold their values in one cell joined by
LIST_SEPARATOR ("trade;security"); `split_cell` and `join_cell` are the only readers and
writers of that form. Light on purpose (no pandas): the command line reads it too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

LIST_SEPARATOR = ";"


def is_missing(cell) -> bool:
    """A cell with no value, as a table holds it: None, or pandas' NaN (after a merge)."""
    return cell is None or (isinstance(cell, float) and math.isnan(cell))


def split_cell(cell) -> list[str]:
    """A multi-valued cell as a list ([] for an empty or missing cell)."""
    if is_missing(cell) or cell == "":
        return []
    return str(cell).split(LIST_SEPARATOR)


def join_cell(values: Iterable[str]) -> str:
    """A list as a multi-valued cell ("" for none)."""
    return LIST_SEPARATOR.join(values)
