"""Memo parameters: loaded from report/params/<name>.yaml and checked before anything runs.

A bad parameter set is refused with one message per problem, naming the
parameter and what it accepts, so no notebook ever starts on bad input.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from ijmemo.core.paths import PARAMS_DIR, DataPaths
from ijmemo.core.problems import ParameterError
from ijmemo.core.yamlio import YamlError, load_yaml
from ijmemo.evidence.manifest import processed_column
from ijmemo.memo.assessment import Assessment, assessment_as_of, date_problems

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_DATE = TypeAdapter(date)


class MemoParams(BaseModel):
    """The parameters of one memo edition. Defaults are fixed, never the clock."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    as_of: date = Field(description="edition date: statuses and deadlines are judged against it")
    sectors: list[str] = Field(default=[], description="focus sector ids; empty = all sectors")
    countries: list[str] = Field(default=["IN", "JP"], min_length=1, description="country codes")
    period_months: int = Field(
        default=3, ge=1, le=36, description="months the period covers, ending on as_of"
    )
    start: date = Field(description="first day of the period covered (default: from as_of)")
    end: date = Field(description="last day of the period covered (default: as_of)")
    title: Text
    audience: Text
    assessment_file: str | None = Field(
        default=None, description="Markdown assessment beside the YAML (labelled as assessment)"
    )

    @model_validator(mode="before")
    @classmethod
    def _period_follows_the_edition(cls, values):
        """Without a start and an end, the period is the `period_months` ending on as_of, so
        an edition of a later date covers later news (never a period copied from another)."""
        if not isinstance(values, dict) or (values.get("start") and values.get("end")):
            return values
        try:
            as_of = _DATE.validate_python(values.get("as_of"))
            months = int(values.get("period_months", 3))
        except (ValidationError, TypeError, ValueError):
            return values  # reported as a bad as_of or period_months
        filled = dict(values)
        filled.setdefault("end", as_of)
        filled.setdefault("start", months_before(as_of, months) + timedelta(days=1))
        return filled

    @model_validator(mode="after")
    def _period_is_a_window(self):
        problem = _period_problem(self.start, self.end)
        if problem:
            raise ValueError(problem)
        return self

    def notebook_parameters(self) -> dict:
        """What papermill injects: plain JSON-able values."""
        values = self.model_dump(mode="json")
        return values


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has no such day)."""
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period_problem(start: date, end: date) -> str | None:
    return f"'end': {end} is before start ({start})" if end < start else None


def _period_of(values: dict) -> str | None:
    """The period's problem when start and end are dates, whatever else is wrong: the
    model checks the period only once every field is valid."""
    try:
        start, end = (_DATE.validate_python(values.get(k)) for k in ("start", "end"))
    except ValidationError:
        return None  # reported as a bad or missing date
    return _period_problem(start, end)


def _describe(err: dict) -> str:
    name = ".".join(str(p) for p in err["loc"]) or "(parameter set)"
    given = err.get("input")
    if err["type"] == "extra_forbidden":
        allowed = ", ".join(MemoParams.model_fields)
        return f"'{name}' is not a parameter; parameters are: {allowed}"
    if err["type"] == "missing":
        return f"'{name}' is required"
    if err["type"].startswith("date"):
        return f"'{name}': {given!r} is not a date; use YYYY-MM-DD"
    if err["type"] == "value_error":
        return err["msg"].removeprefix("Value error, ")
    return f"'{name}': {err['msg'].lower()} (got {given!r})"


def check_params(
    raw: dict,
    sector_ids: list[str],
    country_codes: list[str],
    source: str = "parameters",
    problems: list[str] | None = None,
) -> MemoParams:
    """Validate raw parameter values against the model and the data's vocabularies;
    `problems` already found (e.g. a missing assessment file) are listed with the rest."""
    problems = list(problems or [])
    params = None
    try:
        params = MemoParams.model_validate(raw)
    except ValidationError as exc:
        problems += [_describe(e) for e in exc.errors()]
        period = _period_of(raw if isinstance(raw, dict) else {})
        if period and period not in problems:
            problems.append(period)
    values = raw if isinstance(raw, dict) else {}
    for name, what, allowed in (
        ("sectors", "sector", sector_ids),
        ("countries", "country", country_codes),
    ):
        given = values.get(name) or []
        if isinstance(given, list):  # a wrong type was reported above
            problems += [
                f"'{name}': unknown {what} {v!r}; allowed: {', '.join(allowed)}"
                for v in given
                if v not in allowed
            ]
    if problems:
        raise ParameterError(source, problems)
    return params


def load_params(
    path: str | Path,
    sector_ids: list[str],
    country_codes: list[str],
    overrides: dict | None = None,
) -> MemoParams:
    """Load and validate a parameter set file (YAML); `overrides` (e.g. an as_of given on the
    command line) replace the file's values, so a set's next edition needs no copied file."""
    path = Path(path)
    if not path.is_file():
        known = ", ".join(sorted(p.name for p in PARAMS_DIR.glob("*.yaml")))
        raise ParameterError(str(path), [f"no such parameter file; known sets: {known}"])
    try:
        raw = load_yaml(path)
    except YamlError as exc:
        raise ParameterError(str(path), [str(exc)]) from None
    if not isinstance(raw, dict):
        raise ParameterError(str(path), ["expected a mapping of parameter names to values"])
    raw = {**raw, **(overrides or {})}
    found = []  # every problem is listed at once, this one with the others
    if raw.get("assessment_file"):
        assessment = path.parent / raw["assessment_file"]
        if assessment.is_dir():
            found.append(f"'assessment_file': {assessment} is a folder, not a Markdown file")
        elif not assessment.is_file():
            found.append(f"'assessment_file': {assessment} does not exist")
        else:
            text = assessment.read_text(encoding="utf-8")
            found += [f"'assessment_file': {assessment}: {p}" for p in date_problems(text)]
    return check_params(raw, sector_ids, country_codes, source=str(path), problems=found)


def read_assessment(params: MemoParams, params_dir: Path = PARAMS_DIR) -> Assessment | None:
    """The analyst's assessment the edition shows: the latest written by its date (or None)."""
    if not params.assessment_file:
        return None
    text = (params_dir / params.assessment_file).read_text(encoding="utf-8")
    return assessment_as_of(text, params.as_of)


def declared_as_of(path: str | Path, overrides: dict | None = None) -> str | None:
    """The edition date a parameter set gives ("YYYY-MM-DD", `overrides` first), or None
    if it gives none that is a day: `load_params` says what is wrong, later."""
    try:
        raw = {**load_yaml(Path(path)), **(overrides or {})}
        return date.fromisoformat(str(raw["as_of"])).isoformat()
    except (OSError, YamlError, TypeError, KeyError, ValueError):
        return None


def known_ids(data_dir=None) -> tuple[list[str], list[str]]:
    """The sector ids and country codes a parameter set may name: the processed tables'."""
    paths = DataPaths.at(data_dir)
    sectors = processed_column(paths, "sectors", "sector_id")
    return sectors, processed_column(paths, "countries", "code")


def notebook_params(**values) -> MemoParams:
    """Validate the notebook's parameter cell values (the CLI has checked them already)."""
    sectors, countries = known_ids(values.pop("data_dir", None))
    for bound in ("start", "end"):  # None: the period follows as_of
        if values.get(bound) is None:
            values.pop(bound, None)
    return check_params(values, sectors, countries, source="the notebook's parameters")
