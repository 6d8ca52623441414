"""Datelines as wire copy and newspapers print them, and the day each gives."""

from __future__ import annotations

from datetime import date

import pytest

from ijmemo.intake.datelines import dateline_date, find_dateline


@pytest.mark.parametrize(
    ("line", "text", "agency", "day"),
    [
        (
            "New Delhi, June 20 (PTI) India and Japan have",
            "New Delhi, June 20 (PTI)",
            "PTI",
            date(2026, 6, 20),
        ),
        (
            "TOKYO, Feb. 13 (Kyodo) -- Japan and India",
            "TOKYO, Feb. 13 (Kyodo)",
            "Kyodo",
            date(2026, 2, 13),
        ),
        ("Tokyo, March 20, 2026: Officials from", "Tokyo, March 20, 2026", None, date(2026, 3, 20)),
        (
            "Mumbai, 3 March (Reuters) - India said",
            "Mumbai, 3 March (Reuters)",
            "Reuters",
            date(2026, 3, 3),
        ),
        ("New Delhi, Friday: The two sides", "New Delhi, Friday", None, date(2026, 6, 19)),
        ("NEW DELHI: The two sides", "NEW DELHI", None, None),
    ],
)
def test_datelines(line, text, agency, day):
    found = find_dateline(line)
    assert (found.text, found.agency) == (text, agency)
    assert dateline_date(found, date(2026, 6, 21)) == day


@pytest.mark.parametrize(
    "line",
    [
        "Japan, India hold first critical minerals meeting",
        "India and Japan have postponed the dialogue.",
        "Foreign Minister Toshimitsu Motegi said the talks went well.",
        # a dash joining two names, not a dateline's
        "The Mumbai–Ahmedabad corridor, spanning 508 km, has reached milestones.",
    ],
)
def test_sentences_are_not_datelines(line):
    assert find_dateline(line) is None


def test_a_year_less_dateline_of_an_undated_source_gives_no_day():
    assert dateline_date(find_dateline("TOKYO, Feb. 13 (Kyodo) -- Japan"), None) is None


@pytest.mark.parametrize(
    ("line", "published", "day"),
    [
        # agency copy filed on New Year's Eve, published on 2 January
        ("NEW DELHI, Dec 31 (PTI) India and Japan", date(2027, 1, 2), date(2026, 12, 31)),
        ("TOKYO, Dec. 30 (Kyodo) -- Japan", date(2027, 1, 1), date(2026, 12, 30)),
        # a Tokyo dateline a day ahead of a New York publication date is that day
        ("TOKYO, Jan. 3 (Kyodo) -- Japan", date(2027, 1, 2), date(2027, 1, 3)),
        # a dateline is never after its publication, however far back that puts it
        ("NEW DELHI, Nov 30 (PTI) India and Japan", date(2026, 3, 5), date(2025, 11, 30)),
        # a printed year is kept as printed
        ("NEW DELHI, Dec 31, 2027 (PTI) India", date(2027, 1, 2), date(2027, 12, 31)),
    ],
)
def test_a_dateline_is_never_after_its_publication(line, published, day):
    assert dateline_date(find_dateline(line), published) == day


def test_an_ani_dateline_names_the_country_in_brackets():
    found = find_dateline("Tokyo [Japan], February 24 (ANI): Japan and India agreed")
    assert (found.text, found.place, found.when, found.agency) == (
        "Tokyo [Japan], February 24 (ANI)",
        "Tokyo",
        "February 24",
        "ANI",
    )
    assert dateline_date(found, date(2026, 2, 25)) == date(2026, 2, 24)


def test_a_dateline_with_a_weekday_and_its_date_gives_the_date():
    # published on Friday 27 February: "Tuesday" alone would also be the 24th, but printed
    # with its date the date stands even where the weekday would resolve to another day
    found = find_dateline("NEW DELHI, Tuesday, Feb 24 (PTI) India and Japan")
    assert (found.when, found.agency) == ("Tuesday, Feb 24", "PTI")
    assert dateline_date(found, date(2026, 2, 27)) == date(2026, 2, 24)
    assert dateline_date(found, date(2026, 3, 10)) == date(2026, 2, 24)


def test_a_weekday_dateline_is_the_last_such_day_before_publication():
    found = find_dateline("TOKYO, Tuesday (Kyodo) -- Japan and India")
    assert dateline_date(found, date(2026, 2, 27)) == date(2026, 2, 24)


def test_a_spaced_dash_joining_two_names_is_no_dateline():
    from ijmemo.intake.datelines import find_dateline

    assert find_dateline("Mumbai – Ahmedabad bullet train project crossed a milestone.") is None
    assert find_dateline("India – Japan ties are on an upward trajectory.") is None
    assert find_dateline("Tokyo — The two sides met on Friday.").place == "Tokyo"
    assert find_dateline("Tokyo – Japan and India agreed to meet.").place == "Tokyo"
