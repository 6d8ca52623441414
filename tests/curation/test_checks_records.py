"""Rules across records: references, verbatim quotes, dates, support and provenance, each naming file, record and field."""

from __future__ import annotations

import pytest

from conftest import S000, S003, edit, edit_claims, only, problems_for, row


def test_quote_not_in_source_names_the_source_and_shows_the_closest_passage(data_copy):
    edit_claims(
        data_copy,
        "will arrange a dialogue between",
        "will organise a dialogue between",
    )
    p = only(problems_for(data_copy), record="claim 'c003-03'", field="quote")
    assert p.file.endswith(f"curated/claims/{S003}.yaml") and p.line
    assert f"not found in source '{S003}'" in p.message
    assert "will arrange a dialogue between" in p.message  # the closest passage, as printed


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "  subject: regional-tensions",
            "  subject: no-such-topic",
            "subject",
            "unknown subject 'no-such-topic'",
        ),
        (
            "  subject: regional-tensions\n  sectors: [defence]",
            "  subject: regional-tensions\n  sectors: [space]",
            "sectors",
            "unknown sector 'space'",
        ),
        (
            "  countries: [TW, CN, JP]\n",
            "  countries: [TW, CN, JP]\n  actors: [xi]\n",
            "actors",
            "unknown actor 'xi'",
        ),
    ],
)
def test_claim_pointing_to_something_unknown(data_copy, old, new, field, message):
    edit_claims(data_copy, old, new)
    p = only(problems_for(data_copy), field=field, message=message)
    assert p.record.startswith("claim 'c000-")


def test_subject_id_shared_by_two_kinds_is_a_duplicate(data_copy):
    edit(data_copy / "curated/topics.yaml", "- id: de-risking", "- id: ai-dialogue")
    only(problems_for(data_copy), record="topic 'ai-dialogue'", field="id", message="also used by")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("date: early 2026", "date: early-ish 2026", "unrecognised date phrase"),
        ("date: first half of 2026", "date: 31 February 2026", "impossible date"),
        ("date: first half of 2026", "date: 17 to 15 January 2026", "ends"),
    ],
)
def test_bad_impossible_or_reversed_due_date(data_copy, old, new, message):
    edit_claims(data_copy, old, new)
    found = problems_for(data_copy)
    p = only(found, field="date", message=message)
    assert p.record in ("claim 'c003-04'", "claim 'c003-05'")


def test_claim_date_must_appear_in_its_quote(data_copy):
    edit_claims(data_copy, "  date: November 2025", "  date: December 2025")
    only(
        problems_for(data_copy),
        record="claim 'c000-13'",
        field="date",
        message="does not appear in the quote",
    )


def test_alias_that_no_source_uses_is_rejected(data_copy):
    edit_claims(
        data_copy,
        "alias: business-to-business dialogue",
        "alias: B2B forum",
    )
    only(
        problems_for(data_copy),
        record="claim 'c000-17'",
        field="alias",
        message="'B2B forum'",
    )


def test_lower_bound_later_than_what_the_source_reports_as_held(data_copy):
    edit(data_copy / f"sources/{S000}.yaml", 'date: "2026-01-16"', 'date: "2026-01-20"')
    p = only(problems_for(data_copy), record=f"source '{S000}'", field="not_before.date")
    assert "2026-01-20 is later than the first day (2026-01-16)" in p.message


def test_lower_bound_must_rest_on_the_sources_own_dated_claim(data_copy):
    edit(data_copy / f"sources/{S000}.yaml", "claim: c000-06", "claim: c003-02")
    p = only(problems_for(data_copy), record=f"source '{S000}'", field="not_before.claim")
    assert "quotes source '003_036b344da50153ed', not this one" in p.message
    edit(data_copy / f"sources/{S000}.yaml", "claim: c003-02", "claim: c000-03")
    p = only(problems_for(data_copy), record=f"source '{S000}'", field="not_before.claim")
    assert "no known date" in p.message


def test_a_dated_source_needs_no_lower_bound(data_copy):
    edit(data_copy / f"sources/{S000}.yaml", "published: null", 'published: "2026-01-17"')
    only(problems_for(data_copy), record=f"source '{S000}'", field="not_before")


def test_initiative_whose_status_no_claim_reports(data_copy):
    edit_claims(
        data_copy,
        "  status: being-implemented\n  alias: northeastern",
        "  alias: northeastern",
    )
    p = only(problems_for(data_copy), record="initiative 'northeast-development'")
    assert "no claim reports its status" in p.message


def test_status_only_on_claims_about_initiatives(data_copy):
    edit_claims(
        data_copy,
        "  subject: regional-tensions\n",
        "  subject: regional-tensions\n  status: agreed\n",
    )
    only(problems_for(data_copy), record="claim 'c000-03'", field="status", message="initiative")


def test_first_report_of_a_milestone_says_what_is_due(data_copy):
    edit_claims(
        data_copy,
        "    what: Meeting of the Joint Working Group on critical minerals\n",
        "",
    )
    p = only(problems_for(data_copy), record="claim 'c003-05'", field="milestone.what")
    assert "'jwg-meeting'" in p.message


def test_one_milestone_belongs_to_one_initiative(data_copy):
    edit_claims(data_copy, "id: private-sector-dialogue-first", "id: jwg-meeting")
    p = only(problems_for(data_copy), field="milestone.id")
    assert "belongs to" in p.message


def test_a_quote_cut_in_the_middle_of_a_word_is_refused(data_copy):
    edit_claims(
        data_copy,
        "    coherent push to engagement in this sector\n",
        "    coherent push to engagement in this sec\n",
    )
    p = only(problems_for(data_copy), record="claim 'c003-06'", field="quote")
    assert p.file.endswith(f"{S003}.yaml") and p.line
    assert "the quote starts or ends inside a word" in p.message
    assert "engagement in this sector" in p.message  # the closest passage, whole words


def test_an_actor_the_quote_does_not_name_is_refused_on_the_claim(data_copy):
    # Motegi was at the meeting, but these words are Jaishankar's alone
    edit_claims(
        data_copy,
        "  countries: [IN, JP]\n  actors: [jaishankar]\n\n- id: c003-16",
        "  countries: [IN, JP]\n  actors: [jaishankar, motegi]\n\n- id: c003-16",
    )
    p = only(problems_for(data_copy), record="claim 'c003-15'", field="actors")
    assert "actor 'motegi' is not named in the quote" in p.message
    assert "'Toshimitsu Motegi'" in p.message  # the names it looked for


def test_an_alias_that_no_longer_matches_the_quotes_is_refused_on_each_claim(data_copy):
    # "foreign ministry" is not the source's "foreign ministries"
    edit(
        data_copy / "curated/actors.yaml",
        "  aliases: [Japanese foreign ministry, foreign ministries]",
        "  aliases: [Japanese foreign ministry, foreign ministry]",
    )
    p = only(problems_for(data_copy), field="actors", message="'jp-foreign-ministry'")
    assert p.record == "claim 'c003-06'"


# ---- an event that came before another (ends_before)

EVENTS = "curated/events.yaml"
ENDS_BEFORE = "    event: strategic-dialogue-18\n    claim: c003-16"
MEETING = "event 'motegi-meets-modi'"


def ends_before(data_copy, event: str = "strategic-dialogue-18", claim: str = "c003-16"):
    """Point the shipped meeting's `ends_before` elsewhere; return the problems found."""
    edit(data_copy / EVENTS, ENDS_BEFORE, f"    event: {event}\n    claim: {claim}")
    return problems_for(data_copy)


def test_the_meeting_with_modi_ends_by_the_talks_it_came_before(shipped_tables):
    # "15 to 17 January" is the whole trip; "ahead of his talks with Jaishankar" (c003-16)
    # ends the meeting by the talks of 16 January
    e = row(shipped_tables["events"], "event_id", "motegi-meets-modi")
    assert (e.date_text, e.date_start, e.date_end, e.date_precision) == (
        "15 to 17 January",
        "2026-01-15",
        "2026-01-16",
        "day",
    )
    assert (e.ends_before, e.ends_before_claim) == ("strategic-dialogue-18", "c003-16")
    assert e.date_note == (
        "year taken from the source date 2026-01-16; ends by India–Japan Strategic "
        "Dialogue (Jaishankar–Motegi), 16 January 2026: c003-16"
    )
    visit = row(shipped_tables["events"], "event_id", "motegi-visit")
    assert (visit.date_end, visit.ends_before) == ("2026-01-17", None)  # the trip is whole


def test_ends_before_rests_on_a_quote_that_says_before(data_copy):
    # c000-15 is about the meeting, but says only that the trip "comprised" it
    p = only(ends_before(data_copy, claim="c000-15"), record=MEETING, field="ends_before.claim")
    assert p.file.endswith(EVENTS) and p.line
    assert "claim 'c000-15' does not say this event came before another" in p.message
    assert "'ahead of', 'before', 'prior to', 'preceding'" in p.message


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        ("c003-02", "claim 'c003-02' is about 'strategic-dialogue-18', not 'motegi-meets-modi'"),
        ("c003-99", "unknown claim 'c003-99'"),
    ],
)
def test_ends_before_claim_must_exist_and_be_about_the_event(data_copy, claim, message):
    p = only(ends_before(data_copy, claim=claim), record=MEETING, field="ends_before.claim")
    assert message in p.message


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ("no-such-event", "unknown event 'no-such-event'; known: china-dual-use-limits"),
        ("motegi-meets-modi", "an event cannot end before itself"),
        ("china-seafood-ban", "event 'china-seafood-ban' has no date for this one to end by"),
        (
            "g20-modi-takaichi",
            "event 'g20-modi-takaichi' begins by 2025-11-30, before this event's first day "
            "(2026-01-15), yet claim 'c003-16' says this one came first",
        ),
    ],
)
def test_ends_before_needs_a_known_later_event(data_copy, event, message):
    p = only(ends_before(data_copy, event=event), record=MEETING, field="ends_before.event")
    assert message in p.message


def test_two_events_that_each_end_before_the_other_are_refused(data_copy):
    edit(
        data_copy / EVENTS,
        "  date_claim: c003-02\n",
        "  date_claim: c003-02\n  ends_before:\n    event: motegi-meets-modi\n    claim: c003-02\n",
    )
    found = problems_for(data_copy)
    cycle = (
        "a cycle: 'motegi-meets-modi' ends before 'strategic-dialogue-18', which ends before "
        "'motegi-meets-modi'"
    )
    p = only(found, record=MEETING, field="ends_before.event")
    assert cycle in p.message
    only(found, record="event 'strategic-dialogue-18'", field="ends_before.event", message="cycle")


ANCHOR = (
    "  date_anchor:\n    source: 003_036b344da50153ed\n    why: >-\n"
    "      The meeting was part of the 15-17 January trip (source 000, undated); source 003,\n"
    "      dated 2026-01-16, reports that trip's strategic dialogue held on that day.\n"
)


def test_ends_before_narrows_only_a_known_date_of_the_event_itself(data_copy):
    # without its anchor "15 to 17 January" (undated source 000) has no year
    edit(data_copy / EVENTS, ANCHOR, "")
    p = only(problems_for(data_copy), record=MEETING, field="ends_before")
    assert "the event's date '15 to 17 January' is unknown" in p.message
    edit(data_copy / EVENTS, "  date: 15 to 17 January\n  date_claim: c000-15\n", "")
    p = only(problems_for(data_copy), record=MEETING, field="ends_before")
    assert "ends_before given without a date" in p.message


def test_ends_before_an_event_whose_date_is_unknown_is_refused(data_copy):
    edit(data_copy / EVENTS, ENDS_BEFORE, "    event: motegi-visit\n    claim: c003-16")
    edit(
        data_copy / EVENTS,
        "  date_anchor:\n    source: 003_036b344da50153ed\n    why: >-\n"
        "      Source 000 gives no year and is undated; source 003, dated 2026-01-16, reports\n"
        "      the strategic dialogue held during this visit on that day.\n",
        "",
    )
    p = only(problems_for(data_copy), record=MEETING, field="ends_before.event")
    assert "event 'motegi-visit' has no known date for this one to end by" in p.message


JWG_DUE = """  date: early 2026
  status: scheduled
  milestone:
    id: jwg-meeting
    change: new"""


def test_a_meeting_reported_held_needs_its_date(data_copy):
    edit_claims(
        data_copy, JWG_DUE, "  status: convened\n  milestone:\n    id: jwg-meeting\n    change: met"
    )
    p = only(problems_for(data_copy), record="claim 'c003-05'", field="date")
    assert "a meeting reported held needs the date it was held" in p.message


def test_a_meeting_held_by_others_than_the_lead_bodies_is_refused(data_copy):
    edit_claims(
        data_copy,
        "  actors: [in-foreign-secretary, jp-vice-minister]",
        "  actors: [in-foreign-secretary, motegi]",
    )
    edit_claims(
        data_copy,
        "  status: scheduled\n  milestone:\n    id: economic-security-dialogue-first",
        "  status: convened\n  milestone:\n    id: economic-security-dialogue-first",
    )
    p = only(problems_for(data_copy), record="claim 'c003-04'", message="the meeting names")
    assert p.field == "actors"
    assert "names Toshimitsu Motegi where 'economic-security-dialogue' is led by" in p.message


def test_a_claims_actors_typed_as_a_number_is_a_problem_not_a_crash(data_copy):
    # An analyst's hand edit: `actors: 5` where a list of ids belongs.
    edit_claims(data_copy, "actors: [jaishankar]", "actors: 5")
    problem = only(problems_for(data_copy), field="actors")
    assert "list" in problem.message


def test_an_actor_renamed_so_no_quote_names_it_is_one_problem_on_the_actor(data_copy):
    actors = data_copy / "curated/actors.yaml"
    edit(actors, "name: Toshihiro Kitamura", "name: Toshihiro Kitamoto")
    edit(actors, "aliases: [Kitamura]", "aliases: [Kitamoto]")
    found = problems_for(data_copy)
    p = only(found, record="actor 'kitamura'", field="name")
    assert p.file.endswith("curated/actors.yaml") and p.line
    assert "was it renamed?" in p.message and "'Kitamoto'" in p.message
    assert "c003-12" in p.message and "c003-19" in p.message  # the claims, listed under it
    assert len(found) == 1  # not a problem on every claim that cites or quotes the actor
