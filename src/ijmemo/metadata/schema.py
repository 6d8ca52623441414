"""The shape of every curated record: field types, and allowed values from `vocabularies.py`.

Pydantic checks each record on its own; cross-record rules (a claim's source
exists, its quote is in the text, ...) live in `curation/checks/`.

What changes over time is recorded on claims, never on the record it changes: a
claim may report its initiative's lifecycle `status`, a `milestone` change, or an
`alias`. Statuses, milestones and aliases are then derived from the claims known
on a date (`evidence/changelogs.py`), so an edition can only say what its sources had said.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ijmemo.metadata.cells import LIST_SEPARATOR
from ijmemo.metadata.vocabularies import (
    ACTOR_KINDS,
    ATTRIBUTION_HOW,
    BASIS_KINDS,
    EVENT_KINDS,
    FRAMINGS,
    METADATA_ORIGINS,
    MILESTONE_CHANGES,
    MODALITIES,
    ORIGIN_FIELDS,
    SOURCE_FORMATS,
    SOURCE_KINDS,
    STATUSES,
)

Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9][a-z0-9_.-]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _not_a_list(value: str) -> str:
    if LIST_SEPARATOR in value:
        raise ValueError(
            f"may not contain '{LIST_SEPARATOR}': it separates the values of a list in the "
            "tables, so this one would read as several"
        )
    return value


# A name that goes into a multi-valued cell of the tables (an actor's or initiative's aliases).
ListedText = Annotated[Text, AfterValidator(_not_a_list)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]

Status = Literal[tuple(STATUSES)]
MilestoneChange = Literal[tuple(MILESTONE_CHANGES)]
Modality = Literal[tuple(MODALITIES)]
AttributionHow = Literal[tuple(ATTRIBUTION_HOW)]
BasisKind = Literal[tuple(BASIS_KINDS)]
Framing = Literal[tuple(FRAMINGS)]
SourceKind = Literal[SOURCE_KINDS]
SourceFormat = Literal[SOURCE_FORMATS]
MetadataOrigin = Literal[tuple(METADATA_ORIGINS)]
OriginField = Literal[ORIGIN_FIELDS]
ActorKind = Literal[ACTOR_KINDS]
EventKind = Literal[EVENT_KINDS]


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


class Original(Strict):
    """The file an article was added from, kept byte for byte beside the text extracted
    from it (the text is what quotes are checked against)."""

    file: Text
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    format: SourceFormat
    extractor: Text = Field(description="the library and version that extracted the text")


class Identified(Strict):
    """What the analyst established about a source that the source itself does not state
    (its outlet, its address), how, and on what day: kept apart from what it states."""

    outlet: Text | None = None
    url: Text | None = None
    how: Text = Field(description="how it was established, e.g. the page the text was matched to")
    # (not "on": YAML reads an unquoted `on:` as true)
    date: Text = Field(description="the day it was established (editions before it do not use it)")


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
    author: Text | None = None
    kind: SourceKind
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    notes: Text | None = None
    rests_on: list[Basis] = Field(
        [], description="what the source says it rests on; empty: it does not say"
    )
    original: Original | None = Field(
        None, description="the file it was added from, when that was not the text itself"
    )
    origin: dict[OriginField, MetadataOrigin] = Field(
        {}, description="where each metadata value came from; a value with none was given"
    )
    identified: Identified | None = Field(
        None, description="what the analyst established that the source does not state"
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
    aliases: list[ListedText] = []
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
    alias: ListedText | None = Field(None, description="the name this source gives the subject")
    note: Text | None = Field(None, description="curator's note on how the claim was read")


class Initiative(Strict):
    id: Id
    name: Text
    sectors: list[Id] = Field(min_length=1)
    parties: list[CountryCode] = Field(min_length=1)
    lead_bodies: list[Id] = Field([], description="actors a claim about it names as leading it")
    keywords: list[Text] = Field(
        [], description="phrases that suggest it in a new article (all their words), not names"
    )


class DateAnchor(Strict):
    source: Id
    why: Text


class EndsBefore(Strict):
    """Another event this one came before, by a claim about this one that says so."""

    event: Id = Field(
        description="the later event: this one ends by its first day (by the last day of "
        "its window when that is not day-precise)"
    )
    claim: Id = Field(
        description="a claim about this event whose quote says it came before that one "
        "(ahead of, before, prior to, preceding)"
    )


class Event(Strict):
    id: Id
    title: Text
    kind: EventKind
    date: Text | None = None
    date_claim: Id | None = None
    date_anchor: DateAnchor | None = None
    ends_before: EndsBefore | None = Field(
        None, description="narrows the date's window: it ends by that event's first day"
    )
    location: Text | None = None
    location_note: Text | None = None
    participants: list[Id] = []
    countries: list[CountryCode] = Field(min_length=1)


class Topic(Strict):
    id: Id
    title: Text
    sectors: list[Id] = Field(min_length=1)
    description: Text
    keywords: list[Text] = Field(
        [], description="phrases that suggest the topic in a new article (all their words)"
    )
