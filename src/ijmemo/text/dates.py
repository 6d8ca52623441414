"""Dates as reported: keep the phrase, derive a window and a precision.

A news report rarely gives a single day ("early 2026", "first half of 2026",
"15 to 17 January"). We keep the phrase verbatim and derive the window it
covers, never collapsing a window to one day. Year-less and relative phrases
("January", "Friday") resolve against a reference date (the source's own date)
when there is one, and stay unknown otherwise. A window's precision is one of
`metadata/vocabularies.PRECISIONS`.

A phrase is read by rules, each a pattern built from the words of dates (`date_words.py`)
with the function that builds its window; `date_phrases.py` finds phrases in running
text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ijmemo.text.date_words import (
    DEADLINE_CUES,
    MONTHS,
    ORDINALS,
    PARTS_OF_YEAR,
    TO,
    WEEKDAYS,
    YEAR,
)
from ijmemo.text.quotes import DASHES

_MONTH_ANY_CASE = "|".join(sorted(MONTHS, key=len, reverse=True))  # the grammar ignores case


def _m(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_ANY_CASE})\.?"


def _d(name: str) -> str:
    return rf"(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?"


def _y(name: str) -> str:
    return rf"(?P<{name}>{YEAR})"


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


Builder = Callable[[re.Match, str, "date | None"], DateWindow]


def _needs_source_date(what: str) -> Callable[[Builder], Builder]:
    """A builder of a phrase that resolves only against the source's date ("Friday")."""

    def wrap(build: Builder) -> Builder:
        def builder(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
            if reference is None:
                return unknown(phrase, f"{what} with no source date to resolve it against")
            return build(m, phrase, reference)

        return builder

    return wrap


def _in_a_year(build: Callable[[re.Match, str, int, str | None], DateWindow]) -> Builder:
    """A builder of a phrase in a year: the one printed, else the source date's; without
    either the window is unknown (the phrase is still checked: no 31 February)."""

    def builder(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
        year, note = _year(m, reference)
        if year is None:
            build(m, phrase, 2000, None)  # 2000 is a leap year: 29 February passes
            return unknown(phrase, note)
        return build(m, phrase, year, note)

    return builder


def _iso(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    day = _day(int(m["y1"]), int(m["m1"]), int(m["d1"]), phrase)
    return DateWindow(phrase, day, day, "day")


def _iso_range(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    start = _day(int(m["y1"]), int(m["m1"]), int(m["d1"]), phrase)
    end = _day(int(m["y2"]), int(m["m2"]), int(m["d2"]), phrase)
    return _window(phrase, start, end, "day")


@_needs_source_date("weekday")
def _weekday(m: re.Match, phrase: str, reference: date) -> DateWindow:
    # News reports past events: the most recent such weekday on or before the source date.
    back = (reference.weekday() - WEEKDAYS[m["wd"].lower()]) % 7
    day = reference - timedelta(days=back)
    return DateWindow(phrase, day, day, "day", f"resolved against the source date {reference}")


@_needs_source_date("relative date")
def _relative_day(m: re.Match, phrase: str, reference: date) -> DateWindow:
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
    day = reference + timedelta(days=shift)
    return DateWindow(phrase, day, day, "day", f"resolved against the source date {reference}")


@_needs_source_date("relative date")
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


@_needs_source_date("relative date")
def _relative_half(m: re.Match, phrase: str, reference: date) -> DateWindow:
    h, year = (1 if m["rh"].lower() == "first" else 2), reference.year
    note = f"resolved against the source date {reference}"
    return _window(phrase, date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half-year", note)


def _end_of(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    inner = parse_date(m["inner"], reference)
    return DateWindow(phrase, inner.start, inner.end, inner.precision, inner.note)


@_in_a_year
def _one_day(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    start = _day(year, MONTHS[m["m1"].lower()], int(m["d1"]), phrase)
    return DateWindow(phrase, start, start, "day", note)


@_in_a_year
def _day_range(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    m1 = MONTHS[m["m1"].lower()]
    m2 = MONTHS[m["m2"].lower()] if m.groupdict().get("m2") else m1
    y1, y2 = _range_years(year, m1, m2, printed=bool(m.groupdict().get("y1")))
    start = _day(y1, m1, int(m["d1"]), phrase)
    return _window(phrase, start, _day(y2, m2, int(m["d2"]), phrase), "day", note)


@_in_a_year
def _months(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    m1 = MONTHS[m["m1"].lower()]
    m2 = MONTHS[m["m2"].lower()] if m.groupdict().get("m2") else m1
    y1, y2 = _range_years(year, m1, m2, printed=bool(m.groupdict().get("y1")))
    return _window(phrase, date(y1, m1, 1), _month_end(y2, m2), "month", note)


@_in_a_year
def _quarter(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    q = int(m["qn"]) if m.groupdict().get("qn") else ORDINALS[m["q"].lower()]
    return _window(phrase, date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter", note)


@_in_a_year
def _half(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    h = int(m["hn"]) if m.groupdict().get("hn") else ORDINALS[m["h"].lower()]
    return _window(phrase, date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half-year", note)


@_in_a_year
def _part_of_year(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    first, last = PARTS_OF_YEAR[m["part"].lower()]
    return _window(phrase, date(year, first, 1), _month_end(year, last), "part-year", note)


@_in_a_year
def _whole_year(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    return _window(phrase, date(year, 1, 1), date(year, 12, 31), "year", note)


# Each rule: a full-match pattern (case ignored) and the builder of its window, tried in order.
_RULES: list[tuple[re.Pattern, Builder]] = []


def _rule(pattern: str, build: Builder) -> None:
    _RULES.append((re.compile(pattern, re.IGNORECASE), build))


_rule(
    rf"{_y('y1')}-(?P<m1>\d{{2}})-(?P<d1>\d{{2}}){TO}{_y('y2')}-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})",
    _iso_range,
)
_rule(rf"{_y('y1')}-(?P<m1>\d{{2}})-(?P<d1>\d{{2}})", _iso)
_rule(rf"{_d('d1')}{TO}{_d('d2')}\s+{_m('m1')}(?:,?\s+{_y('y1')})?", _day_range)
_rule(rf"{_d('d1')}\s+{_m('m1')}{TO}{_d('d2')}\s+{_m('m2')}(?:,?\s+{_y('y1')})?", _day_range)
_rule(rf"{_m('m1')}\s+{_d('d1')}{TO}{_d('d2')}(?:,?\s+{_y('y1')})?", _day_range)
_rule(rf"{_d('d1')}\s+{_m('m1')}(?:,?\s+{_y('y1')})?", _one_day)
_rule(rf"{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?", _one_day)
_rule(rf"{_m('m1')}{TO}{_m('m2')}(?:,?\s+{_y('y1')})?", _months)
_rule(rf"{_m('m1')}(?:,?\s+{_y('y1')})?", _months)
_rule(
    rf"(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+{_y('y1')}",
    _quarter,
)
_rule(rf"q(?P<qn>[1-4])\s+{_y('y1')}", _quarter)
_rule(rf"(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+{_y('y1')}", _half)
_rule(rf"h(?P<hn>[12])\s+{_y('y1')}", _half)
_rule(rf"(?P<part>early|mid|middle of|late)[\s-]+{_y('y1')}", _part_of_year)
_rule(_y("y1"), _whole_year)
_rule(r"(?P<wd>" + "|".join(WEEKDAYS) + r")", _weekday)
_rule(r"(?P<rel>today|yesterday|tomorrow)", _relative_day)
_rule(r"(?P<when>later |earlier )?(?P<which>this|next|last) (?P<unit>year|month)", _relative_period)
# "the second half of the year", "the end of this year": a part of the source's own year.
_rule(r"(?:the\s+)?(?P<rh>first|second) half of (?:the|this) year", _relative_half)
# "the end of June": the named period (with "by" before it, a deadline ending with it).
_rule(r"(?:the\s+)?end(?:\s+of\s+|-)(?P<inner>.+)", _end_of)

_LEADING = re.compile(r"^(?:on|in|from|during|at)\s+", re.IGNORECASE)
# A deadline: due no later than the end of the named period ("before": before it starts).
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
    core = re.sub(f"[{DASHES}]", "-", _LEADING.sub("", phrase))
    deadline = _DEADLINE.match(core)
    if deadline:
        return _deadline(phrase, deadline, reference)
    for pattern, build in _RULES:
        match = pattern.fullmatch(core)
        if match:
            return build(match, phrase, reference)
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


def _year(match: re.Match, reference: date | None) -> tuple[int | None, str | None]:
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
