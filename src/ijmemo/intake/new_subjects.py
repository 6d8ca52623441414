"""Starting records for what an article reports that the curated data does not know.

A candidate matched to no curated subject ("possibly new") proposes one record for the
analyst, like a new actor: an event when the sentence reports a meeting, visit or summit
held (on a date it gives, or by people it names, the date left for the analyst); an initiative when it reports one launched, set up or signed
under a name it gives; otherwise nothing (a topic needs a description in the analyst's
words). The record carries only what the sentence says: its date phrase (with the
candidate as the claim that reports it), the place it names, the actors and countries it
names. What it cannot know is left null for the analyst, and accept refuses it until
filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ijmemo.intake.date_roles import RoledDate
from ijmemo.intake.making_words import DOCUMENTS, INSTRUMENTS, ISSUING, MAKING, STANDING, any_of
from ijmemo.intake.moves import Move
from ijmemo.text.quotes import slug

_HELD = re.compile(
    r"\b(?P<verb>met|meets|held talks|holds talks|called on|visited|visits|hosted|"
    r"held (?:a|an|the)\s+(?:\w+\s+){0,3}(?:summit|meeting|talks|dialogue))\b",
    re.IGNORECASE,
)
_EVENT_KIND = (("summit", "summit"), ("visit", "visit"), ("called on", "meeting"))
_LAUNCHED = re.compile(
    r"\b(?:launched|set up|established|signed|unveiled|inked|agreed to (?:set up|launch|"
    r"create|form|establish))\s+(?:an?|the|a new)\s+"
    rf"(?P<name>(?:[\w-]+\s+){{0,6}}?{any_of(STANDING + INSTRUMENTS)}"
    # "… on semiconductor supply chains", stopping before "by", "in", "on Friday", a date
    r"(?:\s+(?:of cooperation\s+)?on\s+[\w-]+"
    r"(?:\s+(?!(?:by|in|on|at|during|with|for|from|to|and|last|this|next)\b)[a-z][\w-]*){0,3})?)",
    re.IGNORECASE,
)
# A new framework, pact or dialogue launched, signed or proposed: not a curated initiative
# it is near in words only (its own name would have matched).
_KIND_OF_NEW = any_of((*STANDING, *INSTRUMENTS, *DOCUMENTS))
# An instrument made, with no known subject: the starting initiative's status.
_MADE_THINGS = any_of((*INSTRUMENTS, *DOCUMENTS, *STANDING, "target", "goal"), plural=True)
MADE = re.compile(
    # "signed a pact", "by adopting a declaration", a headline's "India and Japan sign a MoC"
    rf"\b(?:{any_of(MAKING + ISSUING)}|launching|set|by\s+(?:adopting|signing|issuing|concluding)|"
    r"(?<!will )(?<!to )(?<!would )(?<!may )(?<!could )signs?)\s+(?:[\w-]+\s+){0,6}?"
    rf"{_MADE_THINGS}\b"
    rf"|\b{_MADE_THINGS}(?:\s+(?:for|with|on|of)(?:\s+[\w-]+){{1,4}})?\s+(?:was|were|has been|have been)\s+"
    r"(?:signed|exchanged|issued|adopted|released|finali[sz]ed|concluded|announced|unveiled)\b",
    re.IGNORECASE,
)
NEW_THING = re.compile(
    rf"\b(?:an?\s+new\s+(?:[\w-]+\s+){{0,3}}?{_KIND_OF_NEW}"
    rf"|(?:launch(?:ed|es)?|set up|establish(?:ed)?|sign(?:ed)?|propos(?:ed|e)|issued|adopted)"
    rf"\s+(?:an?|their|its)\s+(?:[\w-]+\s+){{0,4}}?{_KIND_OF_NEW})\b",
    re.IGNORECASE,
)
# The parties agreeing among themselves, with no instrument named ("agreed to boost
# exchanges", "decided to upgrade their partnership", "concurred in advancing …"): an
# agreement is what the sentence reports.
AGREED_TO = re.compile(r"\b(?:(?:agreed|decided|resolved)\s+to|concurred\s+in)\b", re.IGNORECASE)
# A new thing planned, not yet made ("plan to launch", "will be established", "are set to
# launch", "anticipated to be issued"): its starting record is proposed.
PLANNED_NEW = re.compile(
    r"\b(?:plans?|planning|preparing|working|set|expected|anticipated|likely|will|should|to be)\s+"
    # "will next week sign", "are expected to agree on the deal"
    r"(?:to\s+)?(?:(?!and\b|or\b)[a-z]+\s+){0,2}?(?:be\s+)?"
    r"(?:launch|establish|set up|create|issue|sign|unveil|adopt|announce|finali[sz]e|confirm|"
    # a verb, not "significant" or "the establishment of"
    r"constitute|form|agree|conclude)(?:s|es|d|ed|ing)?\b",
    re.IGNORECASE,
)
# An instrument the sentence reports as there: a new one, or the one it welcomes.
INSTRUMENT = re.compile(
    rf"\b(?:an?\s+new|welcomed\s+(?:the|an?))\s+(?:[\w-]+\s+){{0,2}}?{any_of(INSTRUMENTS)}\b",
    re.IGNORECASE,
)


# Something talked about, not yet agreed ("discussed a supply and services agreement",
# "agreed to explore investment opportunities", "explored opportunities to work together").
EXPLORED = re.compile(
    r"\b(?:discuss(?:ed|es|ing)|discussions?\s+on|explor(?:ed|es|ing|e)|consider(?:ed|s|ing)?|"
    r"stud(?:ied|ying)|mull(?:ed|s|ing)?|weigh(?:ed|s|ing)?)"
    # "mulling a 10 trillion yen ($68 billion) private investment target"
    r"\s+(?:[\w-]+\s+(?:\([^)]{1,20}\)\s+)?){0,5}?(?:agreements?|pacts?|opportunit(?:y|ies)|"
    r"possibilit(?:y|ies)|memorand(?:um|a)|MoUs?|MoCs?|deals?|"
    r"targets?|goals?|"
    r"investments?|co-production|co-producing|co-development|co-developing|developing|"
    r"projects?)\b"
    # "Japan expressed interest in collaborating", "India invited Japanese firms to invest"
    r"|\bexpressed\s+(?:its\s+|their\s+|strong\s+|keen\s+)?interest\s+in\b"
    # "India has told Japan that it wants to buy two aircraft"
    r"|\b(?:wants?|wanted|seeks?|sought|is keen)\s+to\s+(?:buy|acquire|procure|purchase|import)\b"
    r"|\binvited\s+(?:[\w&,-]+\s+){1,14}?to\s+(?:invest|participate|join|partner|look at|"
    r"explore|consider)\b",
    re.IGNORECASE,
)


def starting_status(move: Move, body: str, modality: str, dated: list[RoledDate]) -> Move:
    """A new thing only planned ("plan to launch", "will be established") or talked about
    ("discussed a … pact") is `proposed`, or `scheduled` when a window is given; one agreed
    or made ("concluded an action plan") keeps the status its words give. Its steps come
    later: no milestone change."""
    explored, made_new = EXPLORED.search(body), MADE.search(body)
    made = INSTRUMENT.search(body) or made_new
    if explored and not made_new and modality != "hedged":
        return Move("proposed", None, f"'{explored.group(0)}' (talked about)", "explored")
    planned = modality == "planned" and (PLANNED_NEW.search(body) or move.cue == "due")
    # "… through a new agreement", "welcomed the agreement between …", "issued a declaration"
    if move.status is None and modality in ("done", "agreed") and made:
        return Move("agreed", None, f"'{made.group(0)}' (made)", "made")
    if not planned or move.status not in (None, "agreed", "scheduled"):
        return Move(move.status, None, move.why, move.cue)
    due = any(d.role in ("due-in", "due-by") for d in dated)
    status = "scheduled" if due else "proposed"
    return Move(status, None, f"{move.why}; planned, {'with' if due else 'no'} window", move.cue)


def starts_something(sentence: str) -> bool:
    """Does a sentence with no curated subject make, plan or agree on something new?"""
    return any(
        cue.search(sentence)
        for cue in (NEW_THING, MADE, AGREED_TO, PLANNED_NEW, INSTRUMENT, EXPLORED)
    )


_PLACE = re.compile(r"\bin\s+(?P<place>(?:New\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
COUNTRY_NAMES = {"IN": "India", "JP": "Japan"}  # the titles' short forms
_MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
}  # fmt: skip


@dataclass
class NewSubject:
    """A starting record: `kind` is event or initiative; `record` its fields as the curated
    file holds them (null where the analyst must say)."""

    id: str
    kind: str
    record: dict
    candidate: str  # the candidate it was read from
    why: str
    also: list[str] = field(default_factory=list)  # later candidates that report it again


def propose_subject(
    candidate_id: str,
    sentence: str,
    held_dates: list[RoledDate],
    names: list[str],
    actors: list[str],
    countries: list[str],
    sectors: list[str],
    taken: set[str],
) -> NewSubject | None:
    """A starting record for a possibly-new candidate, or None when the sentence gives too
    little (`names`: the people it names, as written; `held_dates`: its `happened` dates)."""
    held = _HELD.search(sentence)
    if held and (held_dates or names):  # undated, the analyst adds when (from another report)
        when = held_dates[0] if held_dates else None
        return _event(candidate_id, sentence, held, when, names, actors, countries, taken)
    launched = _LAUNCHED.search(sentence)
    if launched and sectors:
        return _initiative(candidate_id, launched.group("name"), countries, sectors, taken)
    return None


def _event(cid, sentence, held, when: RoledDate | None, names, actors, countries, taken):
    verb = held.group("verb").casefold()
    kind = next((k for cue, k in _EVENT_KIND if cue in verb), "meeting")
    who = [n.split()[-1] for n in names]  # surnames: "Misri–Harada meeting"
    title = (
        f"{'–'.join(who[:2])} {kind}" if who else f"{'–'.join(_country_names(countries))} {kind}"
    )
    place = next((m.group("place") for m in _PLACE.finditer(sentence) if _is_place(m)), None)
    record = {
        "id": _unique(slug(title)[:60].strip("-"), taken),
        "title": title[:1].upper() + title[1:],
        "kind": kind,
        "date": when.phrase if when else None,
        "date_claim": cid if when else None,
        "location": place,
        "participants": actors,
        "countries": countries,
    }
    on = f" on '{when.phrase}'" if when else ", no date given: add when it was held"
    why = f"'{held.group(0)}'{on}" + (f" in {place}" if place else "")
    return NewSubject(record["id"], "event", record, cid, f"a {kind} held: {why}")


def _initiative(cid, name: str, countries, sectors, taken) -> NewSubject:
    name = " ".join(name.split())
    name = name[:1].upper() + name[1:]
    record = {
        "id": _unique(slug(name)[:60].strip("-"), taken),
        "name": name,
        "sectors": sectors,
        "parties": countries,
        "lead_bodies": [],
    }
    return NewSubject(record["id"], "initiative", record, cid, f"'{name}' launched or agreed")


def _is_place(m: re.Match) -> bool:
    return m.group("place").split()[0] not in _MONTHS


def _country_names(countries: list[str]) -> list[str]:
    return [COUNTRY_NAMES.get(c, c) for c in countries]


def _unique(base: str, taken: set[str]) -> str:
    found, n = base, 2
    while found in taken:
        found, n = f"{base}-{n}", n + 1
    taken.add(found)
    return found
