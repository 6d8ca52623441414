"""How a candidate is reported, as proposed for the analyst: who says it and how firmly.

The proposals read the quote's own words: reporting verbs and their speaker ("Kitamura
said", "officials told", "according to a statement"), and the cues of a plan, an
agreement, a wish or a hedge (`text/speech.py` holds the cues the checks use). The
analyst confirms or corrects each one in the review file.
"""

from __future__ import annotations

import re

from ijmemo.text.quotes import normalise
from ijmemo.text.speech import MODALITY_CUES, names_any, reports_speech

_PLANNED = re.compile(
    r"\b(will|shall|(is|are) to|to be|plans?|planned|expected|scheduled|set to|intends?"
    r"|to (launch|hold|start|begin|set up|establish|sign|open|create))\b",  # headline "to launch"
    re.IGNORECASE,
)
_AGREED = re.compile(r"\b(agreed|agree|confirmed|decided|signed|pact)\b", re.IGNORECASE)
_SPEAKER = re.compile(
    r"\b((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+"  # a name: Toshihiro Kitamura
    r"|(?:(?:[A-Z][\w’'-]+|an?|the)\s+)?(?:[a-z][\w’'-]+\s+){0,2}"  # Japan's foreign ministry
    r"(?:ministry|spokesperson|spokesman|spokeswoman|officials?|minister|secretary|statement)"
    r"|[Hh]e|[Ss]he|[Oo]fficials)"
    r"\s+(?:also\s+)?(said|says|told|noted|added|described)\b"
)


# "said the round would be held in May": reported speech's future, a plan, not a hedge.
_REPORTED_WOULD = re.compile(
    r"\b(said|told|announced|added|confirmed|stated)\b[^.;]*?\bwould\b(?! (?:like|love|prefer))",
    re.IGNORECASE,
)


def _reported_future(quote: str) -> str:
    """The quote with a reported-speech "would" taken out, for reading its modality."""
    return _REPORTED_WOULD.sub(lambda m: m.group(0)[: -len("would")] + "will", quote)


def propose_modality(quote: str) -> str:
    """The firmness the quote's own words suggest; hedges and wishes win over plans."""
    quote = _reported_future(quote)
    for modality in ("hedged", "wished"):
        if MODALITY_CUES[modality].search(quote):
            return modality
    if _AGREED.search(quote):
        return "agreed"
    return "planned" if _PLANNED.search(quote) else "done"


def propose_attribution(quote: str, actor_names: dict[str, list[str]]) -> str | dict:
    """`outlet`, or {by, how, words} when the quote is reported speech.

    `by` is an actor whose name is in the attributing words, `officials`, or None
    (a pronoun or a new name: the analyst says who).
    """
    cue = reports_speech(quote)
    if cue is None:
        return "outlet"
    found = _SPEAKER.search(normalise(quote))
    words = found.group(0) if found else cue
    by = None
    if found and found.group(1).casefold().split()[-1] in ("official", "officials"):
        by = "officials"
    elif found:
        by = next(
            (aid for aid, names in actor_names.items() if names_any(found.group(1), names)), None
        )
    lowered = quote.casefold()
    how = (
        "briefing"
        if "briefing" in lowered
        else "statement"
        if "statement" in lowered or "according to" in lowered
        else "remarks"
        if "remarks" in lowered or "speech" in lowered
        else "said"
    )
    return {"by": by, "how": how, "words": words}
