"""Propose candidate claims for a new article, for an analyst to review.

Deterministic and offline: sentences come from pysbd (rule-based, with character
spans, so every candidate quote is the article's own text), dates from the
project's date grammar, and sectors, countries, actors and subjects from
dictionaries built out of the curated data. Nothing is downloaded.

Subject matching: each initiative, event and topic gets a profile of names (its
name, aliases, the names of its lead bodies or participants, its location) and
the vocabulary of the quotes already curated for it. A sentence is scored by how
much of a profile name's distinctive words it contains (words weighted by how
few subjects use them) plus how much of the sentence that vocabulary explains,
so "the Japan-India Critical Minerals Working Group" still finds the "Joint
Working Group on critical minerals".
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pysbd

from .curate import CuratedData
from .dates import DateParseError, DateWindow, find_date_phrases, parse_date
from .quotes import mentions, normalise

MATCH_THRESHOLD = 0.40  # below this a sentence is "possibly new"
NAME_WEIGHT, CONTEXT_WEIGHT = 0.7, 0.3
MIN_WORDS = 6  # shorter lines are headings, credits or fragments

# Not articles' content: link teasers, photo and image credits, image markup, scrape markers.
BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*(also read|read more|read also|related|recommended|watch|subscribe|sign up)\b",
        r"^\s*(photo|image|picture|file photo|representational image)\s*(credit)?s?\s*[:(]",
        r"^\s*\(?\s*(photo|image)?\s*(credit)?\s*:?\s*@\w+\s*\)?\s*$",  # (@DrSJaishankar)
        r"^\W*[\w/.-]*\.(jpe?g|png|gif|webp|svg)\W*$",  # .jpg)
        r"!\[[^\]]*\]\([^)]*\)",  # markdown image
        r"<img\b",
        r"^\s*(getty images|reuters|afp|pti|ani|ians)\s*$",
        r"^\s*(click here|follow us|share this)\b",
    )
]
LEADING_MARKERS = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?(?:[-•*]\s+)?")

STOPWORDS = set(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "that",
        "this",
        "these",
        "those",
        "its",
        "it",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "our",
        "us",
        "said",
        "says",
        "say",
        "also",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "than",
        "then",
        "there",
        "here",
        "into",
        "over",
        "under",
        "about",
        "after",
        "before",
        "between",
        "during",
        "both",
        "two",
        "sides",
        "side",
        "new",
        "more",
        "most",
        "such",
        "other",
        "another",
        "any",
        "all",
        "each",
        "per",
        "via",
        "amid",
        "among",
        "up",
        "out",
        "not",
        "no",
        "only",
        "just",
        "very",
        "further",
        "india",
        "japan",
        "indian",
        "japanese",
        "delhi",
        "tokyo",
    ]
)


def words(text: str) -> list[str]:
    """Content words, lower-cased and lightly stemmed (plural 's' dropped)."""
    out = []
    for w in re.findall(r"[a-z0-9]+", normalise(text).casefold()):
        if w in STOPWORDS or len(w) < 2:
            continue
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def is_boilerplate(sentence: str) -> bool:
    return any(p.search(sentence) for p in BOILERPLATE)


@dataclass
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets in `text`: line by line, then pysbd within a line."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    out: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            for span in segmenter.segment(line):
                raw = line[span.start : span.end]
                lead = len(raw) - len(raw.lstrip())
                marker = LEADING_MARKERS.match(raw.strip()).end()
                body = raw.strip()[marker:]
                if body:
                    start = offset + span.start + lead + marker
                    out.append(Sentence(start, start + len(body), body))
        offset += len(line)
    return out


@dataclass
class Profile:
    kind: str  # initiative | event | topic
    names: list[str]  # its own name and aliases: an exact mention is a match
    related: list[str]  # lead bodies, participants, place: evidence, at half weight
    context: set[str] = field(default_factory=set)  # words of quotes already curated for it


@dataclass
class Match:
    subject: str | None
    kind: str | None
    score: float
    via: str
    runner_up: str | None = None


class Dictionaries:
    """What the curated data knows: subjects, sectors, countries and actors by name."""

    def __init__(self, data: CuratedData):
        self.data = data
        self.profiles: dict[str, Profile] = {}
        quotes: dict[str, set[str]] = defaultdict(set)
        aliases: dict[str, list[str]] = defaultdict(list)  # names claims give the subject
        for loc in data.claims.values():
            quotes[loc.record.subject] |= set(words(loc.record.quote))
            if loc.record.alias and loc.record.alias not in aliases[loc.record.subject]:
                aliases[loc.record.subject].append(loc.record.alias)

        def actor_names(ids):
            return [data.actors[a].record.name for a in ids if a in data.actors]

        for iid, loc in data.initiatives.items():
            ini = loc.record
            self.profiles[iid] = Profile(
                "initiative", [ini.name, *aliases[iid]], actor_names(ini.lead_bodies), quotes[iid]
            )
        for eid, loc in data.events.items():
            ev = loc.record
            related = actor_names(ev.participants) + ([ev.location] if ev.location else [])
            self.profiles[eid] = Profile("event", [ev.title], related, quotes[eid])
        for tid, loc in data.topics.items():
            self.profiles[tid] = Profile("topic", [loc.record.title], [], quotes[tid])
        # How distinctive is a word: rare across subjects' names and vocabulary → heavy.
        df: dict[str, int] = defaultdict(int)
        for profile in self.profiles.values():
            for w in {
                w for n in profile.names + profile.related for w in words(n)
            } | profile.context:
                df[w] += 1
        n = len(self.profiles) or 1
        self.idf = defaultdict(
            lambda: math.log(1 + n), {w: math.log(1 + n / c) for w, c in df.items()}
        )

    def _weight(self, ws) -> float:
        return sum(self.idf[w] for w in ws)

    def match(self, sentence: str) -> Match:
        """The subject this sentence most likely reports on, or none above the threshold."""
        sent = set(words(sentence))
        scored = []
        for sid, profile in self.profiles.items():
            exact = next((n for n in profile.names if len(n) > 3 and mentions(sentence, n)), None)
            if exact:
                scored.append((1.0, sid, f"name '{exact}'"))
                continue
            best, best_name = 0.0, None
            for name, weight in [(n, 1.0) for n in profile.names] + [
                (n, 0.5) for n in profile.related
            ]:
                nw = set(words(name))
                if nw:
                    cover = weight * self._weight(nw & sent) / self._weight(nw)
                    if cover > best:
                        best, best_name = cover, name
            context = self._weight(sent & profile.context) / self._weight(sent) if sent else 0.0
            score = NAME_WEIGHT * best + CONTEXT_WEIGHT * context
            scored.append((score, sid, f"words of '{best_name}'" if best_name else "vocabulary"))
        if not scored:
            return Match(None, None, 0.0, "no curated subjects")
        scored.sort(key=lambda t: (-t[0], t[1]))
        score, sid, via = scored[0]
        runner = scored[1][1] if len(scored) > 1 else None
        if score < MATCH_THRESHOLD:
            return Match(None, None, round(score, 2), f"best was '{sid}' ({via})", runner)
        return Match(sid, self.profiles[sid].kind, round(score, 2), via, runner)

    def actor_countries(self, actor_ids: list[str]) -> list[str]:
        codes = [self.data.actors[a].record.country for a in actor_ids if a in self.data.actors]
        return list(dict.fromkeys(c for c in codes if c))

    def subject_countries(self, subject_id: str) -> list[str]:
        """The countries of a known subject: an initiative's parties, an event's countries."""
        if subject_id in self.data.initiatives:
            return list(self.data.initiatives[subject_id].record.parties)
        if subject_id in self.data.events:
            return list(self.data.events[subject_id].record.countries)
        return []

    def sectors(self, sentence: str) -> list[str]:
        found = []
        for sid, loc in self.data.sectors.items():
            terms = [loc.record.label, *loc.record.keywords]
            if any(_has_term(sentence, t) for t in terms):
                found.append(sid)
        return found

    def countries(self, sentence: str) -> list[str]:
        return [
            code
            for code, loc in self.data.countries.items()
            if any(_has_term(sentence, t) for t in [loc.record.name, *loc.record.aliases])
        ]

    def actors(self, sentence: str) -> list[str]:
        return [
            aid
            for aid, loc in self.data.actors.items()
            if any(_has_term(sentence, t) for t in [loc.record.name, *loc.record.aliases])
        ]


def _has_term(sentence: str, term: str) -> bool:
    """Whole-word match; short all-caps terms (AI, US, G4) must match case too."""
    flags = 0 if (len(term) <= 4 and term.isupper()) else re.IGNORECASE
    stem = re.escape(normalise(term))
    # Keywords ending in a partial word ("resilien", "stockpil") match as prefixes.
    tail = r"\w*" if term.islower() and not term.endswith((" ", "s")) and len(term) > 6 else r"\b"
    return re.search(rf"\b{stem}{tail}", normalise(sentence), flags) is not None


@dataclass
class Candidate:
    id: str
    quote: str
    start: int
    end: int
    match: Match
    sectors: list[str]
    countries: list[str]
    actors: list[str]
    dates: list[DateWindow]


def propose(text: str, source_id: str, published, dictionaries: Dictionaries) -> list[Candidate]:
    """One candidate per sentence that carries a fact, boilerplate left out."""
    head = source_id.split("_")[0]
    prefix = f"c{head}" if head.isdigit() else source_id  # c004-01, like c000-01
    out: list[Candidate] = []
    for sentence in split_sentences(text):
        body = sentence.text
        if is_boilerplate(body) or len(body.split()) < MIN_WORDS:
            continue
        countries = dictionaries.countries(body)
        actors = dictionaries.actors(body)
        phrases = find_date_phrases(body)
        sectors = dictionaries.sectors(body)
        # A fact names who, or when, or what field; one place name alone is colour.
        if not (actors or phrases or sectors or len(countries) >= 2):
            continue
        match = dictionaries.match(body)
        for code in dictionaries.actor_countries(actors):  # Motegi named: Japan is involved
            if code not in countries:
                countries.append(code)
        if not countries and match.subject:
            countries = dictionaries.subject_countries(
                match.subject
            )  # "the two sides": its parties
        dates = []
        for phrase in phrases:
            try:
                dates.append(parse_date(phrase, published))
            except DateParseError:
                continue
        out.append(
            Candidate(
                id=f"{prefix}-{len(out) + 1:02d}",
                quote=body,
                start=sentence.start,
                end=sentence.end,
                match=match,
                sectors=sectors,
                countries=countries,
                actors=actors,
                dates=dates,
            )
        )
    return out
