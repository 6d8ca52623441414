"""The edition's files beside the memo: brief.md, tracker.csv and the data export.

They need the edition, not the notebook's outputs. The memo's kernel writes them once
its notebook has run (`steps/report.py` hands it `kernel_code`): it has pandas and the
evidence loaded already, so the build process imports neither and the evidence is not
read a second time. The edition's record and any warning come back as JSON in a file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the build process imports this module for `kernel_code`: no pandas
    from ijmemo.memo.sections import Memo

# The memo notebook's parameters that make its `MemoParams` (the rest say where it reads).
_PARAMS = (
    "as_of",
    "sectors",
    "countries",
    "period_months",
    "start",
    "end",
    "title",
    "audience",
    "assessment_file",
    "data_dir",
)


def memo_of(parameters: dict) -> Memo:
    """The memo the notebook builds from the same parameters (its first cell, as code)."""
    from ijmemo.memo.params import notebook_params
    from ijmemo.memo.sections import Memo

    params = notebook_params(**{name: parameters[name] for name in _PARAMS})
    return Memo.build(
        params, parameters["data_dir"], parameters["edition_set"], parameters["editions_dir"]
    )


def write_edition_files(memo: Memo, folder: Path) -> dict:
    """brief.md (page 1 as text to mail round), tracker.csv, and the evidence known on the
    edition date as data/ (with the tracker). Returns the edition's record and warnings."""
    from ijmemo.memo.brief import OLD_EVIDENCE_DAYS, brief_markdown, brief_of
    from ijmemo.memo.tracker import tracker_of
    from ijmemo.metadata.datapackage import write_csv, write_tables

    keys = memo.source_keys()

    def source_keys(claim_ids) -> list[str]:
        found = {keys[memo.claims.loc[c, "source_id"]] for c in claim_ids}
        return sorted(found, key=lambda k: int(k[1:]))

    brief = brief_of(memo, memo.assessment, memo.previous)
    (folder / "brief.md").write_text(brief_markdown(brief, source_keys), encoding="utf-8")
    tracker = tracker_of(memo, memo.previous)
    write_csv(tracker, folder / "tracker.csv")
    write_tables({**memo.tables, "tracker": tracker}, folder / "data")
    warnings = []
    age = memo.evidence_age()
    if age is not None and age > OLD_EVIDENCE_DAYS:
        warnings.append(
            f"this edition rests on old evidence: the newest source is from "
            f"{memo.evidence_until} ({age} days before {memo.params.as_of}); add newer "
            "articles (make add-source) before reading closed windows as missed"
        )
    return {"record": memo.record(), "warnings": warnings}


def write_from_kernel(request: str) -> None:
    """What the kernel runs: `request` is JSON of the notebook's parameters, the folder
    to write in and the file to answer in."""
    asked = json.loads(request)
    answer = write_edition_files(memo_of(asked["parameters"]), Path(asked["folder"]))
    Path(asked["answer"]).write_text(json.dumps(answer), encoding="utf-8")


def kernel_code(parameters: dict, folder: Path, answer: Path) -> str:
    """The code the memo's kernel runs after the notebook: it leaves no name behind."""
    request = json.dumps(
        {"parameters": parameters, "folder": str(folder), "answer": str(answer)}, default=str
    )
    return (
        "from ijmemo.outputs.edition_files import write_from_kernel as _write\n"
        f"_write({request!r})\n"
        "del _write\n"
    )
