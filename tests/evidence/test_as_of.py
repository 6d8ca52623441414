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


def _with_claim_moved_to_a_later_source(tables, claim_id: str, known_from: str):
    """The shipped tables with one claim reported instead by a source known on `known_from`."""
    t = {name: frame.copy() for name, frame in tables.items()}
    claims, sources = t["claims"], t["sources"]
    at = claims.claim_id == claim_id
    later = sources[sources.source_id == claims.loc[at, "source_id"].iloc[0]].iloc[0].copy()
    later["source_id"], later["known_from"] = "later", known_from
    claims.loc[at, ["source_id", "known_from"]] = ["later", known_from]
    t["sources"] = pd.concat([sources, pd.DataFrame([later])], ignore_index=True)
    return t


def _event(tables, day, event_id="motegi-meets-modi"):
    from ijmemo.evidence.as_of import evidence_as_of

    return row(evidence_as_of(tables, day)["events"], "event_id", event_id)


def test_an_edition_shows_the_meeting_ending_by_the_talks_once_both_are_known(shipped_tables):
    e = _event(shipped_tables, "2026-01-16")
    assert (e.date_start, e.date_end, e.date_precision) == ("2026-01-15", "2026-01-16", "day")
    assert (e.ends_before, e.ends_before_claim) == ("strategic-dialogue-18", "c003-16")


def test_an_edition_before_the_ends_before_claim_is_known_does_not_show_the_narrowed_date(
    shipped_tables,
):
    # "ahead of his talks" reported only from 1 February: in January the meeting's date
    # rests on something not yet known, so it is unknown, not 15-16 January
    t = _with_claim_moved_to_a_later_source(shipped_tables, "c003-16", "2026-02-01")
    early = _event(t, "2026-01-20")
    assert early.date_precision == "unknown"
    assert all(
        v is None
        for v in early[
            [
                "date_start",
                "date_end",
                "date_note",
                "date_claim",
                "ends_before",
                "ends_before_claim",
            ]
        ]
    )
    visit = _event(t, "2026-01-20", "motegi-visit")  # the trip does not rest on c003-16
    assert (visit.date_start, visit.date_end) == ("2026-01-15", "2026-01-17")
    later = _event(t, "2026-02-01")
    assert (later.date_start, later.date_end) == ("2026-01-15", "2026-01-16")


def test_an_edition_that_does_not_know_the_later_events_date_does_not_narrow_by_it(
    shipped_tables,
):
    # the talks' own date ("Friday", c003-02) reported only from 1 February
    t = _with_claim_moved_to_a_later_source(shipped_tables, "c003-02", "2026-02-01")
    assert _event(t, "2026-01-20", "strategic-dialogue-18").date_precision == "unknown"
    e = _event(t, "2026-01-20")
    assert (e.date_start, e.date_end, e.date_precision) == (None, None, "unknown")
    e = _event(t, "2026-02-01")
    assert (e.date_start, e.date_end) == ("2026-01-15", "2026-01-16")
