"""Statuses and milestones as changelogs on knowledge time, and where a milestone stands on a date."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from ijmemo.evidence.changelogs import milestone_state


@pytest.mark.parametrize(
    ("change", "start", "end", "as_of", "state"),
    [
        ("new", "2026-01-01", "2026-04-30", date(2025, 12, 31), "upcoming"),
        ("new", "2026-01-01", "2026-04-30", date(2026, 1, 1), "due now"),
        ("postponed", "2026-01-01", "2026-04-30", date(2026, 4, 30), "due now"),
        ("new", "2026-01-01", "2026-04-30", date(2026, 5, 1), "overdue"),
        ("met", "2026-01-01", "2026-04-30", date(2026, 5, 1), "met"),
        ("cancelled", "2026-01-01", "2026-04-30", date(2026, 5, 1), "cancelled"),
        ("new", None, None, date(2026, 5, 1), "no date reported"),
    ],
)
def test_milestone_state_against_the_edition_date(change, start, end, as_of, state):
    row = SimpleNamespace(
        change=change, due_start=start, due_end=end, met_start=None, met_text=None
    )
    assert milestone_state(row, as_of) == state
