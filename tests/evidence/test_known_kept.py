"""The evidence known on a date, computed once for a build's processes and kept by exactly
what it was computed from."""

from __future__ import annotations

import pandas as pd
import pytest

from ijmemo.core.paths import DATA_DIR, DataPaths
from ijmemo.evidence import known_kept
from ijmemo.evidence.as_of import known_on
from ijmemo.evidence.manifest import input_hashes
from ijmemo.evidence.store import load_processed, write_processed
from ijmemo.steps.curate import curate


@pytest.fixture
def data(tmp_path):
    """A data folder with its processed tables (all the kept evidence needs)."""
    root = tmp_path / "data"
    write_processed(curate().tables, root / "processed", input_hashes(DataPaths.at(DATA_DIR)))
    return root


@pytest.fixture
def computed(monkeypatch):
    """How many times the evidence was computed rather than read back."""
    calls = []
    monkeypatch.setattr(known_kept, "known_on", lambda *a: calls.append(a[1]) or known_on(*a))
    return calls


def _same(a, b) -> None:
    assert a.tables.keys() == b.tables.keys()
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name])
    pd.testing.assert_frame_equal(a.undated, b.undated)


def test_the_evidence_is_computed_once_and_read_back_the_same(data, computed):
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20"]


def test_another_date_or_other_tables_are_computed_again(data, computed):
    known_kept.known_on_kept(data, "2026-01-20")
    known_kept.known_on_kept(data, "2026-04-15")
    claims = data / "processed" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    known_kept.known_on_kept(data, "2026-01-20")
    assert computed == ["2026-01-20", "2026-04-15", "2026-01-20"]


def test_where_nothing_can_be_kept_each_process_computes_it(data, computed, monkeypatch):
    def refuse(*_, **__):
        raise PermissionError("read-only")

    monkeypatch.setattr(known_kept.Path, "mkdir", refuse)
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20", "2026-01-20"]


def _handed(data_dir, tables, tmp_path, day: str) -> None:
    """What `make report` does when it curates: the curated tables handed to the memo's
    kernel as soon as they are made, and the evidence worked out there ahead."""
    handed = tmp_path / "tables.ahead"
    with handed.open("wb") as fh:
        known_kept.hand_over_tables(tables, fh)
    known_kept.work_out_ahead(handed, data_dir, day)
    assert not handed.exists()  # removed once read


def test_evidence_worked_out_ahead_is_used_when_the_tables_written_are_those(
    data, computed, tmp_path
):
    _handed(data, curate().tables, tmp_path, "2026-01-20")
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == []  # worked out ahead, the same to the last cell


def test_evidence_worked_out_ahead_from_other_tables_is_not_used(data, computed, tmp_path):
    tables = curate().tables
    claims = tables["claims"].copy()
    claims.loc[0, "quote"] = claims.loc[0, "quote"] + " (as edited)"
    _handed(data, {**tables, "claims": claims}, tmp_path, "2026-01-20")
    _handed(data, tables, tmp_path, "2026-04-15")  # another date: not this edition's
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20"]
