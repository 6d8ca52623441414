"""Facts two sources report differently. Both claims are kept; the conflict is listed.

date      an event's date windows do not overlap
location  an event's or initiative's places differ
status    different statuses for one initiative, made known on the same day
due       one milestone reported due in windows that do not overlap
"""

from __future__ import annotations

import pandas as pd

from .quotes import normalise

COLUMNS = ["subject_id", "field", "claim_ids", "source_ids", "reported"]


def _disjoint(a, b) -> bool:
    return a.date_end < b.date_start or b.date_end < a.date_start


def _pairs(claims: pd.DataFrame):
    rows = list(claims.sort_values("claim_id").itertuples())
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if a.source_id != b.source_id:
                yield a, b


def _row(subject: str, field: str, a, b, va: str, vb: str) -> dict:
    return {
        "subject_id": subject,
        "field": field,
        "claim_ids": f"{a.claim_id};{b.claim_id}",
        "source_ids": f"{a.source_id};{b.source_id}",
        "reported": f"{va} | {vb}",
    }


def _subject_conflicts(subject: str, claims: pd.DataFrame) -> list[dict]:
    out = []
    if (claims.subject_kind == "event").all():
        dated = claims[claims.date_start.notna()]
        out += [
            _row(subject, "date", a, b, a.date_text, b.date_text)
            for a, b in _pairs(dated)
            if _disjoint(a, b)
        ]
    placed = claims[claims.location.notna()]
    out += [
        _row(subject, "location", a, b, a.location, b.location)
        for a, b in _pairs(placed)
        if normalise(a.location).casefold() != normalise(b.location).casefold()
    ]
    statuses = claims[claims.status.notna() & claims.known_from.notna()]
    out += [
        _row(subject, "status", a, b, a.status, b.status)
        for a, b in _pairs(statuses)
        if a.known_from == b.known_from and a.status != b.status
    ]
    due = claims[(claims.milestone_change == "new") & claims.date_start.notna()]
    for _, group in due.groupby("milestone_id"):
        out += [
            _row(subject, "due", a, b, a.date_text, b.date_text)
            for a, b in _pairs(group)
            if _disjoint(a, b)
        ]
    return out


def find_conflicts(claims: pd.DataFrame) -> pd.DataFrame:
    """Every conflicting pair, merged once per pair of sources and values."""
    merged: dict[tuple, dict] = {}
    for subject, group in claims.groupby("subject_id", sort=True):
        if len(group.source_id.unique()) < 2:
            continue
        for row in _subject_conflicts(subject, group):
            key = (row["subject_id"], row["field"], row["source_ids"], row["reported"])
            if key in merged:
                ids = merged[key]["claim_ids"].split(";") + row["claim_ids"].split(";")
                merged[key]["claim_ids"] = ";".join(sorted(set(ids)))
            else:
                merged[key] = row
    return pd.DataFrame(list(merged.values()), columns=COLUMNS, dtype=object)
