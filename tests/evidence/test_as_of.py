"""The evidence as known on a date: nothing published later reaches an earlier edition."""

from __future__ import annotations

import pandas as pd

from ijmemo.metadata.cells import split_cell

from conftest import S000, S003, row


def test_undated_source_enters_editions_from_its_recorded_lower_bound(shipped_tables):
    s000 = row(shipped_tables["sources"], "source_id", S000)
    assert pd.isna(s000.published) and s000.not_before == "2026-01-16"
    assert s000.not_before_claim == "c000-06" and s000.known_from == "2026-01-16"
    s003 = row(shipped_tables["sources"], "source_id", S003)
    assert s003.known_from == "2026-01-16" and pd.isna(s003.not_before)


def test_a_later_led_by_does_not_reach_an_earlier_edition(shipped_tables):
    """Body X takes part in January; only a March report says X leads the group."""
    from ijmemo.evidence.as_of import evidence_as_of

    t = {name: frame.copy() for name, frame in shipped_tables.items()}
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


def test_every_speaker_quoted_in_an_edition_is_in_its_actors(shipped_tables):
    from ijmemo.evidence.as_of import evidence_as_of

    t = {name: frame.copy() for name, frame in shipped_tables.items()}
    # Kitamura speaks in S2 but is listed as an actor by no claim's `actors`
    t["claims"]["actors"] = t["claims"]["actors"].map(
        lambda cell: ";".join(a for a in split_cell(cell) if a != "kitamura") or None
    )
    edition = evidence_as_of(t, "2026-01-16")
    speakers = set(edition["claims"].said_by.dropna()) & set(shipped_tables["actors"].actor_id)
    assert "kitamura" in speakers
    assert speakers <= set(edition["actors"].actor_id)
