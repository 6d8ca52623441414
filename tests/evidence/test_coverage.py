"""Coverage as notebook 01 shows it: claims, sources and initiatives per sector and source."""

from __future__ import annotations

import pandas as pd

from ijmemo.evidence.coverage import coverage_by_sector, coverage_by_source


def _tables() -> dict[str, pd.DataFrame]:
    claims = pd.DataFrame(
        {
            "claim_id": ["c1", "c2", "c3", "c4"],
            "source_id": ["s1", "s1", "s2", "s2"],
            "subject_id": ["i1", "i1", "e1", "i2"],
            "subject_kind": ["initiative", "initiative", "event", "initiative"],
            "sectors": ["ai-digital;defence", "ai-digital", None, "defence"],
        }
    )
    return {
        "claims": claims,
        "sources": pd.DataFrame(
            {"source_id": ["s1", "s2"], "title": ["A report", None], "description": ["a", "b"]}
        ),
        "initiatives": pd.DataFrame(
            {"initiative_id": ["i1", "i2"], "sectors": ["ai-digital", "defence;ai-digital"]}
        ),
        "sectors": pd.DataFrame(
            {"sector_id": ["defence", "ai-digital", "rail"], "label": ["Defence", "AI", "Rail"]}
        ),
    }


def test_each_sector_counts_its_claims_sources_and_initiatives_in_taxonomy_order():
    out = coverage_by_sector(_tables())
    assert out.to_dict("records") == [
        {"sector_id": "defence", "label": "Defence", "claims": 2, "sources": 2, "initiatives": 1},
        {"sector_id": "ai-digital", "label": "AI", "claims": 2, "sources": 1, "initiatives": 2},
        {"sector_id": "rail", "label": "Rail", "claims": 0, "sources": 0, "initiatives": 0},
    ]


def test_each_source_counts_its_claims_and_the_subjects_they_support():
    out = coverage_by_source(_tables())
    assert out.to_dict("records") == [
        {"source_id": "s1", "source": "A report", "claims": 2, "initiatives": 1, "events": 0,
         "topics": 0},
        {"source_id": "s2", "source": "b", "claims": 2, "initiatives": 1, "events": 1,
         "topics": 0},
    ]  # fmt: skip
