"""The words of dates, defined once: month names, weekdays, days, years, ordinals, the
parts of a year, "to" between a range's ends (with the dashes it may be written with), the
cues of a deadline and the words that put one thing before another ("ahead of his talks").

Both date grammars are built from them: the one that reads a phrase (`dates.py`) and the
one that finds phrases in running text (`date_phrases.py`), as are datelines.
"""

from __future__ import annotations

import calendar
import re

from ijmemo.text.quotes import DASHES

# Month names as printed (capitalised: "may" the verb is not May the month).
MONTH_WORDS = (*calendar.month_name[1:], "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep")
MONTH_WORDS += ("Sept", "Oct", "Nov", "Dec")
MONTHS = {word.lower(): list(calendar.month_abbr).index(word[:3]) for word in MONTH_WORDS}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
DAY = r"\d{1,2}(?:st|nd|rd|th)?"  # "15", "15th"
YEAR = r"\d{4}"  # a year as printed, when reading a phrase
PLAUSIBLE_YEAR = r"(?:19|20)\d{2}"  # when finding phrases: "3000 tonnes" is not a year
TO = rf"\s*(?:to|[{DASHES}]|until|till|through|and)\s*"  # between the ends of a range
ABBREVIATED_MONTHS = MONTH_WORDS[12:]  # "Jan" ... "Dec": a stop after them is not a full stop
_FULL_MONTHS = "|".join(calendar.month_name[1:])
_ANY_MONTH = "|".join(MONTH_WORDS)
# A month is a whole word: "Marine", "Marchetti", "Junichi", "Augusta" hold none. A hyphen
# and a capital join a name ("Marine-Earth", "May-Britt") unless a month follows ("Jan-Mar"),
# and so do hyphens around a small word ("Mar-a-Lago"); "March-end" stays a month.
_WHOLE_MONTH = rf"(?!\w)(?!-(?!(?:{_ANY_MONTH})(?!\w))[A-Z])(?!-[a-z]+-[A-Z])"
# As printed: "January", "Jan.", "Sept". "May Day" is a holiday's name, and a bare
# abbreviation before a capitalised word is a first name ("Jan Smuts").
MONTH = (
    rf"(?:(?:{_FULL_MONTHS})(?!\s+Day\b){_WHOLE_MONTH}\.?"
    rf"|(?:{'|'.join(ABBREVIATED_MONTHS)}){_WHOLE_MONTH}(?:\.|(?!\s+[A-Z][a-z])))"
)
WEEKDAY = "(?:" + "|".join(calendar.day_name) + ")"  # as printed: "Friday"

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
# "mid-April": a third of the month each way, the last running to the month's end (31 is
# cut to its length).
PARTS_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "middle of": (11, 20), "late": (21, 31)}
# Seasons as first and last month: the meteorological seasons of the northern hemisphere,
# where India and Japan both lie (winter runs from December into the next year's February).
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
# India's and Japan's fiscal years both run from 1 April to 31 March.
FISCAL_YEAR_START = 4
# "two days ago", "a week ago": the counts a report spells out.
COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# A deadline: due no later than the end of the named period ("before": before it starts).
DEADLINE_CUES = (
    r"by the end of|before the end of|by end-|by end of|no later than|not later than|by|before"
)
# "Motegi met Modi ahead of his talks with Jaishankar": the meeting came first, so it ended
# by the talks' first day (an event's `ends_before` rests on a quote with one of these).
BEFORE_WORDS = ("ahead of", "before", "prior to", "preceding")
_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(w.replace(" ", r"\s+") for w in BEFORE_WORDS) + r")(?![\w-])",
    re.IGNORECASE,
)


def says_before(text: str) -> str | None:
    """The first word in `text` that puts one thing before another, as written; or None.

    Whole words only, in any case: "beforehand" and "ahead" alone do not count."""
    m = _BEFORE.search(text)
    return m.group(0) if m else None
