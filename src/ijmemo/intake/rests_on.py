"""What a new source says it rests on, proposed from its candidates' attributions.

A source's `rests_on` (`metadata/schema.py` Basis: id, kind, what, words) says which
briefing, readout, remarks or officials it reports, so that two sources resting on the
same one are not counted as independent. The proposal reads how each attribution is
reported ("told a media briefing", "said in a statement", "posted on X", "televised
opening remarks", "officials said"): one basis per speaker, of the most specific kind
seen, with the source's own words. The analyst confirms the list, renames ids so that
sources on the same briefing share one, and writes `what` in their own words.
"""

from __future__ import annotations

from datetime import date

from ijmemo.metadata.vocabularies import UNNAMED_OFFICIALS
from ijmemo.text.quotes import slug

# A reporting form as a kind of basis (BASIS_KINDS); a post or an interview is a named
# official's own words, or a body's statement.
_KIND = {
    "briefing": "briefing",
    "readout": "readout",
    "statement": "readout",
    "remarks": "remarks",
    "post": "named-official",
    "interview": "named-official",
}
_RANK = ["briefing", "readout", "remarks", "named-official", "officials"]  # most specific first
_WHAT = {
    "briefing": "media briefing by {who}",
    "readout": "statement or readout by {who}",
    "remarks": "public remarks by {who}",
    "named-official": "{who}'s own words ({form})",
    "officials": "unnamed officials",
}


def basis_of(reported) -> dict | None:
    """The basis one attribution names (an `attribution.Reported`), or None."""
    att = reported.attribution
    if att == "outlet" or reported.form is None:
        return None
    by, speaker = att["by"], reported.speaker
    kind = _KIND.get(reported.form)
    if kind == "named-official" and speaker is not None and not speaker.person:
        kind = "readout"  # a ministry's post is its statement
    if kind is None and by == UNNAMED_OFFICIALS:
        kind = "officials"
    if kind is None or (by is None and kind not in ("briefing", "readout")):
        return None  # plain "said" by a named speaker: the speaker is the claim's, not a basis
    who = speaker.name if speaker else (by or "an unnamed speaker")
    words = reported.form_words if kind != "officials" else att["words"]
    what = _WHAT[kind].format(who=who, form=reported.form)
    return {"by": by, "kind": kind, "what": what, "words": words or att["words"]}


def propose_rests_on(candidates: list, reference: date | None) -> list[dict]:
    """One basis per speaker (the most specific kind its attributions show), in order of
    first mention, each with the candidate it comes from."""
    chosen: dict[str, dict] = {}
    for c in candidates:
        basis = getattr(c, "basis", None)
        if basis is None:
            continue
        key = basis["by"] or basis["words"]
        held = chosen.get(key)
        if held is None or _RANK.index(basis["kind"]) < _RANK.index(held["kind"]):
            chosen[key] = {**basis, "why": f"from the attribution of {c.id}"}
    day = reference.isoformat() if reference else "undated"
    return [
        {
            "accept": False,
            "id": slug("-".join(dict.fromkeys([b["by"] or b["words"], b["kind"], day]))),
            "kind": b["kind"],
            "what": b["what"],
            "words": b["words"],
            "why": b["why"],
        }
        for b in chosen.values()
    ]
