"""The edition's files beside the memo: brief.md, tracker.csv and the data export.

They need the edition, not the notebook's outputs. The memo's kernel writes them once
its notebook has run (`steps/report.py` hands it `kernel_code`): it has pandas imported
and the evidence kept in `.cache/evidence/` read already, so the build process imports
neither. The edition's record, the edition it compared with and any warning come back
as JSON in a file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the build process imports this module for `kernel_code`: no pandas
    from ijmemo.memo.params import MemoParams
    from ijmemo.memo.sections import Memo


def memo_of(asked: dict) -> Memo:
    """The edition as the build checked it: its parameters (the parameter file's, not the
    notebook's paths), the assessment beside them, and the set's previous record."""
    from ijmemo.evidence.known_kept import known_on_kept
    from ijmemo.memo.history import previous_record
    from ijmemo.memo.params import MemoParams, read_assessment
    from ijmemo.memo.sections import Memo

    params = MemoParams.model_validate(asked["params"])
    assessment = read_assessment(params, Path(asked["params_dir"]))
    editions_dir = asked["editions_dir"] and Path(asked["editions_dir"])
    previous = previous_record(editions_dir, asked["set_name"], params.as_of.isoformat())
    return Memo(known_on_kept(asked["data_dir"], params.as_of), params, assessment, previous)


def write_edition_files(memo: Memo, folder: Path) -> dict:
    """brief.md (page 1 as text to mail round), tracker.csv, and the evidence known on the
    edition date as data/ (with the tracker). Returns the edition's record, the date of
    the edition it compared with, and warnings."""
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
    previous_as_of = (memo.previous or {}).get("as_of")
    return {"record": memo.record(), "previous_as_of": previous_as_of, "warnings": warnings}


def write_from_kernel(request: str) -> None:
    """What the kernel runs: `request` is JSON (`kernel_code`)."""
    asked = json.loads(request)
    answer = write_edition_files(memo_of(asked), Path(asked["folder"]))
    Path(asked["answer"]).write_text(json.dumps(answer), encoding="utf-8")


def kernel_code(
    params: MemoParams, job_paths: dict[str, str | None], folder: Path, answer: Path
) -> str:
    """The code the memo's kernel runs after the notebook: it leaves no name behind.
    `job_paths`: params_dir, data_dir, editions_dir (None: a draft) and set_name."""
    request = {"params": params.model_dump(mode="json"), **job_paths}
    request |= {"folder": str(folder), "answer": str(answer)}
    return (
        "from ijmemo.outputs.edition_files import write_from_kernel as _write\n"
        f"_write({json.dumps(request)!r})\n"
        "del _write\n"
    )
