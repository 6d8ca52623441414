"""The evidence as known on a date: curated tables filtered by knowledge time, then derived.

    derive(tables)             support counts, aliases, statuses, milestones and
                               conflicts computed from the curated tables
    evidence_as_of(tables, D)  only what sources known by D say, then derived again

Everything derived is recomputed from the claims, never carried over, so an
edition dated D cannot show a status, a milestone, a count or a conflict that
rests on a source published after D.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ijmemo.evidence.changelogs import current, milestones, status_history
from ijmemo.evidence.conflicts import find_conflicts
from ijmemo.evidence.corroboration import credibility, reliability, support
from ijmemo.evidence.tabulate import split, typed
from ijmemo.metadata.fields import TABLES
from ijmemo.text.quotes import mentions
from ijmemo.text.speech import LEADS

SUPPORTED = ("initiatives", "events", "topics")  # subject tables with support counts


def _with_support(frame: pd.DataFrame, key: str, counts: pd.DataFrame) -> pd.DataFrame:
    out = frame.merge(counts, how="left", left_on=key, right_on="subject_id").drop(
        columns="subject_id"
    )
    for column in ("n_claims", "n_sources", "n_firm", "n_independent"):
        out[column] = out[column].fillna(0).astype("Int64")
    return out


def _initiatives(tables: dict, claims: pd.DataFrame, history: pd.DataFrame) -> pd.DataFrame:
    frame = tables["initiatives"]
    aliases = claims[claims.alias.notna() & (claims.subject_kind == "initiative")]
    alias_cells = aliases.groupby("subject_id").alias.agg(lambda a: ";".join(dict.fromkeys(a)))
    now = current(history).set_index("initiative_id")
    frame = frame.assign(
        aliases=frame.initiative_id.map(alias_cells),
        status=frame.initiative_id.map(now.status),
        status_since=frame.initiative_id.map(now.known_from),
        status_claims=frame.initiative_id.map(now.claim_ids),
    )
    return frame


def derive(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The full set of tables: the curated ones with every derived column and table added."""
    base = {name: tables[name][TABLES[name]["base"]] for name in TABLES if TABLES[name]["base"]}
    claims, sources = base["claims"], base["sources"]
    subjects = support(claims, sources)
    history = status_history(claims)
    conflicts = find_conflicts(claims)
    per_source = claims.groupby("source_id").size()
    named = claims.actors.dropna().str.split(";").explode().value_counts()
    out = {
        "sources": reliability(
            sources.assign(n_claims=sources.source_id.map(per_source).fillna(0).astype("Int64"))
        ),
        "claims": credibility(claims, sources, conflicts),
        "initiatives": _with_support(
            _initiatives(base, claims, history), "initiative_id", subjects
        ),
        "events": _with_support(base["events"], "event_id", subjects),
        "actors": base["actors"].assign(
            n_claims=base["actors"].actor_id.map(named).fillna(0).astype("Int64")
        ),
        "topics": _with_support(base["topics"], "topic_id", subjects),
        "sectors": base["sectors"],
        "countries": base["countries"],
        "status_history": history,
        "milestones": milestones(claims),
        "conflicts": conflicts,
    }
    return {name: typed(name, out[name]) for name in TABLES}


def _known_subjects(frame: pd.DataFrame, key: str, claims: pd.DataFrame) -> pd.DataFrame:
    return frame[frame[key].isin(set(claims.subject_id))]


def _events_as_known(events: pd.DataFrame, claims: pd.DataFrame, sources: set[str]) -> pd.DataFrame:
    """Events with a date only if the claim reporting it (and any anchor) is known."""
    events = _known_subjects(events, "event_id", claims).copy()
    known_claims = set(claims.claim_id)
    dated = events.date_claim.isin(known_claims) & (
        events.date_anchor.isna() | events.date_anchor.isin(sources)
    )
    blank = ["date_text", "date_start", "date_end", "date_note"]
    events.loc[~dated, blank] = None
    events.loc[~dated, ["date_claim", "date_anchor"]] = None
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
    sources = sources[sources.known_from.notna() & (sources.known_from <= day)]
    kept = set(sources.source_id)
    claims = tables["claims"][tables["claims"].source_id.isin(kept)]
    initiatives = _known_subjects(tables["initiatives"], "initiative_id", claims).copy()
    # A lead body stays only while a quote known by then says it leads (the same rule
    # as the curated check): a later "led by X" must not reach an earlier edition.
    leading = claims[[bool(LEADS.search(q)) for q in claims.quote]]
    leads = leading.groupby("subject_id").actors.agg(
        lambda a: {x for cell in a for x in split(cell)}
    )
    initiatives["lead_bodies"] = [
        ";".join(b for b in split(cell) if b in leads.get(iid, set())) or None
        for iid, cell in zip(initiatives.initiative_id, initiatives.lead_bodies, strict=True)
    ]
    events = _events_as_known(tables["events"], claims, kept)
    named = {a for cell in claims.actors for a in split(cell)}
    named |= {a for cell in events.participants for a in split(cell)}
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
