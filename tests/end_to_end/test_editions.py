"""New editions over time: an article added and accepted, and what each edition says changed."""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import shutil
from html import unescape
from pathlib import Path

import frictionless
import pytest

from ijmemo.core.paths import PARAMS_DIR, DataPaths
from ijmemo.evidence import known_kept
from ijmemo.steps.accept import accept_source
from ijmemo.steps.add_source import add_source
from ijmemo.steps.curate import curate, curate_to_processed
from ijmemo.steps.report import ReportJob, build_report

from conftest import (
    ACCEPT,
    DIALOGUE,
    FIXTURES,
    S003,
    SID,
    TITLE,
    added,
    edit,
    review_as_analyst,
)


def visible_text(html: str) -> str:
    """What a reader sees: tags removed, entities decoded, whitespace collapsed."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def params_at(tmp_path: Path, as_of: str, name: str = "timeline") -> Path:
    """The default set re-dated: the same parameter set (one name) at another edition date."""
    path = tmp_path / "params" / f"{name}.yaml"
    path.parent.mkdir(exist_ok=True)
    shutil.copy(PARAMS_DIR / "default.yaml", path)
    edit(path, "as_of: 2026-01-20", f"as_of: {as_of}")
    edit(path, "assessment_file: default.md", "assessment_file: null")
    return path


@pytest.fixture
def params_march(tmp_path) -> Path:
    return params_at(tmp_path, "2026-03-01")


def build(params: Path, data: Path, tmp_path: Path, name: str = "build", **overrides) -> Path:
    return build_report(
        ReportJob(
            params,
            data_dir=data,
            out_root=tmp_path / name,
            formats=("html",),
            editions_dir=tmp_path / "editions",
            overrides=overrides or None,
        ),
        say=lambda _: None,
    )


def outputs(folder: Path) -> dict[str, bytes]:
    """What a reader and nbval see of an edition: memo, notebooks and data export."""
    names = ["memo.html", "01_curate.ipynb", "02_memo.ipynb"]
    names += [f"data/{p.name}" for p in sorted((folder / "data").iterdir())]
    return {n: (folder / n).read_bytes() for n in names}


POSTPONED = FIXTURES / "esd_postponed.txt"  # agency copy dated 20 June 2026


def accept_postponement(data_copy: Path) -> None:
    """The analyst reads the postponement as a move of the dialogue's due window."""
    result = add_source(
        POSTPONED,
        title="India, Japan put off economic security dialogue to September",
        date="2026-06-20",
        data_dir=data_copy,
    )
    candidate = next(c for c in result.candidates if "have postponed" in c.quote)
    decision = {
        "statement": "Officials said the economic security dialogue was postponed to September 2026.",
        "subject": "economic-security-dialogue",
        "date": "September 2026",
        "alias": None,
        "modality": "done",  # "have postponed" (the proposal read "was to be held" as a plan)
        "milestone": {"id": "economic-security-dialogue-first", "change": "postponed"},
    }
    review_as_analyst(data_copy, {candidate.id: decision}, result.source_id)
    accept_source(result.source_id, data_dir=data_copy)


def test_conflicting_date_is_listed_and_both_claims_kept(data_copy):
    added(data_copy)
    review_as_analyst(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    tables = curate(data_copy).tables
    conflicts = tables["conflicts"]
    row = conflicts[conflicts.subject_id == "strategic-dialogue-18"].iloc[0]
    assert row.field == "date" and row.reported == "Friday | 15 January 2026"
    assert DIALOGUE in row.claim_ids and "c003-02" in row.claim_ids
    event = tables["events"].set_index("event_id").loc["strategic-dialogue-18"]
    assert event.date_start == "2026-01-16"  # not silently overwritten


def test_an_edition_is_unchanged_by_a_source_published_after_its_date(data_copy, tmp_path):
    curate_to_processed(data_copy)
    january = params_at(tmp_path, "2026-01-20")
    first = outputs(build(january, data_copy, tmp_path, "one"))
    assert b"Japan-India Critical Minerals" not in first["memo.html"]

    added(data_copy)  # published 27 February 2026
    review_as_analyst(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    curate_to_processed(data_copy)
    again = outputs(build(january, data_copy, tmp_path, "two"))
    assert again == first  # byte for byte: HTML, both notebooks, the data export

    march = build(params_at(tmp_path, "2026-03-01"), data_copy, tmp_path, "three")
    text = visible_text((march / "memo.html").read_text())
    assert "What changed since the edition of 20 January 2026" in text
    assert f"New sources (1): S3 “{TITLE}”" in text
    assert "Status: Joint Working Group on critical minerals: scheduled → convened" in text
    assert (
        "Milestone met: Meeting of the Joint Working Group on critical minerals (Met on 25 February 2026)"
        in text
    )
    assert (
        "New milestone: Second meeting of the Joint Working Group on critical minerals, due second half of 2026"
        in text
    )


def test_a_build_that_curates_first_gives_what_a_build_on_curated_tables_gives(
    data_copy, tmp_path, monkeypatch
):
    """`make report` after an accepted article curates in the build and hands the tables
    to the memo's kernel, which works out the evidence meanwhile (at this size the
    curate notebook's kernel may ask first and compute it: either way): the edition is
    the same, byte for byte, as one built on tables curated beforehand, computed afresh."""
    handed = []
    hand_over = known_kept.hand_over_tables
    monkeypatch.setattr(
        known_kept, "hand_over_tables", lambda *a: handed.append(1) or hand_over(*a)
    )
    january = params_at(tmp_path, "2026-01-20")
    curating = outputs(build(january, data_copy, tmp_path, "curating"))
    assert handed == [1]  # curated in the build, the tables handed to the kernel
    shutil.rmtree(DataPaths.at(data_copy).evidence_cache)  # nothing kept from that build
    assert outputs(build(january, data_copy, tmp_path, "curated")) == curating
    assert handed == [1]  # the tables were current: nothing curated, nothing handed


def test_work_handed_ahead_that_fails_never_fails_the_build(data_copy, tmp_path, monkeypatch):
    def refuse(*_):
        raise pickle.PicklingError("cannot be handed over")

    monkeypatch.setattr(known_kept, "hand_over_tables", refuse)
    built = build(params_at(tmp_path, "2026-01-20"), data_copy, tmp_path)
    assert (built / "memo.html").is_file()
    assert not list(DataPaths.at(data_copy).evidence_cache.glob("*.ahead"))  # none left


def test_next_edition_says_what_changed(data_copy, tmp_path):
    curate_to_processed(data_copy)
    first = build(params_at(tmp_path, "2026-01-20"), data_copy, tmp_path)
    first_html = (first / "memo.html").read_text()
    assert "First edition of this series on record." in first_html
    assert "window open until 30 April 2026" in first_html
    record = json.loads((tmp_path / "editions" / "timeline" / "2026-01-20.json").read_text())
    assert record["statuses"]["jwg-critical-minerals"] == "scheduled"
    assert record["milestones"]["jwg-meeting"]["state"] == "due now"

    added(data_copy)
    review_as_analyst(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    params = params_at(tmp_path, "2026-03-01")
    second = build(params, data_copy, tmp_path)
    html = (second / "memo.html").read_text()
    text = visible_text(html)
    assert "What changed since the edition of 20 January 2026" in text
    assert "New claims (3), on:" in text
    assert "India–Japan Strategic Dialogue (Jaishankar–Motegi), date: “Friday”" in text  # conflict
    assert "Met on 25 February 2026" in text  # what changed
    edition = json.loads((second / "edition.json").read_text())
    assert edition["statuses"]["jwg-critical-minerals"] == "convened"
    assert edition["previous_as_of"] == "2026-01-20"
    assert edition["memo_sha256"] == hashlib.sha256(html.encode()).hexdigest()

    again = build(params, data_copy, tmp_path)
    assert (again / "memo.html").read_text() == html  # a rerun compares with the same predecessor


def test_a_source_added_late_is_reported_as_added_since(data_copy, tmp_path):
    curate_to_processed(data_copy)
    build(params_at(tmp_path, "2026-03-01"), data_copy, tmp_path)  # before the article was added
    added(data_copy)  # published 27 February, before that edition
    review_as_analyst(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    april = build(params_at(tmp_path, "2026-04-15"), data_copy, tmp_path)
    text = visible_text((april / "memo.html").read_text())
    assert "What changed since the edition of 1 March 2026" in text
    assert f"Added since, though published before that edition (1): S3 “{TITLE}”" in text
    assert "New sources" not in text


def test_three_editions_show_a_met_milestone_a_second_one_and_a_postponement(data_copy, tmp_path):
    """One series, its next editions built as `make report AS_OF=…` builds them."""
    series = params_at(tmp_path, "2026-01-20", name="series")

    def edition(as_of: str) -> str:
        curate_to_processed(data_copy)
        built = build(series, data_copy, tmp_path, as_of=as_of)
        return visible_text((built / "memo.html").read_text())

    january = edition("2026-01-20")
    assert "Meeting of the Joint Working Group on critical minerals" in january
    assert "First edition of this series on record." in january
    added(data_copy)
    review_as_analyst(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    accept_postponement(data_copy)

    april = edition("2026-04-15")
    assert "What changed since the edition of 20 January 2026" in april
    assert "covering 16 January 2026 – 15 April 2026" in april  # the period follows the edition
    assert "Met on 25 February 2026" in april
    assert "India, Japan put off" not in april  # published in June: not known in April
    assert (
        "Second meeting of the Joint Working Group on critical minerals: window opens 1 July 2026"
        in april
    )
    assert "the newest known from 27 February 2026" in april

    july = edition("2026-07-15")
    assert "What changed since the edition of 15 April 2026" in july
    assert (
        "Milestone postponed: Economic security dialogue led by India's foreign secretary and a "
        "Japanese vice minister, from first half of 2026 to September 2026" in july
    )
    assert (
        "postponed from first half of 2026 to September 2026; window opens 1 September 2026" in july
    )
    assert "window closed 30 june 2026" not in july.lower()  # moved, so not overdue in July
    records = sorted(p.name for p in (tmp_path / "editions" / "series").iterdir())
    assert records == ["2026-01-20.json", "2026-04-15.json", "2026-07-15.json"]


def test_data_export_is_a_valid_data_package_linked_from_the_memo(
    tmp_path, data_copy, params_march
):
    curate_to_processed(data_copy)
    package = data_copy / "processed" / "datapackage.json"
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads(package.read_text())
    for resource in descriptor["resources"]:
        assert all(f["description"] for f in resource["schema"]["fields"]), resource["name"]
    build = build_report(
        ReportJob(params_march, data_dir=data_copy, out_root=tmp_path / "build", formats=("html",)),
        say=lambda _: None,
    )
    assert 'href="data/datapackage.json"' in (build / "memo.html").read_text()
    assert (build / "data" / "datapackage.json").is_file() and (
        build / "data" / "claims.csv"
    ).is_file()


def test_syndicated_copy_does_not_count_as_independent(data_copy):
    result = add_source(FIXTURES / "syndicated_003.txt", data_dir=data_copy)
    candidate = next(
        c for c in result.candidates if "joint working group on critical minerals" in c.quote
    )
    decision = {
        "statement": "A reprint reports the agreed working-group meeting.",
        "subject": "jwg-critical-minerals",
    }
    review_as_analyst(data_copy, {candidate.id: decision}, result.source_id)
    accept_source(result.source_id, data_dir=data_copy)
    tables = curate(data_copy).tables
    sources = tables["sources"].set_index("source_id")
    assert sources.loc[result.source_id, "syndication_group"] == S003
    jwg = tables["initiatives"].set_index("initiative_id").loc["jwg-critical-minerals"]
    # three firm reports, one independent: the reprint is 003's wording, and 000 names no
    # basis, so it cannot be shown independent of the briefings 003 rests on
    assert (jwg.n_sources, jwg.n_firm, jwg.n_independent) == (3, 3, 1)
