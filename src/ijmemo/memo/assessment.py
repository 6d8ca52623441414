"""The analyst's assessment an edition shows: the latest one written on or before its date.

A series keeps its assessments in one Markdown file beside its parameter set, each under
the day it was written:

    ## 2026-01-20
    The key judgement, in two or three sentences (page 1 shows this paragraph).

    The rest of the assessment (shown with the analysis).

An edition dated D shows the section dated D or the latest before it, and says when it was
written, so a July edition never presents January's judgement as current; an edition
older than every section shows none and says so. Text before the first dated heading is a
note to the analysts, never shown. A file with no dated heading is one assessment whose
date is not given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_DATED = re.compile(r"^##\s+(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Assessment:
    written: date | None  # None: the file gives no date
    judgement: str  # its first paragraph: the key judgement (Markdown)
    rest: str  # the paragraphs after it (Markdown; may be empty)


def dated_sections(text: str) -> list[tuple[str, str]]:
    """(the date as written, the Markdown under it) for each dated heading, in file order."""
    heads = list(_DATED.finditer(text))
    ends = [h.start() for h in heads[1:]] + [len(text)] if heads else []
    return [(h.group(1), text[h.end() : end]) for h, end in zip(heads, ends, strict=True)]


def date_problems(text: str) -> list[str]:
    """A heading that is not a day (2026-02-30), or two sections for one day."""
    problems, seen = [], set()
    for written, _ in dated_sections(text):
        try:
            date.fromisoformat(written)
        except ValueError:
            problems.append(f"the heading '## {written}' is not a day (YYYY-MM-DD)")
        if written in seen:
            problems.append(f"two assessments are dated {written}")
        seen.add(written)
    return problems


def assessment_as_of(text: str, as_of: date) -> Assessment | None:
    """The assessment an edition dated `as_of` shows (None: none written by then)."""
    sections = dated_sections(text)
    if not sections:
        return _split(None, text) if text.strip() else None
    written = [
        (date.fromisoformat(d), body) for d, body in sections if date.fromisoformat(d) <= as_of
    ]
    if not written:
        return None
    day, body = max(written, key=lambda s: s[0])
    return _split(day, body)


def _split(written: date | None, markdown: str) -> Assessment | None:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", markdown.strip()) if p.strip()]
    if not paragraphs:
        return None
    return Assessment(written, paragraphs[0], "\n\n".join(paragraphs[1:]))
