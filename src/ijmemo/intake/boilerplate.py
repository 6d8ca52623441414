"""What is on a news page but is not the report: teasers, credits, bylines, slugs.

Each rule has a name, so the review file can say why a line was left out. Rules
look at a whole line or one sentence; they never cut words out of a sentence
(a quote stays the article's own text, verbatim).
"""

from __future__ import annotations

import re

from ijmemo.intake.datelines import AGENCIES
from ijmemo.text.quotes import DASHES, normalise

_AGENCY = rf"(?:{AGENCIES})"
_RULES: dict[str, str] = {
    "teaser": r"^\W*(also read|read more|read also|related( stories| news| articles?)?|"
    r"recommended( for you)?|must read|don'?t miss|trending|top stories|more from|"
    r"watch|listen|subscribe|sign up|click here|follow us|share this)\b",
    "photo credit": r"^\W*(file\s+)?(photo|image|picture|pic|representational image|caption|"
    r"video)s?\s*(credits?)?\s*[:(|/]"
    r"|\((photo|image|pic)s?\s*(credits?)?\s*:[^)]*\)\s*$"
    r"|\|\s*(photo|image)\s*(credit)?\s*:",
    "image markup": r"!\[[^\]]*\]\([^)]*\)|<img\b|^\W*\[(image|photo|video)[^\]]*\]\W*$"
    r"|^\W*\S+\.(jpe?g|png|gif|webp|svg)\W*$",
    "byline": r"^\W*(by|written by|reported by|edited by|compiled by)\s+[A-Z][\w.'’ -]{0,60}$"
    # "By Julian Atchison on September 08, 2025"
    r"|^\W*by\s+[A-Z][\w.'’ -]{0,60}?\s+(on|\|)\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\W*$"
    r"|^\W*(updated|published|last updated|posted|first published)\s*(on|at)?\s*:"
    r"|^\W*(staff reporter|our (special )?correspondent|express news service|"
    r"tnn|et bureau|bs reporter|news desk)\b",
    "with inputs": r"^\W*\(?\s*with inputs from\b",
    # Agency credit lines: "(Reporting by ...; Editing by ...)".
    "credits": r"^\W*\(\s*(additional\s+)?(reporting|writing|editing)\s+by\b"
    r"|^\W*(additional\s+)?(reporting|writing)\s+by\b[^.]*;\s*editing\s+by\b",
    # A clock time with a time zone on a line that is not a sentence: a page's stamp
    # ("Updated - March 13, 2026 09:41 pm IST", "Rohit Kaul / TNN / Updated: ... 04:12 IST").
    "timestamp": r"^(?!.*[.!?]\W*$).*\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*"
    r"(IST|JST|GMT|UTC|BST|CET|EST|EDT|PST|PDT|ET|hrs)\b"
    rf"|^\W*(updated|published|last updated|posted|first published)\s*[{DASHES}:|]",
    # Topic tags: "India / Japan / mining and quarrying / diplomacy".
    "tag list": r"^[^./:]{1,40}(\s[/|]\s[^./:]{1,40}){2,}$",
    "agency slug": rf"^\W*(--|[{DASHES}])?\s*\(?{_AGENCY}\)?\s*(--|[{DASHES}])?\W*$"
    rf"|^\W*(agency|agencies|source)\s*:\s*{_AGENCY}?\W*$|^\W*\(?agencies\)?\W*$"
    # a chart's or photo's source line: "Source: Ministry of Economy, Trade and Industry, Japan."
    r"|^\W*source\s*:\s*[^.:;]{1,80}\.?\s*$",
    # A photo caption: people named, then what they do in the present tense, on a day
    # ("Misri addresses a press briefing, in New Delhi on Tuesday.", "… shake hands …").
    "caption": r"^(?:[A-Z][\w.'’-]*,?\s+(?:and\s+|of\s+|for\s+|the\s+)?){1,10}(?:\(\w+\)\s+)?"
    r"(?:addresses|listens|speaks|shake hands|shakes hands|greets|greet|pose|poses|arrives|"
    r"walks|gestures|waves|looks on|attends|inspects)\b",
    "social handle": r"^\W*\(?\s*(photo\s*:?\s*)?@\w+[\w/ ]*\)?\W*$|pic\.twitter\.com|"
    r"^\W*follow (us|him|her|them)\b|—\s*[^()]{1,60}\(@\w+\)",
}
BOILERPLATE = {name: re.compile(p, re.IGNORECASE) for name, p in _RULES.items()}


# A subhead: a short line with no sentence's closing mark ("Focus on economic security").
_SUBHEAD_WORDS = 15
_CLOSES = re.compile(r"[.!?:;\"”’)\]]\s*$")
# A list item's marker ("- ", "• ", "2. "): layout, not words of the sentence.
LIST_MARK = r"(?:[-•*▪●–]\s+|\d{1,2}[.)]\s+)"
_LIST_ITEM = re.compile(rf"^\s*{LIST_MARK}\S")
# …unless it is a deck that makes a claim in sentence case ("Tokyo steps up efforts to …").
_CLAIMS = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}[a-z]+s\s+[a-z]")


# A paragraph of several sentences is prose, not a caption ("The Japanese PM arrives in
# India on Monday morning. He will hold talks …").
_PROSE = re.compile(r"[.!?][\"”’]?\s+[A-Z“\"]")


def boilerplate_reason(text: str) -> str | None:
    """The name of the rule that marks `text` as page furniture, or None."""
    for name, pattern in BOILERPLATE.items():
        if pattern.search(text) and not (name == "caption" and _PROSE.search(text)):
            return name
    short = "\n" not in text and len(text.split()) <= _SUBHEAD_WORDS
    listed = _LIST_ITEM.match(text)  # "- Both leaders reaffirmed …": a key point, listed
    if short and not _CLOSES.search(text) and not _CLAIMS.match(text) and not listed:
        return "subhead"
    return None


def repeats_title(line: str, title: str | None) -> bool:
    """The headline printed again as the first line of the text."""
    if not title:
        return False

    def fold(s: str) -> str:
        return re.sub(r"\W+", " ", normalise(s).casefold()).strip()

    return fold(line) == fold(title)


def looks_like_headline(line: str, following: int) -> bool:
    """A first line with no sentence end and more text after it: a headline."""
    stripped = line.strip()
    return following > 0 and not re.search(r"[.!?:\"”’]$", stripped) and len(stripped.split()) <= 20
