"""New editions: add an article, accept reviewed candidates, and say what changed."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from html import unescape
from pathlib import Path

import frictionless
import pytest
import yaml
from ruamel.yaml import YAML

from ijmemo.core.paths import PARAMS_DIR
from ijmemo.core.problems import CurationError, SourceError
from ijmemo.steps.accept import AcceptError, accept_source
from ijmemo.steps.add_source import add_source
from ijmemo.steps.curate import curate, curate_to_processed
from ijmemo.steps.report import ReportJob, build_report

from conftest import S003, edit

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "jwg_first_meeting.txt"
SID = "jwg_first_meeting"
TITLE = "Japan, India hold first critical minerals working group meeting in Tokyo"


def visible_text(html: str) -> str:
    """What a reader sees: tags removed, entities decoded, whitespace collapsed."""
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def added(data_copy):
    return add_source(ARTICLE, title=TITLE, date="2026-02-27", data_dir=data_copy)


def review(data_copy, decisions: dict[str, dict], source_id: str = SID) -> None:
    """Edit the review file as an analyst would: accept some candidates, fill them in."""
    path = data_copy / "review" / f"{source_id}.yaml"
    y = YAML()
    doc = y.load(path.read_text())
    by_id = {c["id"]: c for c in doc["candidates"]}
    for cid, changes in decisions.items():
        by_id[cid].update({"accept": True, **changes})
    with path.open("w") as fh:
        y.dump(doc, fh)


# The headline repeats TITLE, so it is left out: the first sentence of the body is -01.
MEETING = f"{SID}-01"  # "Officials from Japan and India met in Tokyo on 25 February 2026 ..."
AGAIN = f"{SID}-02"  # "... agreed to meet again in the second half of 2026."
DIALOGUE = f"{SID}-03"  # "... held in New Delhi on 15 January 2026."
ACCEPT = {
    MEETING: {
        "statement": "Japan's foreign ministry said officials held the first meeting of the critical minerals working group in Tokyo on 25 February 2026.",
        "status": "convened",
        "milestone": {"id": "jwg-meeting", "change": "met"},
        "location": "Tokyo",
    },
    AGAIN: {
        "statement": "The working group agreed to meet again in the second half of 2026.",
        "subject": "jwg-critical-minerals",
        "date": "second half of 2026",
        "milestone": {
            "id": "jwg-second-meeting",
            "change": "new",
            "what": "Second meeting of the Joint Working Group on critical minerals",
        },
    },
    DIALOGUE: {"statement": "The strategic dialogue was held in New Delhi on 15 January 2026."},
}


def test_add_source_copies_text_unchanged_and_keeps_unknowns_unknown(data_copy):
    result = added(data_copy)
    assert result.text_path.read_bytes() == ARTICLE.read_bytes()
    meta = json.loads(json.dumps(YAML(typ="safe").load(result.meta_path.read_text())))
    assert (meta["title"], meta["published"]) == (TITLE, "2026-02-27")
    assert meta["outlet"] is None and meta["url"] is None
    assert (
        curate(data_copy).tables["sources"].set_index("source_id").loc[SID, "published_precision"]
        == "day"
    )


def test_candidates_carry_the_facts_and_no_boilerplate(data_copy):
    candidates = {c.id: c for c in added(data_copy).candidates}
    quotes = [c.quote for c in candidates.values()]
    assert any(
        q.startswith("Officials from Japan and India met in Tokyo on 25 February 2026")
        or "met in Tokyo on 25 February 2026" in q
        for q in quotes
    )
    assert any("economic security dialogue in the first half of 2026" in q for q in quotes)
    for junk in ("Also Read", "Photo:", "![", "photo.jpg", "weather"):
        assert not any(junk in q for q in quotes), junk
    text = ARTICLE.read_text()
    for c in candidates.values():
        assert text[c.start : c.end] == c.quote  # verbatim, with offsets
    meeting = candidates[MEETING]
    assert [(d.text, str(d.start), d.precision) for d in meeting.dates] == [
        ("25 February 2026", "2026-02-25", "day")
    ]
    assert "critical-minerals" in meeting.sectors and {"IN", "JP"} <= set(meeting.countries)


def test_another_name_resolves_to_the_right_initiative(data_copy):
    candidates = {c.id: c for c in added(data_copy).candidates}
    assert (
        candidates[MEETING].match.subject == "jwg-critical-minerals"
    )  # "Japan-India Critical Minerals Working Group"
    assert candidates[DIALOGUE].match.subject == "strategic-dialogue-18"
    security = next(c for c in candidates.values() if "economic security dialogue" in c.quote)
    assert security.match.subject == "economic-security-dialogue"
    doc = YAML(typ="safe").load((data_copy / "review" / f"{SID}.yaml").read_text())
    review_entry = next(c for c in doc["candidates"] if c["id"] == MEETING)
    assert review_entry["alias"] == "Japan-India Critical Minerals Working Group"
    assert (
        review_entry["accept"] is False and review_entry["statement"] is None
    )  # the analyst decides


def test_accept_only_appends_claims_and_the_timeline_follows(data_copy):
    added(data_copy)
    review(data_copy, ACCEPT)
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


def test_conflicting_date_is_listed_and_both_claims_kept(data_copy):
    added(data_copy)
    review(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    tables = curate(data_copy).tables
    conflicts = tables["conflicts"]
    row = conflicts[conflicts.subject_id == "strategic-dialogue-18"].iloc[0]
    assert row.field == "date" and row.reported == "Friday | 15 January 2026"
    assert DIALOGUE in row.claim_ids and "c003-02" in row.claim_ids
    event = tables["events"].set_index("event_id").loc["strategic-dialogue-18"]
    assert event.date_start == "2026-01-16"  # not silently overwritten


def params_at(tmp_path: Path, as_of: str, name: str = "timeline") -> Path:
    """The default set re-dated: the same parameter set (one name) at another edition date."""
    path = tmp_path / "params" / f"{name}.yaml"
    path.parent.mkdir(exist_ok=True)
    shutil.copy(PARAMS_DIR / "default.yaml", path)
    edit(path, "as_of: 2026-01-20", f"as_of: {as_of}")
    edit(path, "end: 2026-01-31", f"end: {as_of}")
    edit(path, "assessment_file: default.md", "assessment_file: null")
    return path


@pytest.fixture
def params_march(tmp_path) -> Path:
    return params_at(tmp_path, "2026-03-01")


def build(params: Path, data: Path, tmp_path: Path, name: str = "build") -> Path:
    return build_report(
        ReportJob(
            params,
            data_dir=data,
            out_root=tmp_path / name,
            formats=("html",),
            editions_dir=tmp_path / "editions",
        ),
        say=lambda _: None,
    )


def outputs(folder: Path) -> dict[str, bytes]:
    """What a reader and nbval see of an edition: memo, notebooks and data export."""
    names = ["memo.html", "01_curate.ipynb", "02_memo.ipynb"]
    names += [f"data/{p.name}" for p in sorted((folder / "data").iterdir())]
    return {n: (folder / n).read_bytes() for n in names}


def test_an_edition_is_unchanged_by_a_source_published_after_its_date(data_copy, tmp_path):
    curate_to_processed(data_copy)
    january = params_at(tmp_path, "2026-01-20")
    first = outputs(build(january, data_copy, tmp_path, "one"))
    assert b"Japan-India Critical Minerals" not in first["memo.html"]

    added(data_copy)  # published 27 February 2026
    review(data_copy, ACCEPT)
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


def test_next_edition_says_what_changed(data_copy, tmp_path):
    curate_to_processed(data_copy)
    first = build(params_at(tmp_path, "2026-01-20"), data_copy, tmp_path)
    first_html = (first / "memo.html").read_text()
    assert "First edition of this parameter set" in first_html
    assert "Due now" in first_html
    record = json.loads((tmp_path / "editions" / "timeline" / "2026-01-20.json").read_text())
    assert record["statuses"]["jwg-critical-minerals"] == "scheduled"
    assert record["milestones"]["jwg-meeting"]["state"] == "due now"

    added(data_copy)
    review(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    params = params_at(tmp_path, "2026-03-01")
    second = build(params, data_copy, tmp_path)
    html = (second / "memo.html").read_text()
    text = visible_text(html)
    assert "What changed since the edition of 20 January 2026" in text
    assert "New claims (3):" in text
    assert "India–Japan Strategic Dialogue (Jaishankar–Motegi), date: “Friday”" in text  # conflict
    assert "Met on 25 February 2026" in text  # the watchlist
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
    review(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    april = build(params_at(tmp_path, "2026-04-15"), data_copy, tmp_path)
    text = visible_text((april / "memo.html").read_text())
    assert "What changed since the edition of 1 March 2026" in text
    assert f"Added since, though published before that edition (1): S3 “{TITLE}”" in text
    assert "New sources" not in text


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
    review(data_copy, {candidate.id: decision}, result.source_id)
    accept_source(result.source_id, data_dir=data_copy)


def test_three_editions_show_a_met_milestone_a_second_one_and_a_postponement(data_copy, tmp_path):
    spring = tmp_path / "params" / "spring-2026.yaml"
    spring.parent.mkdir()
    shutil.copy(PARAMS_DIR / "spring-2026.yaml", spring)

    def edition(as_of: str) -> str:
        text = spring.read_text()
        text = re.sub(r"as_of: .*", f"as_of: {as_of}", text)
        spring.write_text(re.sub(r"end: .*", f"end: {as_of}", text))
        curate_to_processed(data_copy)
        return visible_text((build(spring, data_copy, tmp_path) / "memo.html").read_text())

    january = edition("2026-01-20")
    assert "Meeting of the Joint Working Group on critical minerals" in january
    added(data_copy)
    review(data_copy, ACCEPT)
    accept_source(SID, data_dir=data_copy)
    accept_postponement(data_copy)

    april = edition("2026-04-15")
    assert "What changed since the edition of 20 January 2026" in april
    assert "Met on 25 February 2026" in april
    assert "Second meeting of the Joint Working Group on critical minerals" in april
    assert "India, Japan put off" not in april  # published in June: not known in April
    assert (
        "next: Second meeting of the Joint Working Group on critical minerals, due second half of 2026"
        in april
    )

    july = edition("2026-07-15")
    assert "What changed since the edition of 15 April 2026" in july
    assert (
        "Milestone postponed: Economic security dialogue led by India's foreign secretary and a "
        "Japanese vice minister, from first half of 2026 to September 2026" in july
    )
    assert "Postponed from first half of 2026 to September 2026; upcoming" in july  # watchlist
    assert "Overdue: no reported follow-up" not in july  # moved, so not overdue in July
    records = sorted(p.name for p in (tmp_path / "editions" / "spring-2026").iterdir())
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
    review(data_copy, {candidate.id: decision}, result.source_id)
    accept_source(result.source_id, data_dir=data_copy)
    tables = curate(data_copy).tables
    sources = tables["sources"].set_index("source_id")
    assert sources.loc[result.source_id, "syndication_group"] == S003
    jwg = tables["initiatives"].set_index("initiative_id").loc["jwg-critical-minerals"]
    # three firm reports, one independent: the reprint is 003's wording, and 000 names no
    # basis, so it cannot be shown independent of the briefings 003 rests on
    assert (jwg.n_sources, jwg.n_firm, jwg.n_independent) == (3, 3, 1)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "empty.txt").write_text("  \n") and d / "empty.txt", "the file is empty"),
        (
            lambda d: (
                (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
                and d / "photo.txt"
            ),
            "binary file",
        ),
        (
            lambda d: (
                (d / "latin1.txt").write_bytes("Caf\xe9 in Tokyo".encode("latin-1"))
                and d / "latin1.txt"
            ),
            "not UTF-8 text",
        ),
        (
            lambda d: (
                shutil.copy(d / "data" / "sources" / f"{S003}.txt", d / "again.txt")
                and d / "again.txt"
            ),
            f"already added as source '{S003}'",
        ),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(data_copy, make_file, message):
    before = snapshot(data_copy)
    path = make_file(data_copy.parent)
    with pytest.raises(SourceError, match=message) as caught:
        add_source(path, data_dir=data_copy)
    assert str(path) in str(caught.value)
    assert snapshot(data_copy) == before


def test_accept_refuses_incomplete_reviews_and_rolls_back_invalid_ones(data_copy):
    added(data_copy)
    before = snapshot(data_copy / "curated")
    with pytest.raises(AcceptError, match="no candidate has 'accept: true'"):
        accept_source(SID, data_dir=data_copy)
    review(data_copy, {MEETING: {"status": "held"}})
    with pytest.raises(AcceptError) as caught:
        accept_source(SID, data_dir=data_copy)
    assert "field 'statement': required to accept" in str(caught.value)
    assert "'held' is not a status" in str(caught.value)
    review(
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


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("last Tuesday-ish", "unrecognised date phrase"),
        ("2026-02-30", "impossible date"),
        ("Friday", "does not say when the article was published"),
        ("yesterday", "does not say when the article was published"),
    ],
)
def test_a_publication_date_that_is_not_a_date_is_refused_before_anything_is_written(
    data_copy, date, message
):
    before = snapshot(data_copy)
    with pytest.raises(SourceError, match=message):
        add_source(FIXTURES / "jwg_first_meeting.txt", date=date, data_dir=data_copy)
    assert snapshot(data_copy) == before
