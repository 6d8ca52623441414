"""The data dictionary: every listed column defined once, and every allowed value named."""

from __future__ import annotations

import re
import typing

import pytest

from ijmemo.metadata import schema
from ijmemo.metadata.fields import FIELDS, INT, enum, field
from ijmemo.metadata.tables import TABLES, columns, integer_columns
from ijmemo.metadata.vocabularies import MODALITIES, PRECISIONS, STATUSES

ALL_COLUMNS = [(t, c) for t in TABLES for c in columns(t)]
ENUM_COLUMNS = [(t, c) for t, c in ALL_COLUMNS if enum(t, c)]


def names(value: str, text: str) -> bool:
    """`value` appears in `text` as a whole word ('new' is not named by 'news')."""
    return re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text) is not None


def test_every_column_of_every_table_is_defined():
    undefined = [f"{t}.{c}" for t, c in ALL_COLUMNS if c not in FIELDS]
    assert undefined == []


def test_no_table_lists_a_column_twice():
    for table in TABLES:
        assert len(columns(table)) == len(set(columns(table))), table


@pytest.mark.parametrize("table", list(TABLES))
def test_a_tables_primary_key_is_among_its_columns(table):
    key = TABLES[table]["key"]
    assert key, table
    assert set(key) <= set(columns(table))


def test_every_column_has_a_known_type_and_a_description():
    for table, column in ALL_COLUMNS:
        kind, text = field(table, column)
        assert kind in {"string", "integer", "date"}, (table, column)
        assert text.strip(), (table, column)


def test_counts_and_quote_offsets_are_integers_and_windows_are_dates():
    for table, column in ALL_COLUMNS:
        kind, _ = field(table, column)
        if column.startswith("n_") or column in ("quote_start", "quote_end"):
            assert kind == INT and column in integer_columns(table), (table, column)
        elif column.endswith(("_start", "_end")) or column in ("known_from", "known_until"):
            assert kind == "date", (table, column)
        else:
            assert column not in integer_columns(table) or column == "credibility", column


@pytest.mark.parametrize(
    ("table", "column"), ENUM_COLUMNS, ids=[f"{t}.{c}" for t, c in ENUM_COLUMNS]
)
def test_a_columns_description_names_each_of_its_allowed_values(table, column):
    _, text = field(table, column)
    assert [v for v in enum(table, column) if not names(v, text)] == []


def test_the_date_precisions_described_include_deadline():
    assert "deadline" in PRECISIONS
    for column in ("date_precision", "published_precision", "due_precision"):
        table = next(t for t, c in ALL_COLUMNS if c == column)
        assert enum(table, column) == PRECISIONS
        assert names("deadline", field(table, column)[1]), column


def test_the_modality_and_status_columns_take_their_vocabularies():
    assert enum("claims", "modality") == tuple(MODALITIES)
    assert enum("claims", "status") == tuple(STATUSES)
    assert enum("status_history", "status") == tuple(STATUSES)


def test_a_free_text_column_has_no_vocabulary():
    for column in ("quote", "statement", "title", "claim_id", "location"):
        for table in TABLES:
            if column in columns(table):
                assert enum(table, column) is None, (table, column)


def allowed(model, name: str) -> tuple[str, ...]:
    return typing.get_args(model.model_fields[name].annotation)


def test_kind_has_its_own_vocabulary_in_each_table():
    kinds = {t: enum(t, "kind") for t in ("sources", "actors", "events")}
    assert len(set(kinds.values())) == 3
    assert "news article" in kinds["sources"]
    assert "ministry" in kinds["actors"]
    assert "summit" in kinds["events"]


@pytest.mark.parametrize(
    ("table", "model"),
    [("sources", schema.Source), ("actors", schema.Actor), ("events", schema.Event)],
)
def test_the_kinds_a_table_allows_are_those_its_records_may_have(table, model):
    assert enum(table, "kind") == allowed(model, "kind")
    _, text = field(table, "kind")
    assert all(names(v, text) for v in allowed(model, "kind"))


@pytest.mark.parametrize(
    ("table", "column", "model", "name"),
    [
        ("claims", "modality", schema.Claim, "modality"),
        ("claims", "milestone_change", schema.MilestoneReport, "change"),
        ("claims", "said_how", schema.Attribution, "how"),
    ],
)
def test_a_claims_coded_column_allows_what_the_claim_record_allows(table, column, model, name):
    assert set(enum(table, column)) == set(allowed(model, name))


def test_a_claims_status_and_framing_allow_what_the_record_allows_besides_none():
    for column, name in (("status", "status"), ("framing", "framing")):
        args = typing.get_args(schema.Claim.model_fields[name].annotation)  # Literal | None
        literal = next(a for a in args if a is not type(None))
        assert set(enum("claims", column)) == set(typing.get_args(literal)), column
