"""Coverage of the evidence: claims per source and per sector (notebook 01 shows them)."""

from __future__ import annotations

import pandas as pd

from ijmemo.metadata.cells import split_cell


def coverage_by_source(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per source: how many claims, and how many initiatives/events/topics they support."""
    claims = tables["claims"]
    rows = claims.groupby("source_id").agg(claims=("claim_id", "size"))
    for kind in ("initiative", "event", "topic"):
        subset = claims[claims["subject_kind"] == kind]
        rows[f"{kind}s"] = subset.groupby("source_id")["subject_id"].nunique()
    rows = rows.fillna(0).astype(int)
    labels = tables["sources"].set_index("source_id")
    rows.insert(0, "source", labels["title"].fillna(labels["description"]))
    return rows.reset_index()


def coverage_by_sector(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per sector (taxonomy order): claims, sources and initiatives tagged with it."""

    def per_sector(frame: pd.DataFrame, key: str) -> pd.Series:
        exploded = frame.assign(sector=frame["sectors"].map(split_cell)).explode("sector")
        return exploded.groupby("sector")[key].nunique()

    claims = tables["claims"]
    out = tables["sectors"][["sector_id", "label"]].set_index("sector_id")
    out["claims"] = per_sector(claims, "claim_id")
    out["sources"] = per_sector(claims, "source_id")
    out["initiatives"] = per_sector(tables["initiatives"], "initiative_id")
    return out.fillna(0).astype({"claims": int, "sources": int, "initiatives": int}).reset_index()
