"""The name a new article gives a known initiative, whole, as printed.

A proper name runs across hyphens and dashes ("Japan–India AI Strategic
Dialogue", "Keidanren-CII dialogue") and across "of", "on", "for", "and"
inside it ("Private-Sector Dialogue on Economic Security"). A capitalised word
that only opens the sentence ("Under", "The") is not part of it.
"""

from __future__ import annotations

import re

from ijmemo.curation.names import Match
from ijmemo.curation.profiles import Profile
from ijmemo.text.quotes import DASHES
from ijmemo.text.words import GENERIC_HEADS, fold, words

_CAP = rf"[A-Z][\w'’]*(?:[{DASHES}][\w'’]+)*"
HEADS = GENERIC_HEADS | {"corridor", "railway", "line", "system", "agreement", "pact"}
_HEAD = "|".join(sorted(HEADS, key=len, reverse=True))
# Lower-case words a name may carry before its noun ("high-speed rail corridor").
_MODIFIER = (
    r"(?:[a-z]+-[a-z-]+|rail|railway|train|bullet|business|security|economic|strategic|working|"
    r"joint|minerals?|critical|stealth|antenna|technology|energy|supply|chain|private|sector|digital)"
)
NAME_RUN = re.compile(
    rf"(?<![\w-]){_CAP}(?:\s+(?:(?:of|on|for|and|the|&)\s+)*{_CAP})*"
    rf"(?:(?:\s+{_MODIFIER}){{0,3}}?\s+(?:{_HEAD})\b)?"
)
OPENERS = {
    "under", "the", "a", "an", "at", "during", "in", "for", "with", "this", "that", "both",
    "as", "after", "before", "on", "its", "their", "while", "when", "following", "since",
}  # fmt: skip
_TRAILING = re.compile(r"(?:\s+(?:of|on|for|and|the|&))+$")


def name_runs(text: str) -> list[str]:
    """Proper-name phrases in `text`, sentence openers and dangling connectors removed."""
    runs = []
    for m in NAME_RUN.finditer(text):
        parts = m.group(0).split()
        while parts and parts[0].casefold() in OPENERS:
            parts = parts[1:]
        run = _TRAILING.sub("", " ".join(parts))
        if len(run.split()) >= 2 or re.search(f"[{DASHES}]", run):
            runs.append(run)
    return runs


def suggest_alias(quote: str, match: Match, profile: Profile | None) -> str | None:
    """The proper name in the quote that names the matched initiative, if it is a new name."""
    if profile is None or match.kind != "initiative" or match.via.startswith("name "):
        return None
    known = {fold(n) for n in profile.names}
    acronyms = {a.casefold() for a in profile.acronyms}
    own = {w for n in profile.names for w in words(n)}
    bodies = {w for b in profile.related for w in words(b)}
    best = None
    for run in name_runs(quote):
        ws = set(words(run))
        heads = ws & HEADS
        if fold(run) in known or any(fold(run) in k for k in known):
            continue  # a name it already has, or part of one
        if ws - heads <= acronyms:
            continue  # "the MAHSR project": an initialism of a name it has
        overlap = len(ws & own) + (1 if ws & bodies and heads else 0)
        overlap += 2 if any(a in run for a in profile.acronyms) else 0
        names_it = overlap >= 2 and bool(heads)
        if names_it and fold(run) not in known and (best is None or overlap > best[0]):
            best = (overlap, run)
    return best[1] if best else None
