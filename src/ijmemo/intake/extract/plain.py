"""A plain-text article: taken as it is (the file is the text quotes are checked against)."""

from __future__ import annotations

from ijmemo.core.problems import SourceError
from ijmemo.intake.extract.common import Extracted


def plain_text(raw: bytes, name: str) -> Extracted:
    """The file's text; refused unless it is UTF-8 text with something printable in it."""
    if b"\x00" in raw:
        raise SourceError(
            f"{name}: looks like a binary file (it contains NUL bytes); expected plain text, "
            "a saved web page (.html), a PDF or a Word file (.docx)"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start}); expected plain text"
        ) from None
    if not any(ch.isprintable() and not ch.isspace() for ch in text):
        raise SourceError(
            f"{name}: the file is empty (only spaces and invisible characters, no text)"
        )
    return Extracted(text, "text")
