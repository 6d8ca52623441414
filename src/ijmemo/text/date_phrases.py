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
    COUNTS,
    DAY,
    MONTH,
    PLAUSIBLE_YEAR,
    SEASONS,
    TO,
    WEEKDAY,
)
from ijmemo.text.dates import DateParseError, parse_date
from ijmemo.text.quotes import DASHES

# "15 March", "March 15th", either with its year
_DAY_OF_MONTH = rf"(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY}\b)(?:,?\s+{PLAUSIBLE_YEAR})?"
# The words before a bare month or year that make it a date ("in May", "Since 2024").
_CUE = r"(?:[Ii]n|[Bb]y|to|[Uu]ntil|till|[Ff]rom|for|[Ss]ince|[Bb]efore)"
_SEASONS = "(?i:" + "|".join(SEASONS) + ")"
_COUNTS = r"(?:\d{1,2}|(?i:" + "|".join(COUNTS) + "))"
_TWO_OR_FOUR = r"\d{2}(?:\d{2})?"  # "27" or "2027"
_YEAR_TO = rf"[{DASHES}/]"  # "2026-27", "2026–27", "2026/27"
# "this", "next", "last", capitalised too where they open a sentence ("Next week, ...")
_WHICH = r"(?:[Tt]his|[Nn]ext|[Ll]ast)"
# "mid-April", "early 2026", "the middle of April"
_PART = r"(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|(?:[Tt]he\s+)?[Mm]iddle\s+of\s+)"

_FINDERS = [
    re.compile(p)
    for p in (
        rf"\b{PLAUSIBLE_YEAR}-\d{{2}}-\d{{2}}\b",
        rf"\b\d{{1,2}}\.\d{{1,2}}\.{PLAUSIBLE_YEAR}\b",  # "24.02.2026"
        rf"\b{DAY}{TO}{DAY}\s+{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{DAY}\s+{MONTH}{TO}{DAY}\s+{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}\s+{DAY}{TO}{DAY}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}\s+{DAY}{TO}{MONTH}\s+{DAY}\b(?:,?\s+{PLAUSIBLE_YEAR})?",
        # a weekday with its date is that date: "Tuesday, February 24", "24 Feb (Tuesday)"
        rf"\b{WEEKDAY}(?:,?\s+{_DAY_OF_MONTH}|\s*\(\s*{_DAY_OF_MONTH}\s*\))",
        rf"\b{_DAY_OF_MONTH}\s*\(\s*{WEEKDAY}\s*\)",
        rf"\b{DAY}\s+{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}{TO}{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",
        rf"\b{MONTH}\s+{PLAUSIBLE_YEAR}\b",
        rf"\b{_PART}{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?",  # "mid-April"
        rf"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)\s+quarter\s+of\s+{PLAUSIBLE_YEAR}",
        rf"\bQ[1-4]\s+{PLAUSIBLE_YEAR}",
        rf"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd)\s+half\s+of\s+{PLAUSIBLE_YEAR}",
        rf"\bH[12]\s+{PLAUSIBLE_YEAR}",
        r"\b(?:(?:[Tt]he\s+)?(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+|[Tt]he\s+)(?:19|20)\d0s\b",  # decades
        rf"\b{_PART}{PLAUSIBLE_YEAR}(?!s\b)",
        # fiscal years: "FY27", "FY2026-27", "fiscal 2027", "fiscal year 2026-27", "2026-27"
        rf"\bFY\s?'?{_TWO_OR_FOUR}(?:{_YEAR_TO}{_TWO_OR_FOUR})?\b",
        rf"\b[Ff]iscal(?:\s+[Yy]ear)?\s+{PLAUSIBLE_YEAR}(?:{_YEAR_TO}{_TWO_OR_FOUR})?\b",
        rf"\b{PLAUSIBLE_YEAR}{_YEAR_TO}\d{{2}}\b(?!{_YEAR_TO}\d)",
        rf"\b(?:[Tt]he\s+)?(?:{_WHICH}|[Cc]urrent)\s+fiscal(?:\s+year)?\b",
        rf"\b{WEEKDAY}\b",
        rf"\b{_CUE} (?P<d>{PLAUSIBLE_YEAR})\b(?!{_YEAR_TO}\d)",
        rf"\b{_CUE} (?P<d>{MONTH})(?!\s*\d)",
        rf"\b{_WHICH}\s+{MONTH}\b(?!\s*\d)",  # "last November"
        rf"\b{MONTH}\s+{_WHICH}\s+year\b",  # "September last year"
        r"\b[Yy]esterday\b|\b[Tt]omorrow\b",
        # "today" as when something happened, not "today's world" or "security today is …"
        r"\b[Tt]oday\b(?=\s*[,.;]|\s+(?:\w+ed|said|says|met|held|signed|set|sent|began)\b)",
        rf"\b(?:(?:[Ll]ater|[Ee]arlier) )?{_WHICH} (?:year|month)\b",
        r"\b(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-](?:this|next|last) (?:year|month)\b",
        # "over the next week" is the coming seven days, not a calendar week
        rf"(?<![Tt]he )\b(?:(?:[Ll]ater|[Ee]arlier) )?{_WHICH} week\b",
        r"\b(?:[Ll]ater|[Ee]arlier) in the (?:year|month|week)\b",
        r"\b(?:[Ll]ater|[Ee]arlier)\s+(?:in\s+the\s+day|today)\b",
        rf"\b{_COUNTS}\s+(?:day|week|month|year)s?\s+ago\b",
        rf"\b(?:[Tt]he\s+)?{_SEASONS},?\s+(?:of\s+)?{PLAUSIBLE_YEAR}\b",
        # "the last fall in prices" is no season
        rf"\b{_WHICH}\s+{_SEASONS}\b(?!\s+(?:in|of)\b)",
        r"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd)\s+half\s+of\s+(?:the|this)\s+year\b",
        rf"\b(?:[Tt]he\s+)?end\s+of\s+(?:{MONTH}(?:,?\s+{PLAUSIBLE_YEAR})?|{PLAUSIBLE_YEAR}|(?:this|next|the) (?:year|month))",
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
