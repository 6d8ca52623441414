"""The shape of every curated record (field types and allowed values).

Pydantic checks each record on its own; cross-record rules (a claim's source
exists, its quote is in the text, ...) live in `checks.py`.

What changes over time is recorded on claims, never on the record it changes: a
claim may report its initiative's lifecycle `status`, a `milestone` change, or an
`alias`. Statuses, milestones and aliases are then derived from the claims known
on a date (`timeline.py`), so an edition can only say what its sources had said.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]

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
Status = Literal[tuple(STATUSES)]

# What a claim can report about a milestone (a meeting or delivery that is due).
MILESTONE_CHANGES: dict[str, str] = {
    "new": "due: the claim reports it as due; its `date` is the due window (null: none reported)",
    "postponed": "moved: its `date` is the new due window; the old one is kept in the history",
    "met": "held or delivered: its `date` is when it happened (null: not reported)",
    "cancelled": "dropped",
}
MilestoneChange = Literal[tuple(MILESTONE_CHANGES)]

# How firmly a claim reports what it reports. A wish is not an agreement and a
# "could" is not a plan: statuses and corroboration respect the difference.
MODALITIES: dict[str, str] = {
    "done": "reported as done or as fact (held, launched, figured in the talks)",
    "agreed": "announced or agreed (agreed to, confirmed, established)",
    "planned": "planned or expected (will, is to, to launch)",
    "wished": "wished for or proposed by one side (wants, has a desire, proposes)",
    "hedged": "hedged (could, may, might)",
}
Modality = Literal[tuple(MODALITIES)]
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
AttributionHow = Literal[tuple(ATTRIBUTION_HOW)]
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
BasisKind = Literal[tuple(BASIS_KINDS)]

# How a source frames an initiative's origin; "new" against "earlier" is a conflict.
FRAMINGS: dict[str, str] = {
    "new": "called new: first agreed or launched in the round reported",
    "earlier": "said to have been agreed or launched before (its `date` says when, if given)",
}
Framing = Literal[tuple(FRAMINGS)]

SOURCE_KINDS = ("news article", "press release", "official statement", "transcript", "other")
SourceKind = Literal[SOURCE_KINDS]
ACTOR_KINDS = ("person", "office", "ministry", "military", "forum", "firm", "group")
ActorKind = Literal[ACTOR_KINDS]
EVENT_KINDS = ("meeting", "visit", "summit", "measure", "expedition", "announcement")
EventKind = Literal[EVENT_KINDS]
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


class Strict(BaseModel):
    # A misspelt field name is an error, not a silently ignored key.
    model_config = ConfigDict(extra="forbid", frozen=True)


class NotBefore(Strict):
    """For an undated source: the earliest day it can have been published, and why."""

    date: Text = Field(description="a day, e.g. 2026-01-16")
    claim: Id = Field(description="the source's own claim that shows it (it reports X as held)")
    why: Text


class Basis(Strict):
    """What a source says it rests on: a briefing, a readout, a named official, agency copy."""

    id: Id = Field(description="shared by every source resting on the same briefing or readout")
    kind: BasisKind
    what: Text = Field(description="the briefing, readout or person, in our words")
    words: Text = Field(description="the source's own words that show it, verbatim")


class Source(Strict):
    id: Id
    file: Text
    title: Text | None = Field(description="headline as printed; null if the text has none")
    description: Text = Field(description="what the source is, in our words")
    outlet: Text | None
    published: Text | None = Field(description="publication date as printed, or null")
    not_before: NotBefore | None = Field(
        None, description="undated sources only: a lower bound on the publication date"
    )
    dateline: Text | None = None
    url: Text | None
    kind: SourceKind
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    notes: Text | None = None
    rests_on: list[Basis] = Field(
        [], description="what the source says it rests on; empty: it does not say"
    )


class Sector(Strict):
    id: Id
    label: Text
    definition: Text
    keywords: list[Text] = Field([], description="words that suggest the sector in a new article")


class Country(Strict):
    code: CountryCode
    name: Text
    aliases: list[Text] = Field([], description="other names and adjectives (Indian, Japanese)")


class Actor(Strict):
    id: Id
    name: Text
    aliases: list[Text] = []
    kind: ActorKind
    role: Text | None = None
    country: CountryCode | None = None


class MilestoneReport(Strict):
    """A claim's report about one milestone of its initiative."""

    id: Id = Field(description="the milestone, named by the curator; shared by its reports")
    change: MilestoneChange
    what: Text | None = Field(None, description="what is due; required on its first report")


class Attribution(Strict):
    """Who asserts a claim, when it is not the report's own voice, and how."""

    by: Id = Field(description="actor id, or `officials` for speakers the source does not name")
    how: AttributionHow
    words: Text = Field(
        description="the attributing words, verbatim (he said, officials said, told a media "
        "briefing): in the quote or the sentence just before or after it"
    )


class Claim(Strict):
    id: Id
    source: Id
    quote: Text
    statement: Text
    attribution: Literal["outlet"] | Attribution = Field(
        description="`outlet` for the report's own voice, else who said it and how"
    )
    modality: Modality
    framing: Framing | None = Field(None, description="how the source frames its origin")
    subject: Id
    sectors: list[Id] = Field(min_length=1)
    countries: list[CountryCode] = Field(min_length=1)
    actors: list[Id] = []
    date: Text | None = Field(None, description="date phrase exactly as it appears in the quote")
    location: Text | None = Field(None, description="place as it appears in the quote")
    status: Status | None = Field(None, description="lifecycle status it reports (initiatives)")
    milestone: MilestoneReport | None = None
    alias: Text | None = Field(None, description="the name this source gives the subject")
    note: Text | None = Field(None, description="curator's note on how the claim was read")


class Initiative(Strict):
    id: Id
    name: Text
    sectors: list[Id] = Field(min_length=1)
    parties: list[CountryCode] = Field(min_length=1)
    lead_bodies: list[Id] = Field([], description="actors a claim about it names as leading it")


class DateAnchor(Strict):
    source: Id
    why: Text


class Event(Strict):
    id: Id
    title: Text
    kind: EventKind
    date: Text | None = None
    date_claim: Id | None = None
    date_anchor: DateAnchor | None = None
    location: Text | None = None
    location_note: Text | None = None
    participants: list[Id] = []
    countries: list[CountryCode] = Field(min_length=1)


class Topic(Strict):
    id: Id
    title: Text
    sectors: list[Id] = Field(min_length=1)
    description: Text
