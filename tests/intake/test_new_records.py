"""The records intake writes into data/: a source's metadata with its unknowns left null,
and accepted claims and actors in the curated files' own format, which the loader reads back."""

from __future__ import annotations

import hashlib

import pytest

from ijmemo.core.yamlio import load_yaml
from ijmemo.intake.new_records import (
    ACTOR_FIELDS,
    CLAIM_FIELDS,
    claim_block,
    record_block,
    source_record,
)
from ijmemo.intake.review_file import accepted_in_review
from ijmemo.metadata.schema import Actor, Claim, Source

from conftest import ACCEPT, AGAIN, MEETING, SID, TITLE, added, review_as_analyst

DIGEST = hashlib.sha256(b"an article").hexdigest()


def read_back(tmp_path, text: str, name: str = "block.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


# A candidate as accepted from a review file: the review's own keys (accept, match, move,
# date_window, dates) and the fields the analyst left empty.
REVIEWED = {
    "id": f"{SID}-01",
    "accept": True,
    "quote": "Officials from Japan and India met in Tokyo on 25 February 2026.",
    "statement": "Officials held the first meeting of the working group in Tokyo.",
    "subject": "jwg-critical-minerals",
    "match": "initiative 'jwg-critical-minerals', score 0.9 via core name",
    "attribution": {"by": "officials", "how": "said", "words": "officials said"},
    "modality": "done",
    "framing": None,
    "alias": None,
    "status": "convened",
    "milestone": {"id": "jwg-meeting", "change": "met", "what": None},
    "move": "'met' (met)",
    "note": None,
    "sectors": ["critical-minerals"],
    "countries": ["IN", "JP"],
    "actors": [],
    "date": "25 February 2026",
    "date_window": "2026-02-25 to 2026-02-25 (day)",
    "dates": ["'25 February 2026': happened, 2026-02-25 to 2026-02-25 (day)"],
    "location": "Tokyo",
}


# ---- the source record


def test_a_source_record_keeps_what_was_not_given_as_null_and_says_so(tmp_path):
    text = source_record(SID, f"{SID}.txt", DIGEST, None, None, None, None)
    assert text.splitlines()[0] == (
        "# Metadata for the raw text beside this file. Unknown stays null: never guess."
    )
    record = read_back(tmp_path, text)
    for unknown in ("title", "outlet", "published", "dateline", "url"):
        assert unknown in record and record[unknown] is None, unknown
    assert record["description"] == f"Article added from {SID}.txt"
    assert (record["id"], record["file"], record["sha256"]) == (SID, f"{SID}.txt", DIGEST)
    Source.model_validate(record)


def test_a_source_record_with_everything_given_is_a_valid_source_in_reading_order(tmp_path):
    text = source_record(
        SID,
        f"{SID}.txt",
        DIGEST,
        TITLE,
        "The Hindu",
        "2026-02-27",
        "https://example.invalid/jwg",
        dateline="Tokyo",
    )
    record = read_back(tmp_path, text)
    assert list(record) == [
        "id",
        "file",
        "title",
        "description",
        "outlet",
        "published",
        "dateline",
        "url",
        "kind",
        "sha256",
    ]
    assert record["description"] == TITLE  # the headline describes it until a curator does
    assert record["published"] == "2026-02-27"  # the date as given, not a date object
    assert Source.model_validate(record).outlet == "The Hindu"


# ---- claims


def test_a_claim_block_lists_keys_in_the_curated_order_and_drops_the_reviews_own(tmp_path):
    (claim,) = read_back(tmp_path, claim_block(SID, [REVIEWED]))
    keys = list(claim)
    assert keys == [k for k in CLAIM_FIELDS if k in keys]
    assert keys[0] == "id"
    assert not {"accept", "match", "move", "date_window", "dates"} & set(keys)
    assert not {"framing", "alias", "note", "actors"} & set(keys)  # empty: left out
    assert claim["milestone"] == {"id": "jwg-meeting", "change": "met", "what": None}
    assert claim["location"] == "Tokyo"


def test_a_claim_block_always_has_sectors_and_countries_even_when_empty(tmp_path):
    bare = {"id": "x-01", "quote": "A quote.", "statement": "A statement.", "subject": "s"}
    (claim,) = read_back(tmp_path, claim_block("x", [bare]))
    assert claim == {
        "id": "x-01",
        "quote": "A quote.",
        "statement": "A statement.",
        "subject": "s",
        "sectors": [],
        "countries": [],
    }


def test_a_claim_block_reads_back_as_claims_the_schema_accepts(tmp_path):
    dialogue = {
        **REVIEWED,
        "id": f"{SID}-03",
        "quote": "The strategic dialogue was held in New Delhi on 15 January 2026.",
        "statement": "The strategic dialogue was held in New Delhi.",
        "subject": "strategic-dialogue-18",
        "attribution": "outlet",
        "status": None,
        "milestone": None,
        "actors": ["jaishankar", "motegi"],
        "date": "15 January 2026",
        "location": None,
        "framing": "earlier",
    }
    text = claim_block(SID, [REVIEWED, dialogue])
    assert text.startswith(f"# ---- accepted from data/review/{SID}.yaml\n")
    assert f"\n\n- id: {SID}-03" in text  # a blank line between claims
    claims = read_back(tmp_path, text)
    assert [c["id"] for c in claims] == [f"{SID}-01", f"{SID}-03"]
    parsed = [Claim.model_validate({**c, "source": SID}) for c in claims]
    assert parsed[0].attribution.words == "officials said"
    assert parsed[1].attribution == "outlet"
    assert (parsed[1].actors, parsed[1].framing) == (["jaishankar", "motegi"], "earlier")
    assert claims[0].line < claims[1].line  # the loader knows where each starts


def test_claims_accepted_from_a_real_review_read_back_as_valid_claims(data_copy, tmp_path):
    added(data_copy)
    review_as_analyst(data_copy, ACCEPT)
    chosen, _ = accepted_in_review(data_copy / "review" / f"{SID}.yaml", SID)
    claims = read_back(tmp_path, claim_block(SID, chosen))
    assert [c["id"] for c in claims] == [c["id"] for c in chosen]
    for claim in claims:
        Claim.model_validate({**claim, "source": SID})
    by_id = {c["id"]: c for c in claims}
    assert by_id[AGAIN]["milestone"] == ACCEPT[AGAIN]["milestone"]
    assert by_id[MEETING]["location"] == "Tokyo"


def test_a_claim_without_its_source_is_not_a_claim(tmp_path):
    # the source is the file's name, never a field: the block leaves it to the loader
    (claim,) = read_back(tmp_path, claim_block(SID, [REVIEWED]))
    assert "source" not in claim
    with pytest.raises(ValueError, match="source"):
        Claim.model_validate(claim)


# ---- actors


def test_an_actor_block_keeps_only_the_actor_fields_that_have_values(tmp_path):
    proposed = [
        {
            "accept": True,
            "id": "jaiswal",
            "name": "Randhir Jaiswal",
            "kind": "person",
            "role": "External affairs ministry spokesperson",
            "country": "IN",
            "why": "named with a role",
        },
        {
            "accept": True,
            "id": "jp-mext",
            "name": "Japan's education ministry",
            "kind": "ministry",
            "role": None,
            "country": None,
            "aliases": [],
            "why": "a ministry",
        },
    ]
    text = record_block(SID, "actor", proposed)
    assert text.startswith(f"\n# ---- {SID}: new actors accepted from data/review/{SID}.yaml\n")
    jaiswal, mext = read_back(tmp_path, text)
    assert list(jaiswal) == ["id", "name", "kind", "role", "country"]
    assert list(mext) == ["id", "name", "kind"]
    assert set(jaiswal) | set(mext) <= set(ACTOR_FIELDS)
    assert Actor.model_validate(jaiswal).country == "IN"
    assert Actor.model_validate(mext).role is None


def test_rests_on_replaced_keeps_the_files_own_comments():
    from ijmemo.intake.new_records import with_rests_on

    meta = (
        "# Metadata for the raw text beside this file.\n"
        "id: s1\n"
        "rests_on:\n"
        "- id: old\n"
        "  kind: briefing\n"
        "# checked against the ministry's readout\n"
        "url: null\n"
    )
    basis = {"id": "new", "kind": "readout", "what": "a readout", "words": "in a statement"}
    text = with_rests_on(meta, [basis])
    assert "# checked against the ministry's readout" in text and "id: old" not in text
    assert text.count("rests_on:") == 1 and "url: null" in text
