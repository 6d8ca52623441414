"""The review panel, driven as an analyst's clicks would drive it (no browser): the widgets
edit the review file in place, show accept's problems as you go, save, and accept."""

from __future__ import annotations

import difflib
import html

import pytest

from ijmemo.core.yamlio import load_yaml
from ijmemo.intake.review_edit import ReviewEdit
from ijmemo.lab.review import review_panel

from conftest import ACCEPT, MEETING, SID, added

STATEMENT = ACCEPT[MEETING]["statement"]


@pytest.fixture
def panel(data_copy):
    added(data_copy)
    return review_panel(SID, data_copy)


def test_each_candidate_shows_its_quote_in_context_and_the_proposals_preselected(panel):
    form = panel.forms[MEETING]
    assert (form.subject.value, form.status.value, form.modality.value) == (
        "jwg-critical-minerals",
        "convened",
        "done",
    )
    assert form.by.value == "jp-foreign-ministry"  # "Japan's foreign ministry said"
    heading = form.box.children[0].value
    assert "<mark>Officials from Japan and India met in Tokyo" in heading
    assert "no candidate has" in panel.status.value  # nothing accepted yet: accept says so


def test_problems_show_as_you_edit_and_clear_when_fixed(panel):
    form = panel.forms[MEETING]
    form.accept.value = True  # accepted without a statement: accept would refuse
    assert "field 'statement': required to accept" in html.unescape(form.problems.value)
    form.statement.value = STATEMENT
    assert form.problems.value == ""
    assert "accept would succeed" in panel.status.value
    assert "unsaved changes" in panel.status.value


def test_saving_changes_only_the_fields_edited(panel, data_copy):
    path = data_copy / "review" / f"{SID}.yaml"
    before = path.read_text().splitlines()
    form = panel.forms[MEETING]
    form.accept.value = True
    form.statement.value = STATEMENT
    panel.save_button.click()
    after = path.read_text().splitlines()
    diff = [d for d in difflib.ndiff(before, after) if d[:2] in ("- ", "+ ")]
    assert [d for d in diff if d.startswith("- ")] == ["-   accept: false", "-   statement: null"]
    added = " ".join(d[2:].strip() for d in diff if d.startswith("+ "))
    assert added == f"accept: true statement: {STATEMENT}"  # the statement wraps as YAML does
    assert after[0].startswith("# Candidate claims for source")  # the instructions kept
    assert ReviewEdit.open(SID, data_copy).candidates[0]["accept"] is True


def test_accept_writes_the_claim_into_the_evidence(panel, data_copy):
    form = panel.forms[MEETING]
    form.accept.value = True
    form.statement.value = STATEMENT
    panel.accept_button.click()
    assert "Accepted" in panel.status.value
    claims = load_yaml(data_copy / "curated" / "claims" / f"{SID}.yaml")
    assert [c["id"] for c in claims] == [MEETING]
    assert claims[0]["statement"] == STATEMENT


def test_accept_refused_says_why_and_changes_nothing(panel, data_copy):
    panel.forms[MEETING].accept.value = True  # no statement
    panel.accept_button.click()
    assert "Not accepted" in panel.status.value and "statement" in panel.status.value
    assert not (data_copy / "curated" / "claims" / f"{SID}.yaml").exists()


def test_with_nothing_added_the_panel_says_what_to_do(data_copy):
    shown = review_panel(None, data_copy)
    assert "make add-source" in shown.value
