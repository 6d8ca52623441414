"""The analyst's assessment an edition shows: the latest written on or before its date."""

from __future__ import annotations

from datetime import date

from ijmemo.memo.assessment import assessment_as_of, date_problems

SERIES = """<!-- a note to the analysts, never shown -->

## 2026-01-20

January's judgement.

January's reasoning.

## 2026-04-15

April's judgement,
over two lines.
"""


def test_an_edition_shows_the_latest_assessment_written_by_its_date():
    january = assessment_as_of(SERIES, date(2026, 3, 1))
    assert january.written == date(2026, 1, 20)
    assert (january.judgement, january.rest) == ("January's judgement.", "January's reasoning.")
    april = assessment_as_of(SERIES, date(2026, 7, 15))
    assert april.written == date(2026, 4, 15) and april.rest == ""
    assert april.judgement == "April's judgement,\nover two lines."
    assert assessment_as_of(SERIES, date(2026, 1, 19)) is None  # none written yet


def test_an_undated_file_is_one_assessment_of_unknown_date():
    found = assessment_as_of("Judgement.\n\nMore.\n", date(2026, 1, 20))
    assert (found.written, found.judgement, found.rest) == (None, "Judgement.", "More.")
    assert assessment_as_of("  \n", date(2026, 1, 20)) is None


def test_bad_or_repeated_dates_are_problems():
    text = "## 2026-02-30\n\nA.\n\n## 2026-01-20\n\nB.\n\n## 2026-01-20\n\nC.\n"
    assert date_problems(text) == [
        "the heading '## 2026-02-30' is not a day (YYYY-MM-DD)",
        "two assessments are dated 2026-01-20",
    ]
    assert date_problems(SERIES) == []
