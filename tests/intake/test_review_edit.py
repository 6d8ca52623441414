"""The review file edited in place: a change rewrites that field's lines and nothing else."""

from __future__ import annotations

import pytest

from ijmemo.core.problems import AcceptError
from ijmemo.intake.review_edit import ReviewEdit

from conftest import MEETING, SID, added


def test_an_edit_keeps_comments_order_and_every_other_field(data_copy):
    added(data_copy)
    path = data_copy / "review" / f"{SID}.yaml"
    with path.open("a") as fh:
        fh.write("# my note: check the date with the ministry\n")
    before = path.read_text()
    edit = ReviewEdit.open(SID, data_copy)
    edit.set(MEETING, attribution={"by": "officials", "how": "said", "words": "officials said"})
    edit.set(MEETING, note="read with the ministry's readout")
    edit.save()
    after = path.read_text()
    assert "# my note: check the date with the ministry" in after
    assert after.splitlines()[:20] == before.splitlines()[:20]  # the instructions
    candidate = edit.candidates[0]
    assert candidate["attribution"] == {"by": "officials", "how": "said", "words": "officials said"}
    assert candidate["note"] == "read with the ministry's readout"
    assert candidate["quote"] == ReviewEdit.open(SID, data_copy).candidates[0]["quote"]
    assert len(after.splitlines()) - len(before.splitlines()) in (0, 1)  # a note may wrap


def test_a_blank_text_is_null_and_unknown_fields_or_entries_are_refused(data_copy):
    added(data_copy)
    edit = ReviewEdit.open(SID, data_copy)
    edit.set(MEETING, statement="   ")
    assert edit.candidates[0]["statement"] is None
    with pytest.raises(KeyError, match="'quote' is not a field the review edits"):
        edit.set(MEETING, quote="another quote")
    with pytest.raises(KeyError, match="no entry 'nope'"):
        edit.set("nope", accept=True)


def test_a_missing_review_file_is_a_clear_refusal(data_copy):
    with pytest.raises(AcceptError, match=r"no review file .*make add-source first"):
        ReviewEdit.open("never_added", data_copy)


def test_a_list_field_is_replaced_whole_and_an_unchanged_field_left_as_written(data_copy):
    added(data_copy)
    edit = ReviewEdit.open(SID, data_copy)
    before = edit.text
    edit.set(MEETING, sectors=["critical-minerals", "economic-security"])
    edit.set(MEETING, sectors=["economic-security"], countries=["JP", "IN"], location=None)
    assert edit.candidates[0]["sectors"] == ["economic-security"]
    assert edit.text.count("  sectors:") == before.count("  sectors:")  # no block left behind
    unchanged = ReviewEdit.open(SID, data_copy)
    unchanged.set(MEETING, countries=list(unchanged.candidates[0]["countries"]), location="")
    assert unchanged.text == before  # values already so: not one byte rewritten
