"""How independently things are reported, and the Admiralty grades, on real and edited data."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ijmemo.evidence.as_of import evidence_as_of
from ijmemo.evidence.corroboration import basis_groups, credibility, independent_count, reliability
from ijmemo.memo.params import MemoParams
from ijmemo.memo.sections import Memo
from ijmemo.steps.accept import accept_source
from ijmemo.steps.add_source import add_source
from ijmemo.steps.curate import curate

from conftest import FIXTURES, S000, S003, review_as_analyst


@pytest.fixture(scope="module")
def tables():
    return curate().tables


def sources_frame(rows: list[tuple]) -> pd.DataFrame:
    """(source_id, syndication_group, basis_ids, outlet, kind) rows as a sources table."""
    frame = pd.DataFrame(
        rows, columns=["source_id", "syndication_group", "basis_ids", "outlet", "kind"]
    )
    for column in ("outlet_identified", "identified_by", "identified_on"):
        frame[column] = None
    return frame


def test_sources_sharing_a_briefing_or_a_wording_are_one_basis():
    sources = sources_frame(
        [
            ("a", "a", "mofa-briefing", None, "news article"),
            ("b", "b", "mofa-briefing;pti", None, "news article"),  # same briefing as a
            ("c", "c", "pti", None, "news article"),  # same agency copy as b, so as a
            ("d", "a", None, None, "news article"),  # a's wording reprinted
            ("e", "e", "mea-readout", None, "news article"),
            ("f", "f", None, None, "news article"),  # says nothing of its basis
        ]
    )
    groups = basis_groups(sources)
    assert {groups[s] for s in "abcd"} == {"a"} and groups["e"] == "e" and groups["f"] == "f"
    stated = {"a", "b", "c", "e"}
    assert independent_count("abcd", groups, stated) == 1
    assert independent_count("ae", groups, stated) == 2
    # a source that names no basis may rest on anything: never an extra independent report
    assert independent_count("af", groups, stated) == 1
    assert (
        independent_count("f", groups, stated) == 1 and independent_count("", groups, stated) == 0
    )


def test_shipped_counts_claim_no_more_independence_than_is_shown(tables):
    inis = tables["initiatives"].set_index("initiative_id")
    # S1 (no basis named) and S2 (officials' briefings) both report the AI Dialogue firmly
    assert tuple(inis.loc["ai-dialogue", ["n_sources", "n_firm", "n_independent"]]) == (2, 2, 1)
    # S1 reports the economic security dialogue only as Japan's wish: not a second report
    assert tuple(inis.loc["economic-security-dialogue", ["n_sources", "n_firm"]]) == (2, 1)
    assert tuple(inis.loc["private-sector-dialogue", ["n_sources", "n_firm"]]) == (2, 1)
    assert (inis.n_independent <= 1).all()


@pytest.mark.parametrize(
    ("claim", "grade", "why"),
    [
        ("c000-16", 6, "unmatched, naming neither basis nor speaker"),  # S1's wish
        ("c003-04", 3, "speaker unnamed"),  # "officials said"
        # S2 also reports the meeting, but neither gives a status, milestone, framing or
        # date: unmatched, and the note says so rather than "one report"
        ("c000-15", 6, "unmatched, naming neither basis nor speaker"),
        # S1 also reports the dialogue, but not what Kitamura said of it: no corroboration
        ("c003-12", 2, "its speaker named"),
        ("c003-19", 2, "its speaker named"),  # Kitamura, one report
        # S1's headline "to launch" is not corroborated by S2's "launched": another thing
        ("c000-01", 6, "unmatched, naming neither basis nor speaker"),
    ],
)
def test_credibility_follows_the_recorded_facts(tables, claim, grade, why):
    row = tables["claims"].set_index("claim_id").loc[claim]
    assert row.credibility == grade and why in row.credibility_note


def test_reliability_cannot_be_judged_without_an_outlet(tables):
    # the shipped sources name no outlet; the analyst identified both on 2026-12-05, and
    # an edition dated before that day cannot use it
    before = evidence_as_of(tables, "2026-01-20")["sources"]
    assert set(before.reliability) == {"F"} and set(before.outlet_identified.isna()) == {True}
    now = evidence_as_of(tables, "2026-12-05")["sources"].set_index("source_id")
    assert now.loc[S003, "reliability"] == "C"
    note = now.loc[S003, "reliability_note"]
    assert "Hindustan Times" in note and "not named by the source" in note
    assert "identified by the analyst on 2026-12-05" in note and "word for word" in note
    graded = reliability(
        sources_frame(
            [
                ("x", "x", None, "Kyodo", "news article"),
                ("y", "y", None, "Ministry of Foreign Affairs of Japan", "press release"),
            ]
        )
    )
    assert list(graded.reliability) == ["C", "B"]


def test_reports_shown_independent_confirm_a_claim_and_a_conflict_makes_it_doubtful():
    sources = sources_frame(
        [("a", "a", "mofa-briefing", None, "x"), ("b", "b", "mea-readout", None, "x")]
    )
    claims = pd.DataFrame(
        [
            ("a1", "a", "s", "done", "outlet", "agreed", None, None),
            ("b1", "b", "s", "done", "outlet", "agreed", None, None),
            ("b2", "b", "s", "hedged", "outlet", None, None, None),
        ],
        columns=[
            "claim_id",
            "source_id",
            "subject_id",
            "modality",
            "said_by",
            "status",
            "milestone_id",
            "framing",
        ],
    )
    no_conflicts = pd.DataFrame({"field": [], "claim_ids": []})
    graded = credibility(claims, sources, no_conflicts).set_index("claim_id")
    assert graded.loc["a1", "credibility"] == 1 and graded.loc["b1", "credibility"] == 1
    assert graded.loc["b2", "credibility"] == 3  # a hedge is never corroborated
    conflict = pd.DataFrame({"field": ["status"], "claim_ids": ["a1;b1"]})
    assert credibility(claims, sources, conflict).set_index("claim_id").credibility.a1 == 4
    # a difference of characterisation is listed but doubts neither claim
    framing = pd.DataFrame({"field": ["characterisation"], "claim_ids": ["a1;b1"]})
    assert credibility(claims, sources, framing).set_index("claim_id").credibility.a1 == 1


def test_characterisations_the_shipped_sources_differ_on_are_listed(tables):
    rows = tables["conflicts"][tables["conflicts"].field == "characterisation"]
    assert dict(zip(rows.subject_id, rows.reported, strict=True)) == {
        "ai-dialogue": "planned or expected | reported as done or as fact",  # to launch | launched
        "economic-security-dialogue": "wished for or proposed by one side | planned or expected",
        "private-sector-dialogue": "wished for or proposed by one side | planned or expected",
    }
    # Each pair speaks of the same stage: "to launch" against "launched". S1's "the AI
    # dialogue that will proceed with the collaboration" is about later work: not in it.
    assert dict(zip(rows.subject_id, rows.claim_ids, strict=True)) == {
        "ai-dialogue": "c000-01;c003-06",
        "economic-security-dialogue": "c000-16;c003-04",
        "private-sector-dialogue": "c000-17;c003-03",
    }


def test_new_against_agreed_earlier_is_a_framing_conflict_with_both_claims(data_copy):
    result = add_source(
        FIXTURES / "ai_dialogue_earlier.txt",
        title="Japan, India hold first meeting of AI Dialogue",
        outlet="Kyodo",
        date="2026-02-13",
        data_dir=data_copy,
    )
    earlier = next(c for c in result.candidates if "August 2025" in c.quote)
    assert earlier.id and "according to the ministry" in earlier.quote
    review_as_analyst(
        data_copy,
        {
            earlier.id: {
                "statement": "Japan's foreign ministry said the AI initiative was agreed during "
                "Prime Minister Modi's visit to Japan in August 2025.",
                "subject": "ai-dialogue",
                "attribution": {
                    "by": "jp-foreign-ministry",
                    "how": "statement",
                    "words": "according to the ministry",
                },
                "modality": "agreed",
                "framing": "earlier",
                "date": "August 2025",
            }
        },
        result.source_id,
    )
    accept_source(result.source_id, data_dir=data_copy)
    tables = curate(data_copy).tables
    framing = tables["conflicts"][tables["conflicts"].field == "framing"]
    assert len(framing) == 1
    row = framing.iloc[0]
    assert row.subject_id == "ai-dialogue" and set(row.claim_ids.split(";")) == {
        "c003-21",
        earlier.id,
    }
    graded = tables["claims"].set_index("claim_id")
    assert graded.loc["c003-21", "credibility"] != 4  # a framing difference doubts no one
    params = dict(title="t", audience="a", start="2025-11-01", end="2026-02-28")
    memo = Memo(tables, MemoParams(as_of="2026-02-20", **params))
    html = str(memo.sources_and_method().html)
    text = re.sub(r"<sup.*?</sup>", "", html)
    assert (
        "India–Japan AI Dialogue, framing: S3: said to have been agreed earlier (August 2025) "
        "vs S2: called new" in text
    )
    sources = tables["sources"].set_index("source_id")
    assert sources.loc[result.source_id, "reliability"] == "C"  # a known outlet
    assert {S000, S003} < set(sources.index)


def _claims(*rows):
    columns = "claim_id source_id subject_id modality framing status milestone_id date_start date_end said_by"
    return pd.DataFrame([dict(zip(columns.split(), r, strict=True)) for r in rows])


def test_corroboration_needs_the_same_thing_from_other_evidence():
    sources = pd.DataFrame(
        {
            "source_id": ["a", "b", "copy-of-a", "c"],
            "syndication_group": ["g1", "g2", "g1", "g3"],
            "basis_ids": ["brief-1", "brief-2", "brief-1", "brief-3"],
        }
    )
    no_conflicts = pd.DataFrame({"field": [], "claim_ids": []})
    N = None
    claims = _claims(
        ("a1", "a", "x", "done", N, N, N, "2026-03-18", "2026-03-18", "outlet"),
        ("b1", "b", "x", "done", N, N, N, N, N, "outlet"),  # same subject, no date
        ("p1", "copy-of-a", "x", "done", N, N, N, "2026-03-18", "2026-03-18", "outlet"),
        ("c1", "c", "x", "done", N, "convened", N, "2026-03-18", "2026-03-18", "outlet"),
        ("b2", "b", "x", "done", N, "convened", N, N, N, "outlet"),
    )
    graded = credibility(claims, sources, no_conflicts).set_index("claim_id")
    # a1's date: its reprint is the same evidence; b1 says nothing of the date; c1 gives it
    assert graded.loc["a1", "credibility"] == 1
    assert graded.loc["a1", "credibility_note"].endswith("(c)")
    # b1 reports no detail another source could confirm
    assert (
        graded.loc["b1", "credibility"] != 1
        and "confirmed" not in graded.loc["b1", "credibility_note"]
    )
    # convened, from two bases: the note lists the others in a fixed order
    assert graded.loc["c1", "credibility_note"].endswith("(b)")
    assert graded.loc["b2", "credibility_note"].endswith("(c)")
