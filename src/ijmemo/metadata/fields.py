"""One definition per table column (PUDL's metadata style); `tables.py` lists each table's.

A column has one type and one description wherever it appears; a table that
needs a narrower wording for a shared column overrides it in `TABLE_FIELDS`. A column
whose values come from a vocabulary (`vocabularies.py`) is listed in `ENUMS`, and its
description names the values from there, never restated by hand.
`evidence/tabulate.py` builds frames with these columns, `datapackage.py` describes
them, and `evidence/store.load_processed` reads them back with these types.
"""

from __future__ import annotations

from ijmemo.metadata.cells import LIST_SEPARATOR
from ijmemo.metadata.vocabularies import (
    ACTOR_KINDS,
    ATTRIBUTION_HOW,
    CONFLICT_FIELDS,
    EVENT_KINDS,
    FACTUAL,
    FRAMINGS,
    MILESTONE_CHANGES,
    MILESTONE_STATES,
    MODALITIES,
    PRECISIONS,
    SOURCE_KINDS,
    STATUSES,
    SUBJECT_KINDS,
)


def _one_of(values) -> str:
    """ "a, b or c" """
    values = list(values)
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


LIST = f"'{LIST_SEPARATOR}'-separated list of "
S, INT, D = "string", "integer", "date"

FIELDS: dict[str, tuple[str, str]] = {
    # ids and names
    "source_id": (S, "source id: the file name of the raw text without .txt"),
    "claim_id": (S, "claim id"),
    "initiative_id": (S, "initiative id"),
    "event_id": (S, "event id"),
    "actor_id": (S, "actor id"),
    "topic_id": (S, "topic id"),
    "sector_id": (S, "sector id"),
    "milestone_id": (S, "milestone id, shared by every claim that reports on it"),
    "subject_id": (S, "the initiative, event or topic the claim is about"),
    "subject_kind": (S, _one_of(SUBJECT_KINDS)),
    "code": (S, "ISO 3166-1 alpha-2 code"),
    "name": (S, "name"),
    "title": (S, "our title"),
    "label": (S, "sector name"),
    "definition": (S, "what the sector covers"),
    "description": (S, "what it is, in our words"),
    "kind": (S, "kind"),
    "role": (S, "role, when stated"),
    "country": (S, "country code, if national"),
    "aliases": (S, LIST + "other names the sources use (each found in a quote)"),
    "sectors": (S, LIST + "sector ids"),
    "countries": (S, LIST + "ISO 3166-1 alpha-2 country codes"),
    "parties": (S, LIST + "country codes of the parties"),
    "actors": (S, LIST + "actor ids"),
    "participants": (S, LIST + "actor ids"),
    "lead_bodies": (S, LIST + "actor ids that a claim about it names as leading it"),
    # sources: when a source became known (knowledge time)
    "file": (S, "raw text file in data/sources/, byte-identical to what was received"),
    "outlet": (S, "publishing outlet; empty = not stated in the source (unknown)"),
    "published": (S, "publication date as printed; empty = unknown"),
    "published_start": (D, "first day the publication date can be"),
    "published_end": (D, "last day the publication date can be"),
    "published_precision": (S, f"precision of the publication date ({_one_of(PRECISIONS)})"),
    "not_before": (D, "undated source only: earliest day it can have been published"),
    "not_before_claim": (S, "the source's own claim that justifies not_before"),
    "not_before_why": (S, "the analyst's reason for not_before"),
    "known_from": (
        D,
        "first edition date that may use it: the last day of the publication window, or "
        "not_before for an undated source; empty = undated, left out of every dated edition",
    ),
    "dateline": (S, "place in the dateline, if any"),
    "url": (S, "address of the source; empty = unknown"),
    "outlet_identified": (
        S,
        "outlet the analyst established, the source not stating it (identified_by says how)",
    ),
    "url_identified": (S, "address the analyst established, the source not stating it"),
    "identified_by": (S, "how the analyst established outlet_identified or url_identified"),
    "identified_on": (
        D,
        "day the analyst established it; editions dated before it do not use it",
    ),
    "sha256": (S, "sha256 of the raw text; checked on every run"),
    "rests_on": (S, "what the source says it rests on, '; '-separated; empty = it does not say"),
    "basis_ids": (
        S,
        LIST + "ids of the briefings, readouts or officials it rests on; sources sharing "
        "one are not independent",
    ),
    "reliability": (
        S,
        "Admiralty reliability grade A-F, from recorded facts (F: cannot be judged, e.g. "
        "outlet unknown)",
    ),
    "reliability_note": (S, "the facts the reliability grade rests on"),
    "syndication_group": (
        S,
        "first source id of the group of sources sharing this wording; "
        "sources in one group are not independent",
    ),
    # claims: what happened and when (event time)
    "quote": (
        S,
        "verbatim passage of the source (only whitespace and typographic quotes/dashes normalised)",
    ),
    "statement": (
        S,
        "short neutral statement of what the quote reports, in our words; keeps the "
        "speaker, the hedge and the modality",
    ),
    "said_by": (
        S,
        "who asserts it: an actor id, 'officials' (unnamed) or 'outlet' (the report's own voice)",
    ),
    "said_how": (S, f"{_one_of(ATTRIBUTION_HOW)}; empty for the outlet"),
    "said_words": (S, "the attributing words as the source writes them"),
    "modality": (S, f"how firmly it is reported: {_one_of(MODALITIES)}"),
    "framing": (S, f"how the source frames the initiative's origin: {_one_of(FRAMINGS)}"),
    "credibility": (
        INT,
        "Admiralty credibility grade 1-6 from corroboration, conflicts and attribution "
        "(1 confirmed ... 6 cannot be judged)",
    ),
    "credibility_note": (S, "why the claim has its credibility grade"),
    "date_text": (S, "date phrase as it appears in the quote"),
    "date_start": (D, "first day of the reported date window (when it happened or is due)"),
    "date_end": (D, "last day of the reported date window"),
    "date_precision": (S, _one_of(PRECISIONS)),
    "date_note": (S, "how the window was resolved, or why it is unknown"),
    "location": (S, "place as it appears in a quote"),
    "location_note": (S, "where the location comes from"),
    "status": (S, f"lifecycle status: {_one_of(STATUSES)}"),
    "milestone_change": (
        S,
        f"what the claim reports about the milestone: {_one_of(MILESTONE_CHANGES)}",
    ),
    "milestone_what": (S, "what is due, as the curator named it on its first report"),
    "alias": (S, "the name this source gives the subject (found in the quote)"),
    "note": (S, "curator's note on how the claim was read"),
    "quote_start": (INT, "character offset of the quote in the source text"),
    "quote_end": (INT, "character offset one past the end of the quote"),
    # events
    "date_claim": (S, "claim that reports the date"),
    "date_anchor": (S, "dated source used to resolve a year-less date, if any"),
    "ends_before": (
        S,
        "event it came before, if a claim says so: its window ends by that event's first "
        "day (by the last day of that event's window when the window is not day-precise)",
    ),
    "ends_before_claim": (S, "claim whose quote says it came before that event"),
    # derived: timeline (knowledge time)
    "known_until": (D, "last day this row was what the evidence said; empty = still current"),
    "status_since": (D, "the day the current status became known"),
    "status_claims": (S, LIST + "claims that report this status"),
    "what": (S, "what is due, as the curator named it"),
    "change": (S, f"what the latest report in this row says: {_one_of(MILESTONE_CHANGES)}"),
    "due_text": (S, "due phrase as it appears in the quote"),
    "due_start": (D, "first day of the due window"),
    "due_end": (D, "last day of the due window"),
    "due_precision": (S, f"precision of the due window ({_one_of(PRECISIONS)})"),
    "moved_from": (S, "the due phrase before the latest postponement, if any"),
    "met_text": (S, "when it was held or delivered, as the quote says"),
    "met_start": (D, "first day of the window it was held or delivered in"),
    "met_end": (D, "last day of that window"),
    "claim_ids": (S, LIST + "claim ids"),
    "source_ids": (S, LIST + "source ids"),
    # derived: support
    "n_claims": (INT, "claims about it"),
    "n_sources": (INT, "distinct sources reporting on it, however firmly"),
    "n_firm": (INT, "distinct sources reporting it firmly (done, agreed or planned)"),
    "n_independent": (
        INT,
        "firm reports shown independent: sources merged when they share wording or a stated "
        "briefing or readout; a source that names no basis is never counted separately",
    ),
    # the tracker (one edition)
    "read_from": (
        S,
        "whose words the status is our reading of; empty = the reporter's own account",
    ),
    "next_step": (S, "its next open milestone, as the curator named it"),
    "state": (S, f"where the next step stands on the edition date: {_one_of(MILESTONE_STATES)}"),
    "latest_source": (S, "the newest source that reports on it"),
    "latest_known_from": (D, "the day that source became known"),
    "since_last_edition": (
        S,
        "what moved since the series' last edition: first edition, new in this edition, a "
        "status or step that changed, or unchanged",
    ),
    # conflicts
    "field": (
        S,
        f"what the sources disagree on: {', '.join(FACTUAL)} (facts), "
        + _one_of(f for f in CONFLICT_FIELDS if f not in FACTUAL),
    ),
    "reported": (S, "the values reported, ' | '-separated"),
}

# Narrower wording of a shared column in one table.
TABLE_FIELDS: dict[str, dict[str, str]] = {
    "tracker": {
        "name": "the initiative",
        "status": f"its status on the edition date: {_one_of(STATUSES)}",
        "status_since": "the day its status became known",
        "due_text": "the next step's window, as reported",
        "due_start": "first day of that window",
        "due_end": "last day of that window",
    },
    "sources": {
        "title": "headline as printed; empty if the text has none",
        "kind": f"kind of source: {_one_of(SOURCE_KINDS)}",
        "n_claims": "claims curated from this source",
    },
    "claims": {"known_from": "when the claim became known: its source's known_from"},
    "initiatives": {
        "name": "our name for the initiative",
        "status": f"current status, the latest row of status_history: {_one_of(STATUSES)}",
        "status_claims": LIST + "claims that report the current status",
    },
    "events": {
        "title": "our title for the event",
        "kind": _one_of(EVENT_KINDS),
        "location": "place, when a quote states it",
    },
    "actors": {
        "name": "name as the sources give it",
        "kind": _one_of(ACTOR_KINDS),
        "n_claims": "claims naming the actor",
    },
    "topics": {"title": "our title for the context topic"},
    "status_history": {"known_from": "first day the evidence reported this status"},
    "milestones": {
        "known_from": "day this report became known",
        "claim_ids": LIST + "claims that reported this row (the last one set it)",
    },
    "conflicts": {
        "subject_id": "the event or initiative the sources disagree about",
        "claim_ids": LIST + "the claims that disagree; all are kept",
        "source_ids": LIST + "their sources",
    },
}

# The columns whose values come from a vocabulary (PUDL's `enum`); a table may have its own.
ENUMS: dict[str, tuple[str, ...]] = {
    "subject_kind": SUBJECT_KINDS,
    "said_how": tuple(ATTRIBUTION_HOW),
    "modality": tuple(MODALITIES),
    "framing": tuple(FRAMINGS),
    "status": tuple(STATUSES),
    "milestone_change": tuple(MILESTONE_CHANGES),
    "change": tuple(MILESTONE_CHANGES),
    "published_precision": PRECISIONS,
    "date_precision": PRECISIONS,
    "due_precision": PRECISIONS,
    "field": tuple(CONFLICT_FIELDS),
    "state": MILESTONE_STATES,
}
TABLE_ENUMS: dict[str, dict[str, tuple[str, ...]]] = {
    "sources": {"kind": SOURCE_KINDS},
    "actors": {"kind": ACTOR_KINDS},
    "events": {"kind": EVENT_KINDS},
}


def field(table: str, column: str) -> tuple[str, str]:
    """(type, description) of a column in a table."""
    kind, text = FIELDS[column]
    return kind, TABLE_FIELDS.get(table, {}).get(column, text)


def enum(table: str, column: str) -> tuple[str, ...] | None:
    """The values a column may hold, when they come from a vocabulary (else None)."""
    return TABLE_ENUMS.get(table, {}).get(column) or ENUMS.get(column)
