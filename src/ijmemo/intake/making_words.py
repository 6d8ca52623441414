"""The words for a new thing being made: what two governments sign, what they set up, and
the verbs that say so. One list each, shared by the recognisers that propose a starting
record and its status (`new_subjects.py`) and a status move (`moves.py`)."""

from __future__ import annotations

# What is signed: an instrument.
INSTRUMENTS = ("agreement", "memorandum", "memoranda", "MoU", "MoC", "pact", "accord", "deal")
# What is issued or adopted: a document.
DOCUMENTS = ("declaration", "statement", "vision", "roadmap", "action plan", "plan")
# What is set up and goes on: a standing thing.
STANDING = (
    "framework", "initiative", "dialogue", "partnership", "mechanism", "forum", "programme",
    "program", "working group", "fund", "council",
)  # fmt: skip
# The verbs that report one made (a status moves with them).
MAKING = (
    "signed", "inked", "adopted", "concluded", "launched", "unveiled", "established", "set up",
    "formalised", "formalized", "exchanged", "chalked out", "formed", "forged",
)  # fmt: skip
# The verbs that report a document put out: made, for a new one ("issued a joint statement"),
# but no move for a known initiative ("issued a readout on the AI Dialogue").
ISSUING = ("released", "issued", "put out")


def any_of(words: tuple[str, ...], plural: bool = False) -> str:
    """A regex alternation of the words, longest first; `plural` allows a final "s"."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(ordered) + ")" + ("s?" if plural else "")
