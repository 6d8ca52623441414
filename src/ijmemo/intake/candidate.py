"""A candidate claim as proposed for one sentence, and all add-source proposes for an
article: the shapes the proposer fills and the review file writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ijmemo.curation.names import Match
from ijmemo.intake.date_roles import RoledDate
from ijmemo.intake.datelines import Dateline
from ijmemo.intake.moves import Move
from ijmemo.intake.new_actors import NewActor
from ijmemo.intake.new_subjects import NewSubject


@dataclass
class Candidate:
    id: str
    quote: str
    start: int
    end: int
    match: Match
    sectors: list[str]
    countries: list[str]
    actors: list[str]
    dated: list[RoledDate]
    modality: str = "done"
    move: Move = field(default_factory=lambda: Move(None, None, ""))
    date: RoledDate | None = None
    milestone: dict | None = None
    alias: str | None = None
    attribution: str | dict = "outlet"  # who says it: 'outlet' or {by, how, words}
    speaker: str | None = None  # why `by` is who it is ("'he' taken as …, the last to speak")
    # how `by` came when the sentence names no speaker: "quotation" (the quotation it is in
    # or goes on), "paragraph" (the account before it), "ahead" (the attribution after it)
    carried: str | None = None
    basis: dict | None = None  # what the attribution says the source rests on (rests_on.py)
    framing: str | None = None  # new or earlier, from the quote's words (framing.py)
    framed: str | None = None  # why that framing, and the date that says when


@dataclass
class Proposal:
    """Everything add-source proposes for one article."""

    candidates: list[Candidate]
    left_out: list[tuple[str, str]]  # (text, why)
    dateline: Dateline | None
    reference: date | None  # the date weekdays and year-less dates resolve against
    actors: list[NewActor]
    subjects: list[NewSubject] = field(default_factory=list)  # starting records
