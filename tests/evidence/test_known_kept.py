"""The evidence known on a date, computed once for a build's processes and kept by exactly
what it was computed from."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ijmemo.core.paths import DATA_DIR, DataPaths
from ijmemo.evidence import known_kept
from ijmemo.evidence.as_of import known_on
from ijmemo.evidence.manifest import input_hashes
from ijmemo.evidence.store import load_processed, write_processed
from ijmemo.evidence.typed import typed_columns
from ijmemo.metadata.datapackage import write_csv
from ijmemo.steps.curate import curate


@pytest.fixture
def data(tmp_path):
    """A data folder with its processed tables (all the kept evidence needs)."""
    root = tmp_path / "data"
    write_processed(curate().tables, root / "processed", input_hashes(DataPaths.at(DATA_DIR)))
    return root


@pytest.fixture(autouse=True)
def another_process(monkeypatch):
    """Each test starts as a process that has had no evidence yet; calling this makes
    the test another process (nothing had)."""
    monkeypatch.setattr(known_kept, "_LAST", {})
    return known_kept._LAST.clear


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


def test_the_evidence_is_computed_once_and_read_back_the_same(data, computed, another_process):
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    another_process()
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20"]


def test_asked_again_a_process_reads_nothing_back_and_gets_its_own_copy(
    data, computed, monkeypatch
):
    fresh = known_on(load_processed(data), "2026-01-20")
    first = known_kept.known_on_kept(data, "2026-01-20")
    first.tables["claims"].loc[0, "quote"] = "changed by the first caller"
    first.tables["sources"] = first.tables["sources"].iloc[:0]
    first.undated["title"] = "changed"
    monkeypatch.setattr(known_kept, "read_kept", lambda *_: pytest.fail("read back again"))
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20"]


def test_another_date_or_other_tables_are_computed_again(data, computed):
    known_kept.known_on_kept(data, "2026-01-20")
    known_kept.known_on_kept(data, "2026-04-15")
    claims = data / "processed" / "claims.csv"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    known_kept.known_on_kept(data, "2026-01-20")
    assert computed == ["2026-01-20", "2026-04-15", "2026-01-20"]


def test_where_nothing_can_be_kept_each_process_computes_it(
    data, computed, monkeypatch, another_process
):
    def refuse(*_, **__):
        raise PermissionError("read-only")

    monkeypatch.setattr(known_kept.Path, "mkdir", refuse)
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)  # (the same process)
    another_process()
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20", "2026-01-20"]


def _handed(data_dir, tables, tmp_path, day: str, inputs=None) -> None:
    """What `make report` does when it curates: the curated tables handed to the memo's
    kernel as soon as they are made, with the inputs they were checked from (by default
    those the processed tables' manifest lists), and the evidence worked out there."""
    inputs = input_hashes(DataPaths.at(DATA_DIR)) if inputs is None else inputs
    handed = tmp_path / "tables.ahead"
    with handed.open("wb") as fh:
        known_kept.hand_over_tables(tables, inputs, fh)
    known_kept.work_out_ahead(handed, data_dir, day)
    assert not handed.exists()  # removed once read


def test_evidence_worked_out_ahead_is_used_when_the_tables_written_are_those(
    data, computed, tmp_path
):
    _handed(data, curate().tables, tmp_path, "2026-01-20")
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == []  # worked out ahead, the same to the last cell


def test_evidence_worked_out_ahead_from_other_inputs_is_not_used(data, computed, tmp_path):
    """Tables checked from other inputs than those the processed tables were written from
    (an article added meanwhile, say) are not theirs: their evidence is not used."""
    tables = curate().tables
    claims = tables["claims"].copy()
    claims.loc[0, "quote"] = claims.loc[0, "quote"] + " (as edited)"
    other = dict(input_hashes(DataPaths.at(DATA_DIR)))
    other["claims/edited.yaml"] = "0" * 64
    _handed(data, {**tables, "claims": claims}, tmp_path, "2026-01-20", other)
    _handed(data, tables, tmp_path, "2026-04-15")  # another date: not this edition's
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20"]


def test_tables_that_would_not_read_back_as_handed_are_not_worked_out_ahead(
    data, computed, tmp_path
):
    """A quote with a carriage return of its own is written unquoted and reads back as a
    line break: the evidence comes from the tables as written, never from those handed."""
    tables = curate().tables
    claims = tables["claims"].copy()
    claims.loc[0, "quote"] = claims.loc[0, "quote"].replace(" ", "\r", 1)
    _handed(data, {**tables, "claims": claims}, tmp_path, "2026-01-20")
    fresh = known_on(load_processed(data), "2026-01-20")
    _same(known_kept.known_on_kept(data, "2026-01-20"), fresh)
    assert computed == ["2026-01-20"]


_CELLS = st.one_of(st.none(), st.text(max_size=12))


@settings(max_examples=300, deadline=None)
@given(
    cells=st.lists(st.tuples(_CELLS, _CELLS), min_size=1, max_size=6),
    counts=st.lists(st.one_of(st.none(), st.integers(-5, 10**6)), min_size=6, max_size=6),
)
def test_tables_said_to_read_back_as_handed_do(cells, counts, tmp_path_factory):
    """`reads_back_as_handed` is what the evidence worked out ahead rests on: whatever
    text it passes is, after the processed tables' writer and reader, what was handed."""
    sources = pd.DataFrame({"source_id": [f"s{i}" for i in range(len(cells))]})
    sources["title"], sources["outlet"] = zip(*cells, strict=True)
    sources["n_claims"] = pd.array(counts[: len(cells)], dtype="Int64")
    sources = typed_columns("sources", sources)  # (as derived tables are written)
    handed = known_kept.as_written({"sources": sources})
    if known_kept.reads_back_as_handed(handed):
        folder = tmp_path_factory.mktemp("csv")
        write_csv(sources, folder / "sources.csv")
        back = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False, na_values=[""])
        back = typed_columns("sources", back)
        pd.testing.assert_frame_equal(back, handed["sources"])
    else:
        assert any("\r" in (c or "") for pair in cells for c in pair)


def test_only_text_and_whole_numbers_read_back_as_handed():
    frame = pd.DataFrame({"source_id": ["s1"], "title": [1.5], "n_claims": [3]})
    assert not known_kept.reads_back_as_handed(known_kept.as_written({"sources": frame}))
    frame["title"] = "a title"
    assert known_kept.reads_back_as_handed(known_kept.as_written({"sources": frame}))
