"""Each date in a sentence with its role: when it happened, when it is due, where it moved.

"Officials met in Tokyo on Wednesday" (happened), "will meet again in the second
half of 2026" (due in), "by March" (due by: a window that ends on 31 March),
"postponed to September" (moved to), "which was to be held in the first half of
2026" (moved from), "officials said on Saturday" (said on: when it was said, not
when it happened). The role is read from the words just before the phrase, then
from the tense of its clause, then from whether the window lies after the
report's date. Windows resolve against the report's own date (its dateline first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ijmemo.text.date_phrases import find_date_spans
from ijmemo.text.date_words import DEADLINE_CUES
from ijmemo.text.dates import (
    DateWindow,
    in_tense,
    parse_date_or_unknown,
)

MOVES = re.compile(
    r"\b(postpon\w*|put off|puts off|pushed back|push back|deferr?\w*|reschedul\w*|"
    r"delay\w*|shift\w*|moved|brought forward)\b",
    re.IGNORECASE,
)
# A cancelled step also has a window it had been due in ("planned for May was called off").
CANCELS = re.compile(r"\b(cancell?ed|called off|scrapped|shelved)\b", re.IGNORECASE)
_DEADLINE_CUE = re.compile(rf"\b({DEADLINE_CUES})\s+(the\s+)?$", re.IGNORECASE)
_MOVED_FROM = re.compile(
    r"\b((was|were|had been|is|are)\s+(originally\s+|initially\s+|earlier\s+)?"
    r"(to be held|to take place|to meet|scheduled|slated|planned|due|expected|set)\b[^,;]*"
    r"|originally\s+\w+\b[^,;]*|initially\s+\w+\b[^,;]*|from|instead of"
    r"|(planned|scheduled|slated|due|set|expected)\s+(for|in|on))\s*$",
    re.IGNORECASE,
)
_MOVED_TO = re.compile(r"\b(to|until|till|for|now\b[^,;]*)\s+(the\s+)?$", re.IGNORECASE)
# When it was said: a reporting verb or a briefing, then a few words with no other verb
# ("told reporters at the weekly media briefing on Thursday", "at a press conference
# Friday"); "said the two sides met in Tokyo on Friday" is when they met.
_SAID = re.compile(
    r"(?<!was )(?<!were )(?<!been )(?<!be )"  # "was announced in January" is the event itself
    r"\b(?:(?P<verb>said|told|announced|stated|added|noted|confirmed|informed|briefed|says|"
    r"tweeted|posted|wrote)|(?P<occasion>speaking|press conference|news conference|"
    r"press briefing|media briefing|briefing|statement))\b",
    re.IGNORECASE,
)
_SAID_GAP = {  # how many words may stand between the cue and the date
    "verb": re.compile(r"^([\s,]+[\w'’-]+){0,4}?\s*(\s(on|in|late on|earlier on))?\s+$"),
    "occasion": re.compile(r"^([\s,]+[\w'’-]+){0,8}?\s*(\s(on|in|late on|earlier on))?\s+$"),
}
_GAP_VERB = re.compile(r"\b(met|held|hold|meet|will|would|to|that|\w+ed)\b", re.IGNORECASE)


def _said_on(before: str) -> bool:
    cues = list(_SAID.finditer(before))
    if not cues:
        return False
    cue = cues[-1]
    gap = before[cue.end() :]
    return bool(_SAID_GAP[cue.lastgroup].match(gap)) and not _GAP_VERB.search(gap)


_FUTURE = re.compile(
    r"\b(will|would|shall|to be held|to take place|to meet|to hold|to organi[sz]e|to arrange|"
    r"to convene|to launch|is to|are to|scheduled|"
    r"slated|expected|planned|plans?|set to|due|next|upcoming|aims?|intends?|likely|"
    r"proposed|hopes?|later|could|might|(?-i:may))\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(held|met|took place|was|were|agreed|signed|launched|visited|convened|hosted|discussed|"
    r"began|started|opened|completed|announced|established|concluded|had|\w+ed)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|which|who|after|before|as)\b|\.\s")


@dataclass(frozen=True)
class RoledDate:
    phrase: str  # as printed; a deadline keeps its cue ("by March")
    role: str
    window: DateWindow
    why: str

    def describe(self) -> str:
        w = self.window
        span = f"{w.start} to {w.end} ({w.precision})" if w.known else f"window unknown: {w.note}"
        return f"{self.phrase!r}: {self.role}, {span}; {self.why}"


def _nearest(pattern: re.Pattern, text: str) -> int:
    """Where the last match of `pattern` in `text` ends (-1 when none)."""
    last = -1
    for m in pattern.finditer(text):
        last = m.end()
    return last


def _role(before: str, sentence_moves: bool, window: DateWindow, ref: date | None):
    """The role of a date phrase from the words before it in its sentence."""
    if _DEADLINE_CUE.search(before):
        return "due-by", "'by' before it"
    if _said_on(before):
        return "said-on", "follows a reporting verb"
    if sentence_moves and _MOVED_FROM.search(before):
        return "moved-from", "the window it had been due in"
    if sentence_moves and _MOVED_TO.search(before):
        return "moved-to", "'to' after a postponement"
    clause = _CLAUSE.split(before)[-1] if _CLAUSE.search(before) else before
    future, past = _nearest(_FUTURE, clause), _nearest(_PAST, clause)
    if future >= past and future != -1:  # "expected" is future though it ends in -ed
        return "due-in", "future or plan in its clause"
    if past > future:
        held = in_tense(window, ref, "past")  # "met on December 30" in a January report
        if ref and held.known and held.start > ref + timedelta(days=1):
            return "due-in", "past tense, but the window lies after the report's date"
        return "happened", "past tense in its clause"
    if ref and window.known and window.start > ref:
        return "due-in", "the window lies after the report's date"
    return "happened", "no cue: read as when it happened"


# A year-less date is read in its role's tense (dates.in_tense).
TENSE_BY_ROLE = {
    "happened": "past",
    "said-on": "past",
    "due-in": "future",
    "due-by": "future",
    "moved-to": "future",
    "moved-from": None,
}


def dates_with_roles(sentence: str, reference: date | None) -> list[RoledDate]:
    """Every date phrase in `sentence`, in reading order, with its role and window."""
    out = []
    moves = bool(MOVES.search(sentence) or CANCELS.search(sentence))
    for start, _end, phrase in find_date_spans(sentence):
        before = sentence[:start]
        role, why = _role(before, moves, _window(phrase, reference), reference)
        if role == "due-by":
            cue = _DEADLINE_CUE.search(before)
            phrase = sentence[cue.start() : start + len(phrase)]
        window = in_tense(_window(phrase, reference), reference, TENSE_BY_ROLE[role])
        out.append(RoledDate(phrase, role, window, why))
    return out


def _window(phrase: str, reference: date | None) -> DateWindow:
    return parse_date_or_unknown(phrase, reference)[0]


# Which date a claim keeps, given what it reports: a move keeps where it moved to.
PREFERENCE = {
    "postponed": ("moved-to", "due-in", "due-by"),
    "new": ("due-by", "due-in", "moved-to"),
    "met": ("happened",),
    "cancelled": ("moved-from", "due-in", "due-by", "happened"),
    None: ("happened", "due-by", "due-in", "moved-to", "moved-from"),
}


def claim_date(dated: list[RoledDate], change: str | None) -> RoledDate | None:
    """The date phrase a claim should carry: by the milestone change it reports."""
    for role in PREFERENCE[change]:
        for d in dated:
            if d.role == role:
                return d
    return None
