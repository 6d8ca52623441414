"""The evidence as known on a date: only what sources known by then say, derived again.

    evidence_as_of(tables, D)  sources whose known_from is D or earlier, their claims,
                               the subjects and actors those claims name; then every
                               derived column and table recomputed from them alone

Nothing derived is carried over, so an edition dated D cannot show a status, a
milestone, a count or a conflict that rests on a source published after D.

An event's date window rests on its `date_claim`, on its `date_anchor` (a dated source
that gives a year-less date its year) and, when a claim says it came before another event,
on its `ends_before_claim` and that other event's own date (which ends the window). The
event keeps its date in an edition only when all of these are known by D: the date claim
and the ends_before claim are among the edition's claims, the anchor among its sources,
and the other event's own date claim and anchor are known too. Otherwise its date is
blank and `unknown`, as if never reported, and so are the columns that say where it came
from (date_claim, date_anchor, ends_before, ends_before_claim): the tables hold only the
window as narrowed, never the one before, so an edition that cannot know the narrowing
shows no window rather than a wrong one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ijmemo.evidence.derive import derive
from ijmemo.metadata.cells import join_cell, split_cell
from ijmemo.text.quotes import mentions
from ijmemo.text.speech import named_as_leading, says_it_leads


def _known_subjects(frame: pd.DataFrame, key: str, claims: pd.DataFrame) -> pd.DataFrame:
    return frame[frame[key].isin(set(claims.subject_id))]


def _events_as_known(events: pd.DataFrame, claims: pd.DataFrame, sources: set[str]) -> pd.DataFrame:
    """Events with a date only if all it rests on is known: the claim reporting it, any
    anchor, and any ends_before claim with the other event's own date (module docstring)."""
    events = _known_subjects(events, "event_id", claims).copy()
    known_claims = set(claims.claim_id)
    own = events.date_claim.isin(known_claims) & (
        events.date_anchor.isna() | events.date_anchor.isin(sources)
    )
    own_dated = set(events.event_id[own])  # the other event must be among them (and known)
    narrowed = events.ends_before.notna()
    dated = own & (
        ~narrowed
        | (events.ends_before_claim.isin(known_claims) & events.ends_before.isin(own_dated))
    )
    blank = ["date_text", "date_start", "date_end", "date_note"]
    events.loc[~dated, blank] = None
    events.loc[~dated, ["date_claim", "date_anchor", "ends_before", "ends_before_claim"]] = None
    events.loc[~dated, "date_precision"] = "unknown"
    quotes = claims.groupby("subject_id").quote.agg(" ".join)
    placed = [
        isinstance(loc, str) and mentions(quotes.get(eid, ""), loc)
        for eid, loc in zip(events.event_id, events.location, strict=True)
    ]
    events.loc[
        ~pd.Series(placed, index=events.index, dtype=bool), ["location", "location_note"]
    ] = None
    return events


def _relabel_syndication(sources: pd.DataFrame) -> pd.DataFrame:
    """Name each syndication group by its first member among the sources kept."""
    first = sources.groupby("syndication_group").source_id.transform("min")
    return sources.assign(syndication_group=first)


def evidence_as_of(
    tables: dict[str, pd.DataFrame], as_of: date | str | None
) -> dict[str, pd.DataFrame]:
    """What the sources known on `as_of` say, every derived column computed from them alone.

    `as_of` is a date or "YYYY-MM-DD"; None returns all the evidence as it is.
    """
    if as_of is None:
        return tables
    day = as_of if isinstance(as_of, str) else as_of.isoformat()
    date.fromisoformat(day)  # refuse anything that is not a day
    sources = tables["sources"]
    sources = sources[sources.known_from.notna() & (sources.known_from <= day)].copy()
    # what the analyst established later is not yet known in this edition
    later = sources.identified_on.notna() & (sources.identified_on > day)
    sources.loc[
        later, ["outlet_identified", "url_identified", "identified_by", "identified_on"]
    ] = None
    kept = set(sources.source_id)
    claims = tables["claims"][tables["claims"].source_id.isin(kept)]
    initiatives = _known_subjects(tables["initiatives"], "initiative_id", claims).copy()
    # A lead body stays only while a quote known by then says it leads (the same rule
    # as the curated check): a later "led by X" must not reach an earlier edition.
    # only these can name a lead body (bool: an edition before any source has no claims)
    leading = claims[claims.quote.map(says_it_leads).astype(bool)]
    reports: dict[str, list] = defaultdict(list)
    for subject, quote, actors in zip(
        leading.subject_id, leading.quote, leading.actors, strict=True
    ):
        reports[subject].append((quote, split_cell(actors)))
    leads = {subject: named_as_leading(said) for subject, said in reports.items()}
    initiatives["lead_bodies"] = [
        join_cell(b for b in split_cell(cell) if b in leads.get(iid, set())) or None
        for iid, cell in zip(initiatives.initiative_id, initiatives.lead_bodies, strict=True)
    ]
    events = _events_as_known(tables["events"], claims, kept)
    named = {a for cell in claims.actors for a in split_cell(cell)}
    named |= {a for cell in events.participants for a in split_cell(cell)}
    named |= set(claims.said_by.dropna())  # a speaker is named by the claim that quotes them
    filtered = {
        **tables,
        "sources": _relabel_syndication(sources),
        "claims": claims,
        "initiatives": initiatives,
        "events": events,
        "actors": tables["actors"][tables["actors"].actor_id.isin(named)],
        "topics": _known_subjects(tables["topics"], "topic_id", claims),
    }
    return derive(filtered)


@dataclass
class KnownOn:
    """What an edition dated `as_of` can know: the evidence then, and the undated sources
    (known from no date: the memo lists them as not used)."""

    tables: dict[str, pd.DataFrame]
    undated: pd.DataFrame


def known_on(tables: dict[str, pd.DataFrame], as_of: date | str) -> KnownOn:
    sources = tables["sources"]
    undated = sources[sources.known_from.isna()].reset_index(drop=True)
    return KnownOn(evidence_as_of(tables, as_of), undated)
