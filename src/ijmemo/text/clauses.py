"""A quote's clauses, with offsets: the scope a date phrase belongs to.

Sentences come from `sentences.py`. Within a sentence a clause ends at a semicolon or
at a comma before and/but/while/whereas, except the last comma of a list ("trade,
supply chains, and defence").
"""

from __future__ import annotations

import re

from ijmemo.text.sentences import Span, sentence_spans

# Words that make a list item a clause: auxiliaries and lower-case past forms ("met", "agreed").
_VERBISH = re.compile(
    r"is|are|was|were|will|would|has|have|had|can|could|may|might|must|should|met|held|said|"
    r"told|[a-z]+ed"
)
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")


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
