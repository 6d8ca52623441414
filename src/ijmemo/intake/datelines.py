"""Datelines: where and when a report was filed, as printed at the head of its text.

Wire copy and newspapers open with a dateline ("New Delhi, June 20 (PTI)",
"TOKYO, Feb. 13 (Kyodo) --", "Tokyo, March 20, 2026:", "NEW DELHI:", ANI's
"Tokyo [Japan], October 3 (ANI):", "NEW DELHI, Tuesday, Feb 24 (PTI)"). It dates the
report more closely than a web page's publication date, so weekdays and year-less
dates in the text resolve against it. A candidate quote starts after it: the
dateline and the agency slug are the outlet's furniture, not the claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ijmemo.text.date_words import MONTH, WEEKDAY
from ijmemo.text.dates import in_tense, parse_date_or_unknown
from ijmemo.text.quotes import DASHES

AGENCIES = r"PTI|ANI|IANS|UNI|Reuters|AFP|AP|Kyodo|Jiji|Jiji Press|Bloomberg|NHK|Xinhua"
_PLACE = r"(?P<place>[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,2})"
_COUNTRY = r"(?:\s*\[[A-Z][A-Za-z.'’ -]*\])?"  # ANI names the country: "Tokyo [Japan]"
_DAY = rf"(?:{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:,?\s*\d{{4}})?)"
_WHEN = rf"(?P<when>(?:{WEEKDAY},?\s+)?{_DAY}|{WEEKDAY})"
_DATELINE = re.compile(
    rf"^(?:date\s+\d{{4}}-\d{{2}}-\d{{2}}\s+)?{_PLACE}{_COUNTRY}"
    rf"(?:\s*,\s*{_WHEN})?"
    rf"(?:\s*\((?P<agency>{AGENCIES})\))?"
    rf"(?P<sep>\s*(?::|--|[{DASHES}])\s*|\s+(?=[A-Z\"“]))"
)


# After a spaced dash, a second name that goes on as one with the first: another
# capitalised word or what joins two places ("Mumbai – Ahmedabad corridor").
_JOINED = re.compile(
    r"[A-Z][\w'’.-]*\s+(?:[A-Z]|(?:corridor|line|route|ties|relations|high|bullet|rail|"
    r"railway|project|partnership|talks|summit|dialogue|cooperation|friendship)\b)"
)


@dataclass(frozen=True)
class Dateline:
    text: str  # as printed, without its separator ("New Delhi, June 20 (PTI)")
    place: str
    when: str | None  # the date phrase, as printed
    agency: str | None
    end: int  # where the report's own words start, in the line


def find_dateline(line: str) -> Dateline | None:
    """The dateline at the head of a line of text, or None.

    A place alone counts only with a colon or dash after it ("Tokyo:"), so an
    ordinary sentence that opens with a name ("Japan and India met") is not one.
    """
    m = _DATELINE.match(line)
    if not m:
        return None
    bare_separator = not m["sep"].strip()
    if m["sep"] in DASHES and not m["place"].isupper():
        return None  # "Mumbai–Ahmedabad" joins two names; "NEW DELHI—" is wire style
    sep = m["sep"].strip()
    dashed = sep == "--" or (len(sep) == 1 and sep in DASHES)
    if dashed and not m["place"].isupper() and _JOINED.match(line, m.end()):
        return None  # "Mumbai – Ahmedabad bullet train", "India – Japan ties": one name
    if not (m["when"] or m["agency"]) and bare_separator:
        return None  # "Japan hold talks": a capitalised word, not a dateline
    if not (m["when"] or m["agency"]) and len(m["place"].split()) > 2:
        return None
    text = line[m.start("place") : m.end() - len(m["sep"])]
    return Dateline(text.strip(), m["place"], m["when"], m["agency"], m.end())


def dateline_date(dateline: Dateline | None, published: date | None) -> date | None:
    """The day a dateline gives, its year from the publication date when it prints none
    (the year before, when that would put the dateline after the publication)."""
    if dateline is None or dateline.when is None:
        return None
    window, _ = parse_date_or_unknown(dateline.when, published)
    if window.precision != "day":  # unreadable, or not a day
        return None
    # "NEW DELHI, Dec 31" on a report published 2 January: the year before. A dateline is
    # never after its publication.
    return in_tense(window, published, "past", reach=timedelta(days=366)).start
