"""Who said it and how firmly: each rule refuses the edit an analyst could get wrong.

Every case edits the shipped data the way a curator would and expects one problem
naming the file, the record and the field.
"""

from __future__ import annotations

import hashlib

import pytest

from conftest import S000, S003, edit, edit_claims, only, problems_for

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


# ---- phrasings of a new article, as `accept` writes its claims (and a new actor) and then
# validates all the data: real ways of reporting speech are accepted, a dropped speaker or
# a wish read as firmer is still refused.

PHRASINGS = "phrasings_0220"
ARTICLE = (
    "India, Japan set dates for AI and minerals talks\n"
    "NEW DELHI, Feb 20 (PTI) External affairs ministry spokesperson Randhir Jaiswal told a "
    "weekly media briefing on Thursday that the AI Dialogue will hold its first meeting in "
    "Tokyo.\n"
    "The working group on critical minerals is also expected to meet in Tokyo, Jaiswal added.\n"
    '"I look forward to the first meeting of the AI Dialogue in Tokyo," Jaishankar wrote on X.\n'
    "Modi posted on X that the economic security dialogue had been useful.\n"
    "According to an MEA statement, India and Japan agreed to set up the AI Dialogue in "
    "August 2025.\n"
    '"The working group would help both sides," Jaiswal said.\n'
    "Officials told reporters that the working group would meet again in June.\n"
)
NEW_ACTOR = (  # as accept appends it from the review file's new_actors
    "- id: jaiswal\n  name: Randhir Jaiswal\n  aliases: [Jaiswal]\n  kind: person\n"
    "  role: External affairs ministry spokesperson\n  country: IN\n"
)
BRIEFING = """
- id: ph-01
  quote: >-
    External affairs ministry spokesperson Randhir Jaiswal told a weekly media briefing on
    Thursday that the AI Dialogue will hold its first meeting in Tokyo.
  statement: Jaiswal said the AI Dialogue will hold its first meeting in Tokyo.
  attribution: {by: jaiswal, how: briefing, words: Randhir Jaiswal told}
  modality: planned
  subject: ai-dialogue
  sectors: [ai-digital]
  countries: [IN, JP]
  actors: [jaiswal]
"""
SURNAME = """
- id: ph-02
  quote: The working group on critical minerals is also expected to meet in Tokyo, Jaiswal added.
  statement: Jaiswal said the working group on critical minerals is expected to meet in Tokyo.
  attribution: {by: jaiswal, how: briefing, words: Jaiswal added}
  modality: planned
  subject: jwg-critical-minerals
  sectors: [critical-minerals]
  countries: [IN, JP]
  actors: [jaiswal]
"""
LOOK_FORWARD = """
- id: ph-03
  quote: I look forward to the first meeting of the AI Dialogue in Tokyo
  statement: Jaishankar wrote on X that he looks forward to the first meeting of the AI Dialogue in Tokyo.
  attribution: {by: jaishankar, how: statement, words: Jaishankar wrote on X}
  modality: planned
  status: scheduled
  subject: ai-dialogue
  sectors: [ai-digital]
  countries: [IN, JP]
"""
POSTED = """
- id: ph-04
  quote: Modi posted on X that the economic security dialogue had been useful.
  statement: Modi posted on X that the economic security dialogue had been useful.
  attribution: {by: modi, how: statement, words: Modi posted on X}
  modality: done
  subject: economic-security-dialogue
  sectors: [economic-security]
  countries: [IN, JP]
  actors: [modi]
"""
MEA_STATEMENT = """
- id: ph-05
  quote: >-
    According to an MEA statement, India and Japan agreed to set up the AI Dialogue in
    August 2025.
  statement: According to an MEA statement, India and Japan agreed to set up the AI Dialogue in August 2025.
  attribution: {by: in-foreign-ministry, how: statement, words: According to an MEA statement}
  modality: agreed
  framing: earlier
  subject: ai-dialogue
  sectors: [ai-digital]
  countries: [IN, JP]
  date: August 2025
"""
HEDGE = """
- id: ph-06
  quote: The working group would help both sides," Jaiswal said.
  statement: Jaiswal said the working group would help both sides.
  attribution: {by: jaiswal, how: briefing, words: Jaiswal said}
  modality: hedged
  subject: jwg-critical-minerals
  sectors: [critical-minerals]
  countries: [IN, JP]
  actors: [jaiswal]
"""
WOULD = """
- id: ph-07
  quote: Officials told reporters that the working group would meet again in June.
  statement: Officials said the working group will meet again in June.
  attribution: {by: officials, how: said, words: Officials told}
  modality: planned
  subject: jwg-critical-minerals
  sectors: [critical-minerals]
  countries: [IN, JP]
"""


def with_article(data_dir, *claims: str, actor: str = NEW_ACTOR):
    """The article added as a source, the new actor accepted and its claims written, as
    `accept` leaves the data before validating it; the briefing claim names the new actor."""
    raw = ARTICLE.encode("utf-8")
    (data_dir / "sources" / f"{PHRASINGS}.txt").write_bytes(raw)
    (data_dir / "sources" / f"{PHRASINGS}.yaml").write_text(
        f"id: {PHRASINGS}\nfile: {PHRASINGS}.txt\ntitle: null\ndescription: test article\n"
        'outlet: PTI\npublished: "2026-02-20"\ndateline: NEW DELHI\nurl: null\n'
        f"kind: news article\nsha256: {hashlib.sha256(raw).hexdigest()}\n",
        encoding="utf-8",
    )
    with (data_dir / "curated" / "actors.yaml").open("a", encoding="utf-8") as fh:
        fh.write(actor)
    path = data_dir / "curated" / "claims" / f"{PHRASINGS}.yaml"
    path.write_text("".join([BRIEFING, *claims]), encoding="utf-8")


def accepted(data_dir) -> bool:
    from ijmemo.steps.curate import review

    problems = review(data_dir).problems
    assert problems == [], "\n".join(map(str, problems))
    return True


def test_a_briefing_by_a_new_actor_is_accepted(data_copy):
    with_article(data_copy)
    assert accepted(data_copy)


def test_reported_speechs_would_needs_no_would_in_the_statement(data_copy):
    # "told reporters that the working group would meet": reported speech's future (the
    # proposal reads it as planned); "will" in the statement is faithful, not firmer
    with_article(data_copy, WOULD)
    assert accepted(data_copy)


def test_a_new_actors_surname_names_him_in_the_quote_and_the_statement(data_copy):
    with_article(data_copy, SURNAME)
    assert accepted(data_copy)


def test_a_persons_surname_keeps_the_speaker_without_the_alias(data_copy):
    # an actor written without its aliases: "Jaiswal said" still names Randhir Jaiswal
    with_article(data_copy, actor=NEW_ACTOR.replace("  aliases: [Jaiswal]\n", ""))
    assert accepted(data_copy)


def test_wrote_on_x_keeps_the_speaker_of_a_quote_cut_from_it(data_copy):
    with_article(data_copy, LOOK_FORWARD)
    assert accepted(data_copy)


def test_posted_on_x_keeps_the_speaker(data_copy):
    with_article(data_copy, POSTED)
    assert accepted(data_copy)


def test_according_to_an_mea_statement_names_indias_foreign_ministry(data_copy):
    with_article(data_copy, MEA_STATEMENT)
    assert accepted(data_copy)


def test_a_hedge_before_the_reporting_verb_is_kept(data_copy):
    with_article(data_copy, HEDGE)
    assert accepted(data_copy)


@pytest.mark.parametrize(
    ("claim", "old", "new", "field", "message"),
    [
        pytest.param(
            POSTED,
            "  attribution: {by: modi, how: statement, words: Modi posted on X}",
            "  attribution: outlet",
            "attribution",
            "reported speech ('posted')",
            id="a post on X in the outlet's voice",
        ),
        pytest.param(
            MEA_STATEMENT,
            "  statement: According to an MEA statement, India",
            "  statement: India",
            "statement",
            "drops the speaker",
            id="the MEA statement's words stated as fact",
        ),
        pytest.param(
            MEA_STATEMENT,
            "  statement: According to an MEA statement, India",
            "  statement: The ministry said India",
            "statement",
            "drops the speaker",
            id="'the ministry' names no ministry in a statement on its own",
        ),
        pytest.param(
            LOOK_FORWARD,
            "  modality: planned",
            "  modality: wished",
            "modality",
            "needs the quote's own words for it",
            id="looking forward read as a wish",
        ),
        pytest.param(
            LOOK_FORWARD,
            "  modality: planned\n  status: scheduled",
            "  modality: wished\n  status: agreed",
            "status",
            "cannot report status 'agreed'",
            id="a wish still cannot report an agreement",
        ),
        pytest.param(
            HEDGE,
            "  statement: Jaiswal said the working group would help",
            "  statement: Jaiswal said the working group will help",
            "statement",
            "the quote is hedged ('would')",
            id="the speaker's own 'would' dropped",
        ),
        pytest.param(
            SURNAME,
            "  statement: Jaiswal said the",
            "  statement: Modi said the",
            "statement",
            "drops the speaker",
            id="another person's name in the statement",
        ),
    ],
)
def test_a_phrasing_that_drops_or_firms_up_is_refused(data_copy, claim, old, new, field, message):
    assert old in claim
    with_article(data_copy, claim.replace(old, new))
    record = claim.split("- id: ")[1].split("\n")[0]
    problem = only(problems_for(data_copy), record=record, field=field)
    assert message in problem.message


def test_one_basis_id_is_one_kind_of_basis_in_every_source(data_copy):
    # Source 000 is made to cite 003's briefing id as a readout: one id, two kinds.
    edit(
        data_copy / f"sources/{S000}.yaml",
        "kind: news article",
        "kind: news article\nrests_on:\n  - id: kitamura-briefing-2026-01-16\n    kind: readout\n"
        "    what: the spokesperson's briefing\n    words: said",
    )
    problem = only(problems_for(data_copy), field="rests_on[1].kind")  # said on 003's
    assert "is a briefing here but a readout in source" in problem.message
