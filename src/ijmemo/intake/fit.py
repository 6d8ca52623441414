"""Whether a sentence that reports a meeting held fits a curated initiative.

A meeting is proposed as an initiative's meeting (status `convened`, milestone `met`) only
when what the sentence says fits it: the initiative is named (by a name, a defined alias or
its core: a match of 0.8 or more), not merely near in words; the sentence gives the day or
window it was held; and the people it names do not contradict the initiative's lead
bodies (a foreign secretary meeting a prime minister's adviser is not the foreign
secretary–vice minister dialogue). Otherwise the meeting is proposed as possibly new, with
the near miss as the reason, or as a report about the initiative that moves nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from ijmemo.curation.lead_bodies import lead_body_clash
from ijmemo.curation.load import CuratedData
from ijmemo.curation.names import Match
from ijmemo.text.dates import DateWindow, parse_date_or_unknown

NAMED = 0.8  # tiers 1-3 (name, core, qualifier or attending body); below is words only
HELD = ("met", "completed")  # milestone changes that say a meeting took place


@dataclass(frozen=True)
class Fit:
    ok: bool
    why: str  # the reason shown to the analyst when it does not fit


def meeting_fit(data: CuratedData, match: Match, actors: list[str], held_on: bool) -> Fit:
    """Does a sentence reporting a meeting held fit `match`'s initiative?"""
    name = _name(data, match.subject)
    if match.score < NAMED:
        return Fit(False, f"a meeting that does not name '{name}' (near in words only)")
    clash = lead_body_clash(data, match.subject, actors)
    if clash:
        return Fit(False, f"a meeting of {clash}, not of the lead bodies of '{name}'")
    if not held_on:
        return Fit(False, "no date in the sentence for when it was held")
    return Fit(True, "")


# A standing body named by a qualifier the initiative's name does not have ("the '2+2'
# dialogue", "the FS-Vice Ministerial Dialogue" are not the economic security dialogue);
# the qualifiers that say nothing of which one ("the", "bilateral", "India-Japan") decide
# nothing.
_HEADED = re.compile(
    r"(?P<qualifier>(?:[\w'‘’+.-]+\s+){1,2})(?P<head>dialogue|forum|mechanism|working group)\b",
    re.IGNORECASE,
)
_SAYS_NOTHING = {
    "the", "a", "an", "this", "that", "its", "their", "our", "new", "first", "second", "third",
    "next", "annual", "bilateral", "inaugural", "latest", "india-japan", "japan-india",
    "india–japan", "japan–india", "of", "and", "in", "on", "with", "to", "for",
}  # fmt: skip


def another_of_its_kind(sentence: str, name: str) -> str | None:
    """The words naming another dialogue or forum than `name` (an initiative's name with
    the same head noun), or None."""
    own = {w.casefold() for w in re.findall(r"[\w+-]+", name)}
    # a sentence that also says what the initiative is ("talks on economic security and a
    # business-to-business dialogue") names it besides the other
    kind = _HEADED.search(name)
    if kind and _says(sentence, kind["qualifier"]):
        return None
    for m in _HEADED.finditer(sentence):
        if m["head"].casefold() not in own:
            continue
        words = [w.strip("'‘’").casefold() for w in m["qualifier"].split()]
        telling = [w for w in words if w and w not in _SAYS_NOTHING]
        if telling and not any(w in own for w in telling):
            return m.group(0).strip()
    return None


def _says(sentence: str, qualifier: str) -> bool:
    words = [w for w in qualifier.split() if w.casefold() not in _SAYS_NOTHING]
    return (
        bool(words)
        and re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", sentence, re.I)
        is not None
    )


def _name(data: CuratedData, subject: str) -> str:
    loc = data.initiatives.get(subject)
    return loc.record.name if loc else subject


# A call is not a meeting, a visit or a summit, whoever took part.
_CALL = re.compile(
    r"\b(?:tele)?phone\s+(?:call|conversation|talks)|\bspoke\s+(?:by|over\s+the)\s+phone|"
    r"\bvideo\s+(?:call|conference)|\bvirtual\s+(?:meeting|summit)",
    re.IGNORECASE,
)


def event_fit(data: CuratedData, match: Match, sentence: str, happened: list[DateWindow]) -> Fit:
    """Does a sentence fit the curated event it is near? Not when it reports a call, or
    something that happened at a time the event was not (the G20 meeting of November is not
    a call on a Wednesday in October)."""
    event = data.events[match.subject].record
    if _CALL.search(sentence):
        return Fit(False, f"a call, not '{event.title}' ({event.kind})")
    when = _event_window(data, event)
    known = [w for w in happened if w.known]
    if when is None or not known or any(_meets(w, when) for w in known):
        return Fit(True, "")
    said = ", ".join(w.text for w in known)
    return Fit(False, f"'{said}' is not when '{event.title}' took place ({when.text})")


def _event_window(data: CuratedData, event) -> DateWindow | None:
    """An event's curated date, read against the source of the claim that dates it."""
    claim = data.claims.get(event.date_claim) if event.date_claim else None
    if not event.date or claim is None:
        return None
    source = event.date_anchor.source if event.date_anchor else claim.record.source
    published = data.published.get(source)
    reference = published.start if published and published.precision == "day" else None
    window, _ = parse_date_or_unknown(event.date, reference)
    return window if window.known else None


# Reports of one meeting differ by a day or two (time zones, the evening before): that is
# a conflict for the evidence to show, not another meeting.
SAME_EVENT_DAYS = 7


def _meets(a: DateWindow, b: DateWindow) -> bool:
    slack = timedelta(days=SAME_EVENT_DAYS)
    return a.start <= b.end + slack and b.start <= a.end + slack
