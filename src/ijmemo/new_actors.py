"""People and bodies a new article names that the actors file does not know yet.

Two kinds are proposed for the analyst: business federations (from a short
dictionary: Keidanren, CII, FICCI, ...; each stands for its country's private
sector when matching subjects) and officials named with their title
("spokesperson Randhir Jaiswal", "Vice Minister Hiroshi Sato", "Vikram Misri,
India's foreign secretary,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .quotes import normalise

# name → (country, other names). Federations of business, not government bodies.
BUSINESS_FEDERATIONS: dict[str, tuple[str, list[str]]] = {
    "Keidanren": ("JP", ["Japan Business Federation"]),
    "Japan Chamber of Commerce and Industry": ("JP", ["JCCI"]),
    "Japan Association of Corporate Executives": ("JP", ["Keizai Doyukai"]),
    "Confederation of Indian Industry": ("IN", ["CII"]),
    "Federation of Indian Chambers of Commerce and Industry": ("IN", ["FICCI"]),
    "Associated Chambers of Commerce and Industry of India": ("IN", ["ASSOCHAM", "Assocham"]),
    "Nasscom": ("IN", ["NASSCOM"]),
}
PRIVATE_SECTOR = {"IN": "in-private-sector", "JP": "jp-private-sector"}

_NAME = r"(?P<name>(?:[A-Z]\.\s?)*[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){1,2})"
_TITLE = (
    r"(?P<title>(?:(?:[A-Z][a-z]+|external|affairs|foreign|defence|defense|commerce|trade|"
    r"ministry|chief|cabinet|deputy|vice|parliamentary|state|senior|joint|additional)\s+){0,4}"
    r"(?:spokesperson|spokesman|spokeswoman|minister|secretary|ambassador|envoy|"
    r"director[- ]general|chairman|chairperson|chair|president|chief executive|ceo|"
    r"Minister|Secretary|Ambassador|Spokesperson|Spokesman|Envoy|Chairman|President|"
    r"Director[- ]General)(?:\s+(?:for|of)(?:\s+[A-Z][a-z]+){1,3}(?=\s+[A-Z]))?)"
)
TITLED = re.compile(rf"\b{_TITLE}\s+{_NAME}\b")
APPOSED = re.compile(
    rf"\b{_NAME},\s+(?:the\s+|India's\s+|Japan's\s+|Indian\s+|Japanese\s+)?"
    r"(?P<title>[a-z][a-z ]{0,40}?(?:spokesperson|minister|secretary|ambassador|chairman|"
    r"president|chief executive|director general)[a-z ]{0,30}?)\s*,"
)
# A body named in full: capitalised words ending in what kind of body it is.
_BODY_KINDS = {
    "firm": r"Corporation|Corp\.|Limited|Ltd|Bank|Company",
    "office": r"Agency|Commission|Authority|Council|Institute|Organi[sz]ation|Ministry|Board",
    "group": r"Federation|Association|Chamber of Commerce(?: and Industry)?|Confederation",
}
BODY = re.compile(
    r"\b(?P<name>(?:[A-Z][\w&’'-]*\s+(?:(?:of|for|and|on)\s+)?){1,6}"
    r"(?P<kind>" + "|".join(_BODY_KINDS.values()) + r")"
    r"(?:\s+of\s+[A-Z][\w-]*(?:(?:,\s*|\s+and\s+)[A-Z][\w-]*){0,3})?)\b"
)
_OPENERS = {"The", "A", "An", "Under", "At", "In", "On", "By", "For", "With", "As", "After"}
_COUNTRY_CUES = {
    "IN": re.compile(r"\b(India|Indian|external affairs|New Delhi|MEA)\b", re.IGNORECASE),
    "JP": re.compile(r"\b(Japan|Japanese|Tokyo|MOFA|Diet)\b", re.IGNORECASE),
}


@dataclass(frozen=True)
class NewActor:
    id: str
    name: str
    kind: str
    role: str | None
    country: str | None
    why: str


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text).casefold()).strip("-")


def _country(text: str) -> str | None:
    found = [code for code, cue in _COUNTRY_CUES.items() if cue.search(text)]
    return found[0] if len(found) == 1 else None


def federations_in(sentence: str) -> list[tuple[str, str]]:
    """(federation name, the name as written) for each business federation in a sentence."""
    out = []
    for name, (_, others) in BUSINESS_FEDERATIONS.items():
        for written in [name, *others]:
            if re.search(rf"(?<!\w){re.escape(written)}(?!\w)", sentence):
                out.append((name, written))
                break
    return out


def stands_for() -> dict[str, list[str]]:
    """Private-sector actor id → the federations' names that stand for it."""
    out: dict[str, list[str]] = {}
    for name, (country, others) in BUSINESS_FEDERATIONS.items():
        out.setdefault(PRIVATE_SECTOR[country], []).extend([name, *others])
    return out


def propose_actors(sentences: list[str], known_names: set[str]) -> list[NewActor]:
    """New actors named in the article, in order of first mention, one proposal each."""
    known = {normalise(n).casefold() for n in known_names}
    seen: dict[str, NewActor] = {}

    def add(actor: NewActor) -> None:
        surname = actor.name.split()[-1].casefold()
        folded = normalise(actor.name).casefold()
        if actor.id in seen or folded in known or any(k.endswith(f" {folded}") for k in known):
            return  # known, or a short form of a known name ("Foreign Ministry")
        if actor.kind == "person" and surname in known:
            return  # "Motegi" is known: "Toshimitsu Motegi" is not new
        seen[actor.id] = actor

    for sentence in sentences:
        for name, written in federations_in(sentence):
            country = BUSINESS_FEDERATIONS[name][0]
            why = f"business federation '{written}'"
            add(
                NewActor(
                    _slug(name if len(name) < 12 else written), name, "group", None, country, why
                )
            )
        for m in BODY.finditer(sentence):
            name, owner = m["name"], ""
            while name.split()[0] in _OPENERS or re.match(r"\w+['’]s$", name.split()[0]):
                owner, name = name.split(None, 1)  # "Japan's Ministry of …": Japan's
            kind = next(k for k, p in _BODY_KINDS.items() if re.fullmatch(p, m["kind"]))
            if len(name.split()) >= 2 and not federations_in(name):
                why = f"a body named in full ('{m['kind']}')"
                add(NewActor(_slug(name), name, kind, None, _country(f"{owner} {name}"), why))
        for m in [*TITLED.finditer(sentence), *APPOSED.finditer(sentence)]:
            name, title = m["name"], " ".join(m["title"].split())
            if name.split()[0] in {"The", "India", "Japan", "Prime", "Foreign", "Minister"}:
                continue
            role = title[0].upper() + title[1:]
            why = f"named with the title '{title}'"
            actor = NewActor(_slug(name.split()[-1]), name, "person", role, _country(title), why)
            add(actor)
    return list(seen.values())


def names_new_actor(sentence: str) -> bool:
    """Does the sentence name an official by title or a business federation?"""
    return bool(TITLED.search(sentence) or APPOSED.search(sentence) or federations_in(sentence))
