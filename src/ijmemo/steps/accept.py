"""The accept step: reviewed candidates become curated claims. Nothing else is rewritten.

    accept_source(source_id)
        reads data/review/<id>.yaml (intake/review_file), and writes what the analyst
        accepted: the candidates as curated/claims/<id>.yaml (with `attribution`,
        `modality`, `framing`, `status`, `milestone`, `alias` and `note` on each claim),
        the new actors, events and initiatives appended to their curated files, and what
        the source rests on into its metadata record. Statuses, milestones and aliases are
        derived from the claims, so accepting only ever appends.

Every problem is reported at once: the review's own (a field left empty, an unaccepted
new subject in use) together with what validating all the data with the complete
candidates finds. On any problem every file is restored, so nothing is left
half-accepted. Accepting again after a fix replaces the source's claims file; new records
an earlier accept already appended are not appended twice.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ijmemo.core.atomic import write_together
from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import AcceptError, CurationError, Problem
from ijmemo.core.yamlio import load_yaml
from ijmemo.evidence.derive import derive
from ijmemo.intake.new_records import NEW_RECORDS, claim_block, record_block, with_rests_on
from ijmemo.intake.review_file import Reviewed, read_review, refusal
from ijmemo.steps.curate import review


@dataclass
class Accepted:
    claim_ids: list[str]
    status_moves: list[tuple[str, str, str, str]]  # initiative, from, to, claim
    aliases: list[tuple[str, str]]  # initiative, alias
    actor_ids: list[str]  # new actors appended to actors.yaml
    subject_ids: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) appended
    bases: list[str] = field(default_factory=list)  # rests_on ids on the source record
    replaced: bool = False  # the source's claims file was replaced (accepted again)


def accept_source(source_id: str, data_dir=None) -> Accepted:
    """Write one review file's accepted entries into the curated data, validated."""
    paths = DataPaths.at(data_dir)
    # load
    curated = _curated_records(paths)
    ids = frozenset(i for records in curated.values() for i in records)
    reviewed = read_review(paths.review / f"{source_id}.yaml", source_id, ids)
    new, clashes = _not_yet_curated(curated, reviewed)
    problems = reviewed.problems + clashes
    if not reviewed.candidates:
        raise AcceptError(refusal(problems))
    replaced = (paths.claims / f"{source_id}.yaml").is_file()
    # save, then process: everything validated, or nothing kept
    tables = _write_validated(paths, source_id, reviewed, new, problems)
    candidates = reviewed.candidates
    return Accepted(
        [c["id"] for c in candidates],
        _status_moves(tables, source_id, candidates),
        [(c["subject"], c["alias"]) for c in candidates if c.get("alias")],
        [a["id"] for a in new["actor"]],
        [(kind, r["id"]) for kind in ("event", "initiative") for r in new[kind]],
        [b["id"] for b in reviewed.bases],
        replaced,
    )


def dry_run(source_id: str, review_text: str | None = None, data_dir=None) -> list[str]:
    """What accept would say of the review file (or of `review_text`, the file as edited and
    not yet saved): every problem, by the same rules, from accepting into a scratch copy of
    the data. [] when it would accept. Nothing under the data folder is written."""
    paths = DataPaths.at(data_dir)
    with tempfile.TemporaryDirectory() as scratch:
        copy = DataPaths.at(Path(scratch) / paths.root.name)
        for part in (paths.sources, paths.curated, paths.review):
            if part.is_dir():
                shutil.copytree(part, copy.root / part.name)
        # Parsed and checked once already (kept by content): only the edits are done again.
        for kept, there in zip(paths.kept_checks, copy.kept_checks, strict=True):
            if kept.is_dir():
                shutil.copytree(kept, there)
            elif kept.is_file():
                there.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(kept, there)
        if review_text is not None:
            (copy.review / f"{source_id}.yaml").write_text(review_text, encoding="utf-8")
        try:
            accept_source(source_id, data_dir=copy.root)
        except AcceptError as exc:
            lines = str(exc).splitlines()[1:] or [str(exc)]
            return [_as_in_data(line.removeprefix("  - "), copy, paths) for line in lines]
        except CurationError as exc:
            return [_as_in_data(str(p), copy, paths) for p in exc.problems]
    return []


def _as_in_data(message: str, copy: DataPaths, paths: DataPaths) -> str:
    """A problem found in the scratch copy, naming the analyst's own files."""
    return message.replace(str(copy.root), str(paths.root))


def _curated_records(paths: DataPaths) -> dict[str, dict[str, dict]]:
    """The actors, events and initiatives already curated, by kind and id (read once)."""
    return {
        kind: {
            r["id"]: r
            for r in load_yaml(paths.curated / filename) or []
            if isinstance(r, dict) and isinstance(r.get("id"), str)
        }
        for kind, (filename, _) in NEW_RECORDS.items()
    }


def _not_yet_curated(curated_by_kind: dict, reviewed: Reviewed) -> tuple[dict, list[str]]:
    """The accepted new records by kind, less those an earlier accept of this source
    already appended (same id, same fields); an id taken by a different record is a problem."""
    proposed = {
        "actor": reviewed.actors,
        "event": [r for kind, r in reviewed.subjects if kind == "event"],
        "initiative": [r for kind, r in reviewed.subjects if kind == "initiative"],
    }
    new, problems = {}, []
    for kind, records in proposed.items():
        filename, fields = NEW_RECORDS[kind]
        curated = curated_by_kind[kind]
        new[kind] = []
        for r in records:
            held = curated.get(r.get("id"))
            if held is None:
                new[kind].append(r)
            elif differ := [k for k in fields if _value(held.get(k)) != _value(r.get(k))]:
                shown = "; ".join(f"{k}: {held.get(k)!r} there, {r.get(k)!r} here" for k in differ)
                problems.append(
                    f"new {kind} '{r['id']}': already in {filename} with other values ({shown}): "
                    f"edit it there, and set accept: false on it here"
                )
    return new, problems


def _value(v):
    return None if v in (None, []) else v


def _write_validated(paths: DataPaths, source_id: str, reviewed, new, problems) -> dict:
    """Write the claims file, the new records and the source's bases all together, then
    validate all the data; on any problem (the review's or validation's) the files are put
    back all together and every problem is raised. Returns the tables with the new claims."""
    after_bytes = _new_contents(paths, source_id, reviewed, new)
    before = {p: p.read_bytes() if p.is_file() else None for p in after_bytes}
    write_together(after_bytes)
    try:
        after = review(paths.root)
        found = [_on_review(p, paths, source_id, reviewed) for p in after.problems]
        if problems:
            raise AcceptError(refusal(problems + [str(p) for p in found]))
        if found:
            raise CurationError(found)
    except BaseException:
        write_together({p: b for p, b in before.items() if b is not None})
        for p in (p for p, b in before.items() if b is None):
            p.unlink(missing_ok=True)
        raise
    return after.curation.tables


def _new_contents(paths: DataPaths, source_id: str, reviewed, new) -> dict[Path, bytes]:
    """Every file accept changes, with its new bytes (only the files that change)."""
    out = {paths.claims / f"{source_id}.yaml": claim_block(source_id, reviewed.candidates)}
    for kind, records in new.items():
        if records:
            target = paths.curated / NEW_RECORDS[kind][0]
            out[target] = target.read_text(encoding="utf-8") + record_block(
                source_id, kind, records
            )
    meta = paths.sources / f"{source_id}.yaml"
    if (reviewed.bases or reviewed.bases_listed) and meta.is_file():
        text = meta.read_text(encoding="utf-8")
        bases = _rests_on(load_yaml(meta), reviewed)
        if (changed := with_rests_on(text, bases)) != text:
            out[meta] = changed
    return {path: text.encode("utf-8") for path, text in out.items()}


def _rests_on(meta: dict | None, reviewed) -> list[dict]:
    """The source's bases after accept: the ones the review accepted, in place of every
    one it lists (a basis accepted before and un-accepted now goes); one the analyst wrote
    on the source and the review does not list is kept."""
    listed = {*reviewed.bases_listed, *(b["id"] for b in reviewed.bases)}
    written = (meta or {}).get("rests_on") or []
    kept = [dict(b) for b in written if isinstance(b, dict) and b.get("id") not in listed]
    return kept + reviewed.bases


def _on_review(problem: Problem, paths: DataPaths, source_id: str, reviewed) -> Problem:
    """A problem found in the claims file accept wrote is the analyst's to fix in the review
    file: said there, at the candidate's line."""
    claims = paths.display(paths.claims / f"{source_id}.yaml")
    cid = (problem.record or "").removeprefix("claim '").removesuffix("'")
    line = next((c.line for c in reviewed.candidates if c.get("id") == cid), None)
    if problem.file != claims or line is None:
        return problem
    review_file = str(paths.review / f"{source_id}.yaml")  # as the review's own problems
    return Problem(review_file, problem.message, f"candidate '{cid}'", problem.field, line)


def _status_moves(tables: dict, source_id: str, candidates) -> list[tuple]:
    """What the new claims changed, for the analyst (derived, never written anywhere):
    the statuses with and without this source's claims, and the claim that says so."""
    new = _statuses(tables)
    old = _statuses(
        derive({**tables, "claims": tables["claims"][tables["claims"].source_id != source_id]})
    )
    reporting: dict[tuple[str, str], str] = {}  # (initiative, status) → first claim saying it
    for c in candidates:
        if c.get("status"):
            reporting.setdefault((c["subject"], c["status"]), c["id"])
    return [
        (iid, old.get(iid), status, reporting.get((iid, status)))
        for iid, status in new.items()
        if old.get(iid) != status
    ]


def _statuses(tables) -> dict[str, str | None]:
    frame = tables["initiatives"]
    return dict(zip(frame.initiative_id, frame.status, strict=True))
