"""The tables: each one's columns in order and its primary key (PUDL's resources).

`base` columns come from the curated records; `derived` ones are computed from them
(evidence/derive.py) for any edition date. Every column is defined once in `fields.py`.
"""

from __future__ import annotations

from ijmemo.metadata.fields import FIELDS, INT

TABLES: dict[str, dict] = {
    "sources": {
        "key": ["source_id"],
        "base": [
            "source_id",
            "file",
            "title",
            "description",
            "outlet",
            "published",
            "published_start",
            "published_end",
            "published_precision",
            "not_before",
            "not_before_claim",
            "not_before_why",
            "known_from",
            "dateline",
            "url",
            "outlet_identified",
            "url_identified",
            "identified_by",
            "identified_on",
            "kind",
            "sha256",
            "rests_on",
            "basis_ids",
            "syndication_group",
        ],
        "derived": ["n_claims", "reliability", "reliability_note"],
    },
    "claims": {
        "key": ["claim_id"],
        "base": [
            "claim_id",
            "source_id",
            "known_from",
            "quote",
            "statement",
            "said_by",
            "said_how",
            "said_words",
            "modality",
            "framing",
            "subject_id",
            "subject_kind",
            "sectors",
            "countries",
            "actors",
            "date_text",
            "date_start",
            "date_end",
            "date_precision",
            "date_note",
            "location",
            "status",
            "milestone_id",
            "milestone_change",
            "milestone_what",
            "alias",
            "note",
            "quote_start",
            "quote_end",
        ],
        "derived": ["credibility", "credibility_note"],
    },
    "initiatives": {
        "key": ["initiative_id"],
        "base": ["initiative_id", "name", "sectors", "parties", "lead_bodies"],
        "derived": [
            "aliases",
            "status",
            "status_since",
            "status_claims",
            "n_claims",
            "n_sources",
            "n_firm",
            "n_independent",
            "source_ids",
        ],
    },
    "events": {
        "key": ["event_id"],
        "base": [
            "event_id",
            "title",
            "kind",
            "date_text",
            "date_start",
            "date_end",
            "date_precision",
            "date_note",
            "date_claim",
            "date_anchor",
            "ends_before",
            "ends_before_claim",
            "location",
            "location_note",
            "participants",
            "countries",
        ],
        "derived": ["n_claims", "n_sources", "n_firm", "n_independent", "source_ids"],
    },
    "actors": {
        "key": ["actor_id"],
        "base": ["actor_id", "name", "kind", "role", "country", "aliases"],
        "derived": ["n_claims"],
    },
    "topics": {
        "key": ["topic_id"],
        "base": ["topic_id", "title", "sectors", "description"],
        "derived": ["n_claims", "n_sources", "n_firm", "n_independent", "source_ids"],
    },
    "sectors": {"key": ["sector_id"], "base": ["sector_id", "label", "definition"], "derived": []},
    "countries": {"key": ["code"], "base": ["code", "name"], "derived": []},
    "status_history": {
        "key": ["initiative_id", "known_from"],
        "base": [],
        "derived": [
            "initiative_id",
            "status",
            "known_from",
            "known_until",
            "claim_ids",
            "source_ids",
        ],
    },
    "milestones": {
        "key": ["milestone_id", "known_from"],
        "base": [],
        "derived": [
            "milestone_id",
            "initiative_id",
            "what",
            "change",
            "known_from",
            "known_until",
            "due_text",
            "due_start",
            "due_end",
            "due_precision",
            "moved_from",
            "met_text",
            "met_start",
            "met_end",
            "claim_ids",
        ],
    },
    "conflicts": {
        "key": ["subject_id", "field", "claim_ids"],
        "base": [],
        "derived": ["subject_id", "field", "claim_ids", "source_ids", "reported"],
    },
}


# Tables of one edition, written beside its memo and in its data export (never processed).
EDITION_TABLES: dict[str, dict] = {
    "tracker": {
        "key": ["initiative_id"],
        "base": [],
        "derived": [
            "initiative_id",
            "name",
            "status",
            "status_since",
            "read_from",
            "next_step",
            "due_text",
            "due_start",
            "due_end",
            "state",
            "latest_source",
            "latest_known_from",
            "since_last_edition",
        ],
    },
}


def spec(table: str) -> dict:
    """A table's listing: its columns and primary key (processed or edition table)."""
    return TABLES[table] if table in TABLES else EDITION_TABLES[table]


def columns(table: str) -> list[str]:
    """Every column of a table, in order (curated first, then derived)."""
    listing = spec(table)
    return listing["base"] + [c for c in listing["derived"] if c not in listing["base"]]


def integer_columns(table: str) -> list[str]:
    return [c for c in columns(table) if FIELDS[c][0] == INT]
