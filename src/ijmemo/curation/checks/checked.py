"""What the checks derive on the way, which the tables need: quote offsets, date windows,
each source's lower bound and syndication group, and when a source became known."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ijmemo.curation.load import CuratedData
from ijmemo.text.dates import DateWindow
from ijmemo.text.quotes import QuoteMatch


@dataclass
class Checked:
    """What the cross-record checks derive: quote offsets and date windows."""

    quote_matches: dict[str, QuoteMatch] = field(default_factory=dict)
    claim_dates: dict[str, DateWindow] = field(default_factory=dict)
    event_dates: dict[str, DateWindow] = field(default_factory=dict)
    not_before: dict[str, date] = field(default_factory=dict)  # source -> lower bound
    syndication: dict[str, str] = field(default_factory=dict)  # source -> group (first member)
    # actors no quote citing them names any more (renamed?): reported once, on the actor
    unnamed_actors: set[str] = field(default_factory=set)


def known_from(data: CuratedData, checked: Checked, source_id: str) -> str | None:
    """The first edition date that may use a source (None: undated, no lower bound)."""
    window = data.published.get(source_id)
    if window is not None and window.known:
        return window.end.isoformat()  # a month-precise date is certain only at its end
    bound = checked.not_before.get(source_id)
    return bound.isoformat() if bound else None
