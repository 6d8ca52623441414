"""Date phrases in running text: where an article or a quote says when.

The phrases found are those `dates.parse_date` can read, exactly as printed, longest
first where two overlap. Months are matched capitalised only ("may" the verb is not May
the month); the words of dates come from `date_words.py`.
"""

from __future__ import annotations

import re
from datetime import date

from ijmemo.text.date_words import (
    ABBREVIATED_MONTHS,
    DAY,
    MONTH,
    PLAUSIBLE_YEAR,
    TO,
    WEEKDAY,
)
from ijmemo.text.dates import DateParseError, parse_date

_FINDERS = [
    re.compile(p)
    for p in (
        rf"\b{PLAUSIBLE_YEAR}-\d{{2}}-\d{{2}}\b",
        rf"\b{DAY}{TO}{DAY}\s+{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{DAY}\s+{MONTH}{TO}{DAY}\s+{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}\s+{DAY}{TO}{DAY}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{DAY}\s+{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}{TO}{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}\s+{PLAUSIBLE_YEAR}\b",
        rf"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)\s+quarter\s+of\s+{PLAUSIBLE_YEAR}",
        rf"\bQ[1-4]\s+{PLAUSIBLE_YEAR}",
        rf"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd)\s+half\s+of\s+{PLAUSIBLE_YEAR}",
        rf"\bH[12]\s+{PLAUSIBLE_YEAR}",
        rf"\b(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+{PLAUSIBLE_YEAR}",
        rf"\b{WEEKDAY}\b",
        rf"\b(?:in|by|to|until|till|from|for|since|before) (?P<d>{PLAUSIBLE_YEAR})\b",
        rf"\b(?:in|by|to|until|till|from|for|since|before) (?P<d>{MONTH})(?!\s*\d)",
        r"\b(?:(?:[Ll]ater|[Ee]arlier) )?(?:this|next|last) (?:year|month)\b",
        r"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd)\s+half\s+of\s+(?:the|this)\s+year\b",
        rf"\b(?:[Tt]he\s+)?end\s+of\s+(?:{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?|{PLAUSIBLE_YEAR}|(?:this|next) (?:year|month))",
    )
]


_ABBREVIATED = re.compile(rf"\b({'|'.join(ABBREVIATED_MONTHS)})\.$")


def find_date_phrases(text: str) -> list[str]:
    """Date phrases in running text, longest first where they overlap, in reading order.

    Only phrases `parse_date` understands are returned, exactly as printed.
    """
    return [phrase for _, _, phrase in find_date_spans(text)]


def find_date_spans(text: str) -> list[tuple[int, int, str]]:
    """Like `find_date_phrases`, with each phrase's offsets in `text`."""
    spans = []
    for finder in _FINDERS:
        spans += [m.span("d" if "d" in m.groupdict() else 0) for m in finder.finditer(text)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int]] = []
    for start, end in spans:
        if chosen and start < chosen[-1][1]:
            continue
        phrase = text[start:end].strip(" ,")
        try:
            parse_date(phrase, date(2000, 1, 1))
        except DateParseError:
            continue
        chosen.append((start, end))
    out = []
    for start, end in chosen:
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip(" ,"))
        phrase = raw.strip(" ,")
        if phrase.endswith(".") and not _ABBREVIATED.search(phrase):
            phrase = phrase[:-1]  # the sentence's full stop, not "Feb."
        out.append((start + lead, start + lead + len(phrase), phrase))
    return out
