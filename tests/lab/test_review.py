"""The review panel, driven as an analyst's clicks would drive it (no browser): the widgets
edit the review file in place, show accept's problems as you go, save, and accept."""

from __future__ import annotations

import difflib
import html
import subprocess

import ipywidgets
import pytest

from ijmemo.core.yamlio import load_yaml
from ijmemo.intake.review_edit import ReviewEdit
from ijmemo.lab.review import review_panel, review_widget
from ijmemo.steps.add_source import add_source

from conftest import ACCEPT, FIXTURES, MEETING, SID, added

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


def test_a_new_subject_is_kept_and_filled_in_and_a_milestone_edited(data_copy):
    statement_pdf = FIXTURES / "formats" / "port_logistics_statement.pdf"
    added_pdf = add_source(statement_pdf, date="2026-04-09", data_dir=data_copy)
    panel = review_panel(added_pdf.source_id, data_copy)
    edit_path = data_copy / "review" / f"{added_pdf.source_id}.yaml"
    group = next(
        f for f in panel.forms.values() if f.subject.value == "working-group-on-green-fuels"
    )
    group.accept.value = True
    group.statement.value = (
        "India and Japan agreed to set up a working group on green fuels, the statement said."
    )
    group.milestone_change.value = "new"
    group.milestone_id.value = "green-fuels-first-report"
    group.milestone_what.value = "First report of the working group on green fuels"
    box = panel.widget.children[-1]  # the new subject's form
    keep, _why, *fields = box.children
    keep.value = True
    next(f for f in fields if f.description == "parties").value = "IN, JP"
    panel.save_button.click()
    doc = load_yaml(edit_path)
    record = doc["new_subjects"][0]
    assert record["accept"] is True and record["record"]["parties"] == ["IN", "JP"]
    candidate = next(c for c in doc["candidates"] if c["id"] == group.id)
    assert candidate["milestone"] == {
        "id": "green-fuels-first-report",
        "change": "new",
        "what": "First report of the working group on green fuels",
    }


def test_what_the_source_rests_on_is_kept_with_the_analysts_words(data_copy):
    page = add_source(FIXTURES / "formats" / "news_page.html", data_dir=data_copy)
    panel = review_panel(page.source_id, data_copy)
    rows = [
        c
        for c in panel.widget.children
        if isinstance(c, ipywidgets.HBox) and c.children[0].description.startswith("readout:")
    ]
    keep, what = rows[0].children  # "in a statement": a readout
    keep.value = True
    what.value = "the ports ministry's statement of 12 March 2026"
    panel.save_button.click()
    doc = load_yaml(data_copy / "review" / f"{page.source_id}.yaml")
    kept = [(b["kind"], b["what"]) for b in doc["rests_on"] if b["accept"]]
    assert kept == [("readout", "the ports ministry's statement of 12 March 2026")]


def test_rebuild_runs_the_report_for_the_chosen_parameter_set_and_links_the_memo(
    panel, monkeypatch
):
    ran = []

    def report(cmd, **kwargs):
        ran.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, "report: done in 8 s\\n", "")

    monkeypatch.setattr("ijmemo.lab.review.subprocess.run", report)
    panel.params.value = "critical-minerals"
    panel.as_of.value = "2026-03-01"  # the next edition
    panel.report_button.click()
    command = ran[0]
    assert command[1:4] == ["-m", "ijmemo", "report"]
    assert command[4].endswith("critical-minerals.yaml")
    assert command[command.index("--as-of") + 1] == "2026-03-01"
    assert command[command.index("--data-dir") + 1] == str(panel.data_dir)  # the data reviewed
    assert "report/build/critical-minerals/memo.html" in panel.status.value


def test_the_other_fields_of_a_claim_are_edited_in_widgets_too(panel, data_copy):
    form = panel.forms[MEETING]
    form.sectors.value = ["critical-minerals", "economic-security"]
    form.date.value = "25 February 2026"
    form.location.value = "Tokyo"
    form.note.value = "Read with the ministry's readout."
    panel.save_button.click()
    candidate = load_yaml(data_copy / "review" / f"{SID}.yaml")["candidates"][0]
    assert candidate["sectors"] == ["critical-minerals", "economic-security"]
    assert (candidate["date"], candidate["location"], candidate["note"]) == (
        "25 February 2026",
        "Tokyo",
        "Read with the ministry's readout.",
    )


def test_the_notebook_shows_the_panels_widgets(panel, data_copy):
    shown = review_widget(SID, data_copy)
    assert any(isinstance(c, ipywidgets.HBox) for c in shown.children)  # the buttons row
