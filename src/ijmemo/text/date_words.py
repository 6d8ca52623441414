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
MONTH = "(?:" + "|".join(MONTH_WORDS) + r")\.?"  # as printed: "January", "Jan.", "Sept"
ABBREVIATED_MONTHS = MONTH_WORDS[12:]  # "Jan" ... "Dec": a stop after them is not a full stop
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
