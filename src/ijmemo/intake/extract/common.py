"""What every reader returns, and the folding every extracted text goes through."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.metadata import version

# Typographic ligatures a PDF's fonts map single glyphs to ("ﬁ" for "fi"): folded, or
# "ﬁnalised" would never match a quote typed as "finalised".
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("|".join(_LIGATURES))


@dataclass(frozen=True)
class Extracted:
    text: str  # what quotes are checked against
    format: str  # text, html, pdf, docx
    extractor: str | None = None  # "trafilatura 2.3.1"; None when the file is the text
    stated: dict[str, str] = field(default_factory=dict)  # title, outlet, published, url, author


def fold_ligatures(text: str) -> str:
    return _LIGATURE.sub(lambda m: _LIGATURES[m.group(0)], text)


def tidy(text: str) -> str:
    """One paragraph per line, no trailing spaces, one final newline: the stored text."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line) + "\n"


def library(name: str) -> str:
    """ "trafilatura 2.3.1": what extracted the text, recorded with the source."""
    return f"{name} {version(name)}"
