"""How a sentence frames its initiative's origin, as proposed for the analyst: new or earlier.

"new" when the sentence calls it new: "a new AI dialogue", "the inaugural Economic
Security Dialogue", "its first meeting", "newly set up". "earlier" when it says it was
agreed or set up before the round reported: "agreed in August 2025", "set up last year",
"which the two sides agreed at the 2025 summit"; the date that says when goes with it.
A stated origin wins over "first" ("The group, set up last year, held its first
meeting" is earlier). The check (`curation/checks/speech.py`) wants the quote's own word
or an earlier date for either; the analyst confirms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ijmemo.intake.date_roles import RoledDate


@dataclass(frozen=True)
class Framing:
    value: str | None  # new, earlier, or None: the sentence does not say
    why: str | None = None
    date: str | None = None  # earlier: the phrase that says when it was agreed


# What an initiative is called, or one of its rounds: "its first meeting" is the first.
_KINDS = (
    r"(?:dialogue|mechanism|framework|partnership|initiative|group|forum|programme|program|"
    r"fund|track|council|committee|corridor|platform|task force|centre|center|agreement|pact|"
    r"scheme|panel|round|meeting|session|edition|consultations?)s?"
)
# Words that make "first"/"new" about something else: "the first half of 2026", "a new
# round of talks" on an old track, "its first visit".
_NOT_BETWEEN = (
    r"half|quarter|week|month|year|time|visit|day|phase|stage|chapter|era|level|heights|"
    r"of|to|in|on|at|for|by|and|with|from|after|since|than"
)
_BETWEEN = rf"(?:(?!(?:{_NOT_BETWEEN})\b)[\w'’-]+\s+){{0,4}}?"
_NEW = re.compile(  # "first-ever": the hyphen is no word boundary to stop at
    rf"\b(?P<cue>new|New(?! Delhi| York| Zealand)|(?i:first(?:-ever)?|inaugural|maiden))"
    rf"\s+{_BETWEEN}(?i:{_KINDS})\b|\b(?P<newly>(?i:newly)\s+(?:set up|launched|created|formed|established))"
)
_NEW_ROUND = re.compile(r"\bnew\s+(?:round|phase|stage|chapter)\b", re.IGNORECASE)
# An origin said in the past: "agreed in", "set up last year", "first held in 2019";
# "agreed to meet" looks ahead.
_ORIGIN = re.compile(
    r"\b(?:agreed(?:\s+upon)?(?!\s+to\b)|set up|established|launched|created|formed|"
    r"instituted|inaugurated|unveiled|first\s+(?:held|convened))\b",
    re.IGNORECASE,
)
_BEFORE = re.compile(r"\b(?:last year|earlier|previously|already)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def propose_framing(
    sentence: str, kind: str | None, dated: list[RoledDate], reference: date | None
) -> Framing:
    """The framing a sentence's words propose for its subject (an initiative or a new one)."""
    if kind not in ("initiative", None):
        return Framing(None)  # only an initiative has an origin to frame
    earlier = _earlier(sentence, dated, reference)
    if earlier:
        return earlier
    found = _NEW.search(sentence)
    if found and not _NEW_ROUND.search(found.group(0)):
        return Framing("new", f"'{found.group(0)}' calls it new: check it is the initiative")
    return Framing(None)


def _earlier(sentence: str, dated: list[RoledDate], reference: date | None) -> Framing | None:
    """'earlier' when the sentence says it was agreed or set up before the round reported."""
    origin = _ORIGIN.search(sentence)
    if origin is None:
        return None
    said = f"'{origin.group(0)}'"
    if before := _BEFORE.search(sentence):
        when = next((d.phrase for d in dated if before.group(0) in d.phrase), before.group(0))
        return Framing("earlier", f"{said} {before.group(0)}: set `date` to when", when)
    for d in dated:
        if d.role == "happened" and _before_round(d, reference):
            why = f"{said} in '{d.phrase}', before the round reported ({reference})"
            return Framing("earlier", why, d.phrase)
    year = _YEAR.search(sentence)
    if year and reference and int(year.group(0)) < reference.year:
        why = f"{said} in {year.group(0)}, before the report's year: set `date` to it"
        return Framing("earlier", why, year.group(0))
    return None


def _before_round(d: RoledDate, reference: date | None) -> bool:
    """A date before the report's month, and more than a week before it: "agreed in
    January" under a March report; "launched on Thursday" is the round reported."""
    window = d.window
    if reference is None or not window.known or window.end is None:
        return False
    month_start = reference.replace(day=1)
    return window.end < month_start and window.end < reference - timedelta(days=7)
