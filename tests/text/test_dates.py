from datetime import date

import pytest

from ijmemo.text.dates import DateParseError, parse_date

FRIDAY_16_JAN_2026 = date(2026, 1, 16)


@pytest.mark.parametrize(
    ("phrase", "reference", "start", "end", "precision"),
    [
        ("early 2026", None, date(2026, 1, 1), date(2026, 4, 30), "part-year"),
        ("in early 2026", None, date(2026, 1, 1), date(2026, 4, 30), "part-year"),
        ("late 2025", None, date(2025, 9, 1), date(2025, 12, 31), "part-year"),
        ("first half of 2026", None, date(2026, 1, 1), date(2026, 6, 30), "half-year"),
        ("the second half of 2026", None, date(2026, 7, 1), date(2026, 12, 31), "half-year"),
        ("H1 2026", None, date(2026, 1, 1), date(2026, 6, 30), "half-year"),
        ("first quarter of 2026", None, date(2026, 1, 1), date(2026, 3, 31), "quarter"),
        ("Q4 2025", None, date(2025, 10, 1), date(2025, 12, 31), "quarter"),
        ("November 2025", None, date(2025, 11, 1), date(2025, 11, 30), "month"),
        ("February 2028", None, date(2028, 2, 1), date(2028, 2, 29), "month"),
        ("15 to 17 January 2026", None, date(2026, 1, 15), date(2026, 1, 17), "day"),
        ("15 to 17 January", FRIDAY_16_JAN_2026, date(2026, 1, 15), date(2026, 1, 17), "day"),
        ("from 15 to 17 January", FRIDAY_16_JAN_2026, date(2026, 1, 15), date(2026, 1, 17), "day"),
        ("15–17 January 2026", None, date(2026, 1, 15), date(2026, 1, 17), "day"),
        ("30 January to 2 February 2026", None, date(2026, 1, 30), date(2026, 2, 2), "day"),
        ("January 15, 2026", None, date(2026, 1, 15), date(2026, 1, 15), "day"),
        ("16 January 2026", None, date(2026, 1, 16), date(2026, 1, 16), "day"),
        ("2026-01-16", None, date(2026, 1, 16), date(2026, 1, 16), "day"),
        ("2026", None, date(2026, 1, 1), date(2026, 12, 31), "year"),
        ("Friday", FRIDAY_16_JAN_2026, date(2026, 1, 16), date(2026, 1, 16), "day"),
        ("on Friday", FRIDAY_16_JAN_2026, date(2026, 1, 16), date(2026, 1, 16), "day"),
        ("Wednesday", FRIDAY_16_JAN_2026, date(2026, 1, 14), date(2026, 1, 14), "day"),
        ("yesterday", FRIDAY_16_JAN_2026, date(2026, 1, 15), date(2026, 1, 15), "day"),
    ],
)
def test_phrase_becomes_its_window(phrase, reference, start, end, precision):
    window = parse_date(phrase, reference)
    assert (window.start, window.end, window.precision) == (start, end, precision)
    assert window.text == phrase  # the phrase is kept verbatim


@pytest.mark.parametrize(
    "phrase", ["early 2026", "first half of 2026", "November 2025", "15 to 17 January 2026"]
)
def test_a_window_is_never_collapsed_to_one_day(phrase):
    window = parse_date(phrase)
    assert window.end > window.start


@pytest.mark.parametrize("phrase", ["Friday", "15 to 17 January", "January", "yesterday"])
def test_relative_or_yearless_phrase_without_a_source_date_stays_unknown(phrase):
    window = parse_date(phrase, reference=None)
    assert (window.start, window.end, window.precision) == (None, None, "unknown")
    assert window.text == phrase
    assert window.note  # says why it is unknown


def test_yearless_phrase_takes_the_year_of_the_source_date():
    window = parse_date("November", date(2025, 12, 3))
    assert (window.start, window.end) == (date(2025, 11, 1), date(2025, 11, 30))
    assert "2025-12-03" in window.note


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("31 February 2026", "impossible date"),
        ("31 February", "impossible date"),  # caught even with no year to resolve against
        ("2026-13-01", "impossible date"),
        ("17 to 15 January 2026", "ends"),
        ("2026-01-17 to 2026-01-15", "ends"),
        ("sometime soon", "unrecognised"),
        ("early-ish 2026", "unrecognised"),
    ],
)
def test_bad_phrases_are_rejected(phrase, message):
    with pytest.raises(DateParseError, match=message):
        parse_date(phrase, FRIDAY_16_JAN_2026)


def test_no_phrase_is_unknown():
    assert parse_date(None).precision == "unknown"
    assert parse_date("  ").precision == "unknown"


@pytest.mark.parametrize(
    ("phrase", "reference", "tense", "start", "end"),
    [
        # "met on December 30" in a report of 2 January: the December before
        ("December 30", date(2027, 1, 2), "past", date(2026, 12, 30), date(2026, 12, 30)),
        # "will meet in January" in a report of 30 December: the January after
        ("January", date(2026, 12, 30), "future", date(2027, 1, 1), date(2027, 1, 31)),
        # "due in March" in a July report may be overdue: no move beyond New Year's reach
        ("March", date(2026, 7, 8), "future", date(2026, 3, 1), date(2026, 3, 31)),
        # what the year the source gives already fits, and printed years, stay
        ("December", date(2026, 7, 8), "future", date(2026, 12, 1), date(2026, 12, 31)),
        ("March", date(2026, 7, 8), "past", date(2026, 3, 1), date(2026, 3, 31)),
        ("March 2026", date(2026, 7, 8), "future", date(2026, 3, 1), date(2026, 3, 31)),
        ("December 30", date(2027, 1, 2), None, date(2027, 12, 30), date(2027, 12, 30)),
    ],
)
def test_a_yearless_date_is_read_in_its_reports_tense(phrase, reference, tense, start, end):
    from ijmemo.text.dates import in_tense

    window = in_tense(parse_date(phrase, reference), reference, tense)
    assert (window.start, window.end) == (start, end)
    if start.year != reference.year and "year" not in phrase:
        assert window.note.endswith(
            "held before the report" if tense == "past" else "due after the report"
        )


def test_a_deadline_named_by_a_month_is_ahead_across_new_year():
    by = parse_date("by January", date(2025, 12, 30))  # a report of 30 December
    assert (by.start, by.end) == (date(2025, 12, 30), date(2026, 1, 31))
    past = parse_date("by March", date(2026, 7, 8))  # far from New Year: a deadline gone by
    assert (past.start, past.end) == (date(2026, 3, 1), date(2026, 3, 31))
    assert past.note == "a deadline already past on the source date 2026-07-08"


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("28 December to 3 January", date(2026, 12, 28), date(2027, 1, 3)),
        ("December to January", date(2026, 12, 1), date(2027, 1, 31)),
        ("28 December to 3 January 2027", date(2026, 12, 28), date(2027, 1, 3)),
    ],
)
def test_a_range_over_new_year_runs_into_the_next_year(phrase, start, end):
    window = parse_date(phrase, date(2026, 12, 20))
    assert (window.start, window.end) == (start, end)
