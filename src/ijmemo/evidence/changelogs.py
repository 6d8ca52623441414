"""Statuses and milestones as changelogs, derived from dated claims (PUDL's eia860m style).

Two clocks are kept apart. A claim's `date_*` says when something happened or is
due (event time); its `known_from` says when its source made it known (knowledge
time). The changelogs run on knowledge time: each row is what the evidence said
from `known_from` to `known_until`, so the row covering day D is what an edition
dated D can say. Claims of undated sources (no `known_from`) cannot be placed in
time and are left out.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from ijmemo.metadata.cells import is_missing, join_cell
from ijmemo.metadata.tables import columns
from ijmemo.metadata.vocabularies import STATUS_RANK

ENDING = {"stalled", "cancelled"}  # override progress while they are the latest report
STATE_FIELDS = ("what", "change", "due_text", "due_start", "due_end", "due_precision")
STATE_FIELDS += ("moved_from", "met_text", "met_start", "met_end")


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def _until(starts: list[str]) -> list[str | None]:
    """Each row's last day: the day before the next row starts (None for the current row)."""
    return [_day_before(s) for s in starts[1:]] + [None]


def _status_on(known: list) -> str:
    """The status the claims known on a day report (`known`: plain rows, that day or earlier).

    The lifecycle moves forward: the furthest stage any report reached holds, so a
    late article repeating "agreed" does not undo "convened". Stalled or cancelled
    hold while they are the latest news. Several reports on one day: the furthest.
    """
    latest_day = max(r.known_from for r in known)
    latest = max((r.status for r in known if r.known_from == latest_day), key=STATUS_RANK.get)
    if latest in ENDING:
        return latest
    progress = [r.status for r in known if r.status not in ENDING]
    return max(progress, key=STATUS_RANK.get) if progress else latest


def status_history(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per initiative and status period: status, known_from, known_until, claims."""
    reports = claims[claims.status.notna() & claims.known_from.notna()]
    by_initiative: dict[str, list] = {}
    for r in reports.itertuples():  # one pass; per-group DataFrame slices are slow at scale
        by_initiative.setdefault(r.subject_id, []).append(r)
    rows = []
    for iid in sorted(by_initiative):
        group = by_initiative[iid]
        periods: list[dict] = []
        for day in sorted({r.known_from for r in group}):
            status = _status_on([r for r in group if r.known_from <= day])
            if not periods or periods[-1]["status"] != status:
                periods.append({"initiative_id": iid, "status": status, "known_from": day})
        for period, until in zip(periods, _until([p["known_from"] for p in periods]), strict=True):
            backing = [
                r
                for r in group
                if r.status == period["status"] and (until is None or r.known_from <= until)
            ]
            period["known_until"] = until
            period["claim_ids"] = join_cell(sorted(r.claim_id for r in backing))
            period["source_ids"] = join_cell(sorted({r.source_id for r in backing}))
        rows += periods
    return pd.DataFrame(rows, columns=columns("status_history"), dtype=object)


def _apply(state: dict, report) -> None:
    """Fold one claim's milestone report into the milestone's state."""
    window = {
        "text": report.date_text,
        "start": report.date_start,
        "end": report.date_end,
        "precision": report.date_precision,
    }
    change = report.milestone_change
    if state["what"] is None:
        state["what"] = report.milestone_what
    if change == "new" and state["due_text"] is None and state["due_start"] is None:
        state.update({f"due_{k}": v for k, v in window.items()})
    elif change == "postponed" and not _moved_there_already(state, window):
        state["moved_from"] = state["due_text"] or "no date reported"
        state.update({f"due_{k}": v for k, v in window.items()})
    elif change == "met":
        state.update({f"met_{k}": v for k, v in window.items() if k != "precision"})
    if change != "new" or state["change"] is None:  # a repeated "due" report changes nothing
        state["change"] = change


def _moved_there_already(state: dict, window: dict) -> bool:
    """Is this postponement the one already recorded (a re-run or a follow-up of it)?"""
    moved = state["moved_from"] is not None
    return moved and (window["start"], window["end"]) == (state["due_start"], state["due_end"])


def milestones(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per milestone and knowledge day on which a report changed or confirmed it."""
    reports = claims[claims.milestone_id.notna() & claims.known_from.notna()]
    reports = reports.sort_values(["known_from", "claim_id"], kind="stable")
    # Plain rows grouped in one pass (milestone, then day), already in report order.
    grouped: dict[str, dict[str, list]] = {}
    for report in reports.itertuples():
        grouped.setdefault(report.milestone_id, {}).setdefault(report.known_from, []).append(report)
    rows = []
    for mid in sorted(grouped):
        state = dict.fromkeys(STATE_FIELDS)
        history = []
        for day in sorted(grouped[mid]):
            same_day = grouped[mid][day]
            for report in same_day:
                _apply(state, report)
            history.append(
                {
                    "milestone_id": mid,
                    "initiative_id": same_day[0].subject_id,
                    "known_from": day,
                    "claim_ids": join_cell(r.claim_id for r in same_day),
                    **state,
                }
            )
        for row, until in zip(history, _until([h["known_from"] for h in history]), strict=True):
            row["known_until"] = until
        rows += history
    return pd.DataFrame(rows, columns=columns("milestones"), dtype=object)


def current(changelog: pd.DataFrame) -> pd.DataFrame:
    """The latest row of each changelog entry (rows whose known_until is empty)."""
    return changelog[changelog.known_until.isna()].reset_index(drop=True)


def milestone_state(row, as_of: date, evidence_until: date | None = None) -> str:
    """Where a milestone stands on the edition date, from its latest known row.

    A window that has closed is "overdue" only when a source known by then was published
    after it closed and none reports the milestone held; when the evidence stops before the
    window closed (`evidence_until`: the newest source's date), nothing is known either way:
    "unchecked"."""
    if row.change == "cancelled":
        return "cancelled"
    if row.change == "met" or _present(row.met_start) or _present(row.met_text):
        return "met"
    if not _present(row.due_start):
        return "no date reported"
    if as_of < date.fromisoformat(row.due_start):
        return "upcoming"
    if as_of <= date.fromisoformat(row.due_end):
        return "due now"
    if evidence_until is not None and evidence_until <= date.fromisoformat(row.due_end):
        return "unchecked"
    return "overdue"


def _present(cell) -> bool:
    return not is_missing(cell) and cell != ""
