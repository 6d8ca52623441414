"""A PDF statement or article: its text layer through pypdfium2, in reading order, with
the lines a page wraps joined back into paragraphs.

A line ends its paragraph when a blank line follows, or when it is much shorter than the
page's full lines (the last line of a paragraph, a heading). A word broken across a line
by a soft hyphen is joined whole ("implemen-/tation"); a real hyphen stays ("co-/chaired"
is "co-chaired"). Ligatures are folded ("ﬁ" is "fi"). The PDF's own dates say when the file
was written, not when anything was published: none is taken. A PDF with no text layer (a
scan) is refused: OCR is outside this tool.
"""

from __future__ import annotations

import re
from statistics import median

import pypdfium2

from ijmemo.core.problems import SourceError
from ijmemo.intake.extract.common import Extracted, fold_ligatures, library, tidy

SHORT_LINE = 0.6  # a line under this share of the page's usual line ends its paragraph
_SOFT_HYPHEN = ("\u00ad", "\x02")  # what pdfium gives for a hyphen the layout added
# pdfium reports a hyphen glyph with no character mapping as U+FFFE ("co\ufffechaired" for
# a "co-" at a line's end): it is the text's own hyphen
_UNMAPPED_HYPHEN = "\ufffe"
_MIN_CHARACTERS = 20  # fewer than this on every page: no text layer


def pdf_text(raw: bytes, name: str) -> Extracted:
    try:
        pdf = pypdfium2.PdfDocument(raw)
    except pypdfium2.PdfiumError as exc:
        raise SourceError(
            f"{name}: cannot open the PDF ({exc}); if it is password-protected, save an "
            "unprotected copy first"
        ) from None
    pages = [_page_lines(page) for page in pdf]
    pdf.close()
    text = "\n".join(_paragraphs(lines) for lines in pages if lines)
    if sum(len(line.strip()) for lines in pages for line in lines) < _MIN_CHARACTERS:
        raise SourceError(
            f"{name}: the PDF has no text layer (a scan or images of pages); OCR is outside "
            "this tool: add the text it shows as a .txt file instead"
        )
    return Extracted(tidy(fold_ligatures(text)), "pdf", library("pypdfium2"))


def _page_lines(page) -> list[str]:
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    textpage.close()
    page.close()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(_UNMAPPED_HYPHEN, "-")
    return text.split("\n")


def _paragraphs(lines: list[str]) -> str:
    """The page's lines joined into paragraphs, one per line."""
    # the usual full line: a heading across two columns is no measure of a column's line
    usual = median([len(line.strip()) for line in lines if line.strip()] or [0])
    out: list[str] = []
    current = ""
    for line in lines:
        line = line.strip()
        if not line:
            out.append(current)
            current = ""
            continue
        current = _join(current, line)
        if len(line) < SHORT_LINE * usual:
            out.append(current)
            current = ""
    out.append(current)
    return "\n".join(p for p in out if p)


def _join(before: str, line: str) -> str:
    if not before:
        return line
    if before.endswith(_SOFT_HYPHEN):
        return before[:-1] + line
    if re.search(r"\w-$", before):  # "co-" / "chaired": the hyphen is the word's
        return before + line
    return f"{before} {line}"
