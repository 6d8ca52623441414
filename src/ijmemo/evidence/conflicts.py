"""Facts two sources report differently. Both claims are kept; the conflict is listed.

date      an event's date windows do not overlap
location  an event's or initiative's places differ
status    different statuses for one initiative, made known on the same day
due       one milestone reported due in windows that do not overlap
characterisation
          an initiative reported as wished for by one side where another source, no
          later, reports it planned or firmer; or as planned ("to launch") where another
          reports it done ("launched")
framing   one source calls an initiative new, another says it was agreed earlier

The first four are disagreements of fact; the last two are of characterisation: each
source may be right about what it was told, so neither claim is doubted for it.
"""

from __future__ import annotations

import re

import pandas as pd

from ijmemo.metadata.cells import is_missing, join_cell, split_cell
from ijmemo.metadata.tables import columns
from ijmemo.metadata.vocabularies import MODALITY_LABELS
from ijmemo.text.quotes import normalise

# (weaker, firmer) modalities that characterise one initiative incompatibly.
_WEAKER = {"wished": {"planned", "agreed", "done"}, "planned": {"done"}}

_COLUMNS = (
    "claim_id", "source_id", "subject_id", "subject_kind", "date_start", "date_end",
    "date_text", "location", "status", "known_from", "milestone_change", "milestone_id",
    "framing", "modality", "quote",
)  # fmt: skip

# What stage of an initiative a quote speaks of: "to launch" and "launched" disagree;
# "will proceed with the collaboration" speaks of later work, not of the launch.
_STAGES = {
    "establish": re.compile(
        r"\b(launch\w*|set(?:ting)? up|establish\w*|creat\w*|form\w*|start\w*|agree\w*|"
        r"sign\w*|inaugurat\w*|develop\w*|arrange\w*)\b",
        re.IGNORECASE,
    ),
    "meet": re.compile(
        r"\b(hold|held|meet\w*|met|convene\w*|take place|took place|followed by)\b", re.I
    ),
    "complete": re.compile(r"\b(complet\w*|finish\w*|deliver\w*|commission\w*)\b", re.I),
}
_STATUS_STAGES = {
    "proposed": {"establish"},
    "agreed": {"establish"},
    "scheduled": {"establish", "meet"},
    "convened": {"meet"},
    "being-implemented": {"establish"},
    "completed": {"complete"},
}


def _stages(claim) -> set[str]:
    if isinstance(claim.status, str) and claim.status in _STATUS_STAGES:
        return _STATUS_STAGES[claim.status]
    return {name for name, cue in _STAGES.items() if cue.search(claim.quote)}


def _disjoint(a, b) -> bool:
    return a.date_end < b.date_start or b.date_end < a.date_start


def _pairs(rows: list):
    """Pairs of claims from different sources, in claim-id order (rows are sorted)."""
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if a.source_id != b.source_id:
                yield a, b


def _row(subject: str, field: str, a, b, va: str, vb: str) -> dict:
    return {
        "subject_id": subject,
        "field": field,
        "claim_ids": join_cell((a.claim_id, b.claim_id)),
        "source_ids": join_cell((a.source_id, b.source_id)),
        "reported": f"{va} | {vb}",
    }


def _subject_conflicts(subject: str, rows: list) -> list[dict]:
    """Conflicts among one subject's claims (plain rows, sorted by claim id)."""
    out = []
    if all(r.subject_kind == "event" for r in rows):
        dated = [r for r in rows if not is_missing(r.date_start)]
        out += [
            _row(subject, "date", a, b, a.date_text, b.date_text)
            for a, b in _pairs(dated)
            if _disjoint(a, b)
        ]
    placed = [r for r in rows if not is_missing(r.location)]
    out += [
        _row(subject, "location", a, b, a.location, b.location)
        for a, b in _pairs(placed)
        if normalise(a.location).casefold() != normalise(b.location).casefold()
    ]
    statuses = [r for r in rows if not is_missing(r.status) and not is_missing(r.known_from)]
    out += [
        _row(subject, "status", a, b, a.status, b.status)
        for a, b in _pairs(statuses)
        if a.known_from == b.known_from and a.status != b.status
    ]
    due: dict[str, list] = {}
    for r in rows:
        if r.milestone_change == "new" and not is_missing(r.date_start):
            due.setdefault(r.milestone_id, []).append(r)
    for group in due.values():
        out += [
            _row(subject, "due", a, b, a.date_text, b.date_text)
            for a, b in _pairs(group)
            if _disjoint(a, b)
        ]
    if all(r.subject_kind == "initiative" for r in rows):
        out += _characterisations(subject, rows) + _framings(subject, rows)
    return out


def _characterisations(subject: str, rows: list) -> list[dict]:
    """Pairs where one source reports a stage of an initiative (its launch, a meeting)
    less firmly than another source, no earlier, reports the same stage."""
    staged = [
        r
        for r in rows
        if is_missing(r.framing)
        and not is_missing(r.known_from)
        and (not is_missing(r.status) or r.modality in _WEAKER)
    ]
    out = []
    for a, b in _pairs(staged):
        for weak, firm in ((a, b), (b, a)):
            if (
                firm.modality in _WEAKER.get(weak.modality, ())
                and weak.known_from >= firm.known_from
                and _stages(weak) & _stages(firm)
            ):
                out.append(
                    _row(
                        subject,
                        "characterisation",
                        weak,
                        firm,
                        MODALITY_LABELS[weak.modality],
                        MODALITY_LABELS[firm.modality],
                    )
                )
    return out


def _framings(subject: str, rows: list) -> list[dict]:
    framed = [r for r in rows if not is_missing(r.framing)]
    return [
        _row(subject, "framing", a, b, a.framing, b.framing)
        for a, b in _pairs(framed)
        if a.framing != b.framing
    ]


def find_conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Every conflicting pair, merged once per pair of sources and values."""
    merged: dict[tuple, dict] = {}
    by_subject: dict[str, list] = {}
    # One pass over plain rows: per-subject DataFrame slices cost more than the checks.
    rows = claims.sort_values("claim_id")[list(_COLUMNS)]  # only what the checks read
    for r in rows.itertuples(index=False):
        by_subject.setdefault(r.subject_id, []).append(r)
    for subject in sorted(by_subject):
        rows = by_subject[subject]
        if len({r.source_id for r in rows}) < 2:
            continue
        for row in _subject_conflicts(subject, rows):
            key = (row["subject_id"], row["field"], row["source_ids"], row["reported"])
            if key in merged:
                ids = split_cell(merged[key]["claim_ids"]) + split_cell(row["claim_ids"])
                merged[key]["claim_ids"] = join_cell(sorted(set(ids)))
            else:
                merged[key] = row
    return pd.DataFrame(list(merged.values()), columns=columns("conflicts"), dtype=object)
