"""The CSV writer's text is the bytes pandas writes, on any text, whole numbers, gaps."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ijmemo.metadata.csv_text import csv_chunks
from ijmemo.metadata.datapackage import write_csv

# Text as the tables hold it, and what makes the csv module quote: commas, quotes,
# line ends of every kind, spaces at the ends, nothing at all.
_TEXT = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from([*list(",\"\r\n ;aé–\t'"), "x", "Q"]), max_size=12),
    st.text(max_size=20),
)


def _pandas(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(_TEXT, _TEXT, st.one_of(st.none(), st.integers(-(10**12), 10**12))),
        max_size=8,
    ),
    names=st.sampled_from([["a", "b", "n"], ["a,b", 'say "x"', "n"]]),
)
def test_text_and_whole_numbers_are_written_as_pandas_writes_them(rows, names):
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    frame[names[2]] = frame[names[2]].astype("Int64")
    assert "".join(csv_chunks(frame)) == _pandas(frame)


def test_other_values_are_left_to_pandas(tmp_path):
    frames = [
        pd.DataFrame({"a": [0.1, None], "b": ["x", "y"]}),  # floats
        pd.DataFrame({"a": [True, False], "b": ["x", "y"]}, dtype=object),  # flags in text
        pd.DataFrame({"a": ["", None]}),  # one column: pandas quotes an empty row
        pd.DataFrame({"a": ["x"], "b": [float("nan")]}, dtype=object),
        pd.DataFrame([["x", "y"]], columns=["a", "a"], dtype=object),  # a name twice
    ]
    for frame in frames:
        write_csv(frame, tmp_path / "t.csv")
        assert (tmp_path / "t.csv").read_bytes() == _pandas(frame).encode("utf-8")


def test_a_table_of_many_rows_is_written_whole(tmp_path):
    frame = pd.DataFrame(
        {"id": [f"c{n:06d}" for n in range(25_001)], "text": ['a, "b"\nc'] * 25_001}
    )
    write_csv(frame, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == _pandas(frame).encode("utf-8")
