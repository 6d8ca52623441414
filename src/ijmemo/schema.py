"""The shape of every curated record (field types and allowed values).

Pydantic checks each record on its own; cross-record rules (a claim's source
exists, its quote is in the text, ...) live in `curate.py`.
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

SourceKind = Literal["news article", "press release", "official statement", "transcript", "other"]
ActorKind = Literal["person", "office", "ministry", "military", "forum", "firm", "group"]
EventKind = Literal["meeting", "visit", "summit", "measure", "expedition", "announcement"]


class Strict(BaseModel):
    # A misspelt field name is an error, not a silently ignored key.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    id: Id
    file: Text
    title: Text | None = Field(description="headline as printed; null if the text has none")
    description: Text = Field(description="what the source is, in our words")
    outlet: Text | None
    published: Text | None = Field(description="publication date as printed, or null")
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


class Milestone(Strict):
    what: Text
    due: Text | None = Field(description="due phrase as it appears in the claim's quote")
    claim: Id


class StatusChange(Strict):
    """A status the initiative had before, and the claim that moved it on."""

    status: Status
    claims: list[Id] = Field(min_length=1)
    changed_by: Id
    note: Text | None = None


class Initiative(Strict):
    id: Id
    name: Text
    aliases: list[Text] = []
    sectors: list[Id] = Field(min_length=1)
    parties: list[CountryCode] = Field(min_length=1)
    lead_bodies: list[Id] = []
    status: Status
    status_claims: list[Id] = Field(min_length=1)
    status_note: Text | None = None
    status_history: list[StatusChange] = []
    next_milestone: Milestone | None = None


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
