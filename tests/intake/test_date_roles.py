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


def test_a_date_before_the_speakers_verb_is_when_it_was_said():
    said = [
        "Prime Minister Narendra Modi on Friday affirmed the two countries' commitment.",
        "Last month, India's Mines Minister G. Kishan Reddy said the pact was signed.",
        # a name ending in "-ed" is no verb between the date and the speaker
        "On Friday, Joint Secretary Farid Ahmed said the pact was signed.",
        "Ambassador Sibi George of the United Kingdom desk on Friday said the pact was signed.",
    ]
    for sentence in said:
        assert roles(sentence)[0][1] == "said-on", sentence
    # the event's verb comes first, or the act is the news: the date is the event's
    for sentence in [
        "The group met in Tokyo on Friday, officials said.",
        "India and Japan on Friday announced a set of new initiatives.",
        "The two sides met on Friday and said the talks went well.",
    ]:
        assert roles(sentence)[0][1] == "happened", sentence


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


# ---- the phrases added for news about India and Japan

MONDAY_23_FEB = date(2026, 2, 23)
THURSDAY_26_FEB = date(2026, 2, 26)


def test_a_weekday_printed_with_its_date_is_that_date_not_the_week_before():
    # under a Monday dateline "Tuesday" alone would be 17 February
    assert roles("The foreign ministers met on Tuesday, February 24 in Tokyo.", MONDAY_23_FEB) == [
        ("Tuesday, February 24", "happened", "2026-02-24", "2026-02-24")
    ]


def test_a_weekday_takes_the_date_its_sentence_prints_for_it():
    sentence = "The foreign ministers met on Tuesday; the February 24 talks ended with a statement."
    assert roles(sentence, MONDAY_23_FEB) == [
        ("Tuesday", "happened", "2026-02-24", "2026-02-24"),
        ("February 24", "happened", "2026-02-24", "2026-02-24"),
    ]


def test_a_weekday_keeps_its_own_day_when_the_printed_date_is_further_away():
    # a report of Thursday 5 March: "Tuesday" is 3 March, the 24 February round another one
    sentence = "The foreign ministers met on Tuesday, a week after the February 24 round."
    assert roles(sentence, date(2026, 3, 5))[0] == (
        "Tuesday",
        "happened",
        "2026-03-03",
        "2026-03-03",
    )


def test_an_expected_completion_window_is_due_not_happened():
    # the report's date lies inside the window: still a plan, not an event
    assert roles(
        "The tunnel is expected to be completed in the first half of 2026.", THURSDAY_26_FEB
    ) == [("the first half of 2026", "due-in", "2026-01-01", "2026-06-30")]


def test_a_window_that_will_be_held_in_is_due_not_happened():
    assert roles("The summit will be held in the first half of 2026.", THURSDAY_26_FEB) == [
        ("the first half of 2026", "due-in", "2026-01-01", "2026-06-30")
    ]


def test_an_expected_window_already_over_is_still_due():
    # an August report: the window has passed, the plan has not become an event
    assert roles(
        "The tunnel is expected to be completed in the first half of 2026.", date(2026, 8, 3)
    ) == [("the first half of 2026", "due-in", "2026-01-01", "2026-06-30")]


def test_a_window_that_opens_a_future_clause_is_due():
    assert roles(
        "In the first half of 2026, the two sides will hold their annual summit.", THURSDAY_26_FEB
    ) == [("the first half of 2026", "due-in", "2026-01-01", "2026-06-30")]
    assert roles("Later this year, the two navies will hold a joint drill.", THURSDAY_26_FEB) == [
        ("Later this year", "due-in", "2026-02-26", "2026-12-31")
    ]


def test_a_weekday_that_opens_a_future_clause_is_the_coming_one():
    (friday,) = dates_with_roles("On Friday, the two sides are expected to sign.", THURSDAY_26_FEB)
    assert (friday.role, friday.window.start) == ("due-in", date(2026, 2, 27))


def test_a_date_that_opens_a_past_clause_happened():
    assert roles("On Tuesday, the minister inaugurated a plant that will make chips.") == [
        ("Tuesday", "happened", "2026-03-17", "2026-03-17")
    ]


def test_a_date_inside_a_clause_does_not_take_the_tense_of_what_follows():
    sentence = "The forum, set up in January as a first step, will now meet each quarter."
    assert roles(sentence, THURSDAY_26_FEB) == [("January", "happened", "2026-01-01", "2026-01-31")]


def test_later_in_the_day_is_the_reports_own_day():
    assert roles("Motegi called on Modi later in the day.", THURSDAY_26_FEB) == [
        ("later in the day", "happened", "2026-02-26", "2026-02-26")
    ]
    assert roles("The minister will speak to reporters later in the day.", THURSDAY_26_FEB) == [
        ("later in the day", "due-in", "2026-02-26", "2026-02-26")
    ]


def test_since_a_month_is_when_a_state_began_not_a_due_date():
    assert roles("Talks on the deal have stalled since December.", THURSDAY_26_FEB) == [
        ("December", "happened", "2025-12-01", "2025-12-31")
    ]
    assert roles("Since December, the talks have been on hold.", THURSDAY_26_FEB) == [
        ("December", "happened", "2025-12-01", "2025-12-31")
    ]


def test_since_a_month_reaches_back_beyond_two_months():
    # a report of 5 March: "since September" is last September, not the one to come
    assert roles("The project has been on hold since September.", date(2026, 3, 5)) == [
        ("September", "happened", "2025-09-01", "2025-09-30")
    ]


def test_postponed_from_one_month_to_another_is_two_dates():
    assert roles("The talks were postponed from January to March.", THURSDAY_26_FEB) == [
        ("January", "moved-from", "2026-01-01", "2026-01-31"),
        ("March", "moved-to", "2026-03-01", "2026-03-31"),
    ]
    assert roles("The visit was pushed back from Feb 3 to Feb 10.", THURSDAY_26_FEB) == [
        ("Feb 3", "moved-from", "2026-02-03", "2026-02-03"),
        ("Feb 10", "moved-to", "2026-02-10", "2026-02-10"),
    ]


def test_a_range_from_one_day_to_another_is_one_window():
    assert roles("The trade fair will run from Feb 3 to Feb 5 in Osaka.", date(2026, 1, 20)) == [
        ("Feb 3 to Feb 5", "due-in", "2026-02-03", "2026-02-05")
    ]
    # a move elsewhere in the sentence does not split a range the event runs over
    assert roles("The fair, which runs from Feb 3 to Feb 5, was postponed.", date(2026, 1, 20)) == [
        ("Feb 3 to Feb 5", "moved-from", "2026-02-03", "2026-02-05")
    ]


def test_days_ago_happened_and_next_week_is_due():
    assert roles("The envoy arrived two days ago and will leave next week.", THURSDAY_26_FEB) == [
        ("two days ago", "happened", "2026-02-24", "2026-02-24"),
        ("next week", "due-in", "2026-03-02", "2026-03-08"),
    ]


def test_mid_april_and_early_next_year_are_due_windows():
    assert roles("The talks are planned for mid-April.", THURSDAY_26_FEB) == [
        ("mid-April", "due-in", "2026-04-11", "2026-04-20")
    ]
    assert roles("The plant will open early next year.", THURSDAY_26_FEB) == [
        ("early next year", "due-in", "2027-01-01", "2027-04-30")
    ]


def test_a_season_to_come_is_due():
    assert roles(
        "The coast guards will exercise this summer and again in spring 2027.", THURSDAY_26_FEB
    ) == [
        ("this summer", "due-in", "2026-06-01", "2026-08-31"),
        ("spring 2027", "due-in", "2027-03-01", "2027-05-31"),
    ]


def test_a_fiscal_year_target_is_due():
    assert roles("Bilateral trade is targeted to double by FY27.", THURSDAY_26_FEB) == [
        ("by FY27", "due-by", "2026-02-26", "2027-03-31")
    ]


def test_a_dotted_date_happened():
    assert roles("The memorandum was signed on 16.01.2026 in New Delhi.", THURSDAY_26_FEB) == [
        ("16.01.2026", "happened", "2026-01-16", "2026-01-16")
    ]


def test_a_name_that_holds_a_month_gives_no_date():
    sentence = "The Japan Agency for Marine-Earth Science and Technology signed the pact."
    assert dates_with_roles(sentence, THURSDAY_26_FEB) == []


def test_plan_and_target_as_nouns_are_no_future():
    from datetime import date

    from ijmemo.intake.date_roles import dates_with_roles

    ref = date(2025, 8, 30)
    (today,) = dates_with_roles("The two sides concluded an action plan on skills today.", ref)
    assert today.role == "happened"
    (friday,) = dates_with_roles(
        "Japan on Friday set an investment target of 10 trillion yen.", ref
    )
    assert friday.role == "happened"
    (may,) = dates_with_roles("Japan plans to hold the next round in May.", ref)
    assert may.role == "due-in"


def test_a_window_for_setting_something_up_is_due():
    from datetime import date

    from ijmemo.intake.date_roles import dates_with_roles

    sentence = "Both countries have decided to establish a working group on minerals in early 2026."
    (early,) = dates_with_roles(sentence, date(2026, 1, 17))
    assert early.role == "due-in"
