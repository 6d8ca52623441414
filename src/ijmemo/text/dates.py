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
    COUNTS,
    DEADLINE_CUES,
    FISCAL_YEAR_START,
    MONTHS,
    ORDINALS,
    PARTS_OF_MONTH,
    PARTS_OF_YEAR,
    SEASONS,
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


_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_SEASON = r"(?P<season>" + "|".join(SEASONS) + r")"
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(COUNTS) + r")"
_FISCAL = r"(?:fy|fiscal(?:\s+year)?)\s*'?"  # "FY27", "FY 2026-27", "fiscal year 2027"


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
def _relative_month(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "last November": the latest November before the source's month; "next March" the
    first after it; "this March" the one in the source's year."""
    month, which = MONTHS[m["m1"].lower()], m["which"].lower()
    year = reference.year
    if which == "last":
        year -= 1 if month >= reference.month else 0
    elif which == "next":
        year += 1 if month <= reference.month else 0
    note = f"resolved against the source date {reference}"
    return _window(phrase, date(year, month, 1), _month_end(year, month), "month", note)


@_needs_source_date("relative date")
def _month_of_relative_year(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "September last year": that month of the year before the source's."""
    month = MONTHS[m["m1"].lower()]
    year = reference.year + {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    note = f"resolved against the source date {reference}"
    return _window(phrase, date(year, month, 1), _month_end(year, month), "month", note)


@_needs_source_date("relative date")
def _same_day(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "later in the day", "earlier today": the source's own day."""
    return DateWindow(
        phrase, reference, reference, "day", f"resolved against the source date {reference}"
    )


_SHIFTS = {"this": 0, "the": 0, "next": 1, "last": -1}


@_needs_source_date("relative date")
def _relative_period(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "later this year", "early next year", "next month", "last week": whole periods
    counted from the source date, or the part of one the first word names."""
    shift = _SHIFTS[(m.groupdict().get("which") or "this").lower()]
    unit = m["unit"].lower()
    start, end, precision = _period(unit, reference, shift)
    when = (m["when"] or "").strip().lower()
    if when in ("later", "earlier") and start <= reference <= end:
        start, end = (reference, end) if when == "later" else (start, reference)
        precision = "day" if unit == "month" else "part-year"
    elif when in PARTS_OF_MONTH:  # "early next year", "mid-next month"
        start, end = _part_of(unit, when, start)
        precision = "part-year"
    note = f"resolved against the source date {reference}"
    return _window(phrase, start, end, precision, note)


def _period(unit: str, reference: date, shift: int) -> tuple[date, date, str]:
    """The year, month or calendar week (Monday to Sunday) `shift` of them from the
    reference's own. A week has no precision of its own: a part of a year, like "mid-2026"."""
    if unit == "year":
        year = reference.year + shift
        return date(year, 1, 1), date(year, 12, 31), "year"
    if unit == "week":
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6), "part-year"
    month = reference.month - 1 + shift
    year, month = reference.year + month // 12, month % 12 + 1
    return date(year, month, 1), _month_end(year, month), "month"


def _part_of(unit: str, part: str, start: date) -> tuple[date, date]:
    """The early, middle or late third of the year or month that begins on `start`."""
    if unit == "year":
        first, last = PARTS_OF_YEAR[part]
        return date(start.year, first, 1), _month_end(start.year, last)
    if unit == "month":
        first, last = PARTS_OF_MONTH[part]
        end = min(start + timedelta(days=last - 1), _month_end(start.year, start.month))
        return start.replace(day=first), end
    raise DateParseError(f"no {part} part of a {unit}")


@_needs_source_date("relative date")
def _ago(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "two days ago" is that day; "three weeks ago" that calendar week; "a month ago"
    that month; "a year ago" that year."""
    n = int(m["n"]) if m["n"].isdigit() else COUNTS[m["n"].lower()]
    unit = m["unit"].lower()
    note = f"resolved against the source date {reference}"
    if unit == "day":
        day = reference - timedelta(days=n)
        return DateWindow(phrase, day, day, "day", note)
    start, end, precision = _period(unit, reference, -n)
    return _window(phrase, start, end, precision, note)


def _fiscal_year(phrase: str, first_year: int, note: str | None = None) -> DateWindow:
    """The April-to-March fiscal year that begins in `first_year`."""
    start = date(first_year, FISCAL_YEAR_START, 1)
    end = date(first_year + 1, FISCAL_YEAR_START, 1) - timedelta(days=1)
    return _window(phrase, start, end, "year", note)


def _full_year(printed: str, century_of: int) -> int:
    """ "27" of "FY2026-27" as 2027: a two-digit year takes the century of `century_of`."""
    return int(printed) if len(printed) == 4 else century_of // 100 * 100 + int(printed)


def _century_of(reference: date | None) -> int:
    # "FY27" in an undated source: this century (never the clock's, which would change
    # what the same text reads as).
    return reference.year if reference else 2000


def _fiscal_span(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    """ "FY2026-27", "fiscal year 2026-27", "2026-27": the year from April 2026."""
    first = _full_year(m["fy1"], _century_of(reference))
    last = _full_year(m["fy2"], first)
    if last < first:  # "1999-00"
        last += 100
    if last != first + 1:
        raise DateParseError(f"{phrase!r} is not one fiscal year (April to March)")
    return _fiscal_year(phrase, first)


def _fiscal_named(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    """ "FY27", "fiscal 2027": named by the year it ends in, as India's press names it
    (Japan's names a fiscal year by the year it begins in: the note says which was read)."""
    last = _full_year(m["fy"], _century_of(reference))
    return _fiscal_year(phrase, last - 1, f"the fiscal year ending in March {last}")


@_needs_source_date("relative date")
def _relative_fiscal(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "this fiscal", "next fiscal year": counted from the fiscal year of the source date."""
    current = reference.year - (reference.month < FISCAL_YEAR_START)
    shift = {"this": 0, "current": 0, "next": 1, "last": -1}[m["which"].lower()]
    note = f"resolved against the source date {reference}"
    return _fiscal_year(phrase, current + shift, note)


def _season_of(season: str, year: int) -> tuple[date, date]:
    """The season that begins in `year` (winter 2026: December 2026 to February 2027)."""
    first, last = SEASONS[season]
    end_year = year + (last < first)
    return date(year, first, 1), _month_end(end_year, last)


@_in_a_year
def _season(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    start, end = _season_of(m["season"].lower(), year)
    return _window(phrase, start, end, "part-year", note)


@_needs_source_date("relative date")
def _relative_season(m: re.Match, phrase: str, reference: date) -> DateWindow:
    """ "this summer": the one the source date falls in, else the nearest to it; "next
    summer" the first to begin after it; "last summer" the last to end before it."""
    season = m["season"].lower()
    near = [_season_of(season, year) for year in range(reference.year - 2, reference.year + 2)]
    which = m["which"].lower()
    if which == "next":
        start, end = min(s for s in near if s[0] > reference)
    elif which == "last":
        start, end = max(s for s in near if s[1] < reference)
    else:
        start, end = min(near, key=lambda s: _distance(s, reference))
    note = f"resolved against the source date {reference}"
    return _window(phrase, start, end, "part-year", note)


def _distance(window: tuple[date, date], day: date) -> int:
    """Days from `day` to the window (0 inside it)."""
    start, end = window
    return max((start - day).days, (day - end).days, 0)


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
def _weekday_and_day(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    """ "Tuesday, February 24", "Tuesday (24 February)": the printed day, whatever the
    weekday next to it would resolve to (a mismatch is noted, not guessed at)."""
    day = _day(year, MONTHS[m["m1"].lower()], int(m["d1"]), phrase)
    printed = m["wd"].capitalize()
    if day.weekday() != WEEKDAYS[printed.lower()]:
        mismatch = f"printed as a {printed}, but {day.isoformat()} is a {day:%A}"
        note = f"{note}; {mismatch}" if note else mismatch
    return DateWindow(phrase, day, day, "day", note)


def _dotted(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    """ "24.02.2026": day, month, year, as India and Europe print it."""
    day = _day(int(m["y1"]), int(m["m1"]), int(m["d1"]), phrase)
    return DateWindow(phrase, day, day, "day")


@_in_a_year
def _part_of_month(m: re.Match, phrase: str, year: int, note: str | None) -> DateWindow:
    """ "mid-April": 11 to 20 April; "early April" 1 to 10, "late April" 21 to its end."""
    start, end = _part_of("month", m["part"].lower(), date(year, MONTHS[m["m1"].lower()], 1))
    return _window(phrase, start, end, "part-year", note)


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


def _decade(m: re.Match, phrase: str, reference: date | None) -> DateWindow:
    """ "the 2030s": 2030 to 2039; "the early 2030s" 2030-2033, mid 2034-2036, late 2037-2039."""
    first = int(m["decade"])
    years = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}
    lo, hi = years[m["part"].lower() if m["part"] else None]
    note = "a part of a decade, in whole years"
    return _window(phrase, date(first + lo, 1, 1), date(first + hi, 12, 31), "year", note)


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
_rule(
    rf"{_m('m1')}\s+{_d('d1')}{TO}{_m('m2')}\s+{_d('d2')}(?:,?\s+{_y('y1')})?", _day_range
)  # "Feb 3 to Feb 5"
_rule(rf"(?P<d1>\d{{1,2}})\.(?P<m1>\d{{1,2}})\.{_y('y1')}", _dotted)
_WD_THEN = rf"{_WD}(?:,?\s+|\s*\(\s*)"  # "Tuesday, " or "Tuesday ("
_rule(rf"{_WD_THEN}{_d('d1')}\s+{_m('m1')}(?:,?\s+{_y('y1')})?\s*\)?", _weekday_and_day)
_rule(rf"{_WD_THEN}{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?\s*\)?", _weekday_and_day)
_rule(rf"{_d('d1')}\s+{_m('m1')}(?:,?\s+{_y('y1')})?\s*\(\s*{_WD}\s*\)", _weekday_and_day)
_rule(rf"{_m('m1')}\s+{_d('d1')}(?:,?\s+{_y('y1')})?\s*\(\s*{_WD}\s*\)", _weekday_and_day)
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
# "mid-2026", "early April", "the middle of April"
_PART = r"(?:the\s+)?(?P<part>early|mid|middle of|late)[\s-]+"
_rule(r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>(?:19|20)\d0)s", _decade)
_rule(rf"{_PART}{_y('y1')}", _part_of_year)
_rule(rf"{_PART}{_m('m1')}(?:,?\s+{_y('y1')})?", _part_of_month)
_rule(_y("y1"), _whole_year)
# Fiscal years, April to March: "FY2026-27", "2026-27", "FY27", "this fiscal".
_rule(rf"{_FISCAL}(?P<fy1>\d{{4}}|\d{{2}})[-/](?P<fy2>\d{{4}}|\d{{2}})", _fiscal_span)
_rule(rf"(?P<fy1>{YEAR})[-/](?P<fy2>\d{{2}})", _fiscal_span)  # "2026-27" (not "16-17")
_rule(rf"{_FISCAL}(?P<fy>\d{{4}}|\d{{2}})", _fiscal_named)
_rule(r"(?:the\s+)?(?P<which>this|current|next|last)\s+fiscal(?:\s+year)?", _relative_fiscal)
_rule(_WD, _weekday)
_rule(r"(?P<rel>today|yesterday|tomorrow)", _relative_day)
_rule(rf"(?P<which>last|this|next)\s+{_m('m1')}", _relative_month)
_rule(rf"{_m('m1')}\s+(?P<which>last|this|next)\s+year", _month_of_relative_year)
_rule(r"(?:later|earlier)\s+(?:in\s+the\s+day|today)", _same_day)
_rule(
    r"(?:(?P<when>later|earlier|early|mid|late)[\s-]+)?(?P<which>this|next|last|the)"
    r"\s+(?P<unit>year|month|week)",
    _relative_period,
)
_rule(r"(?P<when>later|earlier)\s+in\s+the\s+(?P<unit>year|month|week)", _relative_period)
_rule(rf"{_COUNT}\s+(?P<unit>day|week|month|year)s?\s+ago", _ago)
# Seasons: "spring 2026", "the summer of 2026", "this winter", "next autumn".
_rule(rf"(?:the\s+)?{_SEASON}(?:,?\s+(?:of\s+)?{_y('y1')})", _season)
_rule(rf"(?P<which>this|next|last)\s+{_SEASON}", _relative_season)
# "the second half of the year", "the end of this year": a part of the source's own year.
_rule(r"(?:the\s+)?(?P<rh>first|second) half of (?:the|this) year", _relative_half)
# "the end of June": the named period (with "by" before it, a deadline ending with it).
_rule(r"(?:the\s+)?end(?:\s+of\s+|-)(?P<inner>.+)", _end_of)

_LEADING = re.compile(r"^(?:on|in|from|during|at|between)\s+", re.IGNORECASE)
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
