"""The curate step: the shipped data passes every check."""

from __future__ import annotations

import pandas as pd

from ijmemo.evidence import store
from ijmemo.steps.curate import curate_to_processed, review, tables_as_of


def test_shipped_data_has_no_problems():
    assert review().problems == []


def test_reused_processed_tables_are_read_only_when_a_table_is_asked_for(data_copy, monkeypatch):
    """01_curate as the build runs it wants only the evidence as of the edition's date,
    kept apart: the reused processed tables are not read for that, and are read when asked for."""
    curate_to_processed(data_copy)
    read = store.load_processed
    reads = []
    monkeypatch.setattr(store, "load_processed", lambda d=None: reads.append(d) or read(d))
    outcome = review(data_copy, reuse_processed=True)
    assert outcome.curation.data is None  # the processed tables were current: reused
    assert len(tables_as_of(outcome, data_copy, as_of="2026-01-20")["claims"]) > 0
    assert reads == []
    everything = tables_as_of(outcome, data_copy)
    assert len(reads) == 1
    for name, table in read(data_copy).items():
        pd.testing.assert_frame_equal(everything[name], table)
