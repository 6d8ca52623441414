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

from dataclasses import dataclass, field
from pathlib import Path

from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import AcceptError, CurationError
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
    reviewed = read_review(paths.review / f"{source_id}.yaml", source_id)
    new, clashes = _not_yet_curated(paths, reviewed)
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


def _not_yet_curated(paths: DataPaths, reviewed: Reviewed) -> tuple[dict, list[str]]:
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
        curated = {r.get("id"): r for r in load_yaml(paths.curated / filename) or []}
        new[kind] = []
        for r in records:
            held = curated.get(r.get("id"))
            if held is None:
                new[kind].append(r)
            elif any(_value(held.get(k)) != _value(r.get(k)) for k in fields):
                problems.append(
                    f"new {kind} '{r['id']}', field 'id': already taken in {filename} by "
                    "a different record; choose another id"
                )
    return new, problems


def _value(v):
    return None if v in (None, []) else v


def _write_validated(paths: DataPaths, source_id: str, reviewed, new, problems) -> dict:
    """Write the claims file and append the new records, then validate all the data; on
    any problem (the review's or validation's) every file is restored and all are raised.
    Returns the tables with the new claims."""
    claims_path = paths.claims / f"{source_id}.yaml"
    touched = [claims_path, paths.sources / f"{source_id}.yaml"]
    touched += [paths.curated / NEW_RECORDS[kind][0] for kind in NEW_RECORDS]
    before = {p: p.read_bytes() if p.is_file() else None for p in touched}
    try:
        for kind, records in new.items():
            if records:
                with (paths.curated / NEW_RECORDS[kind][0]).open("a", encoding="utf-8") as fh:
                    fh.write(record_block(source_id, kind, records))
        claims_path.parent.mkdir(parents=True, exist_ok=True)
        claims_path.write_text(claim_block(source_id, reviewed.candidates), encoding="utf-8")
        _write_rests_on(paths.sources / f"{source_id}.yaml", reviewed.bases)
        after = review(paths.root)
        if problems:
            raise AcceptError(refusal(problems + [str(p) for p in after.problems]))
        if after.problems:
            raise CurationError(after.problems)
    except BaseException:
        _restore(before)
        raise
    return after.curation.tables


def _write_rests_on(meta: Path, bases: list[dict]) -> None:
    if bases and meta.is_file():
        meta.write_text(with_rests_on(meta.read_text(encoding="utf-8"), bases), encoding="utf-8")


def _restore(before: dict[Path, bytes | None]) -> None:
    for path, data in before.items():
        if data is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(data)


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
