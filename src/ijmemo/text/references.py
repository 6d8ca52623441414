"""How a sentence points at a subject it does not name: "the meeting", "it", "(JWG)".

Reporting names a subject once, then refers back to it ("The talks …", "the issue"),
defines an initialism for it ("the Joint Working Group (JWG)"), or names it only in
relation to something else ("after the strategic dialogue"): these rules say which."""

from __future__ import annotations

import re

# A sentence that names its subject only by reference to the one before.
REFERS_BACK = re.compile(
    r"^\W*(?:(?:at|during|in|after|before|following|since)\s+)?"
    r"(?:(?:the|this|that|its|their)\s+(?:(?:first|second|next|new|inaugural|latest|"
    r"upcoming|initial|two-day|one-day|day-long)\s+)?"
    r"(?:meeting|session|round|group|working group|dialogue|talks|forum|mechanism|panel|body|"
    r"initiative|project|programme|framework|partnership|grouping|gathering|consultations?|"
    r"discussions?|conversation|exchanges?|encounter|visit|mission|agreement|pact|deal|"
    r"exercise|expedition)|"
    # the people of the meeting before: "Both leaders agreed", "The ministers stressed"
    r"(?:both|the two|the)\s+(?:leaders|ministers|foreign ministers|prime ministers)|"
    r"discussions(?=\s+(?:covered|focused|centred|centered|touched|included|were))|"
    r"it|its|both(?=\s+(?:are|were|will|have)\b)|they(?=\s+(?:have|had|also|will|agreed)\b))\b",
    re.IGNORECASE,
)


_DEFINES = re.compile(r"\(([A-Z][A-Za-z&-]{1,9})\)")  # "the Joint Working Group (JWG)"


# A name after these is what the sentence's subject relates to, not the subject itself.
RELATING = re.compile(
    r"\b(after|before|following|since|at|during|ahead of|on the sidelines of|than|"
    r"like|unlike|alongside|besides|(?:outcomes?|results?|part)\s+of)\s+(the\s+|an?\s+|its\s+)?$",
    re.IGNORECASE,
)


def can_refer_to(words: str, subject_kind: str | None, event_kind: str | None) -> bool:
    """ "The talks" can point back to a meeting or an initiative, not to a topic or a measure."""
    if subject_kind == "topic":
        return False
    last = words.casefold().split()[-1]
    if event_kind in ("measure", "expedition"):
        return last in ("it", "its")
    # "The leaders", "The visit" point back to a meeting or a visit, not to a rail project
    return not (subject_kind == "initiative" and last in ("leaders", "visit", "trip", "tour"))


def refers_back(sentence: str) -> str | None:
    """The words by which a sentence refers to the subject before it ("The meeting"), or None."""
    m = REFERS_BACK.match(sentence)
    return m.group(0).strip() if m else None


# "launched the dialogue", "raise the issue": a definite noun that points back, when the
# sentence names no subject of its own.
_DEFINITE = re.compile(
    r"\b(?:the|this|that|its|their)\s+(?:(?:first|second|next|new|inaugural|latest)\s+)?"
    r"(meeting|session|group|working group|dialogue|talks|discussions?|forum|mechanism|"
    r"initiative|project|"
    r"programme|framework|partnership|issue|matter|deal|plan|transfer|site|round)\b"
    r"(?!\s+(?:of|on|for)\b)",
    re.IGNORECASE,
)


def refers_back_within(sentence: str) -> str | None:
    """A definite noun inside the sentence that refers to the subject before ("the issue")."""
    m = _DEFINITE.search(sentence)
    return m.group(0) if m else None


def defined_initialisms(sentence: str, subject: str | None) -> dict[str, str]:
    """Initialisms a sentence defines for its subject: "the Joint Working Group (JWG)"."""
    if not subject:
        return {}
    return {m.group(1): subject for m in _DEFINES.finditer(sentence)}
