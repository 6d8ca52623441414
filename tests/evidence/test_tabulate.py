"""The curated records as tables: one row per record, listed columns, key order, typed cells."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ijmemo.core.paths import DATA_DIR
from ijmemo.curation.checks.run import check_curated
from ijmemo.curation.load import load_curated
from ijmemo.evidence.tabulate import build_tables, frame
from ijmemo.evidence.typed import typed
from ijmemo.metadata.cells import is_missing, split_cell
from ijmemo.metadata.tables import TABLES, columns, integer_columns
from ijmemo.metadata.vocabularies import OUTLET
from ijmemo.text.quotes import normalise

from conftest import S000, S003, edit

CURATED_TABLES = [name for name, spec in TABLES.items() if spec["base"]]


def copy_of_shipped_data(root: Path) -> Path:
    """Sources and curated records copied out, so loading never writes under data/."""
    for part in ("sources", "curated"):
        shutil.copytree(DATA_DIR / part, root / part)
    return root


def tabulated(data_dir: Path):
    data, problems = load_curated(data_dir)
    assert not problems
    checked, _ = check_curated(data)
    return data, build_tables(data, checked)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """(records, tables) for the shipped data, before derivation."""
    root = copy_of_shipped_data(tmp_path_factory.mktemp("shipped") / "data")
    data, problems = load_curated(root)
    checked, more = check_curated(data)
    assert not problems and not more
    return root, data, checked, build_tables(data, checked)


@pytest.fixture(scope="module")
def tables(shipped):
    return shipped[3]


@pytest.fixture(scope="module")
def records(shipped):
    return shipped[1]


# ---- which tables, which columns, which rows


def test_each_curated_table_has_exactly_its_base_columns_in_the_listed_order(tables):
    assert sorted(tables) == sorted(CURATED_TABLES)
    for name, table in tables.items():
        # the base columns are the listed columns before the derived ones
        assert list(table.columns) == columns(name)[: len(TABLES[name]["base"])], name


def test_each_table_has_one_row_per_curated_record(tables, records):
    kinds = {
        "sources": records.sources,
        "claims": records.claims,
        "initiatives": records.initiatives,
        "events": records.events,
        "actors": records.actors,
        "topics": records.topics,
        "sectors": records.sectors,
        "countries": records.countries,
    }
    for name, kind in kinds.items():
        key = TABLES[name]["key"][0]
        assert len(kind) > 0, name
        assert sorted(tables[name][key]) == sorted(kind), name


def test_rows_come_out_in_key_order_whatever_order_the_records_were_curated_in(shipped):
    _, data, checked, _ = shipped
    for kind in ("sources", "claims", "initiatives", "events", "actors", "topics", "countries"):
        setattr(data, kind, dict(reversed(getattr(data, kind).items())))
    try:
        rebuilt = build_tables(data, checked)
    finally:
        for kind in ("sources", "claims", "initiatives", "events", "actors", "topics", "countries"):
            setattr(data, kind, dict(reversed(getattr(data, kind).items())))
    for name, table in rebuilt.items():
        if name == "sectors":
            continue
        keys = table[TABLES[name]["key"][0]].tolist()
        assert len(keys) > 1 and keys == sorted(keys), name


def test_sectors_keep_the_order_of_the_taxonomy_file(tables):
    in_file = re.findall(
        r"^- id: (\S+)$", (DATA_DIR / "curated" / "sectors.yaml").read_text(), re.MULTILINE
    )
    assert in_file != sorted(in_file), "the taxonomy is alphabetical: this test cannot tell"
    assert tables["sectors"].sector_id.tolist() == in_file


def test_frame_sorts_hand_built_rows_by_key_and_keeps_none_cells_none():
    rows = [
        {"code": "JP", "name": "Japan"},
        {"code": "IN", "name": None},
        {"code": "CN", "name": "China"},
    ]
    countries = frame("countries", rows)
    assert countries.code.tolist() == ["CN", "IN", "JP"]
    assert countries.set_index("code").loc["IN", "name"] is None
    sectors = frame(
        "sectors",
        [
            {"sector_id": "trade", "label": "Trade", "definition": "…"},
            {"sector_id": "defence", "label": "Defence", "definition": "…"},
        ],
    )
    assert sectors.sector_id.tolist() == ["trade", "defence"]


# ---- what the cells hold


def test_multi_valued_cells_read_back_as_the_curated_lists(tables, records):
    lists = {
        ("claims", "claim_id"): (records.claims, ["sectors", "countries", "actors"]),
        ("initiatives", "initiative_id"): (
            records.initiatives,
            ["sectors", "parties", "lead_bodies"],
        ),
        ("events", "event_id"): (records.events, ["participants", "countries"]),
        ("actors", "actor_id"): (records.actors, ["aliases"]),
        ("topics", "topic_id"): (records.topics, ["sectors"]),
    }
    several = 0
    for (name, key), (kind, fields) in lists.items():
        table = tables[name].set_index(key)
        for rid, loc in kind.items():
            for field in fields:
                cell = table.loc[rid, field]
                assert split_cell(cell) == list(getattr(loc.record, field)), (name, rid, field)
                several += len(split_cell(cell)) > 1
    assert several > 0, "no cell holds more than one value: the joining is not exercised"


def test_a_source_lists_the_ids_of_what_it_rests_on(tables, records):
    sources = tables["sources"].set_index("source_id")
    for sid, loc in records.sources.items():
        ids = [b.id for b in loc.record.rests_on]
        assert split_cell(sources.loc[sid, "basis_ids"]) == ids
    assert len(split_cell(sources.loc[S003, "basis_ids"])) == 3


def test_a_claim_row_says_who_said_it_how_firmly_and_what_it_reports(tables, records):
    claims = tables["claims"].set_index("claim_id")
    attributed = 0
    for cid, loc in records.claims.items():
        c, row = loc.record, claims.loc[cid]
        assert (row.source_id, row.quote, row.statement) == (c.source, c.quote, c.statement)
        assert (row.subject_id, row.modality, row.status) == (c.subject, c.modality, c.status)
        if c.attribution == OUTLET:
            assert (row.said_by, row.said_how, row.said_words) == (OUTLET, None, None)
        else:
            attributed += 1
            said = (c.attribution.by, c.attribution.how, c.attribution.words)
            assert (row.said_by, row.said_how, row.said_words) == said
        ms = c.milestone
        expected = (ms.id, ms.change, ms.what) if ms else (None, None, None)
        assert (row.milestone_id, row.milestone_change, row.milestone_what) == expected
    assert attributed > 0


def test_a_claim_is_known_from_the_day_its_source_became_known(tables, records):
    sources = tables["sources"].set_index("source_id")
    # a dated source: its publication day; an undated one: its lower bound
    assert sources.loc[S003, "known_from"] == sources.loc[S003, "published_end"] == "2026-01-16"
    assert sources.loc[S000, "published_end"] is None
    assert sources.loc[S000, "known_from"] == records.sources[S000].record.not_before.date
    for c in tables["claims"].itertuples():
        assert c.known_from == sources.loc[c.source_id, "known_from"], c.claim_id


def test_a_source_dated_only_to_a_month_is_known_from_the_last_day_of_that_month(data_copy):
    edit(
        data_copy / "sources" / f"{S003}.yaml",
        'published: "2026-01-16"',
        'published: "January 2026"',
    )
    _, tables = tabulated(data_copy)
    source = tables["sources"].set_index("source_id").loc[S003]
    assert (source.published_precision, source.known_from) == ("month", "2026-01-31")
    claims = tables["claims"]
    assert set(claims[claims.source_id == S003].known_from) == {"2026-01-31"}


def test_a_source_with_no_date_and_no_lower_bound_is_known_from_no_day(data_copy):
    path = data_copy / "sources" / f"{S000}.yaml"
    text = path.read_text(encoding="utf-8")
    without_bound = re.sub(r"^not_before:.*?(?=^dateline:)", "", text, flags=re.M | re.S)
    assert "not_before:" in text and "not_before:" not in without_bound
    path.write_text(without_bound, encoding="utf-8")
    _, tables = tabulated(data_copy)
    assert tables["sources"].set_index("source_id").loc[S000, "known_from"] is None
    claims = tables["claims"]
    assert claims[claims.source_id == S000].known_from.map(is_missing).all()
    assert not claims[claims.source_id == S003].known_from.map(is_missing).any()


def test_quote_offsets_point_at_the_quote_in_the_source_text(shipped):
    root, data, _, tables = shipped
    texts = {
        sid: (root / "sources" / loc.record.file).read_bytes().decode("utf-8")
        for sid, loc in data.sources.items()
    }
    for c in tables["claims"].itertuples():
        start, end = int(c.quote_start), int(c.quote_end)
        passage = texts[c.source_id][start:end]
        assert normalise(passage) == normalise(c.quote), c.claim_id
        assert passage == passage.strip(), c.claim_id  # the quote itself, no margin


# ---- typed: the same types in memory and read back from CSV


def test_typed_orders_the_columns_makes_integers_int64_and_missing_cells_none():
    # as a merge leaves it: columns out of order, a helper column, float counts, NaN
    merged = pd.DataFrame(
        {
            "n_claims": [2.0, float("nan")],
            "_merge": ["both", "left_only"],
            "actor_id": ["motegi", "kitamura"],
            "name": ["Toshimitsu Motegi", "Toshihiro Kitamura"],
            "kind": ["person", "person"],
            "role": [float("nan"), "spokesperson"],
            "country": ["JP", None],
            "aliases": ["Motegi", float("nan")],
        }
    )
    actors = typed("actors", merged)
    assert list(actors.columns) == columns("actors")
    assert str(actors.n_claims.dtype) == "Int64"
    assert actors.n_claims.iloc[0] == 2 and actors.n_claims.isna().iloc[1]
    assert actors.role.iloc[0] is None and actors.country.iloc[1] is None
    assert actors.aliases.iloc[1] is None


def test_typed_reads_integers_written_as_text_and_empty_text_cells_as_none():
    # a CSV read as text: counts are strings, empty cells NaN
    read = pd.DataFrame(
        {
            "topic_id": ["semiconductors", "tourism"],
            "title": ["Chips", "Tourism"],
            "sectors": ["trade-investment;economic-security", float("nan")],
            "description": ["…", "…"],
            "n_claims": ["3", "0"],
            "n_sources": ["2", float("nan")],
            "n_firm": ["1", "0"],
            "n_independent": ["1", "0"],
            "source_ids": [f"{S000};{S003}", float("nan")],
        },
        dtype=object,
    )
    topics = typed("topics", read)
    for column in integer_columns("topics"):
        assert str(topics[column].dtype) == "Int64", column
    assert topics.n_claims.tolist() == [3, 0]
    assert topics.n_sources.isna().tolist() == [False, True]
    assert topics.sectors.iloc[1] is None and topics.source_ids.iloc[1] is None


@pytest.mark.parametrize("where", ["in memory", "read back from CSV"])
@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_has_int64_integers_and_none_for_missing_cells(
    name, where, shipped_tables, processed_tables
):
    table = (shipped_tables if where == "in memory" else processed_tables)[name]
    assert list(table.columns) == columns(name)
    for column in table.columns:
        if column in integer_columns(name):
            assert str(table[column].dtype) == "Int64", column
        else:
            assert table[column].dtype == object, column
            odd = [v for v in table[column] if v is not None and not isinstance(v, str)]
            assert not odd, (column, odd[:3])


def test_the_tables_hold_the_same_values_in_memory_and_read_back_from_csv(
    shipped_tables, processed_tables
):
    # An empty list cell is "" in memory and None from CSV (reported, not asserted here):
    # both count as no value.
    def values(table):
        return table.map(lambda v: None if is_missing(v) or v == "" else v)

    for name in TABLES:
        memory, csv = shipped_tables[name], processed_tables[name]
        assert len(memory) > 0, name
        pd.testing.assert_frame_equal(values(memory), values(csv), obj=name)


def test_an_event_row_names_the_event_it_ended_before_and_the_claim_saying_so(tables, records):
    events = tables["events"].set_index("event_id")
    narrowed = 0
    for eid, loc in records.events.items():
        rel = loc.record.ends_before
        expected = (rel.event, rel.claim) if rel else (None, None)
        assert (events.loc[eid, "ends_before"], events.loc[eid, "ends_before_claim"]) == expected
        narrowed += rel is not None
    assert narrowed > 0, "no shipped event ends before another: the columns are not exercised"
    meeting = events.loc["motegi-meets-modi"]
    assert (meeting.date_start, meeting.date_end) == ("2026-01-15", "2026-01-16")
