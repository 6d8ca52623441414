"""A quote's sentences and clauses, with offsets: the scope a date phrase belongs to.

Quotes are short passages, so a regular expression does here what pysbd does for
whole articles: a sentence ends at . ! or ? before a capital, unless the word
before the stop is an abbreviation ("Mr.", "Jan.", "U.S."). Within a sentence a
clause ends at a semicolon or at a comma before and/but/while/whereas, except the
last comma of a list ("trade, supply chains, and defence").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that make a list item a clause: auxiliaries and lower-case past forms ("met", "agreed").
_VERBISH = re.compile(
    r"is|are|was|were|will|would|has|have|had|can|could|may|might|must|should|met|held|said|"
    r"told|[a-z]+ed"
)
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")
_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z])")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "jr", "sr", "gen", "lt", "col", "prof", "sen", "rep",
    "gov", "inc", "ltd", "co", "corp", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    sentence: int  # which sentence of the text (0-based) the span is in

    def of(self, text: str) -> str:
        return text[self.start : self.end].strip()


def ends_sentence(text: str, stop: int) -> bool:
    """Does the stop at `stop` end a sentence (not "Mr.", "Jan.", "U.S.", "S. Jaishankar")?"""
    word = re.search(r"[\w.]*$", text[:stop]).group(0)
    if word.casefold() in _ABBREVIATIONS:
        return False
    return not re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word)  # "U.S." and "S. Jaishankar"


def sentence_spans(text: str) -> list[Span]:
    """Each sentence of `text` as (start, end), in order."""
    spans, start = [], 0
    for m in _STOP.finditer(text):
        if ends_sentence(text, m.start()):
            spans.append(Span(start, m.end(), len(spans)))
            start = m.end()
    spans.append(Span(start, len(text), len(spans)))
    return spans


def _ends_list(clause: str, separator: str) -> bool:
    """ ", and" closes a list ("trade, supply chains, and defence") when the item before it
    is short and has no verb; after "NEW DELHI, Jan 16 (PTI) The JWG met on Monday" it
    joins two clauses."""
    if not separator.lstrip(", ").startswith("and") or "," not in clause:
        return False
    item = clause.rsplit(",", 1)[1].split()
    return len(item) <= 4 and not any(_VERBISH.fullmatch(w) for w in item)


def clause_spans(text: str) -> list[Span]:
    """Each clause of each sentence of `text`, in order."""
    out = []
    for sentence in sentence_spans(text):
        start = sentence.start
        body = text[sentence.start : sentence.end]
        for m in CLAUSE_BREAK.finditer(body):
            if _ends_list(text[start : sentence.start + m.start()], m.group(0)):
                continue
            out.append(Span(start, sentence.start + m.start(), sentence.sentence))
            start = sentence.start + m.end()
        out.append(Span(start, sentence.end, sentence.sentence))
    return out


def clause_around(sentence: str, at: int) -> str:
    """The clause of `sentence` that holds position `at` ("…, and they also launched …")."""
    bounds = [0]
    bounds += [m.end() for m in CLAUSE_BREAK.finditer(sentence)]
    start = max(b for b in bounds if b <= at)
    ends = [m.start() for m in CLAUSE_BREAK.finditer(sentence) if m.start() > at]
    return sentence[start : min(ends, default=len(sentence))]
