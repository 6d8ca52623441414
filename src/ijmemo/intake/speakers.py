"""Who speaks in a sentence of a new article, as a reader keeps track of it.

Reporting names a speaker once ("Japan's foreign ministry spokesperson Toshihiro Kitamura
said") and then refers back ("he said", "Kitamura added", "the spokesperson said", "the
ministry said"). `Speakers` is that reader's memory for one article, read in sentence
order: the actors the curated file knows, the new actors proposed for this article, and
the last person and body that spoke. Every answer says why, for the analyst to check: a
pronoun is a guess, never a fact.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ijmemo.intake.datelines import AGENCIES
from ijmemo.intake.new_actors import NewActor, propose_actors
from ijmemo.metadata.vocabularies import UNNAMED_OFFICIALS
from ijmemo.text.quotes import normalise, slug
from ijmemo.text.speech import JOINT_SUBJECT, OFFICIAL_NAMES


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    names: tuple[str, ...]  # every name it may be cited by: full, aliases, surname, official
    person: bool
    role: str  # as the actors file or this article describes it
    new: bool = False  # proposed for this article, not yet in the actors file


@dataclass(frozen=True)
class Found:
    """A speaker proposed for the words that attribute a sentence."""

    by: str | None  # actor id, `officials`, or None: the analyst says who
    why: str
    speaker: Speaker | None = None
    at: int = 0  # where the speaker's name starts in the phrase (the words start there)


_OFFICIALS = re.compile(r"\b(officials?|diplomats?|government sources?)\b", re.IGNORECASE)
# "people familiar with the matter", "sources", "a joint statement" with no issuer named
# (not "according to reports": the memo would call reports officials, a stronger source)
_UNNAMED = re.compile(r"\b(sources?|people|persons?)\b", re.IGNORECASE)
# "the joint statement" is both sides', never the last body's that spoke
_UNSIGNED = re.compile(
    r"^(?:an?\s+(?:[\w-]+\s+)?|the\s+joint\s+)(?:statement|readout)$", re.IGNORECASE
)
# A statement's issuer: "a statement from the ministry", "a statement issued by the
# agency", "the ministry's statement" are the ministry's or the agency's words.
_ISSUED = re.compile(
    r"^(?:an?|the|its)\s+(?:[\w-]+\s+)?(?:statement|readout|post|factsheet|fact sheet)\s+"
    r"(?:(?:issued|released|published|put out)\s+)?(?:from|by|of)\s+(?P<issuer>.+)$"
    r"|^(?P<owner>.+?)['’]s?\s+(?:[\w-]+\s+)?(?:statement|readout|post|factsheet)$",
    re.IGNORECASE,
)
# What both governments issue together speaks for both.
_JOINT_DOCUMENT = re.compile(
    r"\bjoint\s+(?:statement|declaration|communiqu[eé]|fact\s?sheet|press release)\b", re.I
)
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)
# A role noun refers back to the last person named with that role; the spokesperson's
# titles vary by outlet ("spokesman", "press secretary").
_SPOKES = ("spokesperson", "spokesman", "spokeswoman", "press secretary")
_ROLE = re.compile(
    r"^(?:the|a)\s+(?P<qualifier>(?:[\w-]+\s+){0,3}?)(?P<noun>spokesperson|spokesman|"
    r"spokeswoman|press secretary|minister|secretary|ambassador|envoy|chairman|chairperson|"
    r"chair|president|director(?:[- ]general)?|adviser|advisor|prime minister|premier|pm|"
    r"eam|fm|deputy)$",
    re.IGNORECASE,
)
# One role, written several ways ("the Japanese Premier", "the Japanese PM", and the titles
# Indian reports shorten: "the EAM added")
_SAME_ROLE = {
    "premier": "prime minister",
    "pm": "prime minister",
    "eam": "external affairs minister",
    "fm": "foreign minister",
}
# "the ministry said": the last body of that kind; "the statement read": its last issuer.
_BODY = re.compile(
    r"^the\s+(?:(?P<portfolio>\w+)\s+)?(?P<noun>ministry|agency|corporation|company|firm|"
    r"federation|chamber|embassy|department|bureau|commission|council|government|statement|"
    r"readout|post|report|article|factsheet|fact sheet|document|release|press release|"
    r"communiqu[eé]|organi[sz]ation|institution|"
    r"navy|army|air force|coast guard)$",
    re.IGNORECASE,
)
# "The ministry has also", "He fondly": what stands between the speaker and the verb
_TRAILING = r"(?:\s+(?:also|further|later|then|again|has|have|had|[a-z]\w*ly))+$"
_PORTFOLIO_FIRST = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:India|Japan)['’]s\s+)?(?P<words>(?:[A-Z][a-z]+\s+){1,3})Ministry$"
)
# A news outlet's name, for "the report said" after "a report in The Asahi Shimbun".
# The words that make a name a news outlet's ("The Asahi Shimbun", "Kyodo News", "Reuters").
NEWS_WORDS = (
    "shimbun", "news", "times", "post", "press", "daily", "express", "herald", "narrative",
    "tribune", "journal", "asahi", "yomiuri", "mainichi",
    *AGENCIES.casefold().split("|"), "nikkei", "yonhap",
)  # fmt: skip
_OUTLET = re.compile(rf"\b(?:{'|'.join(NEWS_WORDS)})\b", re.IGNORECASE)


def names_outlet(phrase: str) -> bool:
    """Do the words name a news outlet ("Japanese news agency Kyodo", "The Asahi Shimbun")?"""
    return bool(_OUTLET.search(phrase))


# "according to a source-based report in Japan's 'The Asahi Shimbun' newspaper": the paper
_PROPER = re.compile(r"(?:[A-Z][\w'’.&-]*\s+){1,3}[A-Z][\w'’.&-]*")  # two words or more
_REPORT_IN = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:report|article)\s+(?P<by>in|by|from)\s+(?P<outlet>.+)$",
    re.IGNORECASE,
)


def _speaker_of(actor) -> tuple[str, list[str], bool, str]:
    names = [actor.name, *actor.aliases, *OFFICIAL_NAMES.get(actor.name, [])]
    if actor.kind == "person" and len(actor.name.split()) > 1:
        names.append(actor.name.split()[-1])  # "Motegi added"
    return actor.id, names, actor.kind == "person", actor.role or ""


class Speakers:
    """One article's speakers, in the order its sentences name them."""

    def __init__(self, actors: list) -> None:
        """`actors`: the curated Actor records."""
        described = [_speaker_of(a) for a in actors]
        shared = Counter(n.casefold() for _, names, _, _ in described for n in set(names))
        self.known = [  # a name two actors share ("foreign ministries") names neither
            Speaker(aid, names[0], tuple(n for n in names if shared[n.casefold()] == 1), p, role)
            for aid, names, p, role in described
        ]
        self.known_names = {n for a in actors for n in [a.name, *a.aliases]}
        self.new: dict[str, Speaker] = {}
        self.created: list[NewActor] = []  # speakers named with no title, proposed as new
        self.last: dict[str, tuple[Speaker | None, str]] = {}  # person/body/officials/form
        self.named_so_far: list[Speaker] = []  # actors the article named so far, in order
        self.named_before: list[Speaker] = []  # … before the sentence being read
        # the people the last sentence naming any named, in its order, and that sentence's
        # own (the one being read): "he" is most often the one a sentence opened with
        self.people_before: list[Speaker] = []
        self.people_now: list[Speaker] = []
        self.seen: dict[int, object] = {}  # what each sentence proposed, by where it starts
        # the last sentence's speaker, words, end, and (form, how, form words)
        self.spoke: tuple[Found | None, str, int, tuple] = (None, "", -10, ())
        self.reading: int | None = None  # where the sentence being attributed starts

    def meet(self, sentence: str) -> list[NewActor]:
        """Add the new actors a sentence names (the ids `propose_actors` will give them)."""
        found = propose_actors([sentence], self.known_names)
        for a in found:
            if a.id not in self.new:
                names = (a.name, *a.aliases, *_family_name_first(a))
                self.new[a.id] = Speaker(
                    a.id, a.name, names, a.kind == "person", a.role or "", True
                )
            elif more := [n for n in a.aliases if n not in self.new[a.id].names]:
                # named first in full, its initialism defined later ("… Agency (JAXA)")
                self.new[a.id] = replace(self.new[a.id], names=(*self.new[a.id].names, *more))
        text = normalise(sentence).casefold()
        self.named_before = list(self.named_so_far)  # "he" is no one this sentence names
        if self.people_now:
            self.people_before = self.people_now
        at: list[tuple[int, Speaker]] = []
        for speaker in [*self.known, *self.new.values()]:  # "the ministry" may mean one named
            hits = [m.start() for n in speaker.names if (m := _whole(n, text))]
            if hits:
                self.named_so_far.append(speaker)
                at.append((min(hits), speaker))
        self.people_now = [sp for _, sp in sorted(at, key=lambda h: h[0]) if sp.person]
        return found

    def named(self, phrase: str) -> Found | None:
        """The actor a phrase names: a person before a body (a spokesperson of a ministry
        is cited by name), the first named among equals."""
        text = normalise(phrase).casefold()
        hits = []
        for speaker in [*self.known, *self.new.values()]:
            for name in speaker.names:
                if m := _whole(name, text):
                    hits.append((not speaker.person, m.start(), speaker, name))
        if not hits:
            return None
        _, at, speaker, name = min(hits, key=lambda h: (h[0], h[1]))
        if speaker.new:
            why = f"'{name}' is {speaker.name}, proposed in new_actors: accept it there"
        else:
            why = f"'{name}' names {speaker.id}"
        return Found(speaker.id, why, speaker, at)

    def resolve(self, phrase: str) -> Found:
        """Who the words before a reporting verb name: a person by name, unnamed officials
        ("a CII official" is not the CII), a body by name, or one referred back to."""
        found = self.named(phrase)  # before any trimming: `at` is an offset into `phrase`
        phrase = re.sub(_TRAILING, "", phrase.strip(" ,\"'"))  # "The ministry has also"
        if found is None and (portfolio := _PORTFOLIO_FIRST.match(phrase)):
            # "The External Affairs Ministry" is the Ministry of External Affairs
            found = self.named(f"Ministry of {portfolio['words']}")
        if (report := _REPORT_IN.match(phrase)) and not found:
            outlet = re.sub(r"^(?:India|Japan)['’]s\s+", "", report["outlet"])
            outlet = re.sub(r"\s+newspaper$|['‘’\"]", "", outlet).strip()
            if _OUTLET.search(outlet):  # the paper speaks, not its unnamed sources
                return self._unknown(outlet)
            # "a report in India Narrative": a paper by name ("a report from Tokyo" is a place)
            if _PROPER.fullmatch(outlet) and report["by"].casefold() != "from":
                why = f"named as the report's outlet ('{phrase}')"
                return self._unknown(
                    outlet, NewActor(slug(outlet), outlet, "firm", None, None, why)
                )
        if found and found.speaker.person:
            return found
        if _OFFICIALS.search(phrase):
            return Found(UNNAMED_OFFICIALS, f"unnamed officials ('{phrase}')")
        if found and _UNNAMED.search(phrase.split()[-1]):  # "the Reuters source": its source
            why = f"unnamed ('{phrase}'): `officials` stands for speakers the source does not name"
            return Found(UNNAMED_OFFICIALS, why + "; check")
        if found:
            return found
        if _JOINT_DOCUMENT.search(phrase):  # "the India-Japan Joint Statement on …"
            return self._unknown("India and Japan")
        if _UNNAMED.search(phrase) or _UNSIGNED.match(phrase):
            why = f"unnamed ('{phrase}'): `officials` stands for speakers the source does not name"
            return Found(UNNAMED_OFFICIALS, why + "; check")
        if _governments_speaking(phrase):  # "the Indian government": a new actor, not "the …"
            return self._unknown(phrase)
        return self._referred(phrase) or self._unknown(phrase)

    def _referred(self, phrase: str) -> Found | None:
        """A pronoun or "the spokesperson" / "the ministry": the last one that spoke."""
        if issued := _ISSUED.match(phrase):  # whoever issued it speaks
            return self.resolve(issued["issuer"] or issued["owner"])
        if phrase.casefold() == "it":  # "it added": the body or report that spoke last,
            # past a person it quoted ("The ministry said Aramane emphasised … . …, it said")
            body, _ = self.last.get("body", (None, ""))
            if body is not None:
                why = f"'it' taken as {body.name}, the last body to speak: check"
                return Found(body.id, why, body)
            return Found(None, "'it' refers back to no body that spoke: say who")
        if _PRONOUN.match(phrase):
            if phrase.casefold() == "they" and (body := self._body_just_before()):
                return body
            key = "officials" if phrase.casefold() == "they" else "person"
            return self._carried(key, phrase)
        if role := _ROLE.match(phrase):
            noun = role["noun"].casefold()
            return self._by_role(phrase, role["qualifier"].strip(), _SAME_ROLE.get(noun, noun))
        if body := _BODY.match(phrase):
            noun = body["noun"].casefold()
            if noun in ("statement", "readout", "post", "report"):
                return self._carried(noun, phrase)
            if noun == "article":
                return self._carried("report", phrase)
            if noun in ("factsheet", "fact sheet", "document", "release", "press release"):
                # the statement cited before
                return self._carried("statement", phrase)
            if noun in ("organisation", "organization", "institution"):
                return self._last_body_named(phrase)
            found = self._carried("body", phrase, noun)
            if found.by is None and noun == "ministry" and body["portfolio"]:
                return self._by_portfolio(body["portfolio"], phrase) or found
            return found
        return None

    def _last_body_named(self, phrase: str) -> Found:
        """ "the organisation": the body named last, in this sentence or before."""
        bodies = [b for b in reversed(self.named_so_far) if not b.person]
        if not bodies:
            return Found(None, f"'{phrase}' refers back to no body named before it: say who")
        why = f"'{phrase}' taken as {bodies[0].name}, the last body named: check"
        return Found(bodies[0].id, why, bodies[0])

    def _by_role(self, phrase: str, qualifier: str, noun: str) -> Found:
        """ "the External Affairs Minister": the last person with that whole title, else
        the last with the role noun ("the minister")."""
        if qualifier:
            found = self._carried("person", phrase, f"{qualifier} {noun}".casefold())
            if found.by:
                return found
        return self._carried("person", phrase, noun)

    def _body_just_before(self) -> Found | None:
        """ "They" right after a body or both governments spoke ("According to the ministry,
        both leaders reaffirmed … . They underscored …"): that account goes on."""
        found, words, end, _ = self.spoke
        if found is None or found.speaker is None or found.speaker.person:
            return None
        if self.reading is None or not 0 <= self.reading - end <= 3:
            return None  # not the sentence just before
        why = f"'they' goes on with {found.speaker.name}'s account, the sentence before ('{words}'): check"
        return Found(found.speaker.id, why, found.speaker)

    def _by_portfolio(self, portfolio: str, phrase: str) -> Found | None:
        """ "the Foreign Ministry" with none named before: the one body whose official name
        is "Ministry of Foreign Affairs" (India's is the Ministry of External Affairs)."""
        official = re.compile(rf"ministry of {re.escape(portfolio.casefold())}(?: affairs)?")
        bodies = [s for s in [*self.known, *self.new.values()] if not s.person]
        hits = [(s, n) for s in bodies for n in s.names if official.fullmatch(n.casefold())]
        if len({s.id for s, _ in hits}) != 1:
            return None
        speaker, name = hits[0]
        why = f"'{phrase}' taken as {speaker.name}, officially the {name}: check"
        return Found(speaker.id, why, speaker)

    def _carried(self, key: str, phrase: str, noun: str | None = None) -> Found:
        speaker, words = self.last.get(key, (None, ""))
        if key == "officials" and words:
            return Found(UNNAMED_OFFICIALS, f"'{phrase}': the officials who spoke last ('{words}')")
        if speaker and noun and not _has_role(speaker, words, noun):
            speaker = None
        if speaker is None and noun and key in ("body", "person"):  # named, not yet heard
            person = key == "person"  # "the minister" after "Railway Minister A. Vaishnaw"
            named = [
                b
                for b in reversed(self.named_so_far)
                if b.person == person and _has_role(b, "", noun)
            ]
            if named:
                why = f"'{phrase}' taken as {named[0].name}, the last {noun} named: check"
                return Found(named[0].id, why, named[0])
        # "he" before anyone spoke: the person the last sentence naming people opened with
        # ("Motegi visited Delhi, where he met Modi. … he emphasized …": Motegi)
        if speaker is None and key == "person" and noun is None and self.people_before:
            first = self.people_before[0]
            why = (
                f"'{phrase}' taken as {first.name}, the first person named in the "
                "sentence before that names people: check"
            )
            return Found(first.id, why, first)
        if speaker is None:
            return Found(None, f"'{phrase}' refers back to no speaker named before it: say who")
        why = f"'{phrase}' taken as {speaker.name}, the last to speak ('{words}'): check"
        return Found(speaker.id, why, speaker)

    def _unknown(self, phrase: str, actor: NewActor | None = None) -> Found:
        if _UNNAMED.search(phrase):
            return Found(None, f"unnamed speakers ('{phrase}'), not said to be officials: say who")
        actor = actor or _named_speaker(phrase) or _governments_speaking(phrase)
        if actor is None:
            return Found(None, f"'{phrase}' names no known or proposed actor: say who")
        if actor.id not in self.new:  # proposed in new_actors like any other new actor
            self.created.append(actor)
            names = (actor.name, *actor.aliases)
            self.new[actor.id] = Speaker(
                actor.id, actor.name, names, actor.kind == "person", "", True
            )
        speaker = self.new[actor.id]
        why = f"'{actor.name}' is proposed in new_actors as the speaker: check its kind and country"
        return Found(speaker.id, why, speaker)

    def continued(self, start: int | None) -> tuple[Found, str, tuple] | None:
        """A bare quotation just after a named speaker's sentence goes on in their words,
        and in the same briefing or post (its form, how and form words)."""
        found, words, end, shown = self.spoke
        if start is None or found is None or not found.by or not 0 <= start - end <= 3:
            return None
        why = f"a quotation continuing the sentence before ('{words}'): check"
        return Found(found.by, why, found.speaker), words, shown

    def remember(self, found: Found, words: str, shown: tuple, end: int | None) -> None:
        """The sentence's speaker becomes the one later pronouns and role nouns refer to.
        `shown`: how the sentence was reported (form, how, form words)."""
        form = shown[0]
        self.spoke = (found, words, end if end is not None else -10, shown)
        if found.by == UNNAMED_OFFICIALS:
            self.last["officials"] = (None, words)
        if found.speaker is None:
            return
        self.last["person" if found.speaker.person else "body"] = (found.speaker, words)
        if form in ("statement", "readout", "post"):
            self.last[form] = (found.speaker, words)
        if _OUTLET.search(found.speaker.name):  # "the report said" is the paper's
            self.note_report(found, words)

    def note_report(self, found: Found, words: str) -> None:
        """A paper that reported ("Kyodo reported, citing diplomatic sources"): what "the
        report" says later is its report, even where this sentence's words are its source's."""
        if found.speaker is not None:
            self.last["report"] = (found.speaker, words)


# A speaker named with no title ("The Asahi Shimbun report said", "… , Kishan Reddy said"):
# the last run of capitalised words; what kind of actor its last word says.
_RUN = re.compile(
    r"(?:The\s+)?(?:(?:[A-Z]\.\s?)*[A-Z][\w’'-]+\s+){0,3}(?:[A-Z]\.\s?)*[A-Z][\w’'-]+"
)
_KIND_BY_WORD = {
    **dict.fromkeys((*NEWS_WORDS, "agency", "limited", "ltd", "corporation", "corp", "bank"),
                    "firm"),
    **dict.fromkeys(("ministry", "department"), "ministry"),
}  # fmt: skip
# A person's name: two to four words, none of them a common noun written with a capital
# ("Artificial Intelligence", "Joint Statement" are not people).
_COMMON = (
    r"Artificial|Intelligence|Joint|Statement|Initiative|Dialogue|Partnership|Cooperation|"
    r"Ministry|Government|Summit|Group|Forum|Council|Committee|Agreement|Framework|Project|"
    r"Security|Economic|Strategic|Global|Special|National|International|Minister|Secretary|"
    r"President|Foreign|Affairs|Prime|Policy|Programme|Program|Mission|Corridor|Vision"
)
_PERSON = re.compile(
    rf"(?:(?!(?:{_COMMON})\b)(?:[A-Z]\.\s?)*[A-Z][\w’'-]+\s+){{1,3}}(?!(?:{_COMMON})\b)[A-Z][\w’'-]+"
)
# One capitalised word that is the whole phrase: a surname the report uses alone.
_SURNAME = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?(?<!s)")  # "Experts said": no one
_NOT_SURNAMES = {"china", "washington", "beijing", "moscow", "seoul", "delhi", "tokyo", "it"}
_NOT_SPEAKERS = {"india", "japan", "tokyo", "new delhi", "the", "indian", "japanese", "beijing"}


_NEWS_AGENCY = re.compile(r"(?<![\w’'])(?P<name>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+news\s+agency$")
_AFTER_NAME = re.compile(r"^[\s'’\"”]*(?:(?:report|newspaper|daily|correspondent)\s*)?$", re.I)


def _named_speaker(phrase: str) -> NewActor | None:
    """The speaker a phrase ends by naming ("… Kishan Reddy", "The Asahi Shimbun report"),
    or None: a name followed by other words ("The Unicorn antenna transfer") names a thing."""
    if agency := _NEWS_AGENCY.search(re.sub(_TRAILING, "", phrase)):  # "Japan's Kyodo news agency"
        why = f"a news agency named as a speaker ('{phrase}')"
        return NewActor(slug(agency["name"]), agency["name"], "firm", None, None, why)
    text = phrase.replace("'", " ").replace("‘", " ")
    runs = list(_RUN.finditer(text))
    if not runs or not _AFTER_NAME.match(text[runs[-1].end() :]):
        return None
    name = runs[-1].group(0)
    if name.casefold() in _NOT_SPEAKERS:
        return None
    last = name.split()[-1].casefold()
    kind = _KIND_BY_WORD.get(last) or ("person" if _PERSON.fullmatch(name) else None)
    alone = phrase.strip()
    if kind is None and _SURNAME.fullmatch(alone) and alone.casefold() not in _NOT_SURNAMES:
        kind = "person"  # "Vaishnaw said", as first written
    if kind is None or name.split()[0] in ("Prime", "Foreign", "Minister", "External"):
        return None
    person = kind == "person"
    aid = slug(name.split()[-1] if person else name)
    aliases = (name.split()[-1],) if person else ()
    why = f"named as a speaker ('{phrase}')"
    return NewActor(aid, name, kind, None, None, why, aliases)


# Both governments speaking together ("India and Japan said", "the two leaders described"),
# or one government by its country ("Japan's government said").
_JOINT = re.compile(rf"^{JOINT_SUBJECT}$", re.IGNORECASE)
_ONE_GOVERNMENT = re.compile(
    r"^(?:(?P<owner>japan|india)['’]s|the (?P<adjective>japanese|indian)) government$",
    re.IGNORECASE,
)
_GOVERNMENT_OF = {"japan": "JP", "japanese": "JP", "india": "IN", "indian": "IN"}
_CAPITAL_OF = {"japan": "JP", "tokyo": "JP", "india": "IN", "new delhi": "IN", "delhi": "IN"}
# A country or its capital alone as the subject of a verb of saying (the two the report is
# about, and the others these reports quote most)
_BY_CAPITAL = re.compile(
    r"^(?P<name>India|Japan|New Delhi|Delhi|Tokyo|China|Beijing|Washington|Seoul|Canberra|"
    r"Moscow)$"
)


def is_outlet(speaker: Speaker | None) -> bool:
    """Is the speaker a news outlet (a report's relay, not its source, when both are named)?"""
    return bool(speaker and _OUTLET.search(speaker.name))


def _without_when(phrase: str) -> str:
    """The words naming a speaker without the day or the occasion after them ("India and
    Japan on Friday", "Both leaders at the press briefing")."""
    phrase = re.sub(r"\s+(?:at|in|during)\s+[^,.;]{1,40}$", "", phrase.strip())
    return re.sub(r"\s+(?:on|last|this)\s+\w+$", "", phrase)


def _family_name_first(actor: NewActor) -> tuple[str, ...]:
    """A Japanese official's name may be written family name first ("Vice Minister Terada
    Yoshimichi", later "Terada said"): the first word cites them too (not an alias to
    propose: in "Kenji Ono" it is the given name)."""
    words = actor.name.split()
    return (
        (words[0],) if actor.kind == "person" and actor.country == "JP" and len(words) == 2 else ()
    )


def is_joint(phrase: str) -> bool:
    """Do the words name both governments together ("India and Japan", "both leaders")?"""
    return bool(_JOINT.match(_without_when(phrase)))


def is_country(phrase: str) -> bool:
    """Do the words name one government by its country or capital ("Japan", "Beijing")?
    Like both together, it acts in the report's account unless a plain verb of saying
    carries it ("Japan expressed interest": the report's; "Tokyo also said": Tokyo's)."""
    return bool(_BY_CAPITAL.match(re.sub(_TRAILING, "", _without_when(phrase)).strip()))


def _governments_speaking(phrase: str) -> NewActor | None:
    """A new actor for a government speaking, alone or with the other, as reports put it."""
    phrase = _without_when(phrase)  # "… on Friday said"
    if _JOINT.match(phrase):
        why = f"both governments speaking ('{phrase}')"
        return NewActor(
            "governments-of-india-and-japan", "governments of India and Japan", "group", None,
            None, why,
        )  # fmt: skip
    one = _ONE_GOVERNMENT.match(phrase)
    capital = _BY_CAPITAL.match(re.sub(_TRAILING, "", phrase).strip())  # "Tokyo also said"
    if one or (capital and capital["name"].casefold() in _CAPITAL_OF):
        word = (one["owner"] or one["adjective"]) if one else capital["name"]
        country = (_GOVERNMENT_OF | _CAPITAL_OF)[word.casefold()]
        name = f"{'Japan' if country == 'JP' else 'India'}'s government"
        why = f"a government speaking ('{phrase}')"
        return NewActor(f"{country.casefold()}-government", name, "office", None, country, why)
    if capital:  # "Beijing says": another government, by the name the report gives it
        why = f"a government speaking by its country's or capital's name ('{phrase}'): check"
        return NewActor(slug(capital["name"]), capital["name"], "office", None, None, why)
    return None


def _has_role(speaker: Speaker, words: str, noun: str) -> bool:
    """Was the speaker named with that role ("the spokesperson" after "spokesperson
    Toshihiro Kitamura", "the ministry" after "Japan's foreign ministry")?"""
    described = f"{speaker.role} {words} {' '.join(speaker.names)}".casefold()
    nouns = _SPOKES if noun in _SPOKES else (noun,)
    return any(n in described for n in nouns)


def _whole(name: str, folded_text: str) -> re.Match | None:
    """`name` as whole words in an already normalised, case-folded text."""
    return re.search(rf"(?<!\w){re.escape(normalise(name).casefold())}(?!\w)", folded_text)
