"""What a table cell holds: a missing value, or several values in one cell.

Multi-valued columns ('sectors', 'claim_ids', ...) hold their values in one cell joined by
LIST_SEPARATOR ("trade;security"); `split_cell` and `join_cell` are the only readers and
writers of that form. Light on purpose (no pandas): the command line reads it too.
"""

from __future__ import annotations

from collections.abc import Iterable

LIST_SEPARATOR = ";"


def is_missing(cell) -> bool:
    """A cell with no value, as a table holds it: None, NaN (after a merge) or pandas' NA
    (an empty integer cell)."""
    if cell is None:
        return True
    try:
        return bool(cell != cell)  # NaN is not equal to itself
    except TypeError:
        return True  # pandas' NA cannot even say whether it is equal to itself


def split_cell(cell) -> list[str]:
    """A multi-valued cell as a list ([] for an empty or missing cell)."""
    if is_missing(cell) or cell == "":
        return []
    return str(cell).split(LIST_SEPARATOR)


def join_cell(values: Iterable[str]) -> str:
    """A list as a multi-valued cell ("" for none)."""
    return LIST_SEPARATOR.join(values)
