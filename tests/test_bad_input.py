"""Each class of bad input is rejected with a message naming file, record and field."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ijmemo.core.problems import CurationError
from ijmemo.steps.curate import curate, review

from conftest import S000, S003, edit, edit_claims


def problems_for(data_dir):
    found = review(data_dir).problems
    assert found, "expected the data to be rejected"
    return found


def only(problems, **where):
    """The single problem matching every given attribute (substring match on each)."""
    hits = [p for p in problems if all(v in (getattr(p, k) or "") for k, v in where.items())]
    assert len(hits) == 1, f"expected one problem matching {where}, got:\n" + "\n".join(
        map(str, problems)
    )
    return hits[0]


def test_shipped_data_has_no_problems():
    assert review().problems == []


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


def test_claims_file_named_after_no_source_is_one_problem(data_copy):
    claims = data_copy / "curated/claims"
    (claims / f"{S000}.yaml").rename(claims / "999_nosuchsource.yaml")
    found = problems_for(data_copy)
    p = only(found, file="curated/claims/999_nosuchsource.yaml")
    assert "no source '999_nosuchsource'" in p.message
    # its claims are not then reported one by one, nor their subjects as unsupported
    assert not [q for q in found if q.record and q.record.startswith("claim 'c000-")]


def test_a_claim_never_names_its_source_the_file_does(data_copy):
    edit_claims(data_copy, "- id: c003-02\n", f"- id: c003-02\n  source: {S003}\n")
    p = only(problems_for(data_copy), record="claim 'c003-02'", field="source")
    assert "remove it" in p.message and p.file.endswith(f"{S003}.yaml") and p.line


def test_same_claim_id_in_two_sources_files(data_copy):
    edit_claims(data_copy, "- id: c003-02\n", "- id: c000-01\n")
    p = only(problems_for(data_copy), record="claim 'c000-01'", field="id")
    assert f"first in curated/claims/{S000}.yaml:" in p.message.replace("data/", "")


def test_duplicate_id(data_copy):
    edit_claims(data_copy, "- id: c000-02", "- id: c000-01")
    p = only(problems_for(data_copy), record="claim 'c000-01'", field="id", message="duplicate id")
    assert "first at line" in p.message


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


def test_unknown_status_lists_the_allowed_ones(data_copy):
    edit_claims(data_copy, "status: scheduled", "status: pending")
    p = only(problems_for(data_copy), record="claim 'c003-04'", field="status")
    assert "'pending'" in p.message and "'convened'" in p.message


def test_changed_source_text_fails_its_sha256(data_copy):
    with open(data_copy / f"sources/{S003}.txt", "a", encoding="utf-8") as fh:
        fh.write(" (edited)")
    p = only(problems_for(data_copy), record=f"source '{S003}'", field="sha256")
    assert p.file.endswith(f"sources/{S003}.yaml")
    assert "never edited" in p.message


def test_yaml_that_does_not_parse_reports_its_line(data_copy):
    edit(data_copy / "curated/events.yaml", "  kind: visit\n", "  kind: [visit\n")
    p = only(problems_for(data_copy), file="curated/events.yaml")
    assert "YAML does not parse" in p.message
    text = (data_copy / "curated/events.yaml").read_text().splitlines()
    assert p.line and "visit" in "".join(text[p.line - 3 : p.line + 1])


def test_duplicate_yaml_key_is_reported(data_copy):
    edit(
        data_copy / "curated/actors.yaml",
        "  name: Indian Navy\n",
        "  name: Indian Navy\n  name: Navy\n",
    )
    p = only(problems_for(data_copy), file="curated/actors.yaml")
    assert "duplicate key 'name'" in p.message and p.line


@pytest.mark.parametrize(
    ("file", "old", "new", "record", "field"),
    [
        (
            f"claims/{S000}.yaml",
            '  statement: "The article says Japan has a strong desire to start',
            "  statement: ''\n  x: The article says Japan has a strong desire to start",
            "claim 'c000-16'",
            "statement",
        ),
        (
            "initiatives.yaml",
            "  name: Japan–Italy cooperation on critical-mineral supply chains\n",
            "  name:\n",
            "initiative 'japan-italy-minerals'",
            "name",
        ),
        (
            "events.yaml",
            "  countries: [JP]\n",
            "  countries: []\n",
            "event 'seabed-rare-earths-expedition'",
            "countries",
        ),
    ],
)
def test_empty_required_field(data_copy, file, old, new, record, field):
    edit(data_copy / "curated" / file, old, new)
    p = only(problems_for(data_copy), record=record, field=field)
    assert "empty" in p.message


def test_misspelt_field_is_not_silently_ignored(data_copy):
    edit_claims(
        data_copy,
        "  note: Reported as launched",
        "  notes: Reported as launched",
    )
    only(
        problems_for(data_copy),
        record="claim 'c003-06'",
        field="notes",
        message="unknown field",
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


def test_all_problems_are_listed_at_once(data_copy):
    edit_claims(data_copy, "status: scheduled", "status: pending")
    edit_claims(
        data_copy,
        "  subject: regional-tensions",
        "  subject: no-such-topic",
    )
    edit_claims(data_copy, "launched an AI Dialogue", "launched the AI Dialogue")
    with pytest.raises(CurationError) as caught:
        curate(data_copy)
    fields = {p.field for p in caught.value.problems}
    assert {"status", "subject", "quote"} <= fields
    assert str(caught.value).startswith(f"{len(caught.value.problems)} problems in the input data")


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "ijmemo", *args], capture_output=True, text=True, check=False
    )


def test_cli_rejects_bad_data_and_leaves_the_last_good_tables_untouched(data_copy):
    good = run_cli("curate", "--data-dir", str(data_copy))
    assert good.returncode == 0, good.stderr
    processed = data_copy / "processed"
    before = {p.name: p.read_bytes() for p in processed.iterdir()}
    assert "claims.csv" in before

    edit_claims(data_copy, "status: scheduled", "status: pending")
    edit(
        data_copy / "curated/initiatives.yaml",
        "  parties: [JP, IT]",
        "  parties: [JP, XX]",
    )
    bad = run_cli("curate", "--data-dir", str(data_copy))
    assert bad.returncode == 1
    assert "2 problems" in bad.stderr
    assert f"curated/claims/{S003}.yaml" in bad.stderr and "field 'status'" in bad.stderr
    assert "curated/initiatives.yaml" in bad.stderr and "field 'parties'" in bad.stderr
    assert {p.name: p.read_bytes() for p in processed.iterdir()} == before
    assert sorted(p.name for p in data_copy.iterdir()) == [
        ".cache",  # parsed claims files by sha256 (derived, ignored by git)
        "curated",
        "processed",
        "sources",
    ]  # no debris


def test_validate_writes_nothing(data_copy):
    result = run_cli("validate", "--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert "40 quotes verified" in result.stdout or "quotes verified" in result.stdout
    assert not (data_copy / "processed").exists()


# ---- the timeline: when sources became known, statuses and milestones on claims


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


def test_lead_body_no_claim_names(data_copy):
    edit(
        data_copy / "curated/initiatives.yaml",
        "lead_bodies: [in-foreign-secretary, jp-vice-minister]",
        "lead_bodies: [in-foreign-secretary, jp-vice-minister, motegi]",
    )
    p = only(problems_for(data_copy), record="initiative 'economic-security-dialogue'")
    assert p.field == "lead_bodies" and "'motegi'" in p.message


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


def test_a_file_that_does_not_parse_is_reported_once_and_its_dependents_wait(data_copy):
    edit(data_copy / "curated/initiatives.yaml", "\n- id:", "\n\t- id:")
    found = problems_for(data_copy)
    assert len(found) == 2, "\n".join(map(str, found))  # not one line per dependent record
    parse = only(found, file="curated/initiatives.yaml")
    assert "does not parse (column 1)" in parse.message and parse.line
    skipped = only(found, message="cross-record checks")
    assert "skipped until" in skipped.message and "initiatives.yaml" in skipped.message


def test_a_date_from_the_clause_about_another_initiative_is_refused(data_copy):
    # the source's sentence: "The two sides agreed to organise a meeting of a joint working
    # group on critical minerals in early 2026 ..., and they also launched an AI Dialogue ..."
    edit_claims(
        data_copy,
        "  quote: >-\n    they also launched an AI Dialogue",
        "  quote: >-\n    The two sides agreed to organise a meeting of a joint working group on "
        "critical minerals in\n    early 2026 to take forward cooperation on rare earth elements, "
        "and they also launched an AI Dialogue",
    )
    edit_claims(
        data_copy,
        "  status: agreed\n  alias: AI Dialogue",
        "  status: agreed\n  date: early 2026\n  alias: AI Dialogue",
    )
    p = only(problems_for(data_copy), record="claim 'c003-06'", field="date")
    assert p.file.endswith(f"curated/claims/{S003}.yaml")
    assert "date 'early 2026' belongs to the clause" in p.message
    assert "'jwg-critical-minerals', not 'ai-dialogue'" in p.message
    assert '"they also launched an AI Dialogue' in p.message  # where its own subject is named


def test_a_due_date_from_the_next_sentence_about_another_dialogue_is_refused(data_copy):
    edit_claims(
        data_copy,
        "critical minerals and\n    energy.\n",
        "critical minerals and\n    energy. This will be followed by an economic security dialogue "
        "led by India’s foreign\n    secretary and a Japanese vice minister in the first half of "
        "2026\n",
    )
    edit_claims(
        data_copy,
        "  status: agreed\n  milestone:\n    id: private-sector-dialogue-first",
        "  status: agreed\n  date: first half of 2026\n  milestone:\n"
        "    id: private-sector-dialogue-first",
    )
    p = only(problems_for(data_copy), record="claim 'c003-03'", field="date")
    assert "due date 'first half of 2026' belongs to the clause" in p.message
    assert "'economic-security-dialogue', not 'private-sector-dialogue'" in p.message


def test_an_event_date_from_a_sentence_about_another_subject_is_refused(data_copy):
    edit_claims(
        data_copy,
        "    counterpart, Toshimitsu Motegi, took place on Friday.\n",
        "    counterpart, Toshimitsu Motegi, took place on Friday. (@DrSJaishankar) Under a "
        "bilateral\n    economic security initiative, the two sides will arrange a dialogue "
        "between the private\n    sectors of the two countries to identify challenges in "
        "critical minerals and energy.\n    This will be followed by an economic security "
        "dialogue led by India’s foreign secretary\n    and a Japanese vice minister in the "
        "first half of 2026\n",
    )
    edit(
        data_copy / "curated" / "events.yaml",
        "  date: Friday\n  date_claim: c003-02",
        "  date: first half of 2026\n  date_claim: c003-02",
    )
    p = only(problems_for(data_copy), record="event 'strategic-dialogue-18'", field="date")
    assert p.file.endswith("curated/events.yaml")
    assert "date 'first half of 2026' in claim 'c003-02' belongs to the clause" in p.message
    assert "'economic-security-dialogue', not 'strategic-dialogue-18'" in p.message


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


def test_an_unclosed_double_quote_is_reported_where_it_opens(data_copy):
    # the parser fails only at the next quote mark, a dozen lines further down
    path = edit_claims(
        data_copy,
        'new round of talks on economic security."\n',
        "new round of talks on economic security.\n",
    )
    p = only(problems_for(data_copy), message="does not parse")
    opened = path.read_text(encoding="utf-8").splitlines()[p.line - 1]
    assert opened.startswith('  statement: "The article says Japan has a strong desire')
    assert 'the " opened here is not closed (failed at line' in p.message
