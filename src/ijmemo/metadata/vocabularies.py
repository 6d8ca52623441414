"""The vocabularies: every value a coded field may take, and what it means.

Defined once here and nowhere else: the record models (`schema.py`) take their allowed
values from them, the field table (`fields.py`) its enums and the wording of its
descriptions, the checks and the memo their rules and labels. Plain data, no pydantic:
the command line's fast path reads the field table, and so these.
"""

from __future__ import annotations

# Lifecycle of an initiative. Agreeing to meet ("scheduled") is not meeting ("convened").
STATUSES: dict[str, str] = {
    "proposed": "Proposed: one side has put it forward, not yet agreed by both",
    "agreed": "Agreed: both sides have agreed or launched it; no meeting or delivery reported",
    "scheduled": "Scheduled: agreed, with a reported window for its next meeting or step",
    "convened": "Convened: a meeting of it has been reported as held",
    "being-implemented": "Being implemented: reported as under way",
    "completed": "Completed: reported as delivered or concluded",
    "stalled": "Stalled: reported as delayed or blocked",
    "cancelled": "Cancelled: reported as dropped",
}
STATUS_LABELS = {key: text.split(":")[0] for key, text in STATUSES.items()}
# Lifecycle order: when one source reports two statuses on one day, the later stage
# holds ("met, and agreed to meet again" is convened). Stalled and cancelled end it.
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}

# What a claim can report about a milestone (a meeting or delivery that is due).
MILESTONE_CHANGES: dict[str, str] = {
    "new": "due: the claim reports it as due; its `date` is the due window (null: none reported)",
    "postponed": "moved: its `date` is the new due window; the old one is kept in the history",
    "met": "held or delivered: its `date` is when it happened (null: not reported)",
    "cancelled": "dropped",
}

# How firmly a claim reports what it reports. A wish is not an agreement and a
# "could" is not a plan: statuses and corroboration respect the difference.
MODALITIES: dict[str, str] = {
    "done": "reported as done or as fact (held, launched, figured in the talks)",
    "agreed": "announced or agreed (agreed to, confirmed, established)",
    "planned": "planned or expected (will, is to, to launch)",
    "wished": "wished for or proposed by one side (wants, has a desire, proposes)",
    "hedged": "hedged (could, may, might)",
}
MODALITY_LABELS = {key: text.split(" (")[0] for key, text in MODALITIES.items()}
# Only firm reports corroborate one another; wishes and hedges are reported, not counted.
FIRM = ("done", "agreed", "planned")
# The statuses a claim of each modality may report (a wish supports "proposed" only).
STATUSES_BY_MODALITY: dict[str, tuple[str, ...]] = {
    "done": tuple(STATUSES),
    "agreed": ("agreed", "scheduled", "being-implemented"),
    "planned": ("proposed", "agreed", "scheduled"),
    "wished": ("proposed",),
    "hedged": (),
}
# The milestone changes a claim of each modality may report (a plan cannot say "met").
CHANGES_BY_MODALITY: dict[str, tuple[str, ...]] = {
    "done": ("new", "postponed", "met", "cancelled"),
    "agreed": ("new", "postponed", "cancelled"),
    "planned": ("new", "postponed"),
    "wished": (),
    "hedged": (),
}

# How a speaker's words reached the source.
ATTRIBUTION_HOW: dict[str, str] = {
    "said": "said or told the reporter",
    "briefing": "told a media briefing",
    "remarks": "in public remarks or a speech",
    "statement": "according to a statement or readout",
    "interview": "in an interview",
}
OUTLET = "outlet"  # a claim in the report's own voice
UNNAMED_OFFICIALS = "officials"  # "officials said": speakers the source does not name

# What a source says it rests on; sources sharing a basis are not independent.
BASIS_KINDS: dict[str, str] = {
    "named-official": "a named official's words",
    "officials": "unnamed officials",
    "briefing": "a media briefing",
    "remarks": "public remarks or a speech",
    "readout": "a ministry readout or statement",
    "agency-copy": "news agency copy",
}

# How a source frames an initiative's origin; "new" against "earlier" is a conflict.
FRAMINGS: dict[str, str] = {
    "new": "called new: first agreed or launched in the round reported",
    "earlier": "said to have been agreed or launched before (its `date` says when, if given)",
}

SOURCE_KINDS = ("news article", "press release", "official statement", "transcript", "other")
# The file an article was added from, and the metadata it states: where each value came from.
SOURCE_FORMATS = ("text", "html", "pdf", "docx")
METADATA_ORIGINS: dict[str, str] = {
    "given": "the analyst gave it when adding or amending the source",
    "page": "the file's own metadata states it (a web page's meta tags or JSON-LD, a document's properties)",
    "text": "the text states it (a dateline)",
}
STATED_FIELDS = ("title", "outlet", "published", "url", "author")
ORIGIN_FIELDS = (*STATED_FIELDS, "dateline")  # the dateline is the text's own
ACTOR_KINDS = ("person", "office", "ministry", "military", "forum", "firm", "group")
EVENT_KINDS = ("meeting", "visit", "summit", "measure", "expedition", "announcement")
# What a claim can be about; an id names one of them only.
SUBJECT_KINDS = ("initiative", "event", "topic")

# How precisely a reported date is known (text/dates.py derives it from the phrase).
PRECISIONS = (
    "day",
    "month",
    "quarter",
    "part-year",
    "half-year",
    "year",
    "deadline",  # "by March": from the source date to the end of the named period
    "unknown",
)
# What two sources can disagree on: facts first, then characterisation (evidence/conflicts).
CONFLICT_FIELDS = {
    "date": "an event's date windows do not overlap",
    "location": "an event's or initiative's places differ",
    "status": "different statuses for one initiative, made known on the same day",
    "due": "one milestone reported due in windows that do not overlap",
    "characterisation": "a wish or a plan against a firmer report of the same initiative",
    "framing": "one source calls an initiative new, another says it was agreed earlier",
}
FACTUAL = ("date", "location", "status", "due")  # disagreements of fact
# Where a milestone stands on an edition date, in the order a watchlist lists them; the
# first five are still open. "unchecked": its window closed after the newest source, so
# the evidence cannot say whether it was held.
MILESTONE_STATES = (
    "overdue",
    "unchecked",
    "due now",
    "upcoming",
    "no date reported",
    "met",
    "cancelled",
)
OPEN_STATES = MILESTONE_STATES[:5]
