"""The shipped evidence says what the two articles say: sources, quotes, initiatives, events, actors."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from ijmemo.core.paths import DATA_DIR
from ijmemo.text.quotes import normalise

from conftest import S000, S003, SHARED_SOURCES, row


def test_sources_are_byte_identical_copies_of_the_shared_articles():
    if not SHARED_SOURCES.is_dir():
        pytest.skip("shared/sources is not beside this checkout")
    for name in (f"{S000}.txt", f"{S003}.txt"):
        assert (DATA_DIR / "sources" / name).read_bytes() == (SHARED_SOURCES / name).read_bytes()


def test_source_metadata_records_unknowns_as_unknown(shipped_tables):
    s000 = row(shipped_tables["sources"], "source_id", S000)
    s003 = row(shipped_tables["sources"], "source_id", S003)
    assert pd.isna(s000.outlet) and pd.isna(s000.published) and pd.isna(s000.url)
    assert s000.published_precision == "unknown"
    assert pd.isna(s003.outlet) and pd.isna(s003.url)
    assert (s003.published_start, s003.published_precision, s003.dateline) == (
        "2026-01-16",
        "day",
        "New Delhi",
    )
    for s in (s000, s003):
        assert s.sha256 == hashlib.sha256((DATA_DIR / "sources" / s.file).read_bytes()).hexdigest()


def test_every_quote_is_verbatim_at_its_offsets(shipped_tables):
    texts = {sid: (DATA_DIR / "sources" / f"{sid}.txt").read_text() for sid in (S000, S003)}
    for claim in shipped_tables["claims"].itertuples():
        passage = texts[claim.source_id][claim.quote_start : claim.quote_end]
        assert normalise(passage) == normalise(claim.quote), claim.claim_id


def test_no_boilerplate_is_quoted(shipped_tables):
    quotes = " ".join(shipped_tables["claims"].quote)
    for junk in ("Also Read", ".jpg", "@DrSJaishankar"):
        assert junk not in quotes


@pytest.mark.parametrize(
    ("initiative", "status", "due", "n_sources"),
    [
        ("ai-dialogue", "agreed", None, 2),
        ("jwg-critical-minerals", "scheduled", ("2026-01-01", "2026-04-30", "early 2026"), 2),
        ("private-sector-dialogue", "agreed", None, 2),
        (
            "economic-security-dialogue",
            "scheduled",
            ("2026-01-01", "2026-06-30", "first half of 2026"),
            2,
        ),
        ("unicorn-transfer", "agreed", None, 1),
        ("mumbai-ahmedabad-hsr", "being-implemented", None, 1),
        ("northeast-development", "being-implemented", None, 1),
        ("japan-italy-minerals", "agreed", None, 1),
    ],
)
def test_required_initiatives(shipped_tables, initiative, status, due, n_sources):
    r = row(shipped_tables["initiatives"], "initiative_id", initiative)
    assert r.status == status
    assert r.n_sources == n_sources
    due_rows = shipped_tables["milestones"][
        shipped_tables["milestones"].initiative_id == initiative
    ]
    if due:
        assert [tuple(m) for m in due_rows[["due_start", "due_end", "due_text"]].values] == [due]


def test_business_to_business_dialogue_is_the_private_sector_dialogue(shipped_tables):
    claims = shipped_tables["claims"]
    about = claims[claims.subject_id == "private-sector-dialogue"]
    assert set(about.source_id) == {S000, S003}
    assert any("business-to-business dialogue" in q for q in about.quote)
    assert any("dialogue between the private sectors" in q for q in about.quote)
    assert (
        "business-to-business dialogue"
        in row(shipped_tables["initiatives"], "initiative_id", "private-sector-dialogue").aliases
    )


def test_economic_security_dialogue_leads(shipped_tables):
    r = row(shipped_tables["initiatives"], "initiative_id", "economic-security-dialogue")
    assert r.lead_bodies.split(";") == ["in-foreign-secretary", "jp-vice-minister"]


@pytest.mark.parametrize(
    ("event", "start", "end", "precision", "location"),
    [
        ("g20-modi-takaichi", "2025-11-01", "2025-11-30", "month", None),
        ("motegi-visit", "2026-01-15", "2026-01-17", "day", "India"),
        ("strategic-dialogue-18", "2026-01-16", "2026-01-16", "day", "New Delhi"),
        # "ahead of his talks with Jaishankar" (16 January): the meeting ends by them
        ("motegi-meets-modi", "2026-01-15", "2026-01-16", "day", None),
        ("china-tourism-trade", None, None, "unknown", None),
        ("china-seafood-ban", None, None, "unknown", None),
        ("china-dual-use-limits", None, None, "unknown", None),
        ("seabed-rare-earths-expedition", None, None, "unknown", "Pacific"),
    ],
)
def test_required_events(shipped_tables, event, start, end, precision, location):
    r = row(shipped_tables["events"], "event_id", event)
    as_none = lambda v: None if pd.isna(v) else v  # noqa: E731
    assert (as_none(r.date_start), as_none(r.date_end), r.date_precision, as_none(r.location)) == (
        start,
        end,
        precision,
        location,
    )


def test_undated_source_keeps_its_yearless_date_unknown(shipped_tables):
    # "15 to 17 January" in the undated article: the claim keeps it unresolved...
    c = row(shipped_tables["claims"], "claim_id", "c000-14")
    assert (c.date_text, c.date_precision) == ("15 to 17 January", "unknown")
    assert pd.isna(c.date_start)
    # ...and the event resolves it only through a dated source, saying so.
    visit = row(shipped_tables["events"], "event_id", "motegi-visit")
    assert visit.date_anchor == S003
    assert "2026-01-16" in visit.date_note


def test_friday_resolves_against_the_report_date(shipped_tables):
    c = row(shipped_tables["claims"], "claim_id", "c003-02")
    assert (c.date_text, c.date_start, c.date_end) == ("Friday", "2026-01-16", "2026-01-16")


def test_required_context_topics(shipped_tables):
    topics = set(shipped_tables["topics"].topic_id)
    assert {
        "regional-tensions",
        "de-risking",
        "multilateral-forums",
        "free-open-indo-pacific",
        "us-engagement-quad",
    } <= topics
    quotes = " ".join(shipped_tables["claims"].quote)
    for phrase in (
        "Taiwan",
        "South China Sea",
        "de-risking",
        "Quad, G4 and G20",
        "Free and Open Indo-Pacific",
        "US remains engaged",
    ):
        assert phrase in quotes


def test_required_actors(shipped_tables):
    actors = shipped_tables["actors"].set_index("actor_id")
    for aid in (
        "jaishankar",
        "motegi",
        "modi",
        "takaichi",
        "kitamura",
        "in-foreign-secretary",
        "jp-vice-minister",
        "indian-navy",
    ):
        assert actors.loc[aid, "n_claims"] >= 1, aid
    assert actors.loc["in-foreign-secretary", "kind"] == "office"  # unnamed: never given a name


def test_sector_taxonomy_covers_the_required_sectors(shipped_tables):
    assert set(shipped_tables["sectors"].sector_id) >= {
        "critical-minerals", "ai-digital", "economic-security", "energy", "defence",
        "maritime", "infrastructure", "trade-investment", "health", "diplomacy",
    }  # fmt: skip
