"""Everything the claims imply, derived from the curated tables.

    derive(tables)  support counts, aliases, statuses, milestones, conflicts and the
                    Admiralty grades, computed from the curated columns alone

Derived columns are never read from anywhere: `as_of.evidence_as_of` filters the curated
tables to what was known on a date and calls `derive` again.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ijmemo.evidence.changelogs import current, milestones, status_history
from ijmemo.evidence.conflicts import find_conflicts
from ijmemo.evidence.corroboration import credibility, reliability, support
from ijmemo.evidence.typed import typed
from ijmemo.metadata.cells import join_cell, split_cell
from ijmemo.metadata.tables import TABLES


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
    alias_cells = aliases.groupby("subject_id").alias.agg(lambda a: join_cell(dict.fromkeys(a)))
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
    named = pd.Series(Counter(a for cell in claims.actors for a in split_cell(cell)), dtype=int)
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
