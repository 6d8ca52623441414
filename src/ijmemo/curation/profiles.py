"""Each curated subject's profile: what a report may call it and what surrounds it.

An initiative, event or topic is known by its names (its own, the aliases claims gave
it), the initialisms of those names ("Joint Working Group" -> JWG), its core name
(the words before "on ...": "private-sector dialogue"), the bodies that attend it (lead
bodies, participants, actors of its claims; a business federation stands for its
country's private sector) and the vocabulary of its curated quotes. `word_weights`
says how distinctive each word is across all of them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ijmemo.curation.load import CuratedData
from ijmemo.text.words import core_words, initialisms, words


@dataclass
class Profile:
    kind: str  # initiative | event | topic
    names: list[str]  # its own name and aliases: an exact mention is a match
    related: list[str]  # attending bodies, place: evidence, at half weight
    context: set[str] = field(default_factory=set)  # words of quotes already curated for it
    acronyms: set[str] = field(default_factory=set)
    cues: list[str] = field(default_factory=list)  # curated keywords: named, never exact
    cores: list[list[str]] = field(init=False)  # core names of two words or more

    def __post_init__(self) -> None:
        self.cores = [c for c in map(core_words, self.names) if len(c) >= 2]


def subject_profiles(
    data: CuratedData,
    extra_bodies: dict[str, list[str]] | None = None,
    vocabulary: bool = True,
) -> dict[str, Profile]:
    """Every initiative, event and topic's profile, in that order.

    `extra_bodies`: actor id -> other bodies' names that stand for it; `vocabulary=False`:
    without the curated quotes' words."""
    profiles: dict[str, Profile] = {}
    quotes: dict[str, set[str]] = defaultdict(set)
    if vocabulary:
        for loc in data.claims.values():
            quotes[loc.record.subject] |= set(words(loc.record.quote))
    aliases, attending = names_from_claims(data)
    stands_for = extra_bodies or {}  # actor id → other bodies' names that stand for it

    def body_names(ids) -> list[str]:
        names = []
        for a in sorted(ids):
            if a in data.actors:
                names += [data.actors[a].record.name, *stands_for.get(a, [])]
        return names

    for iid, loc in data.initiatives.items():
        ini = loc.record
        bodies = body_names(set(ini.lead_bodies) | attending[iid])
        _add(profiles, iid, "initiative", [ini.name, *aliases[iid]], bodies, quotes[iid])
        profiles[iid].cues = list(ini.keywords)
    for eid, loc in data.events.items():
        ev = loc.record
        related = body_names(ev.participants) + ([ev.location] if ev.location else [])
        _add(profiles, eid, "event", [ev.title], related, quotes[eid])
    for tid, loc in data.topics.items():
        _add(profiles, tid, "topic", [loc.record.title], [], quotes[tid])
        profiles[tid].cues = list(loc.record.keywords)
    # An initialism that two subjects share names neither.
    counts: dict[str, int] = defaultdict(int)
    for profile in profiles.values():
        for a in profile.acronyms:
            counts[a] += 1
    for profile in profiles.values():
        profile.acronyms = {a for a in profile.acronyms if counts[a] == 1}
    return profiles


def names_from_claims(
    data: CuratedData,
) -> tuple[defaultdict[str, list[str]], defaultdict[str, set[str]]]:
    """All the claims lend their subjects' profiles, but their words: the aliases each
    subject is given (in the claims' order, once each) and the actors its claims name
    but for their speakers."""
    aliases: defaultdict[str, list[str]] = defaultdict(list)
    attending: defaultdict[str, set[str]] = defaultdict(set)
    for loc in data.claims.values():
        claim = loc.record
        speaker = getattr(claim.attribution, "by", None)  # a briefer speaks, not attends
        attending[claim.subject] |= set(claim.actors) - {speaker}
        if claim.alias and claim.alias not in aliases[claim.subject]:
            aliases[claim.subject].append(claim.alias)
    return aliases, attending


def _add(profiles: dict[str, Profile], sid, kind, names, related, context) -> None:
    acronyms = set().union(*(initialisms(n) for n in names)) if kind != "topic" else set()
    profiles[sid] = Profile(kind, names, related, context, acronyms)


def word_weights(profiles: dict[str, Profile]) -> defaultdict[str, float]:
    """How distinctive is a word: rare across subjects' names and vocabulary -> heavy."""
    df: dict[str, int] = defaultdict(int)
    for profile in profiles.values():
        named = {w for n in profile.names + profile.related + profile.cues for w in words(n)}
        for w in named | profile.context:
            df[w] += 1
    n = len(profiles) or 1
    return defaultdict(lambda: math.log(1 + n), {w: math.log(1 + n / c) for w, c in df.items()})
