"""What the claims imply: statuses derived from the claims that report them."""

from __future__ import annotations

from conftest import row


def test_statuses_are_derived_from_the_claims_that_report_them(shipped_tables):
    history = shipped_tables["status_history"].set_index("initiative_id")
    # S1's "to launch" is a plan, not a status; S2's "launched" reports it agreed
    assert history.loc["ai-dialogue", "claim_ids"] == "c003-06"
    assert history.loc["jwg-critical-minerals", "status"] == "scheduled"
    # both sources became known on 16 January 2026; none has a later status yet
    assert set(history.known_from) == {"2026-01-16"} and history.known_until.isna().all()


def test_scheduled_is_not_convened(shipped_tables):
    # Agreeing to meet in early 2026 is not a meeting held: nothing reports one.
    assert (
        row(shipped_tables["initiatives"], "initiative_id", "jwg-critical-minerals").status
        != "convened"
    )
