"""The tables as CSV with a Frictionless data package that describes and checks every column."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import frictionless
import pandas as pd
import pytest

from ijmemo.metadata.datapackage import datapackage, write_tables
from ijmemo.metadata.fields import enum
from ijmemo.metadata.tables import TABLES, columns

from conftest import snapshot


@pytest.fixture(scope="module")
def written(shipped_tables, tmp_path_factory) -> Path:
    """The shipped tables written once, as the curate step writes them (read-only here)."""
    folder = tmp_path_factory.mktemp("tables")
    write_tables(shipped_tables, folder)
    return folder


@pytest.fixture
def written_copy(written, tmp_path) -> Path:
    """A scratch copy of the written tables, to edit a CSV as an analyst might."""
    return Path(shutil.copytree(written, tmp_path / "tables"))


def edit_csv(path: Path, row: int, column: str, new: str) -> None:
    """Change one cell of a CSV file (row 0 is the first after the header)."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[row][column] = new
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        out.writeheader()
        out.writerows(rows)


def errors(folder: Path) -> list[dict]:
    report = frictionless.validate(folder / "datapackage.json")
    return [
        {"table": task.name, **error.to_descriptor()}
        for task in report.tasks
        for error in task.errors
    ]


def test_each_table_is_written_as_one_csv_beside_its_data_package(written, shipped_tables):
    names = {p.name for p in written.iterdir()}
    assert names == {f"{t}.csv" for t in shipped_tables} | {"datapackage.json"}
    for name, frame in shipped_tables.items():
        back = pd.read_csv(written / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(back.columns) == columns(name), name
        assert len(back) == len(frame), name


def test_the_package_lists_every_table_with_its_file_and_primary_key(written):
    package = json.loads((written / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(TABLES)
    for name, resource in resources.items():
        assert (written / resource["path"]).is_file(), name
        assert resource["schema"]["primaryKey"] == TABLES[name]["key"], name
        assert [f["name"] for f in resource["schema"]["fields"]] == columns(name), name


def test_frictionless_finds_the_shipped_tables_valid(written):
    assert errors(written) == []


def test_a_value_outside_its_vocabulary_is_reported_at_its_cell(written_copy):
    edit_csv(written_copy / "claims.csv", row=3, column="modality", new="nope")
    found = errors(written_copy)
    assert len(found) == 1, found
    (error,) = found
    assert error["table"] == "claims"
    assert error["type"] == "constraint-error"
    assert error["fieldName"] == "modality"
    assert error["cell"] == "nope"
    assert error["rowNumber"] == 5  # the header is row 1
    assert '"enum"' in error["note"]


def test_a_repeated_primary_key_is_reported(written_copy):
    sectors = written_copy / "sectors.csv"
    first = pd.read_csv(sectors, dtype=str).sector_id[0]
    edit_csv(sectors, row=1, column="sector_id", new=first)
    found = errors(written_copy)
    assert [(e["table"], e["type"]) for e in found] == [("sectors", "primary-key")]


def test_a_number_in_an_integer_column_must_be_a_whole_number(written_copy):
    edit_csv(written_copy / "claims.csv", row=0, column="quote_start", new="twelve")
    found = errors(written_copy)
    assert [(e["table"], e["fieldName"], e["type"]) for e in found] == [
        ("claims", "quote_start", "type-error")
    ]


def test_every_column_has_a_type_and_a_description(shipped_tables):
    for resource in datapackage(shipped_tables)["resources"]:
        for field in resource["schema"]["fields"]:
            where = f"{resource['name']}.{field['name']}"
            assert field["type"] in {"string", "integer", "date"}, where
            assert field["description"].strip(), where


def test_a_column_with_a_vocabulary_lists_its_allowed_values(shipped_tables):
    package = datapackage(shipped_tables)
    kinds = {}
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            allowed = field.get("constraints", {}).get("enum")
            vocabulary = enum(resource["name"], field["name"])
            assert allowed == (list(vocabulary) if vocabulary else None), field["name"]
            if field["name"] == "kind":
                kinds[resource["name"]] = allowed
    assert "meeting" in kinds["events"] and "ministry" in kinds["actors"]
    assert "news article" in kinds["sources"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda f: f.drop(columns=["modality"]), id="a column missing"),
        pytest.param(lambda f: f.assign(extra="x"), id="an extra column"),
        pytest.param(lambda f: f[[f.columns[1], f.columns[0], *f.columns[2:]]], id="reordered"),
    ],
)
def test_a_table_whose_columns_differ_from_its_listing_is_refused(shipped_tables, change):
    tables = {**shipped_tables, "claims": change(shipped_tables["claims"])}
    with pytest.raises(KeyError, match="table claims"):
        datapackage(tables)


def test_writing_the_same_tables_twice_gives_the_same_bytes(shipped_tables, written, tmp_path):
    write_tables(shipped_tables, tmp_path)
    first = snapshot(tmp_path)
    write_tables(shipped_tables, tmp_path)  # over the first, as a rerun would
    assert snapshot(tmp_path) == first == snapshot(written)
