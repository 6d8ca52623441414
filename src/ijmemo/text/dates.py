"""Dates as reported: keep the phrase, derive a window and a precision.

A news report rarely gives a single day ("early 2026", "first half of 2026",
"15 to 17 January"). We keep the phrase verbatim and derive the window it
covers, never collapsing a window to one day. Year-less and relative phrases
("January", "Friday") resolve against a reference date (the source's own date)
when there is one, and stay unknown otherwise.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

PRECISIONS = (
    "day",
    "month",
    "quarter",
    "part-year",
    "half-year",
    "year",
    "deadline",  # "by March": from the source date to the end of the named period
    "unknown",
)

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
# "early/mid/late YEAR": a third of the year each. Vague by nature, so the
# window is wide and its precision says so ("part-year").
PARTS_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "middle of": (5, 8), "late": (9, 12)}

_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>\d{{4}})"
_TO = r"\s*(?:to|-|until|till|through|and)\s*"


def _m(name: str) -> str:
    return _MONTH.format(name=name)


def _d(name: str) -> str:
    return _DAY.format(name=name)


def _y(name: str) -> str:
    return _YEAR.format(name=name)


class DateParseError(ValueError):
    """A date phrase that is not understood, impossible, or ends before it starts."""


@dataclass(frozen=True)
class DateWindow:
    """A reported date: the phrase as printed and the window it covers."""

    text: str | None
    start: date | None
    end: date | None
    precision: str
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.start is not None


def unknown(text: str | None, note: str | None = None) -> DateWindow:
    return DateWindow(text, None, None, "unknown", note)


def _day(year: int, month: int, day: int, phrase: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateParseError(f"impossible date in {phrase!r}: {exc}") from None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _window(text, start, end, precision, note=None) -> DateWindow:
    if end < start:
        raise DateParseError(f"window {text!r} ends ({end}) before it starts ({start})")
    return DateWindow(text, start, end, precision, note)


# Each rule: a compiled full-match pattern and a builder(match, year_or_None).
_RULES: list[tuple[re.Pattern, str]] = []


def _rule(pattern: str, kind: str) -> None:
    _RULES.append((re.compile(pattern, re.IGNORECASE), kind))


_rule(
    rf"{_y('y1')}-(?P<m1>\d{{2}})-(?P<d1>\d{{2}}){_TO}{_y('y2')}-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})",
    "iso-range",
)
_rule(rf"{_y('y1')}-(?P<m1>\d{{2}})-(?P<d1>\d{{2}})", "iso")
_rule(rf"{_d('d1')}{_TO}{_d('d2')}\s+{_m('m1')}(?:,?\s+{_y('y1')})?", "day-range")
_rule(rf"{_d('d1')}\s+{_m('m1')}{_TO}{_d('d2')}\s+{_m('m2')}(?:,?\s+{_y('y1')})?", "day-range")
_rule(rf"{_m('m1')}\s+{_d('d1')}{_TO}{_d('d2')}(?:,?\s+{_y('y1')})?", "day-range")
_rule(rf"{_d('d1')}\s+{_m('m1')}(?:,?\s+{_y('y1')})?", "day")
_rule(rf"{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?", "day")
_rule(rf"{_m('m1')}{_TO}{_m('m2')}(?:,?\s+{_y('y1')})?", "month-range")
_rule(rf"{_m('m1')}(?:,?\s+{_y('y1')})?", "month")
_rule(
    rf"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+{_y('y1')}",
    "quarter",
)
_rule(rf"q(?P<qn>[1-4])\s+{_y('y1')}", "quarter")
_rule(rf"(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+{_y('y1')}", "half")
_rule(rf"h(?P<hn>[12])\s+{_y('y1')}", "half")
_rule(rf"(?P<part>early|mid|middle of|late)[\s-]+{_y('y1')}", "part")
_rule(_y("y1"), "year")
_rule(r"(?P<wd>" + "|".join(WEEKDAYS) + r")", "weekday")
_rule(r"(?P<rel>today|yesterday|tomorrow)", "relative")
_rule(
    r"(?P<when>later |earlier )?(?P<which>this|next|last) (?P<unit>year|month)", "relative-period"
)
# "the second half of the year", "the end of this year": a part of the source's own year.
_rule(r"(?:the\s+)?(?P<rh>first|second) half of (?:the|this) year", "relative-half")
# "the end of June": the named period (with "by" before it, a deadline ending with it).
_rule(r"(?:the\s+)?end(?:\s+of\s+|-)(?P<inner>.+)", "end-of")

_LEADING = re.compile(r"^(?:on|in|from|during|at)\s+", re.IGNORECASE)
# A deadline: due no later than the end of the named period ("before": before it starts).
DEADLINE_CUES = (
    r"by the end of|before the end of|by end-|by end of|no later than|not later than|by|before"
)
_DEADLINE = re.compile(rf"^(?P<cue>{DEADLINE_CUES})\s*(?P<rest>\S.*)$", re.IGNORECASE)


def parse_date(text: str | None, reference: date | None = None) -> DateWindow:
    """Parse a reported date phrase into a window.

    `reference` is the date the source was published, used for phrases with no
    year ("15 to 17 January") and relative ones ("Friday", "yesterday"). Without
    it such phrases are returned as unknown, with a note saying why.
    """
    if text is None or not str(text).strip():
        return unknown(None)
    phrase = " ".join(str(text).split())
    core = _LEADING.sub("", phrase).replace("–", "-").replace("—", "-")
    deadline = _DEADLINE.match(core)
    if deadline:
        return _deadline(phrase, deadline, reference)
    for pattern, kind in _RULES:
        match = pattern.fullmatch(core)
        if match:
            return _build(kind, match, phrase, reference)
    raise DateParseError(f"unrecognised date phrase {phrase!r}")


def parse_date_or_unknown(
    text: str | None, reference: date | None = None
) -> tuple[DateWindow, str | None]:
    """`parse_date` that never raises: an unreadable phrase is an unknown window, returned
    with why it could not be read (None when it was read)."""
    try:
        return parse_date(text, reference), None
    except DateParseError as exc:
        return unknown(text, str(exc)), str(exc)


def in_tense(
    window: DateWindow,
    reference: date | None,
    tense: str | None,
    reach: timedelta | None = None,
) -> DateWindow:
    """A year taken from the source date, moved across New Year when the report's tense
    rules out the source's year.

    "Met on December 30" in a report of 2 January is the December before; "will meet in
    January" in a report of 30 December is the January after; "will meet on Friday" is
    the Friday after the report (a weekday is otherwise the last one on or before it). Only a move of at most two
    months across the report's date is made: "due in March" in a July report may be a
    March now past (overdue), and a tense read from words can be wrong ("would be held").
    Phrases that print their year, and every other window, are left as they are.
    `reach`: how far from the report a moved window may lie (default two months; a
    dateline, never after its publication, passes a longer one).
    """
    if tense == "future" and reference is not None and _is_weekday(window):
        # "will meet on Friday": the coming Friday, not the one before the report
        if window.start < reference:
            ahead = window.start + timedelta(days=7)
            note = f"the {window.text} after the source date {reference.isoformat()}"
            return replace(window, start=ahead, end=ahead, note=note)
        return window
    year_taken = (window.note or "").startswith("year taken from the source date")
    if tense is None or reference is None or not window.known or not year_taken:
        return window
    leeway = timedelta(days=1)  # time zones
    if tense == "past" and window.start > reference + leeway:
        shift = -1
    elif tense == "future" and window.end < reference - leeway:
        shift = 1
    else:
        return window
    try:
        moved = parse_date(window.text, date(reference.year + shift, 1, 1))
    except DateParseError:  # 29 February in the other year
        return window
    gap = (reference - moved.end) if shift < 0 else (moved.start - reference)
    if gap > (NEW_YEAR_REACH if reach is None else reach):
        return window
    why = "held before the report" if shift < 0 else "due after the report"
    note = (
        f"year taken from the source date {reference.isoformat()}, then {moved.start.year}: {why}"
    )
    return replace(moved, note=note)


NEW_YEAR_REACH = timedelta(days=62)


def _is_weekday(window: DateWindow) -> bool:
    return window.known and _LEADING.sub("", window.text or "").strip().lower() in WEEKDAYS


def _deadline(phrase: str, m: re.Match, reference: date | None) -> DateWindow:
    """ "by March": from the source date to 31 March (never the month of March itself)."""
    inner = in_tense(parse_date(m["rest"], reference), reference, "future")  # "by January"
    if not inner.known:
        return unknown(phrase, inner.note)
    end = inner.start - timedelta(days=1) if m["cue"].lower() == "before" else inner.end
    if reference is not None and reference <= end:
        return _window(phrase, reference, end, "deadline", f"due from the source date {reference}")
    note = (
        "the source date is not known: the window opens with the named period"
        if reference is None
        else f"a deadline already past on the source date {reference}"
    )
    return _window(phrase, min(inner.start, end), end, "deadline", note)


def _relative_period(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "later this year", "next month": whole periods counted from the source date."""
    shift = {"this": 0, "next": 1, "last": -1}[m["which"].lower()]
    if m["unit"].lower() == "year":
        start, end = date(reference.year + shift, 1, 1), date(reference.year + shift, 12, 31)
        precision = "year"
    else:
        month = reference.month - 1 + shift
        year, month = reference.year + month // 12, month % 12 + 1
        start, end, precision = date(year, month, 1), _month_end(year, month), "month"
    when = (m["when"] or "").strip().lower()
    if when == "later" and start <= reference <= end:
        start, precision = reference, "part-year" if precision == "year" else "day"
    elif when == "earlier" and start <= reference <= end:
        end, precision = reference, "part-year" if precision == "year" else "day"
    note = f"resolved against the source date {reference}"
    return _window(phrase, start, end, precision, note)


def _year(match: re.Match, phrase: str, reference: date | None) -> tuple[int | None, str | None]:
    if match.groupdict().get("y1"):
        return int(match["y1"]), None
    if reference is not None:
        return reference.year, f"year taken from the source date {reference.isoformat()}"
    return None, "year not stated and the source is undated"


def _range_years(year: int, m1: int, m2: int, printed: bool) -> tuple[int, int]:
    """The years of a range's ends: "28 December to 3 January" runs into the next year (a
    year printed at the end, "… to 3 January 2027", is the end's)."""
    if m2 >= m1:
        return year, year
    return (year - 1, year) if printed else (year, year + 1)


def _build(kind: str, m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    if kind == "iso":
        day = _day(int(m["y1"]), int(m["m1"]), int(m["d1"]), phrase)
        return DateWindow(phrase, day, day, "day")
    if kind == "iso-range":
        start = _day(int(m["y1"]), int(m["m1"]), int(m["d1"]), phrase)
        end = _day(int(m["y2"]), int(m["m2"]), int(m["d2"]), phrase)
        return _window(phrase, start, end, "day")
    if kind == "weekday":
        if reference is None:
            return unknown(phrase, "weekday with no source date to resolve it against")
        # News reports past events: the most recent such weekday on or before the source date.
        back = (reference.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
        day = reference - timedelta(days=back)
        return DateWindow(phrase, day, day, "day", f"resolved against the source date {reference}")
    if kind == "relative":
        if reference is None:
            return unknown(phrase, "relative date with no source date to resolve it against")
        day = reference + timedelta(
            days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
        )
        return DateWindow(phrase, day, day, "day", f"resolved against the source date {reference}")

    if kind == "relative-period":
        if reference is None:
            return unknown(phrase, "relative date with no source date to resolve it against")
        return _relative_period(m, phrase, reference)
    if kind == "relative-half":
        if reference is None:
            return unknown(phrase, "relative date with no source date to resolve it against")
        h, year = (1 if m["rh"].lower() == "first" else 2), reference.year
        note = f"resolved against the source date {reference}"
        return _window(phrase, date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half-year", note)
    if kind == "end-of":
        inner = parse_date(m["inner"], reference)
        return DateWindow(phrase, inner.start, inner.end, inner.precision, inner.note)

    year, note = _year(m, phrase, reference)
    if year is None:
        # Validate what we can even without a year (no 31 February, no reversed window).
        _build(kind, m, phrase, date(2000, 1, 1))  # 2000 is a leap year: 29 February passes
        return unknown(phrase, note)
    if kind in ("day", "day-range"):
        m1 = MONTHS[m["m1"].lower()]
        start = _day(year, m1, int(m["d1"]), phrase)
        if kind == "day":
            return DateWindow(phrase, start, start, "day", note)
        m2 = MONTHS[m["m2"].lower()] if m.groupdict().get("m2") else m1
        y1, y2 = _range_years(year, m1, m2, printed=bool(m.groupdict().get("y1")))
        start = _day(y1, m1, int(m["d1"]), phrase)
        return _window(phrase, start, _day(y2, m2, int(m["d2"]), phrase), "day", note)
    if kind in ("month", "month-range"):
        m1 = MONTHS[m["m1"].lower()]
        m2 = MONTHS[m["m2"].lower()] if kind == "month-range" else m1
        y1, y2 = _range_years(year, m1, m2, printed=bool(m.groupdict().get("y1")))
        return _window(phrase, date(y1, m1, 1), _month_end(y2, m2), "month", note)
    if kind == "quarter":
        q = int(m["qn"]) if m.groupdict().get("qn") else ORDINALS[m["q"].lower()]
        return _window(phrase, date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter", note)
    if kind == "half":
        h = int(m["hn"]) if m.groupdict().get("hn") else ORDINALS[m["h"].lower()]
        return _window(phrase, date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half-year", note)
    if kind == "part":
        first, last = PARTS_OF_YEAR[m["part"].lower()]
        return _window(phrase, date(year, first, 1), _month_end(year, last), "part-year", note)
    if kind == "year":
        return _window(phrase, date(year, 1, 1), date(year, 12, 31), "year", note)
    raise AssertionError(kind)  # pragma: no cover - every rule kind is handled above


# ---------------------------------------------------------------- finding phrases in text

_FM = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)  # capitalised only: "may" the verb is not May the month
_FY = r"(?:19|20)\d{2}"
_FD = r"\d{1,2}(?:st|nd|rd|th)?"
_FTO = r"\s*(?:to|-|–|—|until|till|through|and)\s*"
_FINDERS = [
    re.compile(p)
    for p in (
        rf"\b{_FY}-\d{{2}}-\d{{2}}\b",
        rf"\b{_FD}{_FTO}{_FD}\s+{_FM}(?:,?\s+{_FY})?",
        rf"\b{_FD}\s+{_FM}{_FTO}{_FD}\s+{_FM}(?:,?\s+{_FY})?",
        rf"\b{_FM}\s+{_FD}{_FTO}{_FD}(?:,?\s+{_FY})?",
        rf"\b{_FD}\s+{_FM}(?:,?\s+{_FY})?",
        rf"\b{_FM}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{_FY})?",
        rf"\b{_FM}{_FTO}{_FM}(?:,?\s+{_FY})?",
        rf"\b{_FM}\s+{_FY}\b",
        rf"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)\s+quarter\s+of\s+{_FY}",
        rf"\bQ[1-4]\s+{_FY}",
        rf"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd)\s+half\s+of\s+{_FY}",
        rf"\bH[12]\s+{_FY}",
        rf"\b(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+{_FY}",
        r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        rf"\b(?:in|by|to|until|till|from|for|since|before) (?P<d>{_FY})\b",
        rf"\b(?:in|by|to|until|till|from|for|since|before) (?P<d>{_FM})(?!\s*\d)",
        r"\b(?:(?:[Ll]ater|[Ee]arlier) )?(?:this|next|last) (?:year|month)\b",
        r"\b(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd)\s+half\s+of\s+(?:the|this)\s+year\b",
        rf"\b(?:[Tt]he\s+)?end\s+of\s+(?:{_FM}(?:,?\s+{_FY})?|{_FY}|(?:this|next) (?:year|month))",
    )
]


_ABBREVIATED = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")


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
