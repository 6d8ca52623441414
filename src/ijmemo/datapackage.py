"""The data export: processed tables described by a Frictionless data package.

Every column of every table has a type and a description here; a test fails if
a table gains a column this dictionary does not describe.
"""

from __future__ import annotations

import pandas as pd

LIST = "';'-separated list of "
S, INT, D = "string", "integer", "date"

COLUMNS: dict[str, dict[str, tuple[str, str]]] = {
    "sources": {
        "source_id": (S, "source id: the file name of the raw text without .txt"),
        "file": (S, "raw text file in data/sources/, byte-identical to what was received"),
        "title": (S, "headline as printed; empty if the text has none"),
        "description": (S, "what the source is, in our words"),
        "outlet": (S, "publishing outlet; empty = not stated in the source (unknown)"),
        "published": (S, "publication date as printed; empty = unknown"),
        "published_start": (D, "first day the publication date can be"),
        "published_end": (D, "last day the publication date can be"),
        "published_precision": (S, "precision of the publication date (day ... unknown)"),
        "dateline": (S, "place in the dateline, if any"),
        "url": (S, "address of the source; empty = unknown"),
        "kind": (S, "kind of source (news article, press release, ...)"),
        "sha256": (S, "sha256 of the raw text; checked on every run"),
        "syndication_group": (
            S,
            "first source id of the group of sources sharing this wording; sources in one group are not independent",
        ),
        "n_claims": (INT, "claims curated from this source"),
    },
    "claims": {
        "claim_id": (S, "claim id"),
        "source_id": (S, "the source quoted"),
        "quote": (
            S,
            "verbatim passage of the source (only whitespace and typographic quotes/dashes normalised)",
        ),
        "statement": (S, "short neutral statement of what the quote reports, in our words"),
        "subject_id": (S, "the initiative, event or topic the claim is about"),
        "subject_kind": (S, "initiative, event or topic"),
        "sectors": (S, LIST + "sector ids"),
        "countries": (S, LIST + "ISO 3166-1 alpha-2 country codes"),
        "actors": (S, LIST + "actor ids"),
        "date_text": (S, "date phrase as it appears in the quote"),
        "date_start": (D, "first day of the reported date window"),
        "date_end": (D, "last day of the reported date window"),
        "date_precision": (S, "day, month, quarter, part-year, half-year, year or unknown"),
        "date_note": (S, "how the window was resolved, or why it is unknown"),
        "location": (S, "place as it appears in the quote"),
        "quote_start": (INT, "character offset of the quote in the source text"),
        "quote_end": (INT, "character offset one past the end of the quote"),
    },
    "initiatives": {
        "initiative_id": (S, "initiative id"),
        "name": (S, "our name for the initiative"),
        "aliases": (S, LIST + "other names sources use (each found in a quote)"),
        "sectors": (S, LIST + "sector ids"),
        "parties": (S, LIST + "country codes"),
        "lead_bodies": (S, LIST + "actor ids named as leading it"),
        "status": (
            S,
            "proposed, agreed, scheduled, convened, being-implemented, completed, stalled or cancelled",
        ),
        "status_claims": (S, LIST + "claims that report the current status"),
        "status_note": (S, "curator's note on the status"),
        "status_history": (S, LIST + "previous statuses as status>claim that moved it on"),
        "next_milestone": (S, "the next reported step"),
        "milestone_claim": (S, "claim reporting the next milestone"),
        "due_text": (S, "due phrase as it appears in that claim"),
        "due_start": (D, "first day of the due window"),
        "due_end": (D, "last day of the due window"),
        "due_precision": (S, "precision of the due window"),
        "n_claims": (INT, "claims about the initiative"),
        "n_sources": (INT, "distinct sources reporting on it"),
        "n_independent": (INT, "distinct sources after merging syndicated copies"),
        "source_ids": (S, LIST + "source ids"),
    },
    "events": {
        "event_id": (S, "event id"),
        "title": (S, "our title for the event"),
        "kind": (S, "meeting, visit, summit, measure, expedition or announcement"),
        "date_text": (S, "date phrase as reported by date_claim"),
        "date_start": (D, "first day of the date window"),
        "date_end": (D, "last day of the date window"),
        "date_precision": (S, "precision of the date window"),
        "date_note": (S, "how the window was resolved, or why it is unknown"),
        "date_claim": (S, "claim that reports the date"),
        "date_anchor": (S, "dated source used to resolve a year-less date, if any"),
        "location": (S, "place, when a quote states it"),
        "location_note": (S, "where the location comes from"),
        "participants": (S, LIST + "actor ids"),
        "countries": (S, LIST + "country codes"),
        "n_claims": (INT, "claims about the event"),
        "n_sources": (INT, "distinct sources reporting on it"),
        "n_independent": (INT, "distinct sources after merging syndicated copies"),
        "source_ids": (S, LIST + "source ids"),
    },
    "actors": {
        "actor_id": (S, "actor id"),
        "name": (S, "name as the sources give it"),
        "kind": (S, "person, office, ministry, military, forum, firm or group"),
        "role": (S, "role, when stated"),
        "country": (S, "country code, if national"),
        "aliases": (S, LIST + "other names in the sources"),
        "n_claims": (INT, "claims naming the actor"),
    },
    "topics": {
        "topic_id": (S, "topic id"),
        "title": (S, "our title for the context topic"),
        "sectors": (S, LIST + "sector ids"),
        "description": (S, "what the topic covers"),
        "n_claims": (INT, "claims about the topic"),
        "n_sources": (INT, "distinct sources reporting on it"),
        "n_independent": (INT, "distinct sources after merging syndicated copies"),
        "source_ids": (S, LIST + "source ids"),
    },
    "sectors": {
        "sector_id": (S, "sector id"),
        "label": (S, "sector name"),
        "definition": (S, "what the sector covers"),
    },
    "countries": {
        "code": (S, "ISO 3166-1 alpha-2 code"),
        "name": (S, "country or territory name"),
    },
    "conflicts": {
        "subject_id": (S, "the event or initiative the sources disagree about"),
        "field": (S, "what they disagree on (date, location)"),
        "claim_ids": (S, LIST + "the claims that disagree; all are kept"),
        "source_ids": (S, LIST + "their sources"),
        "reported": (S, "the values reported, ' | '-separated"),
    },
}


def datapackage(tables: dict[str, pd.DataFrame]) -> dict:
    """A Frictionless data package descriptor for the processed CSV tables."""
    resources = []
    for name, frame in tables.items():
        described = COLUMNS[name]
        missing = [c for c in frame.columns if c not in described]
        if missing:
            raise KeyError(f"table {name}: columns without a description: {missing}")
        fields = [
            {"name": c, "type": described[c][0], "description": described[c][1]}
            for c in frame.columns
        ]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "missingValues": [""]},
            }
        )
    return {
        "name": "india-japan-partnership-evidence",
        "title": "India–Japan partnership: curated, quote-verified claims and what they report",
        "description": "Tables behind the memo. Every claim quotes a named source verbatim; unknown source metadata is left empty.",
        "resources": resources,
    }
