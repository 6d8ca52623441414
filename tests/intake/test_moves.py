"""Status moves and milestone changes proposed from a sentence's words, within its modality."""

from __future__ import annotations

from datetime import date

import pytest

from ijmemo.intake.attribution import propose_modality
from ijmemo.intake.date_roles import dates_with_roles
from ijmemo.intake.moves import firm_modality, milestone_id, propose_move

REF = date(2026, 3, 20)


def move(sentence):
    modality = firm_modality(sentence, propose_modality(sentence))
    found = propose_move(sentence, dates_with_roles(sentence, REF), modality)
    return found.status, found.change


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Officials from both countries held the first meeting of the group in Tokyo on Wednesday.",
            ("convened", "met"),
        ),
        (
            "India and Japan have postponed the dialogue to September 2026, officials said.",
            ("scheduled", "postponed"),  # due again, in a reported window
        ),
        ("The group will meet again in the second half of 2026.", ("scheduled", "new")),
        (
            "The two sides agreed to organise a meeting of the group in early 2026.",
            ("scheduled", "new"),
        ),
        # a meeting to come with no window: agreed, not scheduled
        ("The group is expected to meet again, but no date was given.", ("agreed", "new")),
        ("The two sides will arrange a dialogue between their private sectors.", ("agreed", "new")),
        (
            "Officials said the next round would be held in New Delhi in November.",
            ("scheduled", "new"),
        ),
        (
            "The two countries plan to hold the next round in the second half of 2026.",
            ("scheduled", "new"),
        ),
        (
            "Japan is also financing bridge projects in the northeast, officials said.",
            ("being-implemented", None),
        ),
        # a participle set off by commas is background: the group was not convened here
        ("The working group, set up in January, discussed stockpiles with industry.", (None, None)),
        ("The meeting planned for May was called off, the ministry said.", (None, "cancelled")),
        ("Talks on the antenna transfer have stalled over export licences.", ("stalled", None)),
        ("The two sides launched an AI Dialogue on Friday.", ("agreed", None)),
        ("Construction of the viaduct began in Gujarat in January.", ("being-implemented", None)),
    ],
)
def test_moves_from_real_reporting(sentence, expected):
    assert move(sentence) == expected


def test_a_wish_or_a_hedge_never_proposes_agreement_or_a_meeting():
    assert move("Japan wants the group to meet in May.") == (None, None)
    assert move("The group could meet in May.") == (None, None)


def test_a_plan_to_postpone_is_not_done():
    assert firm_modality("The talks may be postponed to June.", "hedged") == "hedged"
    assert firm_modality("India and Japan have postponed the talks.", "planned") == "done"


def test_milestone_ids_reuse_the_open_one_and_name_new_ones():
    from ijmemo.text.dates import parse_date

    early = parse_date("early 2026", REF)
    open_jwg = [("jwg-meeting", early)]
    assert milestone_id("jwg", "met", open_jwg, {"jwg-meeting"}) == "jwg-meeting"
    # a re-report of the step due in early 2026 is the same step, not a new one
    assert milestone_id("jwg", "new", open_jwg, {"jwg-meeting"}, early) == "jwg-meeting"
    assert milestone_id("jwg", "new", open_jwg, {"jwg-meeting"}, None) == "jwg-meeting"
    # a step due in another window is a new one
    later = parse_date("second half of 2026", REF)
    assert milestone_id("jwg", "new", open_jwg, {"jwg-meeting"}, later) == "jwg-next-meeting"
    assert milestone_id("ai", "met", [], {"ai-meeting"}) == "ai-meeting-2"


def test_each_subject_takes_its_own_clause():
    from ijmemo.text.clauses import clause_around

    sentence = (
        "The two sides agreed to organise a meeting of the group in early 2026, "
        "and they also launched an AI Dialogue."
    )
    assert clause_around(sentence, sentence.index("AI Dialogue")) == (
        "they also launched an AI Dialogue."
    )
    assert clause_around(sentence, 5).endswith("in early 2026")


def test_a_postponement_without_a_new_window_reports_no_schedule():
    sentence = "India and Japan have postponed the dialogue, officials said."
    move = propose_move(sentence, dates_with_roles(sentence, None), "done")
    assert (move.status, move.change) == (None, "postponed")


@pytest.mark.parametrize(
    "sentence",
    [
        "Both sides agreed that the second round would be held in New Delhi in early 2027.",
        "The second round would be held in New Delhi in early 2027, the ministry said.",
    ],
)
def test_a_reported_would_is_a_plan_that_schedules_the_round(sentence):
    modality = propose_modality(sentence)
    assert modality != "hedged"
    move = propose_move(sentence, dates_with_roles(sentence, date(2026, 6, 5)), modality)
    assert (move.status, move.change) == ("scheduled", "new")


@pytest.mark.parametrize(
    "sentence",
    [
        "The two countries are already working on co-developing the naval antenna.",
        "The rail line is being funded mostly through low-interest yen loans.",
        "Construction of the corridor has been progressing steadily since 2021.",
    ],
)
def test_work_in_progress_is_being_implemented(sentence):
    move = propose_move(sentence, [], "done")
    assert move.status == "being-implemented", move


def test_a_history_set_off_by_commas_is_background():
    sentence = (
        "The dialogue, originally slated for May and later put off to September, reviewed "
        "cooperation in semiconductors."
    )
    move = propose_move(sentence, [], "done")
    assert move.change != "postponed" and move.status != "scheduled", move


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Both nations decided to establish a new AI dialogue.", ("agreed", None)),
        ("The two sides launched the first round of the dialogue in Tokyo.", ("convened", "met")),
        ("Two trainsets will arrive in early 2027, the ministry said.", ("scheduled", "new")),
        ("The entire journey will be completed in about two hours.", (None, None)),
    ],
)
def test_more_ways_news_reports_a_step(sentence, expected):
    move = propose_move(sentence, dates_with_roles(sentence, date(2026, 6, 5)), "done")
    assert (move.status, move.change) == expected, move


def test_sides_that_concurred_or_chalked_out_a_plan_agreed():
    assert propose_move("Both sides concurred on closer cooperation.", [], "agreed").status == (
        "agreed"
    )
    assert propose_move("We chalked out a roadmap for the coming years.", [], "done").status == (
        "agreed"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The signing of a memorandum last year opened the way for co-development.",
        "The two sides concluded an action plan on skilled workers.",
        "India and Japan have formalised the partnership.",
    ],
)
def test_an_agreement_named_as_a_noun_or_concluded_is_agreed(sentence):
    assert propose_move(sentence, [], "done").status == "agreed"


def test_talks_that_concluded_were_held():
    assert propose_move("The talks concluded in Tokyo on Friday.", [], "done").change == "met"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The station is being equipped with lifts and escalators.", ("being-implemented", None)),
        (
            "The firm is working with the Indian government to lay cables.",
            ("being-implemented", None),
        ),
        ("The first section will become operational in 2027.", ("scheduled", "new")),
        # an agreement with a year is scheduled only if it is to meet or launch something
        ("India and Japan agreed to boost student exchanges in 2027.", ("agreed", None)),
        ("India and Japan agreed to meet again in early 2027.", ("scheduled", "new")),
        # a delivery or an opening in a window is a step
        ("Japan will deliver two trains to India in early 2026.", ("scheduled", "new")),
        ("The first section should debut in August 2027.", ("scheduled", "new")),
        # "without delay" moves nothing
        ("They agreed that the new signalling would be installed without delay.", ("agreed", None)),
        # what happened where the instrument was signed is colour
        (
            "The ministries signed the memorandum during the visit, where the leaders met.",
            ("agreed", None),
        ),
    ],
)
def test_work_under_way_and_openings_due(sentence, expected):
    assert move(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a readout issued, a dialogue discussed or considered: no status move
        "Japan's foreign ministry issued a readout on the AI Dialogue on Friday.",
        "The bullet train project is being considered by the cabinet.",
        "The dialogue will resume without further delay, officials said.",
    ],
)
def test_no_move_where_nothing_moved(sentence):
    status, change = move(sentence)
    assert change is None
    assert status in (None, "agreed", "scheduled")  # never under way or postponed


def test_a_launch_greenlit_for_a_window_is_scheduled_and_due_then():
    sentence = (
        "The ministers greenlit the private-sector dialogue for launch in the first quarter"
        " of 2026."
    )
    assert move(sentence) == ("scheduled", "new")
    (when,) = dates_with_roles(sentence, REF)
    assert when.role == "due-in"


def test_an_aside_between_dashes_is_background():
    sentence = (
        "Trial runs of the E3 bullet train—slated to operate on the Mumbai-Ahmedabad corridor"
        "—had begun in Japan."
    )
    assert move(sentence) == ("being-implemented", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Phase 1 of the bullet train project is currently under implementation in Gujarat.",
        "The bullet train project is primarily funded through a soft loan from Japan.",
        "Under a 2012 agreement, IREL has been supplying rare earths to a Toyota unit.",
    ],
)
def test_work_reported_going_on_is_under_way(sentence):
    assert move(sentence)[0] == "being-implemented"


def test_a_history_in_a_which_clause_is_background():
    sentence = (
        "This edition marks the 10th anniversary of the exercise, which began in Japan in 2012."
    )
    assert move(sentence) == (None, None)


def test_a_signing_that_took_place_is_an_agreement_not_a_meeting():
    assert move("The signing of the UNICORN memorandum took place at the embassy in Tokyo.") == (
        "agreed",
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a change of course is no change of date
        (
            "The two governments decided to widen their hydrogen partnership as both economies"
            " shift toward cleaner fuels.",
            ("agreed", None),
        ),
        ("In 2018 the Diet ratified the civil nuclear pact with India.", ("agreed", None)),
        (
            "At the talks the two ministers decided to step up coast guard exchanges.",
            ("agreed", None),
        ),
        ("The ministers announced a fresh investment goal of two trillion yen.", ("agreed", None)),
        ("The maritime dialogue was initiated in 2021 to coordinate patrols.", ("agreed", None)),
        # an agreement concluded is no meeting held
        (
            "It was the first time Tokyo had concluded such an agreement with a non-NPT state.",
            ("agreed", None),
        ),
        # aiming at an agreement is not having one
        (
            "Tokyo and New Delhi are also working to agree on a shared export-control framework.",
            ("proposed", None),
        ),
        # "she'd like to" is a wish: what others "have established" does not make it agreed
        (
            "She'd like to deepen the security networks that earlier cabinets have established.",
            (None, None),
        ),
        # a history is no agreement reported
        ("The drill marks the 70th anniversary of the establishment of ties.", (None, None)),
        (
            "The corridor, planned after talks between the two leaders, is being built with a"
            " Japanese soft loan.",
            ("being-implemented", None),
        ),
        (
            "The foreign secretary also conducted the first round of the dialogue in Tokyo on"
            " Friday.",
            ("convened", "met"),
        ),
    ],
)
def test_more_ways_reports_word_agreements_work_and_rounds(sentence, expected):
    assert move(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a cost, an aim and a window given up are no step to come
        "The corridor, slated to cost about Rs 1 lakh crore, is funded by a Japanese loan.",
        "The objective of the project is to build a fast link between two western cities.",
        "The line was scheduled to be completed by 2022-end, but land disputes slowed it.",
    ],
)
def test_costs_aims_and_windows_given_up_are_no_new_step(sentence):
    assert move(sentence)[1] is None
