"""The accept step: reviewed candidates appended as claims, incomplete reviews refused, invalid ones rolled back."""

from __future__ import annotations

import pytest
import yaml
from ruamel.yaml import YAML

from ijmemo.core.problems import AcceptError, CurationError
from ijmemo.steps.accept import accept_source
from ijmemo.steps.add_source import add_source
from ijmemo.steps.curate import curate

from conftest import (
    ACCEPT,
    AGAIN,
    DIALOGUE,
    MEETING,
    SID,
    added,
    review_as_analyst,
    snapshot,
)


def test_accept_only_appends_claims_and_the_timeline_follows(data_copy):
    added(data_copy)
    review_as_analyst(data_copy, ACCEPT)
    initiatives_before = (data_copy / "curated/initiatives.yaml").read_bytes()
    claims_dir = data_copy / "curated/claims"
    claims_before = {f.name: f.read_bytes() for f in claims_dir.glob("*.yaml")}
    done = accept_source(SID, data_dir=data_copy)
    assert done.claim_ids == [MEETING, AGAIN, DIALOGUE]
    assert done.status_moves == [("jwg-critical-minerals", "scheduled", "convened", MEETING)]
    assert (data_copy / "curated/initiatives.yaml").read_bytes() == initiatives_before
    # The article's claims are one new file; no other source's file is touched.
    after = {f.name: f.read_bytes() for f in claims_dir.glob("*.yaml")}
    assert after.keys() - claims_before.keys() == {f"{SID}.yaml"}
    assert {k: after[k] for k in claims_before} == claims_before
    assert [c["id"] for c in yaml.safe_load(after[f"{SID}.yaml"])] == done.claim_ids
    tables = curate(data_copy).tables
    jwg = tables["initiatives"].set_index("initiative_id").loc["jwg-critical-minerals"]
    assert jwg.status == "convened" and jwg.status_claims == MEETING
    assert "Japan-India Critical Minerals Working Group" in jwg.aliases
    history = tables["status_history"]
    rows = history[history.initiative_id == "jwg-critical-minerals"]
    assert rows[["status", "known_from", "known_until"]].values.tolist() == [
        ["scheduled", "2026-01-16", "2026-02-26"],
        ["convened", "2026-02-27", None],
    ]
    milestones = tables["milestones"].set_index(["milestone_id", "known_from"])
    met = milestones.loc[("jwg-meeting", "2026-02-27")]
    assert (met.change, met.due_text, met.met_start) == ("met", "early 2026", "2026-02-25")
    assert milestones.loc[("jwg-meeting", "2026-01-16"), "known_until"] == "2026-02-26"
    second = milestones.loc[("jwg-second-meeting", "2026-02-27")]
    assert (second.due_start, second.due_end) == ("2026-07-01", "2026-12-31")


def test_accept_refuses_incomplete_reviews_and_rolls_back_invalid_ones(data_copy):
    added(data_copy)
    before = snapshot(data_copy / "curated")
    with pytest.raises(AcceptError, match="no candidate has 'accept: true'"):
        accept_source(SID, data_dir=data_copy)
    review_as_analyst(data_copy, {MEETING: {"status": "held"}})
    with pytest.raises(AcceptError) as caught:
        accept_source(SID, data_dir=data_copy)
    assert "field 'statement': required to accept" in str(caught.value)
    assert "'held' is not a status" in str(caught.value)
    review_as_analyst(
        data_copy,
        {
            MEETING: {
                "status": "convened",
                "statement": "A meeting was held.",
                "date": "26 February 2026",
            }
        },
    )
    with pytest.raises(CurationError, match="date '26 February 2026' does not appear in the quote"):
        accept_source(SID, data_dir=data_copy)
    assert snapshot(data_copy / "curated") == before


def test_a_new_official_is_proposed_and_accepted_with_the_claim_that_names_him(data_copy, tmp_path):
    article = tmp_path / "jaiswal_briefing.txt"
    article.write_text(
        "New Delhi, June 20 (PTI) External affairs ministry spokesperson Randhir Jaiswal said "
        "India and Japan have postponed the economic security dialogue to September 2026.\n"
        "(With inputs from agencies)\n"
    )
    result = add_source(article, date="2026-06-20", data_dir=data_copy)
    (candidate,) = result.candidates
    assert candidate.quote.startswith("External affairs ministry spokesperson")  # dateline cut
    assert (candidate.match.subject, candidate.milestone["change"]) == (
        "economic-security-dialogue",
        "postponed",
    )
    assert [a.id for a in result.proposal.actors] == ["jaiswal"]
    meta = YAML(typ="safe").load(result.meta_path.read_text())
    assert meta["dateline"] == "New Delhi, June 20 (PTI)" and meta["outlet"] is None
    path = data_copy / "review" / "jaiswal_briefing.yaml"
    y = YAML()
    doc = y.load(path.read_text())
    assert doc["left_out"] == ["with inputs: (With inputs from agencies)"]
    entry = doc["candidates"][0]
    assert entry["dates"][0].startswith("'September 2026': moved-to, 2026-09-01 to 2026-09-30")
    assert (entry["date"], entry["milestone"]["id"]) == (
        "September 2026",
        "economic-security-dialogue-first",  # the open milestone, reused
    )
    doc["new_actors"][0]["accept"] = True
    entry.update(
        {
            "accept": True,
            "statement": "Spokesperson Randhir Jaiswal said the economic security dialogue was postponed to September 2026.",
            "actors": ["jaiswal"],
            "attribution": {"by": "jaiswal", "how": "said", "words": "Randhir Jaiswal said"},
        }
    )
    with path.open("w") as fh:
        y.dump(doc, fh)
    done = accept_source("jaiswal_briefing", data_dir=data_copy)
    assert done.actor_ids == ["jaiswal"]
    actors = curate(data_copy).tables["actors"].set_index("actor_id")
    assert actors.loc["jaiswal", "name"] == "Randhir Jaiswal"
    assert actors.loc["jaiswal", "country"] == "IN"
