"""The memo's words for dates and windows: never stronger or more precise than the data."""

from __future__ import annotations


def test_a_deadline_reads_as_by_its_last_day():
    from ijmemo.memo.wording import window_text

    assert window_text("2026-02-10", "2026-03-31", "deadline") == "by 31 March 2026"
    assert window_text("2026-03-01", "2026-03-31", "month") == "March 2026"
