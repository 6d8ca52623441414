"""Each date in a sentence with its role and window, as reporting writes them."""

from __future__ import annotations

from datetime import date

from ijmemo.intake.date_roles import claim_date, dates_with_roles
from ijmemo.text.dates import parse_date

FRIDAY = date(2026, 3, 20)  # "Tokyo, March 20, 2026:"


def roles(sentence, reference=FRIDAY):
    return [
        (d.phrase, d.role, str(d.window.start), str(d.window.end))
        for d in dates_with_roles(sentence, reference)
    ]


def test_a_weekday_is_the_most_recent_such_day_on_or_before_the_dateline():
    assert roles("Officials held the first meeting in Tokyo on Wednesday.") == [
        ("Wednesday", "happened", "2026-03-18", "2026-03-18")
    ]
    assert roles("The talks took place on Friday.")[0][2] == "2026-03-20"


def test_by_a_month_is_a_deadline_window_ending_that_month():
    assert roles("The first meeting is scheduled to be held by March.", date(2026, 2, 10)) == [
        ("by March", "due-by", "2026-02-10", "2026-03-31")
    ]
    window = parse_date("by March", date(2026, 2, 10))
    assert (window.precision, window.end) == ("deadline", date(2026, 3, 31))


def test_a_postponement_keeps_where_it_moved_from_and_to_and_when_it_was_said():
    sentence = (
        "India and Japan have postponed the economic security dialogue, which was to be held in "
        "the first half of 2026, to September 2026, officials said on Saturday."
    )
    assert roles(sentence, date(2026, 6, 20)) == [
        ("the first half of 2026", "moved-from", "2026-01-01", "2026-06-30"),
        ("September 2026", "moved-to", "2026-09-01", "2026-09-30"),
        ("Saturday", "said-on", "2026-06-20", "2026-06-20"),
    ]
    chosen = claim_date(dates_with_roles(sentence, date(2026, 6, 20)), "postponed")
    assert chosen.phrase == "September 2026"


def test_postponed_to_a_bare_month_and_would_take_place():
    assert roles("The talks were put off to June.") == [
        ("June", "moved-to", "2026-06-01", "2026-06-30")
    ]
    assert roles("The dialogue would now take place in Tokyo in May 2026.")[0][1] == "due-in"


def test_two_dates_in_one_sentence_keep_their_own_roles():
    sentence = "The group, which first met on 25 February, will meet again in September."
    assert roles(sentence) == [
        ("25 February", "happened", "2026-02-25", "2026-02-25"),
        ("September", "due-in", "2026-09-01", "2026-09-30"),
    ]
    dated = dates_with_roles(sentence, FRIDAY)
    assert claim_date(dated, "new").phrase == "September"
    assert claim_date(dated, "met").phrase == "25 February"


def test_later_this_year_resolves_against_the_report():
    assert roles("The group will meet again later this year.") == [
        ("later this year", "due-in", "2026-03-20", "2026-12-31")
    ]


def test_without_a_reference_year_less_dates_stay_unknown():
    assert roles("The talks were held on Thursday.", None) == [
        ("Thursday", "happened", "None", "None")
    ]


def test_when_it_was_said_at_a_briefing_and_not_when_it_happened():
    said = [
        "Jaiswal told reporters at the weekly media briefing on Thursday that the talks are off.",
        "At a press conference Friday, the spokesman said the dialogue would resume.",
        "The minister, speaking at an event in New Delhi on Friday, called it a milestone.",
    ]
    for sentence in said:
        assert roles(sentence)[0][1] == "said-on", sentence
    # A reporting verb whose clause reports a meeting: the date is the meeting's.
    assert roles("Officials said the two sides met in Tokyo on Friday.")[0][1] == "happened"


def test_the_end_of_a_month_and_half_of_this_year():
    assert roles("The list is to be ready by the end of June, officials said.") == [
        ("by the end of June", "due-by", "2026-03-20", "2026-06-30")
    ]
    assert roles("The next round will be held in the second half of the year.") == [
        ("the second half of the year", "due-in", "2026-07-01", "2026-12-31")
    ]


def test_a_yearless_date_takes_the_year_its_tense_needs_around_new_year():
    # agency copy on 2 January about the last days of December, and on 30 December
    # about a meeting in January
    (met,) = dates_with_roles("The working group met on December 30.", date(2027, 1, 2))
    assert (met.role, met.window.start) == ("happened", date(2026, 12, 30))
    (due,) = dates_with_roles("The group will meet again in January.", date(2026, 12, 30))
    assert (due.role, due.window.start) == ("due-in", date(2027, 1, 1))
    # far from New Year nothing moves: "would be held in November" in March stays due
    (later,) = dates_with_roles(
        "Officials said the next round would be held in November.", date(2026, 3, 20)
    )
    assert (later.role, later.window.start) == ("due-in", date(2026, 11, 1))


def test_a_weekday_ahead_is_the_coming_one():
    # a report of Wednesday 14 January 2026
    (due,) = dates_with_roles("The two sides will meet on Friday.", date(2026, 1, 14))
    assert (due.role, due.window.start) == ("due-in", date(2026, 1, 16))
    (held,) = dates_with_roles("The two sides met on Friday.", date(2026, 1, 14))
    assert (held.role, held.window.start) == ("happened", date(2026, 1, 9))


def test_a_hedged_date_is_read_as_ahead():
    (could,) = dates_with_roles("The two sides could meet in January.", date(2026, 12, 30))
    assert (could.role, could.window.start) == ("due-in", date(2027, 1, 1))
