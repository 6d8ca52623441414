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

    def by_sector(frame: pd.DataFrame, key: str, *more: str):
        # (only the columns needed: assigning to the whole claims table copies it)
        frame = frame[[key, *more, "sectors"]]
        return (
            frame.assign(sector=frame["sectors"].map(split_cell))
            .explode("sector")
            .groupby("sector")
        )

    claims = by_sector(tables["claims"], "claim_id", "source_id")  # exploded once for both
    out = tables["sectors"][["sector_id", "label"]].set_index("sector_id")
    out["claims"] = claims["claim_id"].nunique()
    out["sources"] = claims["source_id"].nunique()
    out["initiatives"] = by_sector(tables["initiatives"], "initiative_id")[
        "initiative_id"
    ].nunique()
    return out.fillna(0).astype({"claims": int, "sources": int, "initiatives": int}).reset_index()
