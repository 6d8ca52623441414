"""A date phrase belongs to the clause or sentence that names its subject.

In "The JWG met on March 3, while the AI Dialogue is due in June", "June" is in
the quote, but it is the AI Dialogue's date: a claim about the JWG dated "June"
(or a JWG milestone due then) would put the wrong date in the memo. A date is
accepted when its clause names the claim's subject, or names no subject and sits
in a sentence that names it or names nothing else. A quote that never names its
subject ("It will meet in June", "the meeting") is left to the curator.

Only quotes of more than one clause can misplace a date, so the subject names
(subjects.Dictionaries) are built only when such a quote carries a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import Span, clause_spans
from .load import CuratedData
from .problems import Problem
from .quotes import normalise, whole_word_matches
from .schema import Claim
from .subjects import Dictionaries

# A clause that starts with a verb shares the subject of the one before ("…, and will meet").
_CONTINUES = re.compile(
    r"(?:also\s+|then\s+)?(?:will|would|shall|is|are|was|were|has|have|had|can|could|may|"
    r"might|must|should|plans?|planned|agreed|said|says)\b",
    re.IGNORECASE,
)
# A subject named after these is what the clause's subject is placed against, not its subject.
_RELATING = re.compile(
    r"\b(?:after|before|following|since|at|during|ahead of|on the sidelines of|than|like|"
    r"unlike|alongside|besides)\s+(?:the\s+|an?\s+|its\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Misplaced:
    scope: str  # "clause" | "sentence"
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
    """Which subjects a stretch of text names outright (built on first use)."""

    def __init__(self, data: CuratedData):
        self.data, self._dicts = data, None

    def __call__(self, text: str) -> set[str]:
        if self._dicts is None:
            self._dicts = Dictionaries(self.data)
        return {sid for at, sid in self._dicts.named_at(text) if not _RELATING.search(text[:at])}


def misplaced_date(quote: str, date_phrase: str, subject: str, named) -> Misplaced | None:
    """Where `date_phrase` sits in `quote` when that place is about another subject."""
    quote = normalise(quote)
    clauses = _merged(quote, clause_spans(quote))
    if len(clauses) < 2:
        return None
    names = [named(c.of(quote)) for c in clauses]
    if not any(subject in n for n in names):
        return None  # the quote refers to its subject without naming it
    own = next(c.of(quote) for c, n in zip(clauses, names, strict=True) if subject in n)
    per_sentence: dict[int, set[str]] = {}
    for c, n in zip(clauses, names, strict=True):
        per_sentence.setdefault(c.sentence, set()).update(n)
    found = None
    for at in whole_word_matches(quote.casefold(), normalise(date_phrase).casefold()):
        i = next(k for k, c in enumerate(clauses) if c.start <= at < c.end)
        clause, in_sentence = clauses[i], per_sentence[clauses[i].sentence]
        if subject in names[i]:
            return None
        if names[i]:
            found = found or Misplaced("clause", clause.of(quote), sorted(names[i]), own)
        elif subject in in_sentence or not in_sentence:
            return None
        else:
            sentence = " ".join(c.of(quote) for c in clauses if c.sentence == clause.sentence)
            found = found or Misplaced("sentence", sentence, sorted(in_sentence), own)
    return found


def describe(where: Misplaced, subject: str) -> str:
    others = ", ".join(f"'{s}'" for s in where.names)
    return (
        f'belongs to the {where.scope} "{where.text}", which names {others}, '
        f"not '{subject}' (named in \"{where.own}\")"
    )


def check_date_scope(data: CuratedData, problems: list[Problem]) -> None:
    """Claims' dates (and so milestones' due dates) and events' dates, each in scope."""
    named = SubjectNamer(data)
    for loc in data.claims.values():
        claim: Claim = loc.record
        if claim.date is None:
            continue
        where = misplaced_date(claim.quote, claim.date, claim.subject, named)
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
        where = misplaced_date(cited.record.quote, event.date, eid, named)
        if where is not None:
            problems.append(
                loc.problem(
                    f"date '{event.date}' in claim '{event.date_claim}' {describe(where, eid)}: "
                    "cite a claim whose quote dates this event",
                    "date",
                )
            )
