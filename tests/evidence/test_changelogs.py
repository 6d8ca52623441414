"""Statuses and milestones as changelogs on knowledge time, and where a milestone stands on a date."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest

from ijmemo.evidence.changelogs import current, milestone_state, milestones, status_history
from ijmemo.metadata.cells import split_cell


@pytest.mark.parametrize(
    ("change", "start", "end", "as_of", "state"),
    [
        ("new", "2026-01-01", "2026-04-30", date(2025, 12, 31), "upcoming"),
        ("new", "2026-01-01", "2026-04-30", date(2026, 1, 1), "due now"),
        ("postponed", "2026-01-01", "2026-04-30", date(2026, 4, 30), "due now"),
        ("new", "2026-01-01", "2026-04-30", date(2026, 5, 1), "overdue"),
        ("met", "2026-01-01", "2026-04-30", date(2026, 5, 1), "met"),
        ("cancelled", "2026-01-01", "2026-04-30", date(2026, 5, 1), "cancelled"),
        ("new", None, None, date(2026, 5, 1), "no date reported"),
    ],
)
def test_milestone_state_against_the_edition_date(change, start, end, as_of, state):
    row = SimpleNamespace(
        change=change, due_start=start, due_end=end, met_start=None, met_text=None
    )
    assert milestone_state(row, as_of) == state


# ---- hand-built claims: one row per claim, only the columns the changelogs read

CLAIM_COLUMNS = ["claim_id", "source_id", "subject_id", "known_from", "status"]
CLAIM_COLUMNS += ["milestone_id", "milestone_change", "milestone_what"]
CLAIM_COLUMNS += ["date_text", "date_start", "date_end", "date_precision"]


def claims(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=CLAIM_COLUMNS, dtype=object)


def status(cid: str, known_from: str | None, said: str | None, subject: str = "jwg", source=None):
    """A claim reporting an initiative's status, known from a day (None: undated source)."""
    return {
        "claim_id": cid,
        "source_id": source or f"src-{cid}",
        "subject_id": subject,
        "known_from": known_from,
        "status": said,
    }


def periods(history: pd.DataFrame, initiative: str = "jwg") -> list[tuple]:
    rows = history[history.initiative_id == initiative]
    return list(zip(rows.status, rows.known_from, rows.known_until, strict=True))


def test_a_status_reported_later_does_not_undo_an_earlier_stage():
    history = status_history(
        claims(
            status("c1", "2026-01-16", "agreed"),
            status("c2", "2026-02-27", "convened"),
            status("c3", "2026-03-10", "agreed"),  # a late article repeating the agreement
        )
    )
    assert periods(history) == [
        ("agreed", "2026-01-16", "2026-02-26"),
        ("convened", "2026-02-27", None),
    ]


@pytest.mark.parametrize("ending", ["stalled", "cancelled"])
def test_a_stall_or_cancellation_holds_while_it_is_the_latest_news(ending):
    history = status_history(
        claims(
            status("c1", "2026-01-16", "scheduled"),
            status("c2", "2026-02-27", "convened"),
            status("c3", "2026-06-05", ending),
        )
    )
    assert periods(history)[-1] == (ending, "2026-06-05", None)


def test_progress_reported_after_a_stall_ends_it_at_the_furthest_stage_reached():
    history = status_history(
        claims(
            status("c1", "2026-01-16", "agreed"),
            status("c2", "2026-02-27", "convened"),
            status("c3", "2026-06-05", "stalled"),
            status("c4", "2026-09-14", "agreed"),  # "the two sides agreed to resume talks"
        )
    )
    assert periods(history) == [
        ("agreed", "2026-01-16", "2026-02-26"),
        ("convened", "2026-02-27", "2026-06-04"),
        ("stalled", "2026-06-05", "2026-09-13"),
        ("convened", "2026-09-14", None),
    ]


def test_several_reports_on_one_day_take_the_furthest_stage():
    history = status_history(
        claims(
            status("c1", "2026-02-27", "agreed"),
            status("c2", "2026-02-27", "convened"),  # "met, and agreed to meet again"
            status("c3", "2026-02-27", "scheduled"),
        )
    )
    assert periods(history) == [("convened", "2026-02-27", None)]
    assert history.claim_ids.tolist() == ["c2"]


def test_a_period_ends_the_day_before_the_next_begins_even_across_a_month_end():
    history = status_history(
        claims(
            status("c1", "2028-01-16", "agreed"),
            status("c2", "2028-03-01", "scheduled"),
            status("c3", "2029-01-01", "convened"),
        )
    )
    assert [until for _, _, until in periods(history)] == ["2028-02-29", "2028-12-31", None]


def test_a_repeated_status_extends_its_period_and_lists_every_report_of_it():
    history = status_history(
        claims(
            status("c1", "2026-01-16", "agreed", source="pti"),
            status("c2", "2026-02-01", "agreed", source="kyodo"),
            status("c3", "2026-03-01", "convened", source="kyodo"),
        )
    )
    assert periods(history) == [
        ("agreed", "2026-01-16", "2026-02-28"),
        ("convened", "2026-03-01", None),
    ]
    agreed, convened = history.iloc[0], history.iloc[1]
    assert (split_cell(agreed.claim_ids), split_cell(agreed.source_ids)) == (
        ["c1", "c2"],
        ["kyodo", "pti"],
    )
    assert (split_cell(convened.claim_ids), split_cell(convened.source_ids)) == (["c3"], ["kyodo"])


def test_claims_of_undated_sources_and_claims_without_a_status_are_left_out():
    history = status_history(
        claims(
            status("c1", "2026-01-16", "agreed"),
            status("c2", None, "convened"),  # an undated article: cannot be placed in time
            status("c3", "2026-02-01", None),  # says nothing about the status
            status("c4", None, "agreed", subject="ai-dialogue"),
        )
    )
    assert periods(history) == [("agreed", "2026-01-16", None)]
    assert history.claim_ids.tolist() == ["c1"]
    assert "ai-dialogue" not in set(history.initiative_id)


def test_each_initiative_has_its_own_history_and_current_gives_its_latest_status():
    history = status_history(
        claims(
            status("c1", "2026-01-16", "agreed"),
            status("c2", "2026-02-27", "convened"),
            status("c3", "2026-01-16", "proposed", subject="ai-dialogue"),
            status("c4", "2026-04-01", "stalled", subject="ai-dialogue"),
        )
    )
    now = current(history).set_index("initiative_id")
    assert now.status.to_dict() == {"ai-dialogue": "stalled", "jwg": "convened"}
    assert now.known_from.to_dict() == {"ai-dialogue": "2026-04-01", "jwg": "2026-02-27"}
    assert len(history) == 4


# ---- milestones


def report(cid, known_from, change, when=None, what=None, milestone="esd-first", subject="esd"):
    """A claim reporting a milestone change; `when` is (text, start, end, precision)."""
    text, start, end, precision = when or (None, None, None, None)
    return {
        "claim_id": cid,
        "source_id": f"src-{cid}",
        "subject_id": subject,
        "known_from": known_from,
        "milestone_id": milestone,
        "milestone_change": change,
        "milestone_what": what,
        "date_text": text,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
    }


FIRST_HALF = ("the first half of 2026", "2026-01-01", "2026-06-30", "half")
SEPTEMBER = ("September 2026", "2026-09-01", "2026-09-30", "month")
WHAT = "First economic security dialogue"


def due(row) -> tuple:
    return (row.due_text, row.due_start, row.due_end, row.due_precision)


def test_a_postponement_moves_the_due_window_and_keeps_where_it_moved_from():
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", "2026-06-20", "postponed", SEPTEMBER),
        )
    )
    before, after = log.iloc[0], log.iloc[1]
    assert (before.change, due(before), before.moved_from) == ("new", FIRST_HALF, None)
    assert before.known_until == "2026-06-19"
    assert (after.change, due(after), after.moved_from) == (
        "postponed",
        SEPTEMBER,
        "the first half of 2026",
    )
    assert (after.what, after.known_from, after.known_until) == (WHAT, "2026-06-20", None)
    assert milestone_state(after, date(2026, 7, 1)) == "upcoming"


@pytest.mark.parametrize("again_on", ["2026-06-20", "2026-06-22"])
def test_a_postponement_reported_again_still_moved_from_the_first_window(again_on):
    """A second report of the same postponement (a re-run, a follow-up) is not a second move:
    the memo must not say "postponed from September 2026 to September 2026"."""
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", "2026-06-20", "postponed", SEPTEMBER),
            report("c3", again_on, "postponed", SEPTEMBER),
        )
    )
    latest = log.iloc[-1]
    assert (due(latest), latest.moved_from) == (SEPTEMBER, "the first half of 2026")


def test_a_second_postponement_moves_from_the_window_it_was_moved_to():
    october = ("October 2026", "2026-10-01", "2026-10-31", "month")
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", "2026-06-20", "postponed", SEPTEMBER),
            report("c3", "2026-08-20", "postponed", october),
        )
    )
    assert (due(log.iloc[-1]), log.iloc[-1].moved_from) == (october, "September 2026")


def test_a_postponement_of_a_milestone_with_no_window_moves_it_from_no_date_reported():
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", what=WHAT),
            report("c2", "2026-06-20", "postponed", SEPTEMBER),
        )
    )
    assert log.iloc[-1].moved_from == "no date reported"


def test_a_met_report_records_when_it_was_held_and_keeps_the_due_window():
    held = ("25 February 2026", "2026-02-25", "2026-02-25", "day")
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", "2026-02-27", "met", held),
        )
    )
    before, after = log.iloc[0], log.iloc[1]
    assert (before.met_text, before.met_start) == (None, None)
    assert after.change == "met"
    assert (after.met_text, after.met_start, after.met_end) == held[:3]
    assert due(after) == FIRST_HALF
    assert milestone_state(after, date(2026, 3, 1)) == "met"


def test_a_repeated_due_report_does_not_change_the_due_window():
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", "2026-02-01", "new", ("by March", "2026-01-01", "2026-03-31", "month")),
        )
    )
    assert [due(r) for r in log.itertuples()] == [FIRST_HALF, FIRST_HALF]
    assert log.change.tolist() == ["new", "new"]
    assert log.claim_ids.tolist() == ["c1", "c2"]  # the repeat is a confirming row


def test_a_late_report_of_the_old_plan_does_not_undo_a_postponement():
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", "2026-06-20", "postponed", SEPTEMBER),
            report("c3", "2026-06-25", "new", FIRST_HALF),  # an article written before the move
        )
    )
    latest = current(log).iloc[0]
    assert (latest.change, due(latest), latest.moved_from) == (
        "postponed",
        SEPTEMBER,
        "the first half of 2026",
    )


def test_a_due_window_reported_after_an_undated_one_fills_it():
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", what=WHAT),
            report("c2", "2026-03-01", "new", SEPTEMBER),
        )
    )
    assert due(log.iloc[0]) == (None, None, None, None)
    assert due(log.iloc[1]) == SEPTEMBER


def test_reports_of_undated_sources_are_left_out_of_the_milestones():
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", None, "postponed", SEPTEMBER),
            report("c3", None, "new", SEPTEMBER, what="Second meeting", milestone="jwg-second"),
        )
    )
    assert log.claim_ids.tolist() == ["c1"]
    assert (log.iloc[0].change, due(log.iloc[0]), log.iloc[0].known_until) == (
        "new",
        FIRST_HALF,
        None,
    )


def test_current_gives_the_latest_row_of_each_milestone():
    second = ("the second half of 2026", "2026-07-01", "2026-12-31", "half")
    log = milestones(
        claims(
            report("c1", "2026-01-16", "new", FIRST_HALF, what=WHAT),
            report("c2", "2026-06-20", "postponed", SEPTEMBER),
            report("c3", "2026-02-27", "new", second, "Second JWG meeting", "jwg-2", "jwg"),
        )
    )
    assert len(log) == 3
    now = current(log).set_index("milestone_id")
    assert sorted(now.index) == ["esd-first", "jwg-2"]
    assert (now.loc["esd-first", "change"], now.loc["esd-first", "known_from"]) == (
        "postponed",
        "2026-06-20",
    )
    assert (now.loc["jwg-2", "initiative_id"], now.loc["jwg-2", "due_text"]) == (
        "jwg",
        "the second half of 2026",
    )
