"""Who says the sentences that do not say: a speaker carried from the words that
attribute a quotation, a paragraph, or the sentence after.

Each pass proposes, with its reason, for the analyst to check: a sentence inside a
quotation of several sentences is the speaker's its end (or start) names; a quotation
naming no one that opens a paragraph goes on with the paragraph before's speaker; a
sentence in the report's own voice right after an attributed one, in its paragraph, goes
on with that account; a paragraph's opening sentence takes the attribution closing the
next one.
"""

from __future__ import annotations

import itertools
import re

from ijmemo.intake.candidate import Candidate
from ijmemo.text.speech import quotation_spans


def carry_speakers(candidates: list[Candidate], text: str) -> None:
    """Fill in the speakers the passes find, in order (quotations, paragraphs, ahead)."""
    _speakers_of_quotations(candidates, text)
    _speakers_of_paragraphs(candidates, text)
    _speakers_ahead(candidates, text)


def _speakers_of_quotations(candidates: list[Candidate], text: str) -> None:
    """A sentence inside a quotation of several sentences is its speaker's, though only the
    sentence that closes (or opens) it says who: "“… . … ,” Kitamura said"."""
    for q_start, q_end in quotation_spans(text):
        inside = [c for c in candidates if q_start <= c.start + 1 and c.end <= q_end + 1]
        said = [
            c
            for c in candidates
            if (c.start < q_end <= c.end + 1 or c.start <= q_start < c.end)
            and isinstance(c.attribution, dict)
            and c.attribution.get("by")
        ]
        source = max(said, key=lambda c: c.end) if said else None  # the closing one wins
        why = f"inside the quotation that {source.id} attributes" if source else None
        if source is None:  # none: the quotation goes on with the paragraph before's speaker
            source = _account_before(candidates, text, q_start)
            if source is None:
                continue
            why = f"a quotation naming no speaker, after {source.id}'s account"
        for c in inside:
            unsaid = c.attribution == "outlet" or not c.attribution.get("by")
            if c is not source and unsaid:
                c.attribution = dict(source.attribution)
                c.speaker, c.carried = why, "quotation"


def _account_before(candidates: list[Candidate], text: str, at: int) -> Candidate | None:
    """The attributed candidate just before a quotation that opens its paragraph and names
    no speaker ("PM Modi said … .\n“Our partnership …"), if the one right before it is."""
    if at and text[at - 1] != "\n":
        return None
    before = [c for c in candidates if c.end <= at]
    last = before[-1] if before else None
    said = last is not None and isinstance(last.attribution, dict) and last.attribution.get("by")
    return last if said else None


def _speakers_ahead(candidates: list[Candidate], text: str) -> None:
    """A paragraph's opening sentence in the report's own voice, followed by one that
    closes with its attribution ("… . The decision was made on Tuesday, Kyodo reported."),
    is that speaker's too: proposed so, with the reason, to check."""
    for c, after in itertools.pairwise(candidates):
        said = isinstance(after.attribution, dict) and after.attribution.get("by")
        opens = c.start == 0 or text[c.start - 1] == "\n"
        closes = re.search(
            r",\s+[^,]{0,80}\b(?:said|reported|reports|added)(?:,\s+citing\b)?[^,]{0,40}$",
            after.quote,
        )
        same = "\n" not in text[c.end : after.start]
        if (
            said
            and opens
            and closes
            and same
            and c.attribution == "outlet"
            and c.end <= after.start
        ):
            c.attribution = dict(after.attribution)
            c.speaker, c.carried = f"the paragraph's attribution, closing {after.id}", "ahead"


def _speakers_of_paragraphs(candidates: list[Candidate], text: str) -> None:
    """A sentence in the report's own voice right after an attributed one, in the same
    paragraph, goes on with that speaker's account ("Jaiswal said … . During the
    discussions, both leaders reviewed …"): proposed so, with the reason, to check. The
    sentence after that is the report's own again."""
    for before, c in itertools.pairwise(candidates):
        said = isinstance(before.attribution, dict) and before.attribution.get("by")
        same_paragraph = "\n" not in text[before.end : c.start]
        # a quotation's speaker ends with it; a carried account goes one sentence, not on
        own = before.carried not in ("quotation", "paragraph")
        if said and same_paragraph and own and c.attribution == "outlet" and before.end <= c.start:
            c.attribution = dict(before.attribution)
            c.speaker = f"goes on with the account {before.id} attributes, in its paragraph"
            c.carried = "paragraph"
