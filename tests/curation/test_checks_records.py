"""Rules across records: references, verbatim quotes, dates, support and provenance, each naming file, record and field."""

from __future__ import annotations

import pytest

from conftest import S000, S003, edit, edit_claims, only, problems_for


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
