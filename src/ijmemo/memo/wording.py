"""The memo's words for dates, windows, statuses and milestone states (no pandas logic).

Every phrase here keeps what the data says and no more: a window is never a day,
a deadline reads "by", a plan's date reads "(planned)".
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from markupsafe import Markup

from ijmemo.metadata.cells import is_missing
from ijmemo.metadata.vocabularies import MODALITIES, STATUS_LABELS

NO_STATUS = "Status not yet reported"
# A milestone's state in words a reader reads right: the window's own dates, never "due now".
WATCH_STATES = {
    "upcoming": "Window opens {start}",
    "due now": "Window open until {end}",
    "overdue": "Window closed {end}; no source since reports it held",
    "unchecked": "Window closed {end}; no source collected since {until}",
    "no date reported": "No date reported",
    "cancelled": "Cancelled",
}
# A milestone's state in a few words, for "what moved" (tracker.csv, the tracker table).
STATE_WORDS = {
    "upcoming": "window not yet open",
    "due now": "window open",
    "overdue": "window closed, not reported held",
    "unchecked": "window closed, nothing collected since",
    "no date reported": "no date reported",
    "met": "met",
    "cancelled": "cancelled",
}
# How an event's date or place reads when the claim giving it is not a report of fact:
# "15 January (planned)" keeps the modality of "will meet on 15 January".
FIRMNESS = {"agreed": "agreed", "planned": "planned", "wished": "proposed", "hedged": "possible"}
MODALITY_ORDER = list(MODALITIES)  # firmest first


def value(cell):
    """A table cell with pandas' missing value turned into None."""
    return None if is_missing(cell) else cell


def long_date(iso: str | date | None) -> str:
    if not iso:
        return "date not reported"
    d = iso if isinstance(iso, date) else date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def short_date(iso: str | date) -> str:
    """ "16 Jan 2026": for table cells."""
    d = iso if isinstance(iso, date) else date.fromisoformat(iso)
    return f"{d.day} {d:%b %Y}"


def window_text(start, end, precision) -> str:
    """A reported window in words; never pretends a window is a day."""
    if not start:
        return "date not reported"
    if start == end:
        return long_date(start)
    s, e = date.fromisoformat(start), date.fromisoformat(end)
    if precision == "deadline":
        return f"by {long_date(e)}"
    if precision == "month" and (s.year, s.month) == (e.year, e.month):
        return f"{s:%B %Y}"
    if precision == "day" and (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {e:%B %Y}"  # "15–17 January 2026"
    return f"{long_date(s)} – {long_date(e)}"


def status_label(status) -> str:
    return STATUS_LABELS[status] if value(status) else NO_STATUS


def state_label(row: dict) -> str:
    """A milestone's state in words: met on its date; a postponement before the state."""
    if row["state"] == "met":
        if row["met_start"]:
            return f"Met on {window_text(row['met_start'], row['met_end'], None)}"
        return "Met (date not reported)"
    label = WATCH_STATES[row["state"]].format(
        start=long_date(row["due_start"]),
        end=long_date(row["due_end"]),
        until=long_date(row.get("evidence_until")),
    )
    if row["moved_from"] and row["state"] != "cancelled":
        moved = f"Postponed from {row['moved_from']} to {row['due_text'] or 'no date'}"
        label = f"{moved}; {label[0].lower()}{label[1:]}"
    return label


def listed(items) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def merge_statements(statements: list[dict]) -> list[dict]:
    """One entry per statement text (several subjects may share one reading of a quote)."""
    cites: dict[str, list] = OrderedDict()
    for item in statements:
        seen = cites.setdefault(item["text"], [])
        if str(item["cite"]) not in map(str, seen):
            seen.append(item["cite"])
    return [{"text": text, "cite": Markup("").join(c)} for text, c in cites.items()]
