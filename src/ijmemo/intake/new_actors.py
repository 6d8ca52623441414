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

from ijmemo.text.quotes import normalise, slug
from ijmemo.text.speech import OFFICIAL_NAMES  # official names of bodies known plainly

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

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_NAME = rf"(?P<name>(?:[A-Z]\.\s?)*[A-Z][a-z]+(?:[ -](?!{_DAYS})[A-Z][a-z]+){{1,2}})"
_TITLE = (
    r"(?P<title>(?:(?:[A-Z][a-z]+|external|affairs|foreign|defence|defense|commerce|trade|"
    r"ministry|chief|cabinet|deputy|vice|parliamentary|state|senior|joint|additional)\s+){0,4}"
    # "Senior Vice-Minister": the hyphened rank is part of the title, not "Minister" alone
    r"(?:[Vv]ice-)?(?:spokesperson|spokesman|spokeswoman|minister|secretary|ambassador|envoy|"
    r"director[- ]general|chairman|chairperson|chair|president|chief executive|ceo|"
    r"adviser|advisor|Adviser|Advisor|counterpart|"
    r"Minister|Secretary|Ambassador|Spokesperson|Spokesman|Envoy|Chairman|President|"
    # "Minister for Electronics and IT", "Minister of Economy, Trade and Industry"
    r"Director[- ]General)(?:\s+(?:for|of|to)\s+[A-Z][a-z]+(?:,\s+[A-Z][a-z]+)*"
    r"(?:\s+and\s+[A-Z][A-Za-z]+)?"
    r"(?:\s+(?:Affairs|Resources|Security|Policy|Industry|Trade|Relations|Development|Gas|"
    r"Technology|Energy|Highways|Waterways|Tourism|Transport|Welfare))?){0,2}"
    r"(?:\s+\([A-Z][\w ]*\))?)"  # "Minister of State for Mines", "Joint Secretary (Navy)"
)
TITLED = re.compile(rf"\b{_TITLE}\s+{_NAME}\b")
# "Yuki Hasegawa, director of the mineral resources division at …, told reporters"
APPOSED = re.compile(
    rf"\b{_NAME},\s+(?:the\s+|India's\s+|Japan's\s+|Indian\s+|Japanese\s+)?"
    r"(?P<title>(?:[A-Za-z][A-Za-z -]{0,40}?)?(?i:spokesperson|spokesman|spokeswoman|minister|"
    r"secretary|ambassador|envoy|chairman|president|chief executive|director[- ]general|"
    r"director|adviser|advisor))\b(?=[^,.;()]{0,80}[,.;(])"
)
# A body named in full: capitalised words ending in what kind of body it is.
_BODY_KINDS = {
    "firm": r"Corporation|Corp\b\.?|Limited|Ltd|Bank|Company",
    "office": r"Agency|Commission|Authority|Council|Institute|Organi[sz]ation|Ministry|Board|"
    r"Foundation",
    "group": r"Federation|Association|Chamber of Commerce(?: and Industry)?|Confederation",
    "military": r"Self-Defen[cs]e Force|Navy|Army|Air Force|Coast Guard",
}
_WORD = r"[A-Z][\w-]*\b(?!['’])"  # not "India's", which starts another name
# "of Development of North Eastern Region", "of Economy, Trade and Industry"; a comma before
# another body's kind starts a list of bodies ("Ministry of Finance, Ministry of …")
_LEADS = r"Ministry|Department|Bureau|Agency|Commission"
_OF_WHAT = (
    rf"\s+(?:of|for)\s+{_WORD}(?:(?:,?\s+and\s+|,\s*(?!(?:{_LEADS})\b)|\s+){_WORD}){{0,4}}"
    rf"(?:\s+of\s+(?!(?:India|Japan)\b){_WORD}(?:\s+{_WORD}){{0,3}})?"  # not "… of Japan"
)
BODY = re.compile(
    r"\b(?P<name>(?:(?:[A-Z][\w&’'-]*\s+(?:(?:of|for|and|on)\s+)?){1,6}"
    r"(?P<kind>" + "|".join(_BODY_KINDS.values()) + r")"
    rf"(?:{_OF_WHAT})?"
    # "the Ministry of Mines": a body whose name starts with its kind
    rf"|(?P<lead>{_LEADS}){_OF_WHAT}))\b"
)
# "India's railway ministry", "the commerce ministry": named by its portfolio, in lower case.
PORTFOLIO = re.compile(
    r"\b(?P<owner>India's|Japan's|Indian|Japanese|the)\s+(?P<name>(?:[a-z]+\s+){1,2}ministry)\b"
)
_OPENERS = {"The", "A", "An", "Under", "At", "In", "On", "By", "For", "With", "As", "After"}
_COUNTRY_CUES = {
    # a Union minister is the Indian (federal) government's
    "IN": re.compile(r"\b(India|Indian|external affairs|New Delhi|MEA|Union)\b", re.IGNORECASE),
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
    aliases: tuple[str, ...] = ()  # a person's surname, a body's initialism: how it is cited


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


_ANY_KIND = r"\b(" + "|".join([*_BODY_KINDS.values(), "Ministry|Department|Bureau|Agency"]) + r")"


# "Sojitz Corp and Khanij Bidesh India Ltd", "the Ministry of Mines and Japan's Ministry of
# Economy": two bodies
_TWO_FIRMS = (
    r"(?:(?<=Corp)|(?<=Ltd)|(?<=Bank)|(?<=Limited))\.?\s+and\s+(?=[A-Z])"
    r"|\s+and\s+(?=(?:India|Japan)['’]s\s)"
)
# "the Japan Foundation and Japan National Tourism Organization", "the Indian Navy and
# Japanese Maritime Self-Defense Force": a second name of two words or more, with its own kind
_SECOND_BODY = re.compile(
    r"\s+and\s+(?=[A-Z][\w-]*\s+(?:[A-Z][\w-]*\s+){0,4}"
    rf"(?:{'|'.join(_BODY_KINDS.values())})\b)"
)


_ENDS_IN_KIND = re.compile(rf"\b(?:{'|'.join(_BODY_KINDS.values())})$")


def _split_bodies(name: str) -> list[str]:
    """The bodies one run of capitalised words names: two joined by "and" when each ends in
    its kind ("the Japan Foundation and …"), not "Japan Science and Technology Agency"."""
    out = []
    for part in re.split(_TWO_FIRMS, name):
        second = _SECOND_BODY.search(part)
        first = part[: second.start()] if second else ""
        if second and len(first.split()) >= 2 and _ENDS_IN_KIND.search(first):
            out += [part[: second.start()], part[second.end() :]]
        else:
            out.append(part)
    return out


def _bodies(sentence: str) -> list[tuple[str, str]]:
    """(name, owner) of each body named in full; "Sojitz Corp and Khanij Bidesh India Ltd"
    is two bodies, "Japan's Ministry of …" is owned by Japan."""
    out = []
    for m in BODY.finditer(sentence):
        names = _split_bodies(m["name"])
        for name in names:
            owner = ""
            while name.split()[0] in _OPENERS or re.match(r"\w+['’]s$", name.split()[0]):
                owner, name = name.split(None, 1)
            out.append((name, owner))
    return out


def _other_order(name: str) -> str:
    """ "external affairs ministry" ↔ "ministry of external affairs"."""
    if m := re.fullmatch(r"ministry of (.+)", name):
        return f"{m[1]} ministry"
    if m := re.fullmatch(r"(.+) ministry", name):
        return f"ministry of {m[1]}"
    return name


def propose_actors(sentences: list[str], known_names: set[str]) -> list[NewActor]:
    """New actors named in the article, in order of first mention, one proposal each."""
    known = {normalise(n).casefold() for n in known_names}
    for plain, official in OFFICIAL_NAMES.items():
        if plain.casefold() in known:
            known |= {normalise(n).casefold() for n in official}
    known |= {_other_order(n) for n in known}
    seen: dict[str, NewActor] = {}
    for sentence in map(normalise, sentences):  # "Vikram  Misri" as scraped is one name
        for actor in _named_in(sentence):
            surname = actor.name.split()[-1].casefold()
            folded = normalise(actor.name).casefold()
            if actor.id in seen or folded in known or any(k.endswith(f" {folded}") for k in known):
                continue  # known, or a short form of a known name ("Foreign Ministry")
            if actor.kind == "person" and surname in known:
                continue  # "Motegi" is known: "Toshimitsu Motegi" is not new
            seen[actor.id] = actor
    return list(seen.values())


def _named_in(sentence: str) -> list[NewActor]:
    """Every federation, body and titled official one sentence names, known or not."""
    return [
        *_federations(sentence),
        *_bodies_in_full(sentence),
        *_portfolios(sentence),
        *_officials(sentence),
    ]


def _federations(sentence: str) -> list[NewActor]:
    out = []
    for name, written in federations_in(sentence):
        country, others = BUSINESS_FEDERATIONS[name]
        aid = slug(name if len(name) < 12 else written)
        why = f"business federation '{written}'"
        out.append(NewActor(aid, name, "group", None, country, why, tuple(others)))
    return out


def _bodies_in_full(sentence: str) -> list[NewActor]:
    out = []
    for name, owner in _bodies(sentence):
        written = next(iter(re.findall(_ANY_KIND, name)), None)
        if written is None:  # "Tokyo Electron and …": one side of an "and" names no kind
            continue
        kind = next((k for k, p in _BODY_KINDS.items() if re.fullmatch(p, written)), "office")
        if len(name.split()) >= 2 and not federations_in(name):
            why = f"a body named in full ('{written}')"
            country = _country(f"{owner} {name}")
            out.append(
                NewActor(slug(name), name, kind, None, country, why, _initialism(sentence, name))
            )
    return out


def _portfolios(sentence: str) -> list[NewActor]:
    out = []
    for m in PORTFOLIO.finditer(sentence):
        if m["name"].split()[0] not in {"the", "a", "foreign"}:
            why = "a ministry named by its portfolio"
            out.append(
                NewActor(slug(m["name"]), m["name"], "office", None, _country(m["owner"]), why)
            )
    return out


def _officials(sentence: str) -> list[NewActor]:
    """People named with a title, each with the country the title gives and their surname."""
    out = []
    for m in [*TITLED.finditer(sentence), *APPOSED.finditer(sentence)]:
        name, title = m["name"], " ".join(m["title"].split())
        if name.split()[0] in {"The", "India", "Japan", "Prime", "Foreign", "Minister"}:
            continue
        # the words between a title and its name ("Vikram Misri, India's foreign secretary")
        # or just before the title ("India's foreign secretary Vikram Misri") say whose it is
        lead = sentence[m.end("name") : m.start("title")] if m.re is APPOSED else ""
        lead += sentence[max(0, m.start() - 40) : m.start()] if m.re is TITLED else ""
        country, from_what = _role_country(lead, title)
        why = f"named with the title '{title}'" + (
            f"; country from '{from_what}'" if country else ""
        )
        surname = name.split()[-1]
        role = title[0].upper() + title[1:]
        out.append(NewActor(slug(surname), name, "person", role, country, why, (surname,)))
    return out


_NATIONS = {"india's": "IN", "indian": "IN", "japan's": "JP", "japanese": "JP"}
_OWNER = r"(India['’]s|Japan['’]s|Indian|Japanese)"


def _role_country(lead: str, title: str) -> tuple[str | None, str | None]:
    """Whose official: the owner before the title ("India's", "Japanese") or its first word
    wins over a country the role names, which is the host in "Ambassador to India"."""
    # "Japan's Senior Vice-Minister for …": the owner may stand before the title's first words
    owner = re.search(rf"\b{_OWNER}[\s,]+(?:[A-Z]\w*[\s-]+){{0,3}}$", lead)
    owner = owner or re.match(rf"{_OWNER}\b", title)
    if owner:
        return _NATIONS[owner[1].replace("’", "'").casefold()], owner[1]
    # "Keidanren vice chairman"; "CII president Rajiv Memani": an all-capitals initialism
    # is no title word, so the federation is the last word before the title
    for name, written in federations_in(" ".join([*lead.split()[-1:], title])):
        return BUSINESS_FEDERATIONS[name][0], written
    own = re.sub(r"\b(?:to|in)\s+(?:India|Japan)\b", "", title)
    found = [(code, m[0]) for code, cue in _COUNTRY_CUES.items() if (m := cue.search(own))]
    return found[0] if len(found) == 1 else (None, None)


def _initialism(sentence: str, name: str) -> tuple[str, ...]:
    """The initialism written after a body's name: "National High Speed Rail Corporation Ltd
    (NHSRCL)"."""
    found = re.search(
        rf"{re.escape(name)}(?:\s+(?:Ltd|Limited)\.?)?\s*\(([A-Z][A-Za-z&]{{1,9}})\)", sentence
    )
    return (found[1],) if found else ()


def names_new_actor(sentence: str) -> bool:
    """Does the sentence name an official by title or a business federation?"""
    return bool(TITLED.search(sentence) or APPOSED.search(sentence) or federations_in(sentence))
