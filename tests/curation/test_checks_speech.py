"""Who said it and how firmly: each rule refuses the edit an analyst could get wrong.

Every case edits the shipped data the way a curator would and expects one problem
naming the file, the record and the field.
"""

from __future__ import annotations

import pytest

from conftest import S003, edit, edit_claims, only, problems_for

CLAIMS = "curated/claims/"  # the per-source file that holds the edited text

CASES = [
    pytest.param(
        CLAIMS,
        "  attribution: {by: kitamura, how: briefing, words: he said}",
        "  attribution: outlet",
        "c003-19",
        "attribution",
        "reported speech ('said')",
        id="speaker dropped from a 'he said' quote",
    ),
    pytest.param(
        CLAIMS,
        "  quote: &both-new Both are new initiatives, the officials said.\n  statement: Officials "
        "said the AI Dialogue and the meeting of the working group on critical minerals are both "
        "new initiatives.\n  attribution: {by: officials, how: said, words: the officials said}",
        "  quote: &both-new Both are new initiatives\n  statement: The AI Dialogue and the "
        "meeting of the working group on critical minerals are both new initiatives.\n"
        "  attribution: outlet",
        "c003-21",
        "attribution",
        "its sentence says 'the officials said'",
        id="a quote cut before its sentence's 'the officials said'",
    ),
    pytest.param(
        CLAIMS,
        "    Both sides “agreed to accelerate” the high-speed railway project, he said, noting that "
        "Japan\n    will provide the latest Shinkansen technology for the venture.\n  statement: "
        '"Kitamura said both sides “agreed to accelerate” the high-speed railway project and that '
        'Japan will provide the latest Shinkansen technology for it."\n  attribution: {by: '
        "kitamura, how: briefing, words: he said}",
        "    Both sides “agreed to accelerate” the high-speed railway project\n  statement: Both "
        "sides agreed to accelerate the high-speed railway project.\n  attribution: outlet",
        "c003-19",
        "attribution",
        "its sentence says 'he said'",
        id="a quote cut before its sentence's 'he said'",
    ),
    pytest.param(
        CLAIMS,
        "Jaishankar said the uncertain global situation makes it even more important to work "
        'closely towards shared strategic goals."\n  attribution: {by: jaishankar, how: said, '
        "words: Jaishankar said}",
        "Jaishankar said the uncertain global situation makes it even more important to work "
        'closely towards shared strategic goals."\n  attribution: outlet',
        "c003-20",
        "attribution",
        "a direct quotation",
        id="a direct quotation in the outlet's voice",
    ),
    pytest.param(
        CLAIMS,
        "  attribution: {by: officials, how: said, words: officials said}\n  modality: planned\n"
        "  subject: private-sector-dialogue",
        "  attribution: {by: officials, how: said, words: ministers said}\n  modality: planned\n"
        "  subject: private-sector-dialogue",
        "c003-03",
        "attribution.words",
        "neither in the quote nor in the sentence before or after it",
        id="attributing words the source does not have",
    ),
    pytest.param(
        CLAIMS,
        '  statement: "Kitamura said the Ahmedabad–Mumbai high-speed railway project also '
        'figured in the talks."',
        '  statement: "The Ahmedabad–Mumbai high-speed railway project also figured in the talks."',
        "c003-18",
        "statement",
        "drops the speaker",
        id="statement turns the spokesperson's words into fact",
    ),
    pytest.param(
        CLAIMS,
        "  modality: wished\n  subject: private-sector-dialogue",
        "  modality: wished\n  status: agreed\n  subject: private-sector-dialogue",
        "c000-17",
        "status",
        "cannot report status 'agreed'; it supports only: proposed",
        id="a wish reported as agreed",
    ),
    pytest.param(
        CLAIMS,
        "  modality: hedged\n  subject: us-engagement-quad",
        "  modality: done\n  subject: us-engagement-quad",
        None,
        None,
        None,
        id="a hedge read as done is the curator's call while the statement keeps 'could'",
    ),
    pytest.param(
        CLAIMS,
        '  statement: "Kitamura said cooperation under the Quad could be one way of ensuring the '
        'US remains engaged in the Indo-Pacific."',
        '  statement: "Kitamura said cooperation under the Quad will ensure the US remains '
        'engaged in the Indo-Pacific."',
        "c003-14",
        "statement",
        "the quote is hedged ('could') but the statement is not",
        id="the statement drops the quote's hedge",
    ),
    pytest.param(
        CLAIMS,
        '  statement: "Kitamura said the Ahmedabad–Mumbai high-speed railway project also '
        'figured in the talks."',
        '  statement: "The Ahmedabad–Mumbai high-speed railway project, which Kitamura has long '
        'backed, also figured in the talks."',
        "c003-18",
        "statement",
        "drops the speaker",
        id="the speaker named in the statement but not as the one who said it",
    ),
    pytest.param(
        CLAIMS,
        "  date: early 2026\n  status: scheduled",
        "  date: early 2026\n  framing: earlier\n  status: scheduled",
        "c003-05",
        "framing",
        "rests on no word of the quote",
        id="'earlier' read into a date that is not before the report",
    ),
    pytest.param(
        CLAIMS,
        "  modality: agreed\n  subject: jwg-critical-minerals\n  sectors: [critical-minerals]\n"
        "  countries: [IN, JP]\n  date: early 2026",
        "  modality: wished\n  subject: jwg-critical-minerals\n  sectors: [critical-minerals]\n"
        "  countries: [IN, JP]\n  date: early 2026",
        "c003-05",
        "modality",
        "needs the quote's own words for it (wants, desire, propose)",
        id="a wish the quote does not express",
    ),
    pytest.param(
        CLAIMS,
        "  attribution: {by: officials, how: said, words: officials said}\n  modality: planned\n"
        "  subject: economic-security-dialogue",
        "  attribution: {by: officials, how: said, words: officials said}\n  modality: hedged\n"
        "  subject: economic-security-dialogue",
        "c003-04",
        "milestone.change",
        "cannot report a milestone as 'new'",
        id="a hedged claim sets a milestone",
    ),
    pytest.param(
        CLAIMS,
        "  attribution: {by: officials, how: said, words: the officials said}\n  modality: done\n"
        "  framing: new\n  subject: ai-dialogue",
        "  attribution: {by: officials, how: said, words: the officials said}\n  modality: done\n"
        "  framing: earlier\n  subject: ai-dialogue",
        "c003-21",
        "framing",
        "rests on no word of the quote",
        id="'agreed earlier' read into 'new initiatives'",
    ),
    pytest.param(
        "curated/initiatives.yaml",
        "  lead_bodies: []  # the two sides",
        "  lead_bodies: [in-private-sector]  # the two sides",
        "private-sector-dialogue",
        "lead_bodies",
        "named by no quote that says it leads",
        id="participants shown as leads",
    ),
    pytest.param(
        f"sources/{S003}.yaml",
        "    words: told a media briefing",
        "    words: told a press conference",
        S003,
        "rests_on[1].words",
        "does not appear in",
        id="a briefing the source does not mention",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "record", "field", "message"), CASES)
def test_reporting_rule(data_copy, file, old, new, record, field, message):
    if file == CLAIMS:
        file = str(edit_claims(data_copy, old, new).relative_to(data_copy))
    else:
        edit(data_copy / file, old, new)
    if record is None:
        from ijmemo.steps.curate import review

        assert review(data_copy).problems == []
        return
    problem = only(problems_for(data_copy), record=record, field=field)
    assert message in problem.message
    assert problem.file.endswith(file) and problem.line


def test_every_problem_is_listed_at_once(data_copy):
    """Three independent mistakes in one edit session: all three are reported."""
    chosen = {
        "speaker dropped from a 'he said' quote",
        "statement turns the spokesperson's words into fact",
        "participants shown as leads",
    }
    for case in CASES:
        if case.id in chosen:
            file, old, new, *_ = case.values
            if file == CLAIMS:
                edit_claims(data_copy, old, new)
            else:
                edit(data_copy / file, old, new)
    problems = problems_for(data_copy)
    assert {p.field for p in problems} >= {"attribution", "statement", "lead_bodies"}


def test_attribution_that_is_neither_outlet_nor_a_speaker_names_one_field(data_copy):
    edit_claims(
        data_copy,
        "  attribution: {by: kitamura, how: briefing, words: he said}",
        "  attribution: {by: kitamura, how: told, words: he said}",
    )
    problem = only(problems_for(data_copy), record="c003-19")
    assert problem.field == "attribution.how" and "'told' is not allowed" in problem.message


def test_lead_body_no_claim_names(data_copy):
    edit(
        data_copy / "curated/initiatives.yaml",
        "lead_bodies: [in-foreign-secretary, jp-vice-minister]",
        "lead_bodies: [in-foreign-secretary, jp-vice-minister, motegi]",
    )
    p = only(problems_for(data_copy), record="initiative 'economic-security-dialogue'")
    assert p.field == "lead_bodies" and "'motegi'" in p.message
