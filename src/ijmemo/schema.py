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
Status = Literal[
    "proposed",
    "agreed",
    "scheduled",
    "convened",
    "being-implemented",
    "completed",
    "stalled",
    "cancelled",
]

# What a claim can report about a milestone (a meeting or delivery that is due).
MILESTONE_CHANGES: dict[str, str] = {
    "new": "due: the claim reports it as due; its `date` is the due window (null: none reported)",
    "postponed": "moved: its `date` is the new due window; the old one is kept in the history",
    "met": "held or delivered: its `date` is when it happened (null: not reported)",
    "cancelled": "dropped",
}
MilestoneChange = Literal["new", "postponed", "met", "cancelled"]

SourceKind = Literal["news article", "press release", "official statement", "transcript", "other"]
ActorKind = Literal["person", "office", "ministry", "military", "forum", "firm", "group"]
EventKind = Literal["meeting", "visit", "summit", "measure", "expedition", "announcement"]


class Strict(BaseModel):
    # A misspelt field name is an error, not a silently ignored key.
    model_config = ConfigDict(extra="forbid", frozen=True)


class NotBefore(Strict):
    """For an undated source: the earliest day it can have been published, and why."""

    date: Text = Field(description="a day, e.g. 2026-01-16")
    claim: Id = Field(description="the source's own claim that shows it (it reports X as held)")
    why: Text


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


class Claim(Strict):
    id: Id
    source: Id
    quote: Text
    statement: Text
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
