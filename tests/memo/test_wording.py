"""The memo's words for dates and windows: never stronger or more precise than the data."""

from __future__ import annotations


def test_a_deadline_reads_as_by_its_last_day():
    from ijmemo.memo.wording import window_text

    assert window_text("2026-02-10", "2026-03-31", "deadline") == "by 31 March 2026"
    assert window_text("2026-03-01", "2026-03-31", "month") == "March 2026"


def test_every_milestone_state_has_words_and_a_label():
    from ijmemo.memo.wording import STATE_WORDS, WATCH_STATES
    from ijmemo.metadata.vocabularies import MILESTONE_STATES

    assert set(STATE_WORDS) == set(MILESTONE_STATES)
    assert set(WATCH_STATES) == set(MILESTONE_STATES) - {"met"}  # met reads its own date


def test_lists_and_day_ranges_read_as_prose():
    from ijmemo.memo.wording import listed, window_text

    assert [listed([]), listed(["a"]), listed(["a", "b"]), listed("abc")] == [
        "",
        "a",
        "a and b",
        "a, b and c",
    ]
    assert window_text("2026-01-15", "2026-01-17", "day") == "15–17 January 2026"
    assert window_text("2026-01-30", "2026-02-02", "day") == "30 January 2026 – 2 February 2026"
