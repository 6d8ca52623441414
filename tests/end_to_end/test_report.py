"""The built memo, as an analyst receives it: HTML in a browser, the PDF, and its guarantees."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import date
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from pypdf import PdfReader

from ijmemo.core.paths import DATA_DIR, NOTEBOOKS_DIR, PARAMS_DIR, DataPaths
from ijmemo.outputs.browser import WAIT_FOR_CHARTS, chromium_page
from ijmemo.outputs.docx import memo_docx
from ijmemo.outputs.html import PLOTLY_BUNDLE
from ijmemo.steps.report import ReportJob, build_report
from ijmemo.text.quotes import SourceText

from conftest import S000, S003, edit, edit_claims, snapshot

SECTIONS = [
    "What happened",
    "Key judgement",
    "What to watch",
    "Where each initiative stands",
    "Developments by sector",
    "Meetings and visits",
    "Context",
    "The analyst's assessment, continued",
    "Annex: the evidence",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The default edition, built once (HTML and PDF) into a scratch folder."""
    return build_report(
        ReportJob(
            PARAMS_DIR / "default.yaml", out_root=tmp_path_factory.mktemp("build"), cache_dir=None
        ),
        say=lambda _: None,
    )


@pytest.fixture(scope="module")
def page_report(built):
    """What Chromium saw opening memo.html: console errors, blocked requests, DOM facts."""
    seen = {"errors": [], "blocked": []}
    with chromium_page() as page:
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("requestfailed", lambda r: seen["blocked"].append(r.url))
        page.goto((built / "memo.html").as_uri(), wait_until="load")
        page.wait_for_function(WAIT_FOR_CHARTS, timeout=60_000)
        seen["charts"] = page.eval_on_selector_all(
            ".plotly-graph-div",
            "els => els.map(e => [e.id, !!e.querySelector('.main-svg'), e.querySelectorAll('.main-svg .trace, .main-svg .hm, .main-svg .point').length])",
        )
        seen["figures"] = page.eval_on_selector_all(
            "figure.chart",
            "els => els.map(e => [e.getAttribute('aria-label'), e.querySelector('figcaption').innerText])",
        )
        seen["links"] = page.eval_on_selector_all(
            "a[href^='#note-']",
            "els => els.map(e => [e.getAttribute('href'), !!document.getElementById(e.getAttribute('href').slice(1))])",
        )
        seen["headings"] = page.eval_on_selector_all("h2", "els => els.map(e => e.innerText)")
        seen["trace_types"] = page.evaluate(
            "() => [...document.querySelectorAll('.plotly-graph-div')]"
            ".flatMap(d => d.data.map(t => t.type || 'scatter'))"
        )
        seen["registered"] = page.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces)")
    return seen


def test_build_publishes_html_pdf_word_figures_and_the_executed_notebooks(built):
    assert sorted(p.name for p in built.iterdir()) == [
        "01_curate.ipynb",
        "02_memo.ipynb",
        "brief.md",
        "data",
        "edition.json",
        "figures",
        "memo.docx",
        "memo.html",
        "memo.pdf",
        "tracker.csv",
    ]
    assert (built / "data" / "datapackage.json").is_file()
    assert (built / "data" / "tracker.csv").read_bytes() == (built / "tracker.csv").read_bytes()
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".")], "staging debris left"


def test_html_is_self_contained(built):
    html = (built / "memo.html").read_text()
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", html), (
        "loads from a network"
    )
    assert len(re.findall(r"plotly\.js \(bar, heatmap - minified\) v\d", html)) == 1, (
        "plotly.js embedded once"
    )
    assert "<code" not in html and "jp-InputArea" not in html  # no code, no prompts


def test_the_memos_plotly_bundle_has_every_trace_type_its_charts_draw(page_report):
    # The bundle carries only these (outputs/html.py): a chart of another type would
    # come out blank, without an error.
    assert {"bar", "heatmap", "scatter"} <= set(page_report["trace_types"])
    assert set(page_report["trace_types"]) <= set(page_report["registered"])
    assert sorted(page_report["registered"]) == sorted(PLOTLY_BUNDLE["traces"])


def test_every_chart_renders_in_chromium_without_errors(page_report):
    assert page_report["errors"] == []
    assert page_report["blocked"] == []  # nothing tried to load from a network
    ids = [c[0] for c in page_report["charts"]]
    assert ids == ["fig-sectors", "fig-timeline", "fig-involvement"]
    for chart_id, drawn, marks in page_report["charts"]:
        assert drawn and marks > 0, chart_id


def test_every_chart_has_alt_text_and_a_caption(page_report):
    assert len(page_report["figures"]) == 3
    for alt, caption in page_report["figures"]:
        assert len(alt) > 40 and caption.startswith("Figure ")


def test_every_citation_link_resolves_to_an_endnote(page_report):
    assert len(page_report["links"]) > 20
    assert all(resolved for _, resolved in page_report["links"])


def test_memo_sections_in_order(page_report):
    headings = page_report["headings"]
    positions = [next(i for i, h in enumerate(headings) if h.startswith(s)) for s in SECTIONS]
    assert positions == sorted(positions)


def test_endnote_quotes_are_verbatim_in_their_sources(built):
    html = (built / "memo.html").read_text()
    texts = {
        sid: SourceText((DATA_DIR / "sources" / f"{sid}.txt").read_text()) for sid in (S000, S003)
    }
    notes = re.findall(r'<li [^>]*id="note-\d+"[^>]*>\s*<q>(.*?)</q>', html, flags=re.S)
    assert len(notes) > 20
    import html as html_lib

    for quote in notes:
        quote = html_lib.unescape(quote)
        assert any(t.find(quote) for t in texts.values()), quote


def test_pdf_is_an_a4_memo_with_sections_key_facts_and_page_numbers(built):
    reader = PdfReader(built / "memo.pdf")
    assert 4 <= len(reader.pages) <= 20
    box = reader.pages[0].mediabox
    # A4 is 595.3 x 841.9 pt; Chromium rounds the page to whole CSS pixels.
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2
    text = "\n".join(p.extract_text() for p in reader.pages)
    flat = " ".join(text.split())
    for heading in SECTIONS:
        assert heading in flat, heading
    for fact in (
        "early 2026",
        "first half of 2026",
        "Joint Working Group on critical minerals",
        "Shinkansen",
        "window open until 30 April 2026",
        "Unicorn",
        "Unknown: outlet",
    ):
        assert fact in flat, fact
    assert f"Page 2 of {len(reader.pages)}" in flat
    assert "India–Japan partnership: AI, critical minerals and economic security" in " ".join(
        reader.pages[1].extract_text().split()
    )


def test_page_1_stands_alone_and_the_analysis_fits_five_pages(built):
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(built / "memo.pdf").pages]
    first = pages[0]
    for part in ("What happened", "Key judgement", "What to watch", "Evidence:"):
        assert part in first, part
    assert "Motegi's visit to India, 15–17 January 2026" in first
    assert "The analyst's assessment, written 20 January 2026; not a reported fact." in first
    assert "Where each initiative stands" not in first  # the brief ends page 1
    annex = next(n for n, text in enumerate(pages) if "Annex: the evidence" in text)
    assert annex - 1 <= 5, f"the analysis runs to {annex - 1} pages after page 1"


def test_brief_md_is_page_1_as_text_with_source_citations(built):
    brief = (built / "brief.md").read_text(encoding="utf-8")
    assert len(brief.split()) <= 300
    assert "**Key judgement** (the analyst's assessment, written 20 January 2026" in brief
    cited = set(re.findall(r"\[(S\d+(?:, S\d+)*)\]", brief))
    assert cited and {k for c in cited for k in c.split(", ")} <= {"S1", "S2"}
    html = (built / "memo.html").read_text(encoding="utf-8")
    assert all(f"<strong>{k}</strong>" in html for k in ("S1", "S2"))  # they resolve in the memo


def test_tracker_csv_has_a_row_per_initiative(built):
    import pandas as pd

    tracker = pd.read_csv(built / "tracker.csv")
    initiatives = pd.read_csv(built / "data" / "initiatives.csv")
    bilateral = initiatives[
        initiatives.parties.str.contains("IN") & initiatives.parties.str.contains("JP")
    ]
    assert sorted(tracker.initiative_id) == sorted(bilateral.initiative_id)
    jwg = tracker.set_index("initiative_id").loc["jwg-critical-minerals"]
    assert (jwg.status, jwg.due_end, jwg.state) == ("scheduled", "2026-04-30", "due now")
    assert jwg.latest_known_from == "2026-01-16" and jwg.since_last_edition == "first edition"


def test_two_runs_give_identical_html_notebooks_word_and_figures(built, tmp_path):
    again = build_report(
        ReportJob(PARAMS_DIR / "default.yaml", out_root=tmp_path, cache_dir=None),
        say=lambda _: None,
    )
    figures = [f"figures/{p.name}" for p in sorted((built / "figures").iterdir())]
    assert len(figures) == 9  # PNG, SVG and caption sidecar for each of 3 charts
    same = ("memo.html", "02_memo.ipynb", "01_curate.ipynb", "memo.docx", "brief.md", "tracker.csv")
    for name in (*same, *figures):
        assert (again / name).read_bytes() == (built / name).read_bytes(), name


def test_01_run_on_the_memos_kernel_is_what_a_kernel_of_its_own_shows(tmp_path):
    """01 runs after the memo on the memo's kernel (no second kernel to start): the same
    bytes as 01 run alone on a new kernel with the same parameters."""
    from ijmemo.outputs.notebooks import execute_notebook

    built = build_report(
        ReportJob(
            PARAMS_DIR / "default.yaml", out_root=tmp_path, formats=("html",), cache_dir=None
        ),
        say=lambda _: None,
    )
    parameters = {"data_dir": None, "reuse_processed": True, "as_of": "2026-01-20"}
    alone = execute_notebook(NOTEBOOKS_DIR / "01_curate.ipynb", tmp_path / "01.ipynb", parameters)
    assert (built / "01_curate.ipynb").read_bytes() == alone.read_bytes()


def test_committed_edition_record_matches_a_fresh_build(built):
    """report/editions/ says which memo each edition was; a clean build must be that memo.

    Fails when the memo changed and `make reports` was not rerun and committed.
    """
    from ijmemo.core.paths import EDITIONS_DIR

    record = json.loads((EDITIONS_DIR / "default" / "2026-01-20.json").read_text())
    html = (built / "memo.html").read_bytes()
    assert record["memo_sha256"] == hashlib.sha256(html).hexdigest()
    assert record["claims"] == json.loads((built / "edition.json").read_text())["claims"]


def run_report(*args):
    return subprocess.run(
        [sys.executable, "-m", "ijmemo", "report", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "sectors: []",
            "sectors: [space]",
            "'sectors': unknown sector 'space'; allowed: critical-minerals, ai-digital",
        ),
        ("as_of: 2026-01-20", "as_of: 2026-01-32", "'as_of': '2026-01-32' is not a date"),
        ("period_months: 3", "period_months: 0", "'period_months'"),
        ("sectors: []", "sectors: 3", "'sectors': input should be a valid list"),
    ],
)
def test_bad_parameters_are_refused_before_any_notebook_runs(built, tmp_path, old, new, message):
    out = tmp_path / "build"
    shutil.copytree(built, out / "default")
    before = snapshot(out / "default")
    params = tmp_path / "default.yaml"
    shutil.copy(PARAMS_DIR / "default.yaml", params)
    shutil.copy(PARAMS_DIR / "default.md", tmp_path / "default.md")
    edit(params, old, new)
    result = run_report(str(params), "--out", str(out))
    assert result.returncode == 2
    assert message in result.stderr and "no notebook was run" in result.stderr
    assert "Traceback" not in result.stderr and "Interrupt" not in result.stderr
    assert "executing" not in result.stdout
    assert snapshot(out / "default") == before
    assert sorted(p.name for p in out.iterdir()) == ["default"]


def test_a_bad_as_of_on_the_command_line_is_refused_before_any_notebook_runs(built, tmp_path):
    out = tmp_path / "build"
    result = run_report(
        str(PARAMS_DIR / "default.yaml"), "--out", str(out), "--as-of", "15/04/2026"
    )
    assert result.returncode == 2
    assert "'as_of': '15/04/2026' is not a date; use YYYY-MM-DD" in result.stderr
    assert "no notebook was run" in result.stderr and not out.exists()


def test_a_failed_build_leaves_the_last_good_memo(built, tmp_path, monkeypatch):
    import ijmemo.steps.report as render

    out = tmp_path / "build"
    shutil.copytree(built, out / "default")
    before = (out / "default" / "memo.html").read_bytes()

    class BrokenPrinter:
        def preload(self, *_):
            pass

        def start(self, *_):
            pass

        def figures(self):
            raise RuntimeError("printer on fire")

        def close(self):
            pass

    monkeypatch.setattr(render, "PdfPrinter", BrokenPrinter)
    with pytest.raises(RuntimeError, match="printer on fire"):
        build_report(ReportJob(PARAMS_DIR / "default.yaml", out_root=out), say=lambda _: None)
    assert (out / "default" / "memo.html").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["default"]


def test_a_build_that_curates_launches_chromium_as_curating_starts(
    data_copy, tmp_path, monkeypatch
):
    """Launching Chromium is a second's work for both cores: a build that curates (one
    core busy for seconds) launches it first; one that does not, once the parameters
    are checked. Either way the memo is the same."""
    import ijmemo.steps.curate as steps_curate
    import ijmemo.steps.report as render

    events = []
    printer, curate = render.PdfPrinter, steps_curate.curate_to_processed
    monkeypatch.setattr(render, "PdfPrinter", lambda: events.append("chromium") or printer())
    monkeypatch.setattr(
        steps_curate,
        "curate_to_processed",
        lambda *a, **k: events.append("curate") or curate(*a, **k),
    )

    def built(name: str) -> bytes:
        job = ReportJob(
            PARAMS_DIR / "default.yaml",
            data_dir=data_copy,
            out_root=tmp_path / name,
            formats=("html", "pdf"),
        )
        return (build_report(job, say=lambda _: None) / "memo.html").read_bytes()

    curating = built("curating")
    assert events == ["chromium", "curate"]
    events.clear()
    shutil.rmtree(DataPaths.at(data_copy).evidence_cache)  # computed afresh, not reused
    assert built("curated") == curating
    assert events == ["chromium"]


def test_script_in_a_statement_is_shown_as_text_never_run(data_copy, tmp_path):
    edit_claims(
        data_copy,
        '  statement: "The two sides launched an AI Dialogue, to be led by officials of the foreign ministries."',
        '  statement: "<script>window.__pwned = 1</script> launched an AI Dialogue"',
    )
    curated = subprocess.run(
        [sys.executable, "-m", "ijmemo", "curate", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert curated.returncode == 0, curated.stderr
    out = build_report(
        ReportJob(
            PARAMS_DIR / "default.yaml",
            data_dir=data_copy,
            out_root=tmp_path / "build",
            formats=("html",),
        ),
        say=lambda _: None,
    )
    with chromium_page() as page:
        page.goto((out / "memo.html").as_uri(), wait_until="load")
        assert page.evaluate("() => window.__pwned") is None
        assert "<script>window.__pwned = 1</script> launched an AI Dialogue" in page.inner_text(
            "#developments"
        )
    # and in Word it is text too
    docx_path = memo_docx(out / "memo.html", {}, tmp_path / "memo.docx", "t", date(2026, 1, 20))
    text = "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
    assert "<script>window.__pwned = 1</script> launched an AI Dialogue" in text


def test_a_later_edition_of_the_default_series_renders(tmp_path):
    """`make report AS_OF=2026-07-15`: the set's next edition, no YAML copied."""
    said: list[str] = []
    out = build_report(
        ReportJob(
            PARAMS_DIR / "default.yaml",
            out_root=tmp_path,
            formats=("html",),
            overrides={"as_of": "2026-07-15"},
        ),
        say=said.append,
    )
    html = (out / "memo.html").read_text()
    # the build warns that this edition rests on old evidence
    assert any("rests on old evidence: the newest source is from 2026-01-16" in m for m in said)
    assert "Policy memo · edition of 15 July 2026" in html
    assert "covering 16 April 2026 – 15 July 2026" in html
    page_1 = html[html.index('id="brief"') : html.index('id="tracker"')]
    assert "window closed 30 April 2026; no source collected since 16 January 2026" in page_1
    assert "the newest known from 16 January 2026 (180 days before this edition)" in page_1
    assert "written 15 July 2026" in html  # the judgement written for this edition
    assert "overdue" not in html[: html.index('id="annex"')].lower()


def test_nbval_fails_when_a_saved_output_changes(tmp_path):
    original = (NOTEBOOKS_DIR / "01_curate.ipynb").read_text()
    assert '"0 problem(s) found\\n"' in original
    (tmp_path / "same.ipynb").write_text(original)
    (tmp_path / "changed.ipynb").write_text(
        original.replace('"0 problem(s) found\\n"', '"1 problem(s) found\\n"')
    )

    def nbval(name):
        return subprocess.run(
            [sys.executable, "-m", "pytest", "--nbval", "-q", "-p", "no:cacheprovider", str(tmp_path / name)],
            capture_output=True, text=True, check=False, cwd=tmp_path,
        )  # fmt: skip

    assert nbval("same.ipynb").returncode == 0
    changed = nbval("changed.ipynb")
    assert changed.returncode == 1
    assert "1 problem(s) found" in changed.stdout


def test_the_curate_notebook_is_reused_only_while_its_inputs_are_unchanged(data_copy, tmp_path):
    from ijmemo.steps.curate import curate_to_processed

    def build(name):
        said = []
        out = build_report(
            ReportJob(
                PARAMS_DIR / "default.yaml",
                data_dir=data_copy,
                out_root=tmp_path / name,
                formats=("html",),
                editions_dir=None,
                cache_dir=tmp_path / "cache",
            ),
            say=said.append,
        )
        return out, any("01_curate.ipynb: inputs unchanged" in m for m in said)

    curate_to_processed(data_copy)
    first, reused = build("a")
    assert not reused
    second, reused = build("b")
    assert reused  # same data, code and parameters
    assert (second / "01_curate.ipynb").read_bytes() == (first / "01_curate.ipynb").read_bytes()
    edit_claims(
        data_copy,
        "statement: India and Japan are to launch an AI dialogue.",
        "statement: India and Japan are to launch an AI Dialogue.",
    )
    curate_to_processed(data_copy)
    third, reused = build("c")
    assert not reused  # the data changed: run again
    assert (third / "01_curate.ipynb").read_bytes() != (first / "01_curate.ipynb").read_bytes()


# ---------------------------------------------------------------- the memo in Word


def _footnotes(path: Path) -> list[str]:
    """The text of each footnote in a .docx (python-docx does not read footnotes)."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = ElementTree.fromstring(zipfile.ZipFile(path).read("word/footnotes.xml"))
    notes = [n for n in root.iter(f"{w}footnote") if n.get(f"{w}type") is None]
    return ["".join(t.text or "" for t in n.iter(f"{w}t")) for n in notes]


def test_word_memo_has_the_sections_as_headings_in_order(built):
    doc = docx.Document(str(built / "memo.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading 2")]
    found = [s for s in SECTIONS if any(h.startswith(s) for h in headings)]
    assert found == SECTIONS, headings  # the navigation pane lists them all, in order


def test_word_memo_keeps_tables_charts_and_page_layout(built):
    doc = docx.Document(str(built / "memo.docx"))
    first_rows = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert any("Source" in row and "Outlet" in row for row in first_rows)  # the sources table
    assert len(doc.tables) >= 2
    shapes = doc.inline_shapes
    assert len(shapes) == 3
    alts = [s._inline.docPr.get("descr") for s in shapes]
    html = (built / "memo.html").read_text(encoding="utf-8")
    labels = re.findall(r'<figure aria-label="([^"]+)" class="chart"', html)
    assert alts == [unescape(label) for label in labels]  # the HTML's alt text, chart by chart
    text = "\n".join(p.text for p in doc.paragraphs)
    for n in (1, 2, 3):
        assert f"Figure {n}." in text
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "India–Japan partnership" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_every_citation_is_a_short_word_footnote_and_the_quotes_are_in_the_annex(built):
    html = (built / "memo.html").read_text(encoding="utf-8")
    marks = re.findall(r'<sup class="cite">(.*?)</sup>', html)
    notes = [n.strip() for n in _footnotes(built / "memo.docx")]
    assert len(notes) == len(marks) > 30  # one footnote per citation mark: [1, 2] is one
    # each names the source and the quote's number in the ledger, nothing longer
    one = r"S\d+, quote \d+ in the ledger"
    assert all(re.fullmatch(rf"{one}(; {one})*\.", n) for n in notes)
    cited = [re.findall(r'href="#note-(\d+)"', m) for m in marks]
    assert [re.findall(r"quote (\d+)", n) for n in notes] == cited
    body = " ".join(
        " ".join(p.text.split()) for p in docx.Document(str(built / "memo.docx")).paragraphs
    )
    for quote in re.findall(r"<q>(.*?)</q>", html, flags=re.S):  # the ledger, in the annex
        assert unescape(" ".join(quote.split())) in body
    assert "Kitamura said both sides “agreed to accelerate” the high-speed railway project" in body
    assert "[1]" not in body  # citations became footnote marks, not bracketed numbers


def test_each_chart_is_a_png_and_an_svg_with_its_caption_and_alt_text(built):
    html = (built / "memo.html").read_text(encoding="utf-8")
    ids = re.findall(r'<figure aria-label="[^"]+" class="chart" id="([^"]+)"', html)
    assert len(ids) == 3
    for fig_id in ids:
        png = (built / "figures" / f"{fig_id}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 50_000  # print resolution (3x)
        meta = json.loads((built / "figures" / f"{fig_id}.json").read_text(encoding="utf-8"))
        assert meta["caption"].startswith("Figure ") and meta["alt"]
        svg = ElementTree.parse(built / "figures" / f"{fig_id}.svg").getroot()
        ns = "{http://www.w3.org/2000/svg}"
        assert svg.find(f"{ns}title").text == meta["caption"]
        assert svg.find(f"{ns}desc").text == meta["alt"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_lays_out_the_word_memo_with_its_pages_numbered(built, tmp_path):
    """What a reader sees: LibreOffice opens memo.docx headless and prints it to PDF."""
    shutil.copy(built / "memo.docx", tmp_path / "memo.docx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "memo.docx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pages = PdfReader(tmp_path / "memo.pdf").pages
    assert len(pages) > 5
    first = pages[0].extract_text()
    assert "India–Japan partnership" in first and f"Page 1 of {len(pages)}" in first
    flat = " ".join(first.split())
    assert "What to watch" in flat and "Evidence:" in flat  # the brief fits page 1 in Word too
    assert "Where each initiative stands" not in flat
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    for section in SECTIONS:
        assert section in text, section
    assert "Figure 1." in text and "Figure 3." in text
