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
    given = {k: scope[k] for k in default if scope[k] is not None}  # None: derived from as_of
    from_notebook = check_params(
        given,
        processed_tables["sectors"].sector_id.tolist(),
        processed_tables["countries"].code.tolist(),
    )
    assert from_notebook.model_dump(mode="json") == default


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


def test_the_period_follows_the_edition_date(processed_tables):
    april = params_for(processed_tables, "default", as_of="2026-04-15")
    assert (april.start.isoformat(), april.end.isoformat()) == ("2026-01-16", "2026-04-15")
    half = params_for(processed_tables, "default", as_of="2026-08-31", period_months=6)
    assert (half.start.isoformat(), half.end.isoformat()) == ("2026-03-01", "2026-08-31")
    fixed = params_for(processed_tables, "default", start="2025-11-01", end="2026-01-31")
    assert (fixed.start.isoformat(), fixed.end.isoformat()) == ("2025-11-01", "2026-01-31")


def test_months_before_keeps_the_day_or_the_months_last():
    from datetime import date

    from ijmemo.memo.params import months_before

    assert months_before(date(2026, 1, 20), 3) == date(2025, 10, 20)
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 15), 15) == date(2024, 12, 15)


def test_a_bad_override_is_refused_like_a_bad_file_value(processed_tables):
    with pytest.raises(ParameterError) as caught:
        params_for(processed_tables, "default", as_of="2026-13-01", period_months=0)
    text = str(caught.value)
    assert "'as_of': '2026-13-01' is not a date" in text and "'period_months'" in text
