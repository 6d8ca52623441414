"""A problem with the input, located precisely enough to fix it, and the error listing them all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module: keep it light
    from pydantic import BaseModel


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix it."""

    file: str
    message: str
    record: str | None = None  # e.g. "claim 'a01'"
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts) + f": {self.message}"


class CurationError(Exception):
    """The curated data has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} in the input data (nothing was written):"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


@dataclass
class Located:
    """A validated record and where it came from."""

    record: BaseModel
    file: str
    line: int | None
    label: str

    def problem(self, message: str, field: str | None = None) -> Problem:
        return Problem(self.file, message, self.label, field, self.line)


# Refusals of the intake commands, here so the command line can catch them without
# importing what raises them.
class SourceError(ValueError):
    """The file cannot be added; nothing was written."""


class AcceptError(ValueError):
    """The review file cannot be accepted as it stands; nothing was changed."""


class ParameterError(ValueError):
    """The parameter set is invalid; `problems` lists every reason."""

    def __init__(self, source: str, problems: list[str]):
        self.source, self.problems = source, problems
        lines = [f"invalid memo parameters in {source} (no notebook was run):"]
        lines += [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))
