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

from dataclasses import dataclass

from ijmemo.curation.lead_bodies import lead_body_clash
from ijmemo.curation.load import CuratedData
from ijmemo.curation.names import Match

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


def _name(data: CuratedData, subject: str) -> str:
    loc = data.initiatives.get(subject)
    return loc.record.name if loc else subject
