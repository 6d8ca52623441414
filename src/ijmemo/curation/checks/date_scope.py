"""A date phrase belongs to the clause, sentence or phrase that names its subject.

In "The JWG met on March 3, while the AI Dialogue is due in June", "June" is in
the quote, but it is the AI Dialogue's date: a claim about the JWG dated "June"
(or a JWG milestone due then) would put the wrong date in the memo. So is "November
2025" in "… came after the encounter between Modi and Takaichi at the G20 Leaders'
Summit in November 2025" for the later talks. A date is refused when the "after/before
…" phrase, clause or sentence it sits in names another subject and not the claim's,
while the claim's subject is named elsewhere in the quote. A quote that never names
its subject is left to the curator.

Subjects are named outright (name, alias, initialism, core name) or, for a whole
sentence, by the words of their names; "It" and "The talks" stand for what was named
before them when they can. The names (names.Dictionaries, without the curated
quotes' vocabulary) are built only when a dated quote has two clauses or such a phrase.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ijmemo.core.kept import code_fingerprint, read_kept, update_kept
from ijmemo.core.problems import Problem
from ijmemo.curation.load import CuratedData
from ijmemo.curation.names import (
    MATCH_THRESHOLD,
    Dictionaries,
)
from ijmemo.curation.profiles import names_from_claims
from ijmemo.metadata.schema import Claim
from ijmemo.text.clauses import clause_spans
from ijmemo.text.quotes import normalise, phrase_positions
from ijmemo.text.references import RELATING, refers_back
from ijmemo.text.sentences import Span
from ijmemo.text.words import GENERIC_HEADS, stem, tokens

# Another subject names a sentence by its words only when they match it this well: "The
# talks came after the encounter between … Modi and … Takaichi at the G20 Leaders' Summit"
# scores 0.92 for that meeting; a sentence that merely shares a meeting's people, place
# and month scores up to about 0.7.
OTHER_BAR = 0.75
_HEADS = {stem(h) for h in GENERIC_HEADS}  # "talks" → talk, as `tokens` writes it
_DEFINITE = {"the", "this", "that", "its", "their"}
# A clause that starts with a verb shares the subject of the one before ("…, and will meet").
_CONTINUES = re.compile(
    r"(?:also\s+|then\s+)?(?:will|would|shall|is|are|was|were|has|have|had|can|could|may|"
    r"might|must|should|plans?|planned|agreed|said|says)\b",
    re.IGNORECASE,
)
# An "after …" phrase ends at a comma or at a coordinated verb ("… and will meet").
_PHRASE_END = re.compile(
    r"[,;:]|\s(?:and|but|while|whereas)\s+(?=(?:will|would|is|are|was|were|has|have|had|also|"
    r"then|later|can|could|may|might|must|should)\b|[a-z]+ed\b)"
)
# A date after these belongs to what they introduce ("… came after the encounter … at the
# G20 summit in November 2025"); "during" and "at" are the same time, so not these.
_OTHER_TIME = re.compile(r"\b(?:after|before|following|since|ahead of|prior to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Misplaced:
    scope: str  # "clause" | "sentence" | "phrase" (after/before …)
    text: str  # the clause or sentence the date sits in
    names: list[str]  # the other subjects it names
    own: str  # where the claim's subject is named


def _merged(quote: str, spans: list[Span]) -> list[Span]:
    """Clauses, with a verb-led clause joined to the one before it (same sentence)."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].sentence == span.sentence and _CONTINUES.match(span.of(quote)):
            out[-1] = Span(out[-1].start, span.end, span.sentence)
        else:
            out.append(span)
    return out


class SubjectNamer:
    """Which subjects a stretch of text names (the dictionaries are built on first use).

    A clause names a subject outright (its name, an alias, an initialism). A whole
    sentence may also name one by its words ("the encounter between Modi and Takaichi
    at the G20 Leaders' Summit"): how much of the subject's name it covers, with a high
    bar for another subject and add-source's ordinary one for the claim's own.
    """

    def __init__(self, data: CuratedData):
        self.data, self._dicts = data, None

    @property
    def dicts(self) -> Dictionaries:
        if self._dicts is None:
            self._dicts = Dictionaries(self.data, vocabulary=False)
        return self._dicts

    def __call__(self, text: str) -> set[str]:
        """Subjects named outright, except as a time reference ("after the AI Dialogue")."""
        return {sid for at, sid in self.dicts.named_at(text) if not RELATING.search(text[:at])}

    def by_words(self, text: str) -> set[str]:
        """The subjects whose own names `text` covers to OTHER_BAR (by words, not by the
        curated quotes' vocabulary: that includes the quote being checked)."""
        return set(self.dicts.names_above(text, OTHER_BAR))

    def cover(self, subject: str, text: str) -> float:
        """How much of the subject's names, attending bodies or place `text` has (0-1)."""
        return self.dicts.name_cover(subject, text)

    def by_kind(self, text: str, subject: str) -> bool:
        """Does `text` say "the dialogue", "the group" … of the subject's kind of thing?"""
        profile = self.dicts.profiles.get(subject)
        heads = {c[-1] for c in profile.cores if c[-1] in _HEADS} if profile else set()
        found = tokens(text)
        return any(a in _DEFINITE and b in heads for a, b in pairwise(found))


@dataclass
class _Scope:
    """What each clause names outright, and what each sentence names, of a quote."""

    quote: str
    clauses: list[Span]
    clause_names: list[set[str]]
    sentence_names: dict[int, set[str]]  # other subjects: outright, or by words >= OTHER_BAR
    sentence_own: dict[int, bool]  # the claim's subject: outright, by words, or "the dialogue"

    def sentence(self, k: int) -> str:
        return " ".join(c.of(self.quote) for c in self.clauses if c.sentence == k)


def _scope(quote: str, clauses: list[Span], subject: str, named: SubjectNamer) -> _Scope:
    clause_names = [named(c.of(quote)) for c in clauses]
    sentence_names: dict[int, set[str]] = {}
    sentence_own: dict[int, bool] = {}
    last: set[str] | None = None  # what the latest clause or sentence naming anything named
    for k in sorted({c.sentence for c in clauses}):
        at = [i for i, c in enumerate(clauses) if c.sentence == k]
        for i in at:
            # "It", "The group": about what was named last (if it can be: "the talks"
            # are no measure) or, when the quote names nothing before it, about what the
            # quote leaves out: maybe its subject.
            back = refers_back(clauses[i].of(quote))
            if back:
                before = {subject} if last is None or subject in last else last
                clause_names[i] |= {s for s in before if named.dicts.can_refer(back, s)}
            last = clause_names[i] or last
        outright = set().union(*(clause_names[i] for i in at))
        text = " ".join(clauses[i].of(quote) for i in at)
        sentence_names[k] = outright | named.by_words(text)
        sentence_own[k] = (
            subject in outright
            or named.cover(subject, text) >= MATCH_THRESHOLD
            or named.by_kind(text, subject)
        )
        if not outright and (sentence_names[k] or sentence_own[k]):
            last = sentence_names[k] | ({subject} if sentence_own[k] else set())
    return _Scope(quote, clauses, clause_names, sentence_names, sentence_own)


def _time_phrase(quote: str, clause: Span, at: int) -> str | None:
    """The "after …"/"before …" phrase that holds position `at`, if any: from the marker
    to the next comma or coordinated verb ("…, set up after the AI Dialogue, will meet")."""
    markers = list(_OTHER_TIME.finditer(quote, clause.start, at))
    if not markers:
        return None
    start = markers[-1].start()
    stop = _PHRASE_END.search(quote, markers[-1].end(), clause.end)
    end = stop.start() if stop else clause.end
    return quote[start:end].strip() if at < end else None


def _phrase_names(phrase: str, subject: str, named: SubjectNamer) -> list[str]:
    """The other subjects an "after …" phrase names, unless it names the claim's own."""
    names = {sid for _, sid in named.dicts.named_at(phrase)}
    names |= named.by_words(phrase)
    return [] if subject in names else sorted(names)


def misplaced_date(quote: str, date_phrase: str, subject: str, named) -> Misplaced | None:
    """Where `date_phrase` sits in `quote` when that place is about another subject."""
    quote = normalise(quote)
    clauses = _merged(quote, clause_spans(quote))
    hits = phrase_positions(quote, date_phrase)
    within = [max(k for k, c in enumerate(clauses) if c.start <= at or k == 0) for at in hits]
    phrases = [_time_phrase(quote, clauses[i], at) for i, at in zip(within, hits, strict=True)]
    if len(clauses) < 2 and not any(phrases):
        return None
    scope = _scope(quote, clauses, subject, named)
    own = [c.of(quote) for c, n in zip(clauses, scope.clause_names, strict=True) if subject in n]
    own += [scope.sentence(k) for k, is_own in scope.sentence_own.items() if is_own]
    if not own:
        return None  # the quote refers to its subject without naming it ("it", "the meeting")
    found = None
    for i, phrase in zip(within, phrases, strict=True):
        others = _phrase_names(phrase, subject, named) if phrase else []
        if others:  # "… came after the encounter … at the G20 summit in November 2025"
            found = found or Misplaced("phrase", phrase, others, own[0])
            continue
        if len(clauses) < 2:
            return None
        names, k = scope.clause_names[i], clauses[i].sentence
        if subject in names:
            return None
        if names:
            found = found or Misplaced("clause", clauses[i].of(quote), sorted(names), own[0])
        elif scope.sentence_own[k] or not scope.sentence_names[k] - {subject}:
            return None
        else:
            others = sorted(scope.sentence_names[k] - {subject})
            found = found or Misplaced("sentence", scope.sentence(k), others, own[0])
    return found


def describe(where: Misplaced, subject: str) -> str:
    others = ", ".join(f"'{s}'" for s in where.names)
    return (
        f'belongs to the {where.scope} "{where.text}", which names {others}, '
        f"not '{subject}' (named in \"{where.own}\")"
    )


def names_fingerprint(data: CuratedData) -> str:
    """What the subjects' names are built from (`names.Dictionaries` without vocabulary):
    every curated record but the claims, and what the claims lend their subjects' names
    (`names_from_claims`). Where a date sits is kept only while this is the same, so an
    article whose claims give no subject a new alias or attending actor keeps it all."""
    digest = hashlib.sha256()
    for collection in (data.sectors, data.countries, data.actors, data.topics):
        for loc in collection.values():
            digest.update(loc.record.model_dump_json().encode())
    for collection in (data.initiatives, data.events):
        for loc in collection.values():
            digest.update(loc.record.model_dump_json().encode())
    aliases, attending = names_from_claims(data)
    for subject in sorted(aliases.keys() | attending.keys()):
        lent = (aliases.get(subject, []), sorted(attending.get(subject, ())))
        if lent != ([], []):  # (a subject its claims lend nothing has its own names only)
            digest.update(repr((subject, *lent)).encode())
    return digest.hexdigest()


class _KeptPlaces:
    """`misplaced_date` for each (quote, date, subject), kept with the names it was read
    with (`names_fingerprint`) and the code (the kept file says which)."""

    def __init__(self, data: CuratedData, cache: Path | None):
        self.named, self.cache = SubjectNamer(data), cache
        self.names = names_fingerprint(data)
        self.kept = read_kept(cache, code_fingerprint())
        self.now: dict[str, Misplaced | None] = {}

    def __call__(self, quote: str, date_phrase: str, subject: str) -> Misplaced | None:
        key = hashlib.blake2b(
            repr((self.names, quote, date_phrase, subject)).encode(), digest_size=16
        ).hexdigest()
        if key in self.kept:
            found = self.kept[key]
        else:
            found = misplaced_date(quote, date_phrase, subject, self.named)
        self.now[key] = found
        return found

    def save(self) -> None:
        update_kept(self.cache, self.kept, self.now)


def check_date_scope(data: CuratedData, problems: list[Problem], cache: Path | None = None) -> None:
    """Claims' dates (and so milestones' due dates) and events' dates, each in scope.
    `cache`: where what was found is kept (None: nothing kept, everything read afresh)."""
    placed = _KeptPlaces(data, cache)
    for loc in data.claims.values():
        claim: Claim = loc.record
        if claim.date is None:
            continue
        where = placed(claim.quote, claim.date, claim.subject)
        if where is not None:
            due = claim.milestone is not None and claim.milestone.change in ("new", "postponed")
            problems.append(
                loc.problem(
                    f"{'due date' if due else 'date'} '{claim.date}' "
                    f"{describe(where, claim.subject)}: take the date from the clause that "
                    f"names '{claim.subject}', or make the claim about {where.names[0]!r}",
                    "date",
                )
            )
    for eid, loc in data.events.items():
        event = loc.record
        cited = data.claims.get(event.date_claim) if event.date_claim else None
        if event.date is None or cited is None:
            continue  # reported by the event checks
        where = placed(cited.record.quote, event.date, eid)
        if where is not None:
            problems.append(
                loc.problem(
                    f"date '{event.date}' in claim '{event.date_claim}' {describe(where, eid)}: "
                    "cite a claim whose quote dates this event",
                    "date",
                )
            )
    placed.save()
