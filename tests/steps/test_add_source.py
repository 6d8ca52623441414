"""The add-source step: the article copied unchanged, unknowns kept unknown, bad files refused with nothing written."""

from __future__ import annotations

import io
import json
import shutil

import docx
import pypdfium2
import pytest
from ruamel.yaml import YAML

from ijmemo.core.problems import SourceError
from ijmemo.steps.add_source import add_source
from ijmemo.steps.curate import curate

from conftest import (
    ARTICLE,
    FIXTURES,
    S003,
    SID,
    TITLE,
    added,
    snapshot,
)


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
        # what analysts have that gives no text: a front page, a PDF that will not open, a scan
        (
            lambda d: (
                (d / "front.html").write_bytes(b"<html><body><nav>Home World</nav></body></html>")
                and d / "front.html"
            ),
            "no article text found in the page",
        ),
        (
            lambda d: (d / "scan.pdf").write_bytes(b"%PDF-1.4\nbroken") and d / "scan.pdf",
            "cannot open the PDF",
        ),
        (
            lambda d: (d / "scanned.pdf").write_bytes(_text_less_pdf()) and d / "scanned.pdf",
            "the PDF has no text layer",
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


def test_a_run_of_ministry_names_with_a_serial_comma_is_added_without_a_traceback(
    data_copy, tmp_path
):
    # real reporting in this shape once raised StopIteration in add-source
    article = tmp_path / "digital_partnership.txt"
    article.write_text(
        "India and Japan are converging on digital infrastructure, according to a joint"
        " statement.\n"
        "The collaboration is in line with the Japan-India Digital Partnership launched in"
        " October 2018 between the Ministry of Economy, Trade, and Industry and India's"
        " Ministry of Electronics and Information Technology.\n",
        encoding="utf-8",
    )
    result = add_source(article, date="2020-01-15", data_dir=data_copy)
    review = YAML(typ="safe").load(result.review_path.read_text())
    names = [a["name"] for a in review["new_actors"]]
    assert "Ministry of Economy, Trade, and Industry" in names


# ---- what analysts have: a saved page, a PDF, a Word file, pasted text

PAGE = FIXTURES / "formats" / "news_page.html"
STATEMENT = FIXTURES / "formats" / "port_logistics_statement.pdf"


def _text_less_pdf() -> bytes:
    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)  # a page with nothing but what a scan has: no text layer
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _meta(result) -> dict:
    return json.loads(json.dumps(YAML(typ="safe").load(result.meta_path.read_text())))


def test_a_saved_page_is_kept_byte_for_byte_beside_its_text_with_the_metadata_it_states(
    data_copy,
):
    result = add_source(PAGE, data_dir=data_copy)
    assert result.original_path.read_bytes() == PAGE.read_bytes()
    meta = _meta(result)
    assert (meta["title"], meta["outlet"], meta["published"], meta["author"]) == (
        "India, Japan agree to set up shipbuilding task force",
        "The Deccan Ledger",
        "2026-03-12",
        "Ritu Menon",
    )
    assert meta["origin"] == {
        **dict.fromkeys(("title", "outlet", "published", "url", "author"), "page"),
        "dateline": "text",  # "New Delhi, March 12:" opens the article
    }
    assert meta["original"]["file"] == "news_page.html"
    assert meta["original"]["extractor"].startswith("trafilatura ")
    # every candidate quotes the extracted text, which validates as any source does
    text = result.text_path.read_text()
    assert result.candidates and all(c.quote in text for c in result.candidates)
    assert not any("<" in c.quote or "Advertisement" in c.quote for c in result.candidates)
    assert curate(data_copy).tables["sources"].set_index("source_id").loc["news_page", "outlet"]


def test_what_the_analyst_gives_wins_over_what_the_page_states(data_copy):
    result = add_source(PAGE, outlet="Deccan Ledger (print)", date="2026-03-13", data_dir=data_copy)
    meta = _meta(result)
    assert (meta["outlet"], meta["published"]) == ("Deccan Ledger (print)", "2026-03-13")
    assert (meta["origin"]["outlet"], meta["origin"]["published"], meta["origin"]["title"]) == (
        "given",
        "given",
        "page",
    )


def test_a_pdf_statement_becomes_a_source_whose_quotes_verify(data_copy):
    result = add_source(STATEMENT, date="2026-04-09", data_dir=data_copy)
    assert result.original_path.suffix == ".pdf"
    assert _meta(result)["origin"] == {"published": "given"}  # the PDF states nothing
    quotes = [c.quote for c in result.candidates]
    assert any(q.startswith("It was co-chaired by the Secretary") for q in quotes)
    curate(data_copy)  # the new source loads and its text checks, with no problem


def test_a_word_note_becomes_a_source_with_the_title_it_states(data_copy, tmp_path):
    note = docx.Document()
    note.core_properties.title = "Brief: India-Japan shipping talks"
    note.add_paragraph("Brief for the secretary, 10 March 2026")
    note.add_paragraph(
        "India and Japan agreed on Thursday to set up a joint task force on shipbuilding, "
        "the ports ministry said in a statement."
    )
    path = tmp_path / "shipping_brief.docx"
    note.save(path)
    result = add_source(path, date="2026-03-12", data_dir=data_copy)
    meta = _meta(result)
    assert (meta["title"], meta["origin"]["title"]) == ("Brief: India-Japan shipping talks", "page")
    assert meta["original"]["format"] == "docx"
    assert [c.quote for c in result.candidates] == [
        "India and Japan agreed on Thursday to set up a joint task force on shipbuilding, the "
        "ports ministry said in a statement."
    ]


def test_pasted_text_is_added_from_standard_input(data_copy):
    pasted = (FIXTURES / "jwg_first_meeting.txt").read_bytes()
    result = add_source("-", date="2026-02-27", data_dir=data_copy, stdin=pasted)
    assert result.source_id.startswith("pasted-")
    assert result.text_path.read_bytes() == pasted and result.original_path is None


def test_a_page_saved_again_under_another_name_is_refused_by_its_sha256(data_copy):
    add_source(PAGE, data_dir=data_copy)
    before = snapshot(data_copy)
    again = shutil.copy(PAGE, data_copy.parent / "saved_again.html")
    with pytest.raises(
        SourceError, match=r"saved_again\.html: already added as source 'news_page'"
    ):
        add_source(again, data_dir=data_copy)
    assert snapshot(data_copy) == before


def test_nothing_pasted_is_refused(data_copy):
    with pytest.raises(SourceError, match="nothing was pasted"):
        add_source("-", data_dir=data_copy, stdin=b"  \n")
