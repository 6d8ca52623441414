"""What an analyst has, as the text the proposer reads and the metadata the file states.

    extract(raw, name)   a file's bytes -> Extracted(text, stated, format, extractor)

One module per format: `plain.py` (UTF-8 text, taken as it is), `page.py` (a saved web
page, through trafilatura), `pdf.py` (through pypdfium2), `word.py` (a .docx, through
python-docx). The format comes from the file's own first bytes, then its name. Extraction
is deterministic: the same file gives the same text, byte for byte. A file that cannot
give text is refused (SourceError) naming the file and why.
"""

from __future__ import annotations

from importlib import import_module

from ijmemo.intake.extract.common import Extracted

__all__ = ["Extracted", "extract", "format_of"]

# Each reader is imported when a file of its format comes: a plain-text article does not
# pay for trafilatura (0.3 s) and pypdfium2 (0.08 s).
_READERS = {
    "text": ("plain", "plain_text"),
    "html": ("page", "page_text"),
    "pdf": ("pdf", "pdf_text"),
    "docx": ("word", "word_text"),
}
_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def format_of(raw: bytes, name: str) -> str:
    """The file's format: its magic bytes first (a PDF saved as .txt is still a PDF)."""
    head = raw[:1024].lstrip().lower()
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04") and name.lower().endswith(".docx"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:300]:
        return "html"
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return _SUFFIXES.get(suffix, "text")


def extract(raw: bytes, name: str) -> Extracted:
    """The text and stated metadata of a file's bytes (`name` for messages and format)."""
    module, reader = _READERS[format_of(raw, name)]
    return getattr(import_module(f"ijmemo.intake.extract.{module}"), reader)(raw, name)
