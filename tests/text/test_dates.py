from datetime import date

import pytest

from ijmemo.text.dates import DateParseError, parse_date

FRIDAY_16_JAN_2026 = date(2026, 1, 16)


@pytest.mark.parametrize(
    ("phrase", "reference", "start", "end", "precision"),
    [
        ("early 2026", None, date(2026, 1, 1), date(2026, 4, 30), "part-year"),
        ("the early 2030s", None, date(2030, 1, 1), date(2033, 12, 31), "year"),
        ("the 2030s", None, date(2030, 1, 1), date(2039, 12, 31), "year"),
        ("late 2030s", None, date(2037, 1, 1), date(2039, 12, 31), "year"),
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


# ---- the phrases added for news about India and Japan (a report of Thursday 26 February 2026)

THURSDAY_26_FEB_2026 = date(2026, 2, 26)


def window_of(phrase, reference=THURSDAY_26_FEB_2026):
    window = parse_date(phrase, reference)
    return window.start, window.end, window.precision


def test_later_in_the_day_is_the_reports_own_day():
    day = THURSDAY_26_FEB_2026
    assert window_of("later in the day") == (day, day, "day")
    assert window_of("Later in the day") == (day, day, "day")
    assert window_of("earlier today") == (day, day, "day")


def test_later_in_the_day_without_a_source_date_is_unknown():
    window = parse_date("later in the day", None)
    assert (window.start, window.precision) == (None, "unknown")
    assert "no source date" in window.note


@pytest.mark.parametrize(
    "phrase", ["FY27", "FY 27", "FY'27", "FY2027", "fiscal 2027", "fiscal year 2027"]
)
def test_a_fiscal_year_named_by_its_last_year_runs_april_to_march(phrase):
    # as India's press names it: FY27 is the year to March 2027
    window = parse_date(phrase, THURSDAY_26_FEB_2026)
    assert (window.start, window.end, window.precision) == (
        date(2026, 4, 1),
        date(2027, 3, 31),
        "year",
    )
    assert window.note == "the fiscal year ending in March 2027"


@pytest.mark.parametrize(
    "phrase", ["2026-27", "2026–27", "2026/27", "FY2026-27", "FY 2026-27", "fiscal year 2026-27"]
)
def test_a_fiscal_year_printed_with_both_years_runs_april_to_march(phrase):
    assert window_of(phrase, None) == (date(2026, 4, 1), date(2027, 3, 31), "year")


def test_a_japanese_fiscal_year_is_read_the_indian_way_and_the_note_says_so():
    # Japan names a fiscal year by the year it begins in (its fiscal 2026 starts in April
    # 2026); a bare "fiscal 2026" is read as the year ending in March 2026, and says so.
    window = parse_date("fiscal 2026", None)
    assert (window.start, window.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert window.note == "the fiscal year ending in March 2026"


def test_this_and_next_fiscal_count_from_the_fiscal_year_of_the_report():
    assert window_of("this fiscal") == (date(2025, 4, 1), date(2026, 3, 31), "year")
    assert window_of("next fiscal year") == (date(2026, 4, 1), date(2027, 3, 31), "year")
    # from 1 April the current fiscal year is the new one
    assert window_of("the current fiscal", date(2026, 4, 1))[:2] == (
        date(2026, 4, 1),
        date(2027, 3, 31),
    )


def test_a_span_of_two_fiscal_years_is_not_one_fiscal_year():
    with pytest.raises(DateParseError, match="not one fiscal year"):
        parse_date("2026-28")


def test_mid_april_is_the_middle_third_of_april():
    assert window_of("mid-April") == (date(2026, 4, 11), date(2026, 4, 20), "part-year")
    assert window_of("the middle of April") == (date(2026, 4, 11), date(2026, 4, 20), "part-year")


def test_early_and_late_in_a_month_end_with_the_month():
    assert window_of("early March") == (date(2026, 3, 1), date(2026, 3, 10), "part-year")
    assert window_of("late February") == (date(2026, 2, 21), date(2026, 2, 28), "part-year")
    assert window_of("late February 2028", None)[:2] == (date(2028, 2, 21), date(2028, 2, 29))


def test_early_next_year_is_the_first_third_of_next_year():
    assert window_of("early next year") == (date(2027, 1, 1), date(2027, 4, 30), "part-year")


def test_early_next_month_in_december_is_in_january():
    assert window_of("early next month", date(2026, 12, 10)) == (
        date(2027, 1, 1),
        date(2027, 1, 10),
        "part-year",
    )


def test_next_week_is_the_calendar_week_after_the_reports():
    # Monday 2 to Sunday 8 March
    assert window_of("next week") == (date(2026, 3, 2), date(2026, 3, 8), "part-year")
    assert window_of("last week") == (date(2026, 2, 16), date(2026, 2, 22), "part-year")


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("two days ago", date(2026, 2, 24)),
        ("Two days ago", date(2026, 2, 24)),
        ("3 days ago", date(2026, 2, 23)),
        ("ten days ago", date(2026, 2, 16)),
    ],
)
def test_n_days_ago_is_that_day(phrase, day):
    assert window_of(phrase) == (day, day, "day")


def test_a_week_ago_is_the_calendar_week_before():
    assert window_of("a week ago") == (date(2026, 2, 16), date(2026, 2, 22), "part-year")


def test_this_summer_is_the_coming_summer_in_a_february_report():
    assert window_of("this summer") == (date(2026, 6, 1), date(2026, 8, 31), "part-year")


def test_a_season_with_its_year():
    assert window_of("spring 2027", None) == (date(2027, 3, 1), date(2027, 5, 31), "part-year")
    assert window_of("the summer of 2026", None)[:2] == (date(2026, 6, 1), date(2026, 8, 31))


def test_winter_runs_into_the_next_year():
    assert window_of("winter 2026", None)[:2] == (date(2026, 12, 1), date(2027, 2, 28))
    # the winter a February report is written in began the December before
    assert window_of("this winter")[:2] == (date(2025, 12, 1), date(2026, 2, 28))
    assert window_of("next winter")[:2] == (date(2026, 12, 1), date(2027, 2, 28))


def test_a_dotted_date_is_day_month_year():
    assert window_of("16.01.2026", None) == (date(2026, 1, 16), date(2026, 1, 16), "day")
    assert window_of("6.1.2026", None)[:2] == (date(2026, 1, 6), date(2026, 1, 6))


def test_a_dotted_date_in_month_day_order_is_refused():
    with pytest.raises(DateParseError, match="impossible date"):
        parse_date("01.16.2026")


@pytest.mark.parametrize(
    "phrase",
    ["from Feb 3 to Feb 5", "Feb 3 to Feb 5", "Feb. 3 to Feb. 5", "between Feb 3 and Feb 5"],
)
def test_a_range_with_the_month_at_both_ends_is_one_window(phrase):
    assert window_of(phrase) == (date(2026, 2, 3), date(2026, 2, 5), "day")


@pytest.mark.parametrize(
    "phrase", ["Tuesday, February 24", "Tuesday (February 24)", "24 February (Tuesday)"]
)
def test_a_weekday_printed_with_its_date_is_that_date(phrase):
    # a Monday report: "Tuesday" alone would be 17 February, the week before
    assert window_of(phrase, date(2026, 2, 23)) == (date(2026, 2, 24), date(2026, 2, 24), "day")


def test_a_weekday_that_does_not_fit_its_date_keeps_the_date_and_notes_it():
    window = parse_date("Wednesday, February 24", THURSDAY_26_FEB_2026)
    assert (window.start, window.end) == (date(2026, 2, 24), date(2026, 2, 24))
    assert "printed as a Wednesday, but 2026-02-24 is a Tuesday" in window.note


def test_last_next_and_this_month_count_from_the_source_month():
    from datetime import date

    from ijmemo.text.dates import parse_date

    ref = date(2026, 1, 14)
    assert (parse_date("last November", ref).start, parse_date("last November", ref).end) == (
        date(2025, 11, 1),
        date(2025, 11, 30),
    )
    assert parse_date("last January", ref).start == date(2025, 1, 1)  # not this month
    assert parse_date("next March", ref).start == date(2026, 3, 1)
    assert parse_date("next January", ref).start == date(2027, 1, 1)


def test_a_month_of_last_year_is_that_month_a_year_before_the_source():
    from datetime import date

    from ijmemo.text.dates import parse_date

    window = parse_date("September last year", date(2025, 8, 30))
    assert (window.start, window.end) == (date(2024, 9, 1), date(2024, 9, 30))
