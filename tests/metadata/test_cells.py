"""Table cells: an empty cell is missing, and a multi-valued cell reads back as its list."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ijmemo.metadata.cells import LIST_SEPARATOR, is_missing, join_cell, split_cell

# A single value of a multi-valued cell: anything but empty or holding the separator.
VALUES = st.text(alphabet=st.characters(blacklist_characters=LIST_SEPARATOR), min_size=1)


@given(st.lists(VALUES))
def test_a_list_joined_into_a_cell_splits_back_into_the_same_list(values):
    assert split_cell(join_cell(values)) == values


@given(st.lists(VALUES, min_size=1))
def test_a_cell_holds_one_separator_between_each_pair_of_values(values):
    assert join_cell(values).count(LIST_SEPARATOR) == len(values) - 1


def test_a_multi_valued_cell_is_written_with_semicolons():
    assert join_cell(["trade", "security"]) == "trade;security"
    assert split_cell("trade;security") == ["trade", "security"]
    assert split_cell("trade") == ["trade"]


def test_no_values_make_an_empty_cell_and_an_empty_cell_no_values():
    assert join_cell([]) == ""
    assert split_cell("") == []


@pytest.mark.parametrize("cell", [None, float("nan")], ids=["None", "NaN"])
def test_none_and_nan_are_missing_cells_with_no_values(cell):
    assert is_missing(cell)
    assert split_cell(cell) == []


@pytest.mark.parametrize("cell", ["trade", "nan", "None", " ", "0"])
def test_a_string_is_never_missing_even_one_that_reads_like_nothing(cell):
    assert not is_missing(cell)
    assert split_cell(cell) == [cell]


@pytest.mark.parametrize("cell", [0, 0.0, False])
def test_a_zero_or_false_is_a_value_not_a_missing_cell(cell):
    assert not is_missing(cell)


def test_an_empty_cell_read_back_from_a_csv_is_missing():
    frame = pd.read_csv(io.StringIO("initiative_id,sectors\nai-dialogue,\nhsr,rail;trade\n"))
    empty, filled = frame.sectors
    assert is_missing(empty)
    assert split_cell(empty) == []
    assert not is_missing(filled)
    assert split_cell(filled) == ["rail", "trade"]


def test_an_empty_integer_cell_is_missing_and_splits_to_nothing():
    empty = pd.array([None], dtype="Int64")[0]  # pandas' NA, as an empty count reads back
    assert is_missing(empty)
    assert split_cell(empty) == []
