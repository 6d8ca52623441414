"""A Word file (.docx): its paragraphs in order through python-docx, one per line, and
the title its document properties state. Its created and modified dates say when the file
was written, not when anything was published: none is taken."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError

from ijmemo.core.problems import SourceError
from ijmemo.intake.extract.common import Extracted, library, tidy


def word_text(raw: bytes, name: str) -> Extracted:
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise SourceError(
            f"{name}: cannot read the Word file ({exc}); if it is password-protected or an "
            "old .doc, save it again as .docx"
        ) from None
    text = tidy("\n".join(p.text for p in document.paragraphs))
    if not text.strip():
        raise SourceError(f"{name}: the Word file has no text in its paragraphs")
    title = (document.core_properties.title or "").strip()
    return Extracted(text, "docx", library("python-docx"), {"title": title} if title else {})
