"""The memo as a Word document, from the same HTML: sections, tables, charts, footnotes.

Pandoc (shipped inside the pypandoc-binary wheel) converts the memo's HTML; before it
does, each chart's interactive plot is swapped for its print-resolution image (with the
caption and alt text the HTML gives it), and the endnotes are handed to a Lua filter that
turns every citation into a Word footnote naming the source and the quote's number in the
ledger, where the verbatim quote stays.
Pandoc's default styles are kept; the page (A4, margins, the title in the header, page
numbers in the footer) is set on the result with python-docx.
"""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from bs4 import BeautifulSoup

FILTER = Path(__file__).parent / "endnotes-to-footnotes.lua"


def word_ready_html(html: str, figures: dict[str, Path]) -> str:
    """The memo's HTML as pandoc should read it: images for charts, endnotes as divs."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main") or soup.body
    for tag in main.find_all(["script", "style"]):
        tag.decompose()
    for figure in main.select("figure.chart"):
        image = figures.get(figure.get("id", ""))
        caption = figure.find("figcaption")
        new = soup.new_tag("figure")
        if image is not None:
            new.append(soup.new_tag("img", src=str(image), alt=figure.get("aria-label", "")))
        if caption is not None:
            new.append(caption.extract())
        figure.replace_with(new)
    endnotes = main.find(id="endnotes")
    if endnotes is not None:
        # A footnote names the source and the quote's number in the ledger; the quote itself
        # stays in the annex, so the notes do not fill the pages they annotate.
        for item in endnotes.select("li[id]"):
            div = soup.new_tag("div", id=item["id"], attrs={"class": "endnote"})
            div.append(soup.new_tag("p"))
            div.p.string = (
                f"{item.get('data-source', 'Source')}, quote {item['value']} in the ledger"
            )
            endnotes.append(div)
        explain = soup.new_tag("p")
        explain.string = (
            "In this Word copy each citation is a footnote naming the source and the quote's "
            "number in this ledger."
        )
        endnotes.append(explain)
    return str(main)


def memo_docx(
    html_path: Path, figures: dict[str, Path], out: Path, title: str, edition: date
) -> Path:
    """Write `out` (memo.docx) from the built memo.html and the chart images.

    Same inputs, same bytes: the document's dates are the edition's, never the clock,
    and the file is zipped with fixed entry times.
    """
    import pypandoc

    # Images by their path next to the memo: pandoc keeps the path in the document.
    here = Path(html_path).parent.resolve()
    relative = {
        k: (v.resolve().relative_to(here) if v.resolve().is_relative_to(here) else v)
        for k, v in figures.items()
    }
    html = word_ready_html(Path(html_path).read_text(encoding="utf-8"), relative)
    epoch = int(datetime(edition.year, edition.month, edition.day, tzinfo=UTC).timestamp())
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # pandoc's dates in the document
    try:
        pypandoc.convert_text(
            html,
            "docx",
            format="html",
            outputfile=str(out),
            extra_args=[f"--lua-filter={FILTER}", f"--resource-path={Path(html_path).parent}"],
        )
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    _page_setup(out, title, edition)
    _fixed_zip_times(out)
    return out


def _page_setup(path: Path, title: str, edition: date) -> None:
    """A4 with the memo's margins, the title in the header, "Page n of N" in the footer."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    doc = Document(str(path))
    when = datetime(edition.year, edition.month, edition.day)
    doc.core_properties.title = title
    doc.core_properties.created = doc.core_properties.modified = when
    doc.core_properties.last_printed = when
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(18)
        section.left_margin = section.right_margin = Mm(18)
        section.header.paragraphs[0].text = title
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        _field(footer, "PAGE")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES")
    _compact_footnotes(doc)
    _page_breaks(doc)
    doc.save(str(path))


def _compact_footnotes(doc) -> None:
    """Footnotes are a source and a number: small and tight, so page 1 keeps its brief."""
    from docx.shared import Pt

    if "Footnote Text" in [s.name for s in doc.styles]:
        style = doc.styles["Footnote Text"]
        style.font.size = Pt(7.5)
        style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)


def _page_breaks(doc) -> None:
    """As in the PDF: the brief alone on page 1, and the annex from a new page."""
    headings = [p for p in doc.paragraphs if p.style.name == "Heading 2"]
    after_brief = next(
        (
            h
            for h, before in zip(headings[1:], headings, strict=False)
            if before.text == "What to watch"
        ),
        None,
    )
    for heading in headings:
        if heading is after_brief or heading.text.startswith("Annex"):
            heading.paragraph_format.page_break_before = True


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) Word fills in when it lays the document out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _fixed_zip_times(path: Path) -> None:
    """Rewrite the .docx zip with the same entries in the same order and fixed times."""
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    os.replace(tmp, path)
