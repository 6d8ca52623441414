"""Parameter sets: every problem refused at once, naming the parameter, before any notebook runs."""

from __future__ import annotations

import json

import pytest

from ijmemo.core.paths import NOTEBOOKS_DIR
from ijmemo.core.problems import ParameterError
from ijmemo.memo.params import check_params, load_params

from conftest import params_for


def refused(tmp_path, text: str, sectors=("defence",)) -> list[str]:
    """The problems listed for a parameter file with `text` (it must be refused)."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\naudience: a\n" + text, encoding="utf-8")
    with pytest.raises(ParameterError) as caught:
        load_params(bad, list(sectors), ["IN", "JP"])
    return caught.value.problems


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"sectors": ["space"]}, "'sectors': unknown sector 'space'; allowed: critical-minerals"),
        ({"countries": ["XX"]}, "'countries': unknown country 'XX'; allowed: CN, IN, IT, JP"),
        ({"as_of": "20 January"}, "'as_of': '20 January' is not a date; use YYYY-MM-DD"),
        ({"as_of": "2026-02-30"}, "'as_of'"),
        (
            {"start": "2026-02-01", "end": "2026-01-01"},
            "'end': 2026-01-01 is before start (2026-02-01)",
        ),
        ({"sectors": "critical-minerals"}, "'sectors': input should be a valid list"),
        ({"title": ""}, "'title'"),
        ({"focus": ["energy"]}, "'focus' is not a parameter; parameters are: as_of, sectors"),
    ],
)
def test_bad_parameters_are_refused_naming_the_parameter(processed_tables, change, named):
    raw = params_for(processed_tables, "default").model_dump(mode="json") | change
    with pytest.raises(ParameterError) as caught:
        check_params(
            raw,
            processed_tables["sectors"].sector_id.tolist(),
            processed_tables["countries"].code.tolist(),
        )
    assert named in str(caught.value)


def test_notebook_defaults_are_the_default_parameter_set(processed_tables):
    nb = json.loads((NOTEBOOKS_DIR / "02_memo.ipynb").read_text())
    cell = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    scope: dict = {}
    exec("".join(cell["source"]), scope)  # the cell is plain assignments
    default = params_for(processed_tables, "default").model_dump(mode="json")
    assert {k: scope[k] for k in default} == default


def test_every_problem_in_a_parameter_file_is_listed_at_once(tmp_path):
    problems = refused(
        tmp_path,
        "as_of: 2026-13-45\nstart: 2025-11-01\nend: 2026-01-31\n"
        "sectors: [nope]\ncountries: [IN, JP]\nassessment_file: missing.md\n",
    )
    fields = [p.split(":")[0] for p in problems]
    # a missing assessment file no longer hides the bad date and the unknown sector
    assert fields == ["'assessment_file'", "'as_of'", "'sectors'"]


def test_a_period_ending_before_it_starts_is_reported_beside_other_problems(tmp_path):
    problems = refused(
        tmp_path,
        "as_of: next Friday\nstart: 2026-03-01\nend: 2026-01-31\nsectors: critical-minerals\n",
        sectors=["critical-minerals"],
    )
    assert problems == [
        "'as_of': 'next Friday' is not a date; use YYYY-MM-DD",
        "'sectors': input should be a valid list (got 'critical-minerals')",
        "'end': 2026-01-31 is before start (2026-03-01)",
    ]


def test_an_assessment_file_that_is_a_folder_is_named_as_one(tmp_path):
    problems = refused(
        tmp_path, "as_of: 2026-01-20\nstart: 2025-11-01\nend: 2026-01-31\nassessment_file: .\n"
    )
    assert problems == [f"'assessment_file': {tmp_path} is a folder, not a Markdown file"]
