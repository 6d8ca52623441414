"""What analysts have, as text and stated metadata: a saved news page, a PDF statement, a
Word note, plain text. Fixtures are written in those styles, in our own words."""

from __future__ import annotations

import io

import docx
import pypdf
import pypdfium2
import pytest
from trafilatura.utils import load_html

from ijmemo.core.problems import SourceError
from ijmemo.intake.extract import extract, format_of
from ijmemo.intake.extract.common import fold_ligatures
from ijmemo.intake.extract.page import published_on_page

from conftest import FIXTURES

PAGE = FIXTURES / "formats" / "news_page.html"
STATEMENT = FIXTURES / "formats" / "port_logistics_statement.pdf"


def test_a_saved_news_page_gives_its_article_and_nothing_around_it():
    found = extract(PAGE.read_bytes(), PAGE.name)
    assert (found.format, found.extractor.split()[0]) == ("html", "trafilatura")
    lines = found.text.splitlines()
    assert lines[1].startswith("New Delhi, March 12: India and Japan on Thursday agreed")
    assert lines[-1] == (
        "Officials said the two sides may also consider a shipbuilding fund later this year, "
        "but no amount has been discussed."
    )
    for furniture in (
        "E-Paper",  # the menu
        "Advertisement",
        "Cranes at a shipyard",  # the photo caption
        "Also read",
        "Japan signs port deal",  # related links
        "Great news for Vizag",  # a reader's comment
        "Copyright",
        "Updated:",
        "By Ritu Menon",
        "<",  # no markup
    ):
        assert furniture not in found.text, furniture


def test_a_page_states_its_metadata_and_its_publication_date_is_never_a_guess():
    found = extract(PAGE.read_bytes(), PAGE.name)
    assert found.stated == {
        "title": "India, Japan agree to set up shipbuilding task force",
        "outlet": "The Deccan Ledger",
        "url": "https://www.deccanledger.example/world/india-japan-shipbuilding-task-force-4821.html",
        "author": "Ritu Menon",
        "published": "2026-03-12",  # datePublished: not the "Updated: March 14" line
    }
    # a page whose tags state no publication date has none, whatever its text or address say
    undated = (
        b"<html><head><title>Talks</title></head><body><article><p>Updated: March 14, 2026"
        b"</p><p>India and Japan held talks in Tokyo on ports and shipping on Friday.</p>"
        b"</article></body></html>"
    )
    assert published_on_page(load_html(undated)) is None


def test_a_page_with_no_article_text_is_refused_naming_the_file():
    menu = b"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"
    with pytest.raises(SourceError, match=r"front\.html: no article text found in the page"):
        extract(menu, "front.html")


def test_a_two_column_pdf_statement_gives_whole_sentences():
    found = extract(STATEMENT.read_bytes(), STATEMENT.name)
    assert (found.format, found.extractor.split()[0]) == ("pdf", "pypdfium2")
    assert (
        "It was co-chaired by the Secretary of India's Ministry of Ports, Shipping and Waterways"
        " and Japan's Vice-Minister for Land, Infrastructure, Transport and Tourism."
    ) in found.text  # wrapped over four lines of a column, and "co-" at a line's end
    assert (
        "They agreed to set up a working group on green fuels for coastal shipping, which will"
        " submit its first report by the end of 2026"
    ) in found.text
    assert len(found.text.splitlines()) <= 4  # the title and paragraphs, not 20 wrapped lines
    assert found.stated == {}  # a PDF's file dates say when it was written, not published


def _blank_pdf() -> bytes:
    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)  # a page with no text layer, as a scanned page has
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _locked_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(STATEMENT))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_blank_pdf(), r"scan\.pdf: the PDF has no text layer .*OCR is outside this tool"),
        (_locked_pdf(), r"scan\.pdf: cannot open the PDF .*password-protected"),
        (b"%PDF-1.4\nnot really a pdf", r"scan\.pdf: cannot open the PDF"),
    ],
)
def test_a_pdf_with_no_text_or_that_cannot_open_is_refused(raw, message):
    with pytest.raises(SourceError, match=message):
        extract(raw, "scan.pdf")


def test_ligatures_are_folded_so_quotes_match():
    assert fold_ligatures("ﬁnalised the ﬂeet ofﬁce") == "finalised the fleet office"


def _word_note(title: str, paragraphs: list[str]) -> bytes:
    note = docx.Document()
    note.core_properties.title = title
    for text in paragraphs:
        note.add_paragraph(text)
    out = io.BytesIO()
    note.save(out)
    return out.getvalue()


def test_a_word_note_gives_its_paragraphs_and_the_title_it_states():
    raw = _word_note(
        "Brief: India-Japan rail talks",
        [
            "Brief for the minister, 3 May 2026",
            "",
            "Japan's rail vice-minister told Indian officials on Tuesday that the first E10 "
            "train sets would reach Gujarat in 2027.",
        ],
    )
    found = extract(raw, "rail_brief.docx")
    assert (found.format, found.stated) == ("docx", {"title": "Brief: India-Japan rail talks"})
    assert found.text == (
        "Brief for the minister, 3 May 2026\n"
        "Japan's rail vice-minister told Indian officials on Tuesday that the first E10 train "
        "sets would reach Gujarat in 2027.\n"
    )


def test_extraction_is_deterministic_and_the_format_comes_from_the_bytes():
    for path in (PAGE, STATEMENT):
        raw = path.read_bytes()
        assert extract(raw, path.name) == extract(raw, path.name)
    # a PDF saved under a .txt name is still read as a PDF
    assert format_of(STATEMENT.read_bytes(), "statement.txt") == "pdf"
    assert format_of(b"India and Japan met.", "note.txt") == "text"
