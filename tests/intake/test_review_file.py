"""The review file: every candidate written out unaccepted with its reasons, and read back
only as the analyst accepted it, refused with every problem at once when incomplete."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
import yaml
from ruamel.yaml import YAML

from ijmemo.core.problems import AcceptError
from ijmemo.intake.new_actors import NewActor
from ijmemo.intake.review_file import accepted_in_review, review_document
from ijmemo.metadata.vocabularies import STATUSES

from conftest import (
    ACCEPT,
    AGAIN,
    ARTICLE,
    DIALOGUE,
    MEETING,
    SID,
    added,
    review_as_analyst,
)

EXPECTATIONS = f"{SID}-04"  # "... are still expected to lead the economic security dialogue ..."


def review_path(data_copy):
    return data_copy / "review" / f"{SID}.yaml"


def line_of(path, candidate_id: str) -> int:
    """The 1-based line where a candidate's entry starts in the review file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [n for n, text in enumerate(lines, 1) if text == f"- id: {candidate_id}"]
    assert len(hits) == 1, f"{candidate_id} is not listed once in {path}"
    return hits[0]


def refusal(path, source_id: str = SID) -> list[str]:
    """The problems `accepted_in_review` lists, one per line, without the bullets."""
    with pytest.raises(AcceptError) as caught:
        accepted_in_review(path, source_id)
    message = str(caught.value)
    assert message.startswith("cannot accept:\n"), message
    return [line.removeprefix("  - ") for line in message.splitlines()[1:]]


# ---- written by add-source


def test_the_review_file_parses_and_lists_every_candidate_unaccepted_with_its_quote_verbatim(
    data_copy,
):
    result = added(data_copy)
    assert result.review_path == review_path(data_copy)
    doc = yaml.safe_load(result.review_path.read_text(encoding="utf-8"))
    assert (doc["source"], doc["dateline"], doc["dates_resolve_against"]) == (
        SID,
        "Tokyo",
        "2026-02-27",
    )
    candidates = doc["candidates"]
    assert [c["id"] for c in candidates] == [MEETING, AGAIN, DIALOGUE, EXPECTATIONS]
    assert [c["id"] for c in candidates] == [c.id for c in result.candidates]
    article = ARTICLE.read_text(encoding="utf-8")
    for c in candidates:
        assert c["accept"] is False, c["id"]
        assert c["statement"] is None, c["id"]  # the analyst writes it, never the proposer
        assert c["quote"] in article, c["id"]
        assert c["date"] in c["quote"], c["id"]
    assert candidates[0]["quote"] == (
        "Officials from Japan and India met in Tokyo on 25 February 2026 for the first meeting "
        "of the Japan-India Critical Minerals Working Group, Japan's foreign ministry said."
    )


def test_each_candidate_says_why_it_was_proposed(data_copy):
    added(data_copy)
    doc = yaml.safe_load(review_path(data_copy).read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in doc["candidates"]}
    meeting, again = by_id[MEETING], by_id[AGAIN]
    assert meeting["subject"] == "jwg-critical-minerals"
    assert meeting["match"].startswith("initiative 'jwg-critical-minerals', score ")
    assert (meeting["status"], meeting["move"]) == ("convened", "'met' (met)")
    assert meeting["milestone"] == {"id": "jwg-meeting", "change": "met", "what": None}
    assert meeting["date_window"] == "2026-02-25 to 2026-02-25 (day)"
    assert meeting["dates"] == [
        "'25 February 2026': happened, 2026-02-25 to 2026-02-25 (day); past tense in its clause"
    ]
    assert meeting["attribution"] == {
        "by": "jp-foreign-ministry",
        "how": "said",
        "words": "Japan's foreign ministry said",
    }
    # the second sentence names the group only as "The working group"
    assert f"refers back ('The working group') to {MEETING}" in again["match"]
    assert again["date"] == "the second half of 2026"
    assert again["dates"][0].startswith("'the second half of 2026': due-in, 2026-07-01 to")
    # a sentence with no status words says so rather than leaving `move` empty
    assert by_id[EXPECTATIONS]["move"] == "no status or milestone words"
    assert by_id[DIALOGUE]["move"] is None and by_id[DIALOGUE]["status"] is None


def test_what_was_left_out_is_listed_with_the_rule_that_left_it_out(data_copy):
    added(data_copy)
    doc = yaml.safe_load(review_path(data_copy).read_text(encoding="utf-8"))
    assert doc["new_actors"] == []  # everyone the fixture names is already curated
    assert doc["left_out"] == [
        "headline repeated as the first line: Japan, India hold first critical minerals "
        "working group meeting in Tokyo",
        "teaser: Also Read: Five things to know about rare earths",
        "photo credit: Photo: Ministry of Foreign Affairs of Japan",
        "image markup: ![](https://example.invalid/photo.jpg)",
        "no fact: names no actor, date, sector or two countries: "
        "The weather in Tokyo was mild for the season.",
    ]


def test_the_instructions_head_the_file_as_comments_and_end_with_the_accept_command(data_copy):
    added(data_copy)
    text = review_path(data_copy).read_text(encoding="utf-8")
    head = text[: text.index("\nsource: ")].splitlines()
    assert head and all(line.startswith("#") for line in head)
    assert head[0].startswith(f"# Candidate claims for source {SID} (")
    assert head[-1] == f"# Then run: make accept SOURCE={SID}"


def test_proposed_new_actors_are_listed_unaccepted_with_why(data_copy):
    proposal = added(data_copy).proposal
    jaiswal = NewActor(
        "jaiswal",
        "Randhir Jaiswal",
        "person",
        "External affairs ministry spokesperson",
        "IN",
        "named with a role in a quote",
        ("Jaiswal",),
    )
    text = review_document(SID, "the article", dataclasses.replace(proposal, actors=[jaiswal]))
    assert yaml.safe_load(text)["new_actors"] == [
        {
            "accept": False,
            "id": "jaiswal",
            "name": "Randhir Jaiswal",
            "kind": "person",
            "role": "External affairs ministry spokesperson",
            "country": "IN",
            "aliases": ["Jaiswal"],
            "why": "named with a role in a quote",
        }
    ]


# ---- read back by accept


def test_a_review_with_nothing_accepted_is_refused_naming_the_file(data_copy):
    added(data_copy)
    path = review_path(data_copy)
    with pytest.raises(AcceptError) as caught:
        accepted_in_review(path, SID)
    assert str(caught.value) == f"cannot accept:\n  - {path}: no candidate has 'accept: true'"


def test_a_missing_review_file_is_refused_with_what_to_run(data_copy):
    path = review_path(data_copy)
    with pytest.raises(AcceptError, match="run make add-source first") as caught:
        accepted_in_review(path, SID)
    assert str(path) in str(caught.value)


def test_exactly_the_accepted_candidates_come_back_with_the_analysts_values(data_copy):
    added(data_copy)
    review_as_analyst(data_copy, ACCEPT)
    chosen, actors = accepted_in_review(review_path(data_copy), SID)
    assert [c["id"] for c in chosen] == [MEETING, AGAIN, DIALOGUE]  # not EXPECTATIONS
    assert actors == []
    by_id = {c["id"]: c for c in chosen}
    for cid, changes in ACCEPT.items():
        for field, value in changes.items():
            assert by_id[cid][field] == value, (cid, field)
    # what the analyst left alone is read back as proposed
    assert by_id[MEETING]["subject"] == "jwg-critical-minerals"
    assert by_id[MEETING]["date"] == "25 February 2026"
    assert by_id[DIALOGUE]["subject"] == "strategic-dialogue-18"
    assert by_id[DIALOGUE]["actors"] == ["jaishankar", "motegi"]


def test_every_problem_with_accepted_candidates_is_reported_at_once_with_file_line_and_field(
    data_copy,
):
    added(data_copy)
    path = review_path(data_copy)
    review_as_analyst(
        data_copy,
        {
            MEETING: {"status": "held"},  # no statement, and not a status
            AGAIN: {"statement": "The group will meet again.", "subject": None},
            DIALOGUE: {"statement": "The dialogue was held.", "status": "done"},
        },
    )
    problems = refusal(path)
    at = {cid: f"{path}:{line_of(path, cid)}: candidate '{cid}'" for cid in ACCEPT}
    allowed = ", ".join(STATUSES)
    assert sorted(problems) == sorted(
        [
            f"{at[MEETING]}, field 'statement': required to accept",
            f"{at[MEETING]}, field 'status': 'held' is not a status; allowed: {allowed}",
            f"{at[AGAIN]}, field 'subject': required to accept",
            f"{at[DIALOGUE]}, field 'status': 'done' is not a status; allowed: {allowed}",
        ]
    )


def test_an_accepted_candidate_without_attribution_or_modality_is_refused(data_copy):
    added(data_copy)
    path = review_path(data_copy)
    review_as_analyst(
        data_copy, {DIALOGUE: {"statement": "It was held.", "attribution": "", "modality": None}}
    )
    at = f"{path}:{line_of(path, DIALOGUE)}: candidate '{DIALOGUE}'"
    assert refusal(path) == [
        f"{at}, field 'attribution': required to accept",
        f"{at}, field 'modality': required to accept",
    ]


def test_an_accepted_new_actor_without_its_kind_is_refused_naming_it(data_copy):
    added(data_copy)
    path = review_path(data_copy)
    review_as_analyst(data_copy, ACCEPT)
    y = YAML()
    doc = y.load(path.read_text(encoding="utf-8"))
    doc["new_actors"].append(
        {"accept": True, "id": "jaiswal", "name": "Randhir Jaiswal", "kind": None, "why": "x"}
    )
    with path.open("w", encoding="utf-8") as fh:
        y.dump(doc, fh)
    (problem,) = refusal(path)
    line = path.read_text(encoding="utf-8").splitlines().index("- accept: true") + 1
    assert (
        problem == f"{path}:{line}: new actor 'Randhir Jaiswal', field 'kind': required to accept"
    )


def test_a_review_file_for_another_source_is_refused(data_copy):
    added(data_copy)
    review_as_analyst(data_copy, ACCEPT)  # complete: only the source id is wrong
    other = data_copy / "review" / "another_article.yaml"
    shutil.copy(review_path(data_copy), other)
    with pytest.raises(AcceptError) as caught:
        accepted_in_review(other, "another_article")
    assert str(caught.value) == (
        f"{other}: expected 'source: another_article' and a list of candidates"
    )


def test_a_review_file_that_does_not_parse_is_refused_with_its_line(data_copy):
    added(data_copy)
    path = review_path(data_copy)
    text = path.read_text(encoding="utf-8")
    broken = "  statement: Officials said: the group met"  # a colon, unquoted
    path.write_text(text.replace("  statement: null", broken, 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index(broken) + 1
    with pytest.raises(AcceptError, match="YAML does not parse") as caught:
        accepted_in_review(path, SID)
    assert str(caught.value).startswith(f"{path}:{line}: ")
