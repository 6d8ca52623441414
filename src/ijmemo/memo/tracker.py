"""The tracker: one row per initiative, where it stands on the edition date and what moved.

Its status (and whose words it is our reading of), its next open step with the window in
its own dates, the newest source that reports on it, and what changed since the last
edition of the series. The memo shows it as a table; the build writes it as tracker.csv,
beside the memo and in the data export, so a team can keep it across editions.
"""

from __future__ import annotations

import pandas as pd

from ijmemo.memo.edition import Edition
from ijmemo.memo.wording import STATE_WORDS, listed, status_label, value
from ijmemo.metadata.cells import split_cell
from ijmemo.metadata.tables import columns


def tracker_of(edition: Edition, previous: dict | None) -> pd.DataFrame:
    """The tracker rows, in the order the memo lists initiatives (by name)."""
    upcoming = edition.next_milestones()
    old_status = (previous or {}).get("statuses", {})
    old_steps = (previous or {}).get("milestones", {})
    rows = []
    for ini in edition.bilateral.sort_values("name").itertuples():
        step = upcoming.get(ini.initiative_id, {})
        newest_source, newest_known = edition.newest_claim.get(ini.initiative_id, (None, None))
        said = listed(edition.speakers_of(split_cell(ini.status_claims)))
        rows.append(
            {
                "initiative_id": ini.initiative_id,
                "name": ini.name,
                "status": value(ini.status),
                "status_since": value(ini.status_since),
                "read_from": said or None,
                "next_step": step.get("milestone"),
                "due_text": step.get("due_text"),
                "due_start": step.get("due_start"),
                "due_end": step.get("due_end"),
                "state": step.get("state"),
                "latest_source": newest_source,
                "latest_known_from": value(newest_known),
                "since_last_edition": _change(ini, previous, old_status, old_steps, edition),
            }
        )
    return pd.DataFrame(rows, columns=columns("tracker"), dtype=object)


def _change(ini, previous, old_status: dict, old_steps: dict, edition: Edition) -> str:
    """What moved for one initiative since the last edition, in a few words."""
    if previous is None:
        return "first edition"
    if ini.initiative_id not in old_status and ini.initiative_id not in {
        m["initiative"] for m in old_steps.values()
    }:
        return "new in this edition"
    said = []
    before, now = old_status.get(ini.initiative_id), value(ini.status)
    if before != now:
        said.append(f"status {status_label(before).lower()} → {status_label(now).lower()}")
    watch = edition.watchlist()
    for w in watch[watch.initiative_id == ini.initiative_id].itertuples():
        was = old_steps.get(w.milestone_id, {}).get("state")
        if was is None:
            said.append(f"new step: {w.milestone}")
        elif was != w.state:
            said.append(f"{w.milestone}: {STATE_WORDS[was]} → {STATE_WORDS[w.state]}")
    return "; ".join(said) or "unchanged"
