"""The shipped evidence base: what an analyst checks before trusting the memo."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from ijmemo.core.paths import DATA_DIR
from ijmemo.metadata.cells import split_cell
from ijmemo.steps.curate import curate
from ijmemo.text.quotes import normalise

from conftest import S000, S003, SHARED_SOURCES


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return curate().tables


def row(frame: pd.DataFrame, key: str, value: str) -> pd.Series:
    hits = frame[frame[key] == value]
    assert len(hits) == 1, f"{value} not found once in {key}"
    return hits.iloc[0]


def test_processed_tables_keep_the_column_contract(tables):
    contract = {
        "sources": "source_id file title outlet published url sha256",
        "claims": "claim_id source_id quote statement subject_id sectors countries date_text date_start date_end date_precision",
        "initiatives": "initiative_id name aliases sectors parties status status_since status_claims n_sources",
        "status_history": "initiative_id status known_from known_until claim_ids",
        "milestones": "milestone_id initiative_id what change known_from known_until due_text due_start due_end moved_from met_text claim_ids",
        "events": "event_id title kind date_start date_end date_precision location",
        "actors": "actor_id name kind role country",
    }
    for name, columns in contract.items():
        assert set(columns.split()) <= set(tables[name].columns), name


def test_sources_are_byte_identical_copies_of_the_shared_articles():
    if not SHARED_SOURCES.is_dir():
        pytest.skip("shared/sources is not beside this checkout")
    for name in (f"{S000}.txt", f"{S003}.txt"):
        assert (DATA_DIR / "sources" / name).read_bytes() == (SHARED_SOURCES / name).read_bytes()


def test_source_metadata_records_unknowns_as_unknown(tables):
    s000 = row(tables["sources"], "source_id", S000)
    s003 = row(tables["sources"], "source_id", S003)
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


def test_every_quote_is_verbatim_at_its_offsets(tables):
    texts = {sid: (DATA_DIR / "sources" / f"{sid}.txt").read_text() for sid in (S000, S003)}
    for claim in tables["claims"].itertuples():
        passage = texts[claim.source_id][claim.quote_start : claim.quote_end]
        assert normalise(passage) == normalise(claim.quote), claim.claim_id


def test_no_boilerplate_is_quoted(tables):
    quotes = " ".join(tables["claims"].quote)
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
def test_required_initiatives(tables, initiative, status, due, n_sources):
    r = row(tables["initiatives"], "initiative_id", initiative)
    assert r.status == status
    assert r.n_sources == n_sources
    due_rows = tables["milestones"][tables["milestones"].initiative_id == initiative]
    if due:
        assert [tuple(m) for m in due_rows[["due_start", "due_end", "due_text"]].values] == [due]


def test_statuses_are_derived_from_the_claims_that_report_them(tables):
    history = tables["status_history"].set_index("initiative_id")
    # S1's "to launch" is a plan, not a status; S2's "launched" reports it agreed
    assert history.loc["ai-dialogue", "claim_ids"] == "c003-06"
    assert history.loc["jwg-critical-minerals", "status"] == "scheduled"
    # both sources became known on 16 January 2026; none has a later status yet
    assert set(history.known_from) == {"2026-01-16"} and history.known_until.isna().all()


def test_undated_source_enters_editions_from_its_recorded_lower_bound(tables):
    s000 = row(tables["sources"], "source_id", S000)
    assert pd.isna(s000.published) and s000.not_before == "2026-01-16"
    assert s000.not_before_claim == "c000-06" and s000.known_from == "2026-01-16"
    s003 = row(tables["sources"], "source_id", S003)
    assert s003.known_from == "2026-01-16" and pd.isna(s003.not_before)


def test_business_to_business_dialogue_is_the_private_sector_dialogue(tables):
    claims = tables["claims"]
    about = claims[claims.subject_id == "private-sector-dialogue"]
    assert set(about.source_id) == {S000, S003}
    assert any("business-to-business dialogue" in q for q in about.quote)
    assert any("dialogue between the private sectors" in q for q in about.quote)
    assert (
        "business-to-business dialogue"
        in row(tables["initiatives"], "initiative_id", "private-sector-dialogue").aliases
    )


def test_economic_security_dialogue_leads(tables):
    r = row(tables["initiatives"], "initiative_id", "economic-security-dialogue")
    assert r.lead_bodies.split(";") == ["in-foreign-secretary", "jp-vice-minister"]


def test_scheduled_is_not_convened(tables):
    # Agreeing to meet in early 2026 is not a meeting held: nothing reports one.
    assert row(tables["initiatives"], "initiative_id", "jwg-critical-minerals").status != "convened"


@pytest.mark.parametrize(
    ("event", "start", "end", "precision", "location"),
    [
        ("g20-modi-takaichi", "2025-11-01", "2025-11-30", "month", None),
        ("motegi-visit", "2026-01-15", "2026-01-17", "day", "India"),
        ("strategic-dialogue-18", "2026-01-16", "2026-01-16", "day", "New Delhi"),
        ("motegi-meets-modi", "2026-01-15", "2026-01-17", "day", None),
        ("china-tourism-trade", None, None, "unknown", None),
        ("china-seafood-ban", None, None, "unknown", None),
        ("china-dual-use-limits", None, None, "unknown", None),
        ("seabed-rare-earths-expedition", None, None, "unknown", "Pacific"),
    ],
)
def test_required_events(tables, event, start, end, precision, location):
    r = row(tables["events"], "event_id", event)
    as_none = lambda v: None if pd.isna(v) else v  # noqa: E731
    assert (as_none(r.date_start), as_none(r.date_end), r.date_precision, as_none(r.location)) == (
        start,
        end,
        precision,
        location,
    )


def test_undated_source_keeps_its_yearless_date_unknown(tables):
    # "15 to 17 January" in the undated article: the claim keeps it unresolved...
    c = row(tables["claims"], "claim_id", "c000-14")
    assert (c.date_text, c.date_precision) == ("15 to 17 January", "unknown")
    assert pd.isna(c.date_start)
    # ...and the event resolves it only through a dated source, saying so.
    visit = row(tables["events"], "event_id", "motegi-visit")
    assert visit.date_anchor == S003
    assert "2026-01-16" in visit.date_note


def test_friday_resolves_against_the_report_date(tables):
    c = row(tables["claims"], "claim_id", "c003-02")
    assert (c.date_text, c.date_start, c.date_end) == ("Friday", "2026-01-16", "2026-01-16")


def test_required_context_topics(tables):
    topics = set(tables["topics"].topic_id)
    assert {
        "regional-tensions",
        "de-risking",
        "multilateral-forums",
        "free-open-indo-pacific",
        "us-engagement-quad",
    } <= topics
    quotes = " ".join(tables["claims"].quote)
    for phrase in (
        "Taiwan",
        "South China Sea",
        "de-risking",
        "Quad, G4 and G20",
        "Free and Open Indo-Pacific",
        "US remains engaged",
    ):
        assert phrase in quotes


def test_required_actors(tables):
    actors = tables["actors"].set_index("actor_id")
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


def test_sector_taxonomy_covers_the_required_sectors(tables):
    assert set(tables["sectors"].sector_id) >= {
        "critical-minerals", "ai-digital", "economic-security", "energy", "defence",
        "maritime", "infrastructure", "trade-investment", "health", "diplomacy",
    }  # fmt: skip


def test_a_later_led_by_does_not_reach_an_earlier_edition(tables):
    """Body X takes part in January; only a March report says X leads the group."""
    from ijmemo.evidence.as_of import evidence_as_of

    t = {name: frame.copy() for name, frame in tables.items()}
    claims, sources = t["claims"], t["sources"]
    template = claims[claims.subject_id == "jwg-critical-minerals"].iloc[0]
    january = template.copy()
    january["claim_id"], january["actors"] = "c-jan", "in-foreign-secretary"
    january["quote"] = "India's foreign secretary took part in the group's talks."
    later = sources[sources.source_id == template.source_id].iloc[0].copy()
    later["source_id"], later["known_from"] = "later", "2026-03-02"
    march = january.copy()
    march["claim_id"], march["source_id"] = "c-mar", "later"
    march["quote"] = "The group, led by India's foreign secretary, met in Tokyo."
    t["claims"] = pd.concat([claims, pd.DataFrame([january, march])], ignore_index=True)
    t["sources"] = pd.concat([sources, pd.DataFrame([later])], ignore_index=True)
    inits = t["initiatives"]
    inits.loc[inits.initiative_id == "jwg-critical-minerals", "lead_bodies"] = (
        "in-foreign-secretary"
    )

    def leads(day):
        found = evidence_as_of(t, day)["initiatives"].set_index("initiative_id")
        return found.loc["jwg-critical-minerals", "lead_bodies"]

    assert leads("2026-02-01") is None  # taking part is not leading
    assert leads("2026-03-02") == "in-foreign-secretary"


def test_every_speaker_quoted_in_an_edition_is_in_its_actors(tables):
    from ijmemo.evidence.as_of import evidence_as_of

    t = {name: frame.copy() for name, frame in tables.items()}
    # Kitamura speaks in S2 but is listed as an actor by no claim's `actors`
    t["claims"]["actors"] = t["claims"]["actors"].map(
        lambda cell: ";".join(a for a in split_cell(cell) if a != "kitamura") or None
    )
    edition = evidence_as_of(t, "2026-01-16")
    speakers = set(edition["claims"].said_by.dropna()) & set(tables["actors"].actor_id)
    assert "kitamura" in speakers
    assert speakers <= set(edition["actors"].actor_id)
