"""Page 1 as data (brief_of) and as text to mail round (brief.md)."""

from __future__ import annotations

import re

from ijmemo.memo.brief import OLD_EVIDENCE_DAYS, brief_markdown, brief_of
from ijmemo.memo.edition import Edition
from ijmemo.memo.params import read_assessment

from conftest import params_for


def brief_for(processed_tables, previous=None, **overrides):
    params = params_for(processed_tables, "default", **overrides)
    edition = Edition(processed_tables, params)
    return edition, brief_of(edition, read_assessment(params), previous)


def source_keys_of(edition):
    keys = edition.source_keys()
    return lambda ids: sorted({keys[edition.claims.loc[c, "source_id"]] for c in ids})


def test_brief_md_is_about_200_words_with_citations_by_source(processed_tables):
    edition, brief = brief_for(processed_tables)
    text = brief_markdown(brief, source_keys_of(edition))
    assert len(text.split()) <= 300
    assert text.startswith("# India–Japan partnership: AI, critical minerals and economic security")
    assert "Motegi's meeting with Prime Minister Modi, 15–16 January 2026 [S1, S2]" in text
    assert "written 20 January 2026; not a reported fact" in text
    assert re.search(r"window open until 30 April 2026 \[S2\]", text)
    assert "† Our reading of what Kitamura and officials said." in text
    # an initiative with a next step is stated under what to watch, not twice on page 1
    assert "Outcomes reported: India–Japan AI Dialogue (agreed) [S2]; Unicorn" in text
    assert "; and 3 with a next step, under what to watch." in text
    assert text.count("Joint Working Group on critical minerals") == 1
    assert "First edition of this series on record." in text


def test_old_evidence_is_said_on_page_1(processed_tables):
    _, brief = brief_for(processed_tables, as_of="2026-03-01")
    assert "(44 days before this edition)" in brief.evidence and OLD_EVIDENCE_DAYS < 44
    assert "nothing later has been collected" in brief.evidence
    _, fresh = brief_for(processed_tables)
    assert "nothing later" not in fresh.evidence


def test_a_later_edition_reports_only_what_is_new_since_the_last(processed_tables):
    january, _ = brief_for(processed_tables)
    _, april = brief_for(processed_tables, previous=january.record(), as_of="2026-04-15")
    assert (
        april.nothing_new == "Nothing new has been reported since the edition of 20 January 2026."
    )
    assert april.outcomes == [] and april.happened == []
    assert [w.text.split(":")[0] for w in april.watch][:2] == [
        "Meeting of the Joint Working Group on critical minerals",
        "Economic security dialogue led by India's foreign secretary and a Japanese vice minister",
    ]


def test_an_edition_before_any_source_says_so(processed_tables):
    edition, brief = brief_for(processed_tables, as_of="2026-01-10")
    assert brief.evidence == "0 sources, none dated."
    assert brief.judgement is None and brief.watch == [] and brief.happened == []
    assert "No meeting, visit or outcome is reported in the period." in brief_markdown(
        brief, source_keys_of(edition)
    )


def test_each_subject_is_first_known_on_its_earliest_reports_day(processed_tables):
    """Page 1's meetings are those first reported after the last edition."""
    edition, _ = brief_for(processed_tables)
    claims = edition.claims
    subjects = [*claims.subject_id.unique(), "no-such-subject"]
    expected = claims.groupby("subject_id").known_from.min().dropna().to_dict()
    assert edition.first_known(subjects) == expected
    assert len(expected) > 1
