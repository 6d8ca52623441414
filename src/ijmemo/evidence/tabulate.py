"""The curated records as tables: one row per record, columns as `metadata/tables.py` lists them.

Only what the records and the checks say goes in here; support counts, statuses,
milestones and conflicts are derived from these tables by `derive.py`, for all
the evidence or for what was known on an edition date.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ijmemo.curation.checks.checked import Checked, known_from
from ijmemo.curation.load import CuratedData
from ijmemo.metadata.cells import join_cell
from ijmemo.metadata.schema import Claim, Event, Source
from ijmemo.metadata.tables import TABLES
from ijmemo.metadata.vocabularies import OUTLET
from ijmemo.text.dates import unknown


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def frame(table: str, rows: list[dict], columns: list[str] | None = None) -> pd.DataFrame:
    """Rows as a table with its listed columns, sorted by its key (object dtype keeps None)."""
    spec = TABLES[table]
    out = pd.DataFrame(rows, columns=columns or spec["base"], dtype=object)
    if table == "sectors":  # taxonomy order is meaningful: keep it
        return out.reset_index(drop=True)
    return out.sort_values(spec["key"], kind="stable").reset_index(drop=True)


def source_rows(data: CuratedData, checked: Checked) -> list[dict]:
    rows = []
    for sid, loc in data.sources.items():
        s: Source = loc.record
        pub = data.published[sid]
        rows.append(
            {
                "source_id": sid,
                "file": s.file,
                "title": s.title,
                "description": s.description,
                "outlet": s.outlet,
                "published": s.published,
                "published_start": _iso(pub.start),
                "published_end": _iso(pub.end),
                "published_precision": pub.precision,
                "not_before": s.not_before.date if s.not_before else None,
                "not_before_claim": s.not_before.claim if s.not_before else None,
                "not_before_why": s.not_before.why if s.not_before else None,
                "known_from": known_from(data, checked, sid),
                "dateline": s.dateline,
                "url": s.url,
                "outlet_identified": s.identified.outlet if s.identified else None,
                "url_identified": s.identified.url if s.identified else None,
                "identified_by": s.identified.how if s.identified else None,
                "identified_on": s.identified.date if s.identified else None,
                "kind": s.kind,
                "sha256": s.sha256,
                "rests_on": "; ".join(b.what for b in s.rests_on) or None,
                "basis_ids": join_cell(b.id for b in s.rests_on) or None,
                "syndication_group": checked.syndication.get(sid, sid),
            }
        )
    return rows


def claim_rows(data: CuratedData, checked: Checked) -> list[dict]:
    rows = []
    # Looked up once per source, not once per claim (100,000 at scale).
    known = {sid: known_from(data, checked, sid) for sid in data.sources}
    for cid, loc in data.claims.items():
        c: Claim = loc.record
        when = checked.claim_dates.get(cid) or unknown(c.date)
        match = checked.quote_matches.get(cid)
        ms = c.milestone
        said = None if c.attribution == OUTLET else c.attribution
        rows.append(
            {
                "claim_id": cid,
                "source_id": c.source,
                "known_from": known.get(c.source),  # (None: as known_from says)
                "quote": c.quote,
                "statement": c.statement,
                "said_by": OUTLET if said is None else said.by,
                "said_how": None if said is None else said.how,
                "said_words": None if said is None else said.words,
                "modality": c.modality,
                "framing": c.framing,
                "subject_id": c.subject,
                "subject_kind": data.subject_kind(c.subject),
                "sectors": join_cell(c.sectors),
                "countries": join_cell(c.countries),
                "actors": join_cell(c.actors),
                "date_text": c.date,
                "date_start": _iso(when.start),
                "date_end": _iso(when.end),
                "date_precision": when.precision,
                "date_note": when.note,
                "location": c.location,
                "status": c.status,
                "milestone_id": ms.id if ms else None,
                "milestone_change": ms.change if ms else None,
                "milestone_what": ms.what if ms else None,
                "alias": c.alias,
                "note": c.note,
                "quote_start": match.start if match else None,
                "quote_end": match.end if match else None,
            }
        )
    return rows


def event_rows(data: CuratedData, checked: Checked) -> list[dict]:
    rows = []
    for eid, loc in data.events.items():
        e: Event = loc.record
        when = checked.event_dates.get(eid, unknown(e.date))
        rows.append(
            {
                "event_id": eid,
                "title": e.title,
                "kind": e.kind,
                "date_text": e.date,
                "date_start": _iso(when.start),
                "date_end": _iso(when.end),
                "date_precision": when.precision,
                "date_note": when.note,
                "date_claim": e.date_claim,
                "date_anchor": e.date_anchor.source if e.date_anchor else None,
                "ends_before": e.ends_before.event if e.ends_before else None,
                "ends_before_claim": e.ends_before.claim if e.ends_before else None,
                "location": e.location,
                "location_note": e.location_note,
                "participants": join_cell(e.participants),
                "countries": join_cell(e.countries),
            }
        )
    return rows


def build_tables(data: CuratedData, checked: Checked) -> dict[str, pd.DataFrame]:
    """The curated tables (before derivation). Multi-valued cells are ';'-separated."""
    initiatives = [
        {
            "initiative_id": iid,
            "name": loc.record.name,
            "sectors": join_cell(loc.record.sectors),
            "parties": join_cell(loc.record.parties),
            "lead_bodies": join_cell(loc.record.lead_bodies),
        }
        for iid, loc in data.initiatives.items()
    ]
    actors = [
        {
            "actor_id": aid,
            "name": loc.record.name,
            "kind": loc.record.kind,
            "role": loc.record.role,
            "country": loc.record.country,
            "aliases": join_cell(loc.record.aliases),
        }
        for aid, loc in data.actors.items()
    ]
    topics = [
        {
            "topic_id": tid,
            "title": loc.record.title,
            "sectors": join_cell(loc.record.sectors),
            "description": loc.record.description,
        }
        for tid, loc in data.topics.items()
    ]
    sectors = [
        {"sector_id": sid, "label": loc.record.label, "definition": loc.record.definition}
        for sid, loc in data.sectors.items()
    ]
    countries = [{"code": code, "name": loc.record.name} for code, loc in data.countries.items()]
    return {
        "sources": frame("sources", source_rows(data, checked)),
        "claims": frame("claims", claim_rows(data, checked)),
        "initiatives": frame("initiatives", initiatives),
        "events": frame("events", event_rows(data, checked)),
        "actors": frame("actors", actors),
        "topics": frame("topics", topics),
        "sectors": frame("sectors", sectors),
        "countries": frame("countries", countries),
    }
