"""Each date in a sentence with its role: when it happened, when it is due, where it moved.

"Officials met in Tokyo on Wednesday" (happened), "will meet again in the second
half of 2026" (due in), "by March" (due by: a window that ends on 31 March),
"postponed to September" (moved to), "which was to be held in the first half of
2026" (moved from), "officials said on Saturday" (said on: when it was said, not
when it happened), "stalled since December" (happened: when a state still going on
began, never a due date); "postponed from January to March" is two dates, moved from and
to. The role is read from the words just before the phrase, then from the tense of its
clause (of the words after it, for a phrase that opens its clause: "In May, the two will
meet"), then from whether the window lies after the report's date. Windows resolve
against the report's own date (its dateline first); a weekday takes the date printed for
it in the same sentence ("met on Tuesday ... the February 24 talks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ijmemo.text.date_phrases import find_date_spans
from ijmemo.text.date_words import DEADLINE_CUES, WEEKDAYS
from ijmemo.text.dates import (
    DateWindow,
    in_tense,
    parse_date_or_unknown,
)

MOVES = re.compile(
    r"\b(postpon\w*|put off|puts off|pushed back|push back|deferr?\w*|reschedul\w*|"
    r"(?<!without )(?<!no )(?<!any )(?<!further )(?<!undue )delay\w*|"
    # "economies shift toward net zero" is a change of course, not of a date
    r"shift(?:ed|ing)?(?!\s+(?:toward|towards|away|focus|gears?)\b)|moved|"
    r"brought forward)\b",  # not "without (further) delay"
    re.IGNORECASE,
)
# A cancelled step also has a window it had been due in ("planned for May was called off").
CANCELS = re.compile(r"\b(cancell?ed|called off|scrapped|shelved)\b", re.IGNORECASE)
_DEADLINE_CUE = re.compile(rf"\b({DEADLINE_CUES})\s+(the\s+)?$", re.IGNORECASE)
_MOVED_FROM = re.compile(
    r"\b((was|were|had been|is|are)\s+(originally\s+|initially\s+|earlier\s+)?"
    r"(to be held|to take place|to meet|scheduled|slated|planned|due|expected|set|"
    r"pencill?ed in)\b[^,;]*"
    r"|originally\s+\w+\b[^,;]*|initially\s+\w+\b[^,;]*|from|instead of"
    r"|(planned|scheduled|slated|due|set|expected|pencill?ed in)\s+(for|in|on))\s*$",
    re.IGNORECASE,
)
# "was originally due to be completed in 2023": a window given up, even where the sentence
# does not say what became of it.
_ORIGINALLY = re.compile(
    r"\b(originally|initially)\s+(due|slated|scheduled|planned|set|expected|meant|supposed)"
    r"\b[^,;]*$",
    re.IGNORECASE,
)
# "which is tentatively planned for October": the plan as it stands, even in a sentence
# about a delay ("was planned", "is originally scheduled" name a window given up).
_STILL_DUE = re.compile(
    r"\b(is|are)\s+(?!originally|initially|earlier)(\w+ly\s+)?"
    r"(planned|scheduled|slated|due|expected|set|pencill?ed in|to be held)\b[^,;]*$",
    re.IGNORECASE,
)
# "stalled since December": the start of a state that lasts to the report, so before it.
_SINCE = re.compile(r"\bsince\s+(the\s+)?$", re.IGNORECASE)
SINCE_REACH = timedelta(days=366)  # "since September" in a March report: last September
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
# a past tense is written in lower case: "Ahmed", "United", "Limited" are names
_ED = r"(?-i:[a-z][\w-]*ed)"
_GAP_VERB = re.compile(rf"\b(met|held|hold|meet|will|would|to|that|{_ED})\b", re.IGNORECASE)


# "Modi on Friday affirmed …", "Last month, India's Mines Minister G. Kishan Reddy said …":
# the date stands before the speaker's verb, with no other verb between.
_SAID_NEXT = re.compile(
    r"^[\s,]*(?:(?!and\b|but\b)[\w.'’-]+\s+){0,7}?(?:also\s+)?"
    r"(?:said|told|stated|noted|affirmed|stressed|emphasi[sz]ed|underscored)\b",
    re.IGNORECASE,
)


def _said_next(before: str, after: str) -> bool:
    """Is the date the speaker's ("Modi on Friday said"), not an event's ("met on Friday,
    officials said")?"""
    if _GAP_VERB.search(re.split(r"[,;:]", before)[-1]):  # a verb of its own clause: the event's
        return False
    m = _SAID_NEXT.match(after)
    gap = m.group(0).rsplit(None, 1)[0] if m and len(m.group(0).split()) > 1 else ""
    return bool(m) and not _GAP_VERB.search(gap)


def _said_on(before: str) -> bool:
    cues = list(_SAID.finditer(before))
    if not cues:
        return False
    cue = cues[-1]
    gap = before[cue.end() :]
    return bool(_SAID_GAP[cue.lastgroup].match(gap)) and not _GAP_VERB.search(gap)


_FUTURE = re.compile(
    r"\b(will|would|shall|should|to be held|to take place|to meet|to hold|to organi[sz]e|to arrange|"
    r"to convene|to launch|to establish|to set up|to create|to form|is to|are to|scheduled|"
    # "plan" and "target" as verbs only: "concluded an action plan today" happened
    r"slated|expected|planned|plans?(?=\s+to\b)|set to|due|next|upcoming|aims?|aiming|"
    r"intends?|likely|proposed|hopes?|later|could|might|(?-i:may)|fixed for|pencill?ed in|"
    r"earmarked|targets?(?=\s+to\b)|targeted|targeting|working towards?|"
    r"for (?:launch|completion|delivery|release|rollout|commissioning))\b",
    re.IGNORECASE,
)
_PAST_VERBS = (
    r"held|met|took place|was|were|agreed|signed|launched|visited|convened|hosted|discussed|"
    r"began|started|opened|completed|announced|established|concluded|had"
)
_PAST = re.compile(rf"\b({_PAST_VERBS}|{_ED})\b", re.IGNORECASE)
# After a phrase that opens its clause ("In May, the two will meet"), the verb that follows
# gives the tense: a plain future or plan, unless a past verb comes first ("In May, officials
# said the talks will resume"; "Modi inaugurated a plant that will").
_FUTURE_VERB = re.compile(
    r"\b(will|would|shall|should|(?:is|are)\s+(?:\w+ly\s+)?(?:to|expected|scheduled|slated|set|due|"
    r"likely|planned)|(?:plans?|aims?|intends?|hopes?)\s+to)\b",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(rf"\b({_PAST_VERBS}|said|says|told|{_ED})\b", re.IGNORECASE)
# A phrase that opens its clause: "In May, ...", "Later this year, ...", "...; the February 24
# talks were" (not "The dialogue, set up in January as a precursor, will now").
_OPENS = re.compile(r"(?:^|[,;:]|\.\s)\s*(?:(?:in|on|at|during|over|the|and|but|then)\s+)*$", re.I)
# "the revised plan", "a long-delayed pact": a participle as an adjective is no verb
_ADJECTIVE_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her)\s+|-)$", re.IGNORECASE)
# "will be held", "is to be formally launched": a participle after "be" is no past tense
# (the word before "be" gives the tense).
_AFTER_BE = re.compile(r"\b(?:be|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\s+by\b", re.IGNORECASE)
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


def _nearest_past(text: str) -> int:
    """Where the last past-tense word in `text` ends (-1 when none), leaving out the
    participles of a passive: "will be held", and "will be followed by a dialogue led by
    the foreign secretary" (a participle with 'by' after a future takes its tense)."""
    last = -1
    for m in _PAST.finditer(text):
        after_be = _AFTER_BE.search(text[: m.start()])
        future_passive = _BY.match(text[m.end() :]) and _FUTURE.search(text[: m.start()])
        if not (after_be or future_passive):
            last = m.end()
    return last


def _moved_to_after_the_move(before: str) -> bool:
    """ "originally slated for May and later put off to September": a 'to' after the move
    verb names where it went, whatever the words before the verb said it had been due
    ("push back the meeting, which is planned for October": where it is due now)."""
    moves = list(MOVES.finditer(before))
    if not moves:
        return False
    after = before[moves[-1].end() :]
    return bool(_MOVED_TO.search(after)) and not _MOVED_FROM.search(after)


# "could also push back the meeting": a move only possible has moved nothing yet ("would"
# is left out: reported speech says "said the talks would be postponed to March").
_HEDGE = re.compile(r"\b(could|might|(?-i:may))\s+(also\s+|further\s+|even\s+)?(be\s+)?$", re.I)


def _moves(sentence: str) -> bool:
    """Whether the sentence reports a move or a cancellation that has been made."""
    if CANCELS.search(sentence):
        return True
    return any(not _HEDGE.search(sentence[: m.start()]) for m in MOVES.finditer(sentence))


def _role(before: str, after: str, sentence_moves: bool, window: DateWindow, ref: date | None):
    """The role of a date phrase from the words before it in its sentence (after it, for
    one that opens a future clause)."""
    if _DEADLINE_CUE.search(before):
        return "due-by", "'by' before it"
    if _said_on(before):
        return "said-on", "follows a reporting verb"
    if _said_next(before, after):
        return "said-on", "a reporting verb follows"
    if _SINCE.search(before):
        return "happened", "'since': when a state still going on began"
    if _STILL_DUE.search(before):
        return "due-in", "the plan as it stands"
    if sentence_moves and _moved_to_after_the_move(before):
        return "moved-to", "'to' after a postponement"
    if _ORIGINALLY.search(before) or (sentence_moves and _MOVED_FROM.search(before)):
        return "moved-from", "the window it had been due in"
    if sentence_moves and _MOVED_TO.search(before):
        return "moved-to", "'to' after a postponement"
    tense = _tense_before(before)
    if tense is None and _OPENS.search(before):
        tense = _tense_after(after)
        if tense == "future":
            return "due-in", "future or plan in the clause it opens"
    return _role_by_tense(tense, window, ref)


def _tense_before(before: str) -> str | None:
    """The tense of the clause up to the phrase, from its last tense word."""
    clause = _CLAUSE.split(before)[-1]
    future, past = _nearest(_FUTURE, clause), _nearest_past(clause)
    if future >= past and future != -1:  # "expected" is future though it ends in -ed
        return "future"
    return "past" if past > future else None


def _tense_after(after: str) -> str | None:
    """The tense of a clause a phrase opens, from its first verb: "In the first half of 2026,
    the two sides will hold the summit" is due, though its window began by the report's
    date; "the February 24 talks were cordial" happened."""
    clause = _CLAUSE.split(after)[0]
    future, past = _FUTURE_VERB.search(clause), _first_past_verb(clause)
    if future and (past is None or future.start() < past):
        return "future"
    return "past" if past is not None else None


def _first_past_verb(clause: str) -> int | None:
    """Where the first past-tense verb of `clause` starts (a participle after "be" or used
    as an adjective is none)."""
    for m in _PAST_VERB.finditer(clause):
        head = clause[: m.start()]
        if not (_AFTER_BE.search(head) or _ADJECTIVE_BEFORE.search(head)):
            return m.start()
    return None


def _role_by_tense(tense: str | None, window: DateWindow, ref: date | None):
    if tense == "future":
        return "due-in", "future or plan in its clause"
    if tense == "past":
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
    moves = _moves(sentence)
    for start, end, phrase in _spans(sentence, moves):
        before = sentence[:start]
        role, why = _role(before, sentence[end:], moves, _window(phrase, reference), reference)
        if role == "due-by":
            cue = _DEADLINE_CUE.search(before)
            phrase = sentence[cue.start() : start + len(phrase)]
        reach = SINCE_REACH if _SINCE.search(before) else None
        window = in_tense(_window(phrase, reference), reference, TENSE_BY_ROLE[role], reach)
        out.append(RoledDate(phrase, role, window, why))
    return _weekdays_as_printed(out, reference)


# "postponed from January to March": a move verb, then "from" in the same clause
_MOVED_FROM_TO = re.compile(rf"{MOVES.pattern}[^,;.]*\bfrom\s+$", re.IGNORECASE)
_RANGE_TO = re.compile(r"\s+(?:to|until|till)\s+")


def _spans(sentence: str, moves: bool) -> list[tuple[int, int, str]]:
    """The date phrases of `sentence`; where a move runs "from January to March", the two
    ends are two phrases, where it was due and where it went (not one window)."""
    out = []
    for start, end, phrase in find_date_spans(sentence):
        to = _RANGE_TO.search(phrase)
        ends = (phrase[: to.start()], phrase[to.end() :]) if to else ()
        if moves and ends and _MOVED_FROM_TO.search(sentence[:start]) and _readable(*ends):
            out += [(start, start + to.start(), ends[0]), (start + to.end(), end, ends[1])]
        else:
            out.append((start, end, phrase))
    return out


def _readable(*phrases: str) -> bool:
    """Whether each phrase reads as a date alone ("Feb 3" does, the "3" of "3 to 5 Feb" not)."""
    return all(parse_date_or_unknown(p, date(2000, 1, 1))[1] is None for p in phrases)


def _weekdays_as_printed(dated: list[RoledDate], reference: date | None) -> list[RoledDate]:
    """A weekday takes the one date the sentence prints for the same role on that weekday,
    when that date lies nearer the report than the weekday resolved to: "met on Tuesday
    (February 24)" under a dateline of 23 February is 24 February, not the 17th."""
    days = [d for d in dated if not _is_weekday(d) and _one_day(d.window)]
    out = []
    for d in dated:
        same = [day for day in days if _is_weekday(d) and _names_it(d, day, reference)]
        if len(same) == 1:
            note = f"the {same[0].phrase} the sentence prints for it"
            d = replace(d, window=replace(same[0].window, text=d.window.text, note=note))
        out.append(d)
    return out


def _one_day(window: DateWindow) -> bool:
    return window.known and window.start == window.end


def _names_it(weekday: RoledDate, day: RoledDate, reference: date | None) -> bool:
    """Whether a printed day is the weekday's own: the same role and weekday, and nearer
    the report (a weekday names the nearest such day; "met on Tuesday; signed on January 6"
    keeps the nearer Tuesday)."""
    w, p = weekday.window, day.window
    if reference is None or not _one_day(w) or weekday.role != day.role:
        return False
    nearer = abs((p.start - reference).days) < abs((w.start - reference).days)
    return p.start.weekday() == w.start.weekday() and nearer


def _is_weekday(d: RoledDate) -> bool:
    return d.phrase.strip().lower() in WEEKDAYS


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
