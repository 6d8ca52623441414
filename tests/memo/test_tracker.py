"""The tracker: a row per initiative, where it stands and what moved since the last edition."""

from __future__ import annotations

from ijmemo.memo.edition import Edition
from ijmemo.memo.tracker import tracker_of
from ijmemo.metadata.tables import columns

from conftest import params_for


def edition_at(processed_tables, **overrides) -> Edition:
    return Edition(processed_tables, params_for(processed_tables, "default", **overrides))


def test_a_row_per_bilateral_initiative_with_its_next_window(processed_tables):
    edition = edition_at(processed_tables)
    tracker = tracker_of(edition, None)
    assert list(tracker.columns) == columns("tracker")
    assert sorted(tracker.initiative_id) == sorted(edition.bilateral.initiative_id)
    rows = tracker.set_index("initiative_id")
    esd = rows.loc["economic-security-dialogue"]
    assert (esd.status, esd.read_from, esd.due_text, esd.state) == (
        "scheduled",
        "officials",
        "first half of 2026",
        "due now",
    )
    assert rows.loc["ai-dialogue", "next_step"] is None
    assert set(tracker.latest_known_from) == {"2026-01-16"}
    assert set(tracker.since_last_edition) == {"first edition"}


def test_what_moved_since_the_last_edition_is_in_words(processed_tables):
    january = edition_at(processed_tables).record()
    july = tracker_of(edition_at(processed_tables, as_of="2026-07-15"), january)
    moved = july.set_index("initiative_id").since_last_edition
    assert moved["jwg-critical-minerals"] == (
        "Meeting of the Joint Working Group on critical minerals: "
        "window open → window closed, nothing collected since"
    )
    assert moved["ai-dialogue"] == "unchanged"
