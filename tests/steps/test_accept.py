"""The accept step: reviewed candidates appended as claims, incomplete reviews refused, invalid ones rolled back."""

from __future__ import annotations

import pytest
import yaml
from ruamel.yaml import YAML

from ijmemo.core.problems import AcceptError, CurationError
from ijmemo.curation.checks import claim_text
from ijmemo.steps.accept import accept_source, dry_run
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


ADVISER = (
    "New Delhi, March 6 (IANS) Foreign Secretary Vikram Misri met Kenji Harada, special "
    "adviser to Japan's Prime Minister, in New Delhi on Friday to discuss economic security.\n"
    "India and Japan will hold their economic security dialogue in the first half of 2026, "
    "the Ministry of External Affairs said in a statement.\n"
)


def _adviser_review(data_copy, tmp_path):
    """The adviser article added; its review file loaded for editing (ruamel keeps order)."""
    article = tmp_path / "misri_adviser.txt"
    article.write_text(ADVISER)
    add_source(article, date="2026-03-06", data_dir=data_copy)
    path = data_copy / "review" / "misri_adviser.yaml"
    return path, YAML().load(path.read_text())


def _save(path, doc):
    with path.open("w") as fh:
        YAML().dump(doc, fh)


def _accept_new_actors(doc):
    for actor in doc["new_actors"]:
        actor["accept"] = True


def _met(entry):
    entry.update(
        {
            "accept": True,
            "statement": "Misri met Harada, an adviser to Japan's prime minister, in New Delhi.",
        }
    )


def test_a_new_meeting_gets_a_starting_event_that_accept_appends(data_copy, tmp_path):
    path, doc = _adviser_review(data_copy, tmp_path)
    (stub,) = doc["new_subjects"]
    meeting = doc["candidates"][0]
    assert meeting["subject"] == stub["record"]["id"] == "misri-harada-meeting"
    assert "proposed under new_subjects" in meeting["match"]
    assert stub["record"]["participants"] == ["misri", "harada"]  # both new actors
    assert meeting["actors"] == ["misri", "harada"]
    assert (stub["record"]["date"], stub["record"]["location"]) == ("Friday", "New Delhi")
    _met(meeting)
    _save(path, doc)
    before = snapshot(data_copy / "curated")
    with pytest.raises(AcceptError) as caught:
        accept_source("misri_adviser", data_dir=data_copy)
    said = str(caught.value)
    # Every unaccepted proposal the candidate uses is named in one refusal; nothing written.
    assert "'misri-harada-meeting' is a proposed new subject not accepted" in said
    assert "field 'actors': 'harada' is a proposed new actor not accepted" in said
    assert snapshot(data_copy / "curated") == before
    stub["accept"] = True
    _accept_new_actors(doc)
    _save(path, doc)
    done = accept_source("misri_adviser", data_dir=data_copy)
    assert done.subject_ids == [("event", "misri-harada-meeting")]
    events = curate(data_copy).tables["events"].set_index("event_id")
    assert events.loc["misri-harada-meeting", "location"] == "New Delhi"


def test_accept_lists_every_problem_at_once_and_accepts_again_after_the_fix(data_copy, tmp_path):
    path, doc = _adviser_review(data_copy, tmp_path)
    meeting, dialogue = doc["candidates"]
    doc["new_subjects"][0]["accept"] = True
    _accept_new_actors(doc)
    _met(meeting)
    meeting["date"] = "6 March"  # not in the quote: validation's problem
    dialogue.update({"accept": True, "subject": "economic-security-dialogue"})  # no statement
    _save(path, doc)
    with pytest.raises(AcceptError) as caught:
        accept_source("misri_adviser", data_dir=data_copy)
    said = str(caught.value)
    assert "field 'statement': required to accept" in said  # the review's problem
    assert "date '6 March' does not appear in the quote" in said  # and validation's
    meeting["date"] = "Friday"
    dialogue["statement"] = (
        "India's foreign ministry said the dialogue is due in the first half of 2026."
    )
    _save(path, doc)
    first = accept_source("misri_adviser", data_dir=data_copy)
    assert not first.replaced and first.actor_ids == ["misri", "harada"]
    actors_after_first = (data_copy / "curated/actors.yaml").read_bytes()
    dialogue["accept"] = False  # the analyst changes their mind: accepted again
    meeting["statement"] = "Misri met Harada in New Delhi."
    _save(path, doc)
    again = accept_source("misri_adviser", data_dir=data_copy)
    assert again.replaced and again.claim_ids == [meeting["id"]]
    assert again.actor_ids == [] and again.subject_ids == []  # appended once, not twice
    assert (data_copy / "curated/actors.yaml").read_bytes() == actors_after_first
    claims = yaml.safe_load((data_copy / "curated/claims/misri_adviser.yaml").read_text())
    assert [(c["id"], c["statement"]) for c in claims] == [
        (meeting["id"], "Misri met Harada in New Delhi.")
    ]


def test_what_the_source_rests_on_is_proposed_and_recorded_on_its_metadata(data_copy, tmp_path):
    path, doc = _adviser_review(data_copy, tmp_path)
    (basis,) = doc["rests_on"]
    assert (basis["kind"], basis["words"]) == ("readout", "in a statement")
    basis.update({"accept": True, "what": "the external affairs ministry's statement of 6 March"})
    dialogue = doc["candidates"][1]
    dialogue.update(
        {
            "accept": True,
            "subject": "economic-security-dialogue",
            "statement": "India's foreign ministry said the dialogue is due in the first half of 2026.",
        }
    )
    _save(path, doc)
    done = accept_source("misri_adviser", data_dir=data_copy)
    assert done.bases == [basis["id"]]
    sources = curate(data_copy).tables["sources"].set_index("source_id")
    assert sources.loc["misri_adviser", "basis_ids"] == basis["id"]  # corroboration reads it
    meta = (data_copy / "sources/misri_adviser.yaml").read_text()
    assert meta.startswith("# Metadata for the raw text")  # the rest kept as written
    assert yaml.safe_load(meta)["rests_on"][0]["what"] == (
        "the external affairs ministry's statement of 6 March"
    )


def test_a_basis_un_accepted_on_re_accept_goes_and_one_written_by_hand_stays(data_copy, tmp_path):
    path, doc = _adviser_review(data_copy, tmp_path)
    (basis,) = doc["rests_on"]
    basis.update({"accept": True, "what": "the external affairs ministry's statement of 6 March"})
    doc["candidates"][1].update(
        {
            "accept": True,
            "subject": "economic-security-dialogue",
            "statement": "India's foreign ministry said the dialogue is due in the first half of 2026.",
        }
    )
    _save(path, doc)
    accept_source("misri_adviser", data_dir=data_copy)
    meta_path = data_copy / "sources/misri_adviser.yaml"
    by_hand = {"id": "ians-6-march", "kind": "agency-copy", "what": "IANS copy of 6 March",
               "words": "(IANS)"}  # fmt: skip
    meta = yaml.safe_load(meta_path.read_text())
    meta_path.write_text(
        meta_path.read_text().replace("rests_on:\n", "rests_on:\n" + _basis_yaml(by_hand), 1)
    )
    basis["accept"] = False  # the analyst takes the statement back
    _save(path, doc)
    accept_source("misri_adviser", data_dir=data_copy)
    after = yaml.safe_load(meta_path.read_text())
    assert [b["id"] for b in after["rests_on"]] == ["ians-6-march"]
    assert meta["title"] == after["title"]  # the rest of the metadata as it was


def _basis_yaml(basis: dict) -> str:
    return "- " + "\n  ".join(f"{k}: {v}" for k, v in basis.items()) + "\n"


def test_a_new_speaker_left_unaccepted_is_named_in_the_refusal(data_copy, tmp_path):
    article = tmp_path / "asahi_target.txt"
    article.write_text(
        "Japan plans to double its investment target for India to 10 trillion yen, "
        "The Asahi Shimbun report said.\n"
    )
    add_source(article, date="2025-08-22", data_dir=data_copy)
    path = data_copy / "review" / "asahi_target.yaml"
    doc = YAML().load(path.read_text())
    (entry,) = doc["candidates"]
    assert entry["attribution"]["by"] == "the-asahi-shimbun"
    assert [a["id"] for a in doc["new_actors"]] == ["the-asahi-shimbun"]
    entry.update({"accept": True, "subject": "de-risking", "statement": "The Asahi Shimbun "
                  "reported that Japan plans to double its investment target for India."})  # fmt: skip
    _save(path, doc)
    with pytest.raises(
        AcceptError, match="'the-asahi-shimbun' is a proposed new actor not accepted"
    ):
        accept_source("asahi_target", data_dir=data_copy)


def test_the_review_file_writes_every_list_out_and_a_new_event_keeps_its_claims_date(
    data_copy, tmp_path
):
    path, doc = _adviser_review(data_copy, tmp_path)
    assert "&id" not in path.read_text()  # no YAML anchors tying two lists together
    meeting = doc["candidates"][0]
    _met(meeting)
    doc["new_subjects"][0]["accept"] = True
    doc["new_subjects"][0]["record"]["date"] = "6 March"  # not what the claim says
    doc["new_subjects"][0]["record"]["venue"] = "Hyderabad House"  # no such field
    doc["candidates"][1] = "not a mapping"
    _accept_new_actors(doc)
    _save(path, doc)
    with pytest.raises(AcceptError) as caught:
        accept_source("misri_adviser", data_dir=data_copy)
    said = str(caught.value)
    assert "field 'date': '6 March' is not the date its claim" in said
    assert "field 'venue': not a field of an event" in said
    assert "candidates, entry 2: expected a mapping" in said


def test_an_attribution_without_by_is_a_problem_not_a_crash(data_copy, tmp_path):
    path, doc = _adviser_review(data_copy, tmp_path)
    meeting = doc["candidates"][0]
    _met(meeting)
    meeting["subject"] = "economic-security-dialogue"
    meeting["attribution"] = {"how": "said", "words": "Vikram Misri met"}
    _save(path, doc)
    with pytest.raises((AcceptError, CurationError)) as caught:
        accept_source("misri_adviser", data_dir=data_copy)
    assert "misri_adviser" in str(caught.value)


def test_a_new_record_changed_after_it_was_accepted_says_what_differs(data_copy, tmp_path):
    path, doc = _adviser_review(data_copy, tmp_path)
    _met(doc["candidates"][0])
    doc["new_subjects"][0]["accept"] = True
    _accept_new_actors(doc)
    _save(path, doc)
    accept_source("misri_adviser", data_dir=data_copy)
    doc["new_subjects"][0]["record"]["title"] = "Misri–Harada talks"
    _save(path, doc)
    with pytest.raises(
        AcceptError, match="title: 'Misri–Harada meeting' there, 'Misri–Harada talks' here"
    ):
        accept_source("misri_adviser", data_dir=data_copy)


def test_the_live_check_checks_again_only_the_claims_being_accepted(data_copy, monkeypatch):
    """The review panel asks accept's dry run at each edit: what the data's last check kept
    is used in its scratch copy, so only the article's own claims are checked afresh."""
    added(data_copy)
    curate(data_copy)  # every curated claim checked once, and kept
    review_as_analyst(data_copy, ACCEPT)
    checked = []
    original = claim_text.check_claim_text
    monkeypatch.setattr(
        claim_text,
        "check_claim_text",
        lambda data, loc: checked.append(loc.record.id) or original(data, loc),
    )
    assert dry_run(SID, data_dir=data_copy) == []
    assert sorted(checked) == sorted([MEETING, AGAIN, DIALOGUE])
