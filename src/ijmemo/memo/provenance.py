"""The memo's words for who said a thing, how firmly, and how independently it is reported.

Pure functions over the claims and sources tables of one edition: the memo calls
them so that a status resting only on a speaker's words says so ("according to
officials"), and a count of reports never claims more independence than is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd

from ijmemo.metadata.cells import split_cell
from ijmemo.metadata.vocabularies import (
    ATTRIBUTION_HOW,
    FIRM,
    MODALITY_LABELS,
    OUTLET,
    UNNAMED_OFFICIALS,
)
from ijmemo.text.quotes import mentions

# How a source that reports a subject only weakly reports it.
WEAK_WORDS = {"wished": "as wished for by one side", "hedged": "as a possibility (hedged)"}


def short_names(actors: pd.DataFrame) -> dict[str, str]:
    """Actor id -> the short name reporting uses: its first alias that no other actor
    shares ("Kitamura"), else its name. A shared alias ("foreign ministries") names a
    group, and would put one ministry's words in both mouths."""
    aliases = {a.actor_id: split_cell(a.aliases) for a in actors.itertuples()}
    counts = Counter(x.casefold() for names in aliases.values() for x in set(names))
    return {
        a.actor_id: next((x for x in aliases[a.actor_id] if counts[x.casefold()] == 1), a.name)
        for a in actors.itertuples()
    }


def speaker(said_by: str, names: dict[str, str]) -> str | None:
    """Who a claim is attributed to, in words; None for the report's own voice."""
    if said_by == OUTLET:
        return None
    if said_by == UNNAMED_OFFICIALS:
        return "officials"
    return names.get(said_by, said_by)


def speakers_of(said_by: Mapping[str, str], claim_ids, names: dict[str, str]) -> list[str]:
    """Whose words the cited claims all rest on (["officials", "Kitamura"]); [] when any of
    them is in the report's own voice. `said_by`: claim id -> who it is attributed to."""
    speakers = [speaker(said_by[c], names) for c in claim_ids]
    if not speakers or any(s is None for s in speakers):
        return []
    return list(dict.fromkeys(speakers))


def according_to(said_by: Mapping[str, str], claim_ids, names: dict[str, str]) -> str:
    """ "according to officials" when every claim cited rests on a speaker's words, else ""."""
    said = speakers_of(said_by, claim_ids, names)
    return "according to " + " and ".join(said) if said else ""


def attribution_line(claim, names: dict[str, str]) -> str:
    """For an endnote: the speaker, how, the attributing words, and the modality."""
    who = speaker(claim.said_by, names)
    firmness = MODALITY_LABELS[claim.modality]
    if who is None:
        return f"In the report's own voice; {firmness}."
    where = "" if mentions(claim.quote, claim.said_words) else ", in the sentence next to the quote"
    how = ATTRIBUTION_HOW[claim.said_how]
    return f"Attributed to {who} ({how}: “{claim.said_words}”{where}); {firmness}."


def corroboration_text(
    about: pd.DataFrame, keys: dict[str, str], bases: dict[str, str | None], n_independent: int
) -> str:
    """How a subject is reported: firm reports, whether shown independent, what is weaker.

    `about`: the edition's claims on the subject; `keys`: source id -> S1...;
    `bases`: source id -> what it says it rests on (None: it does not say).
    """

    def order(s: str) -> tuple[int, str]:  # S2 before S10
        key = keys[s]
        return (int(key[1:]) if key[1:].isdigit() else 0, key)

    firm = sorted(set(about[about.modality.isin(FIRM)].source_id), key=order)
    weak_only = sorted(set(about.source_id) - set(firm), key=order)
    parts = []
    if len(firm) == 1:
        s = firm[0]
        parts.append(f"Reported firmly by 1 source ({keys[s]})")
    elif firm:
        listed = ", ".join(keys[s] for s in firm)
        if n_independent >= len(firm):
            parts.append(f"{len(firm)} reports ({listed}), shown independent")
        else:
            silent = [keys[s] for s in firm if not bases.get(s)]
            why = (
                f"{', '.join(silent)} name{'s' if len(silent) == 1 else ''} no basis"
                if silent
                else "they are copies of one report or rest on the same briefing or readout"
            )
            parts.append(
                f"{len(firm)} reports ({listed}), not shown to be independent "
                f"({why}; counted as {n_independent})"
            )
    for s in weak_only:
        mods = sorted(set(about[about.source_id == s].modality))
        words = " and ".join(WEAK_WORDS[m] for m in mods)
        parts.append(f"{keys[s]} reports it only {words}, which does not corroborate it")
    return "; ".join(parts) + "." if parts else ""
