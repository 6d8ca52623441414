"""Accept reviewed candidates: they become curated claims. Nothing else is rewritten.

    accept_source(source_id)
        reads data/review/<id>.yaml, appends the proposed new actors marked
        `accept: true` to curated/actors.yaml, takes the candidates marked `accept: true`,
        and writes them to curated/claims/<id>.yaml with what they report and how:
        `attribution`, `modality`, `framing`, `status`, `milestone`, `alias` and
        `note` stay on the claim. Statuses, milestones and
        aliases are derived from the claims, so accepting only ever appends.

Then the whole data set is validated; if anything fails, the claims file is removed (or
restored), the actors file restored, and the problems are reported, so nothing is left
half-accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import AcceptError, CurationError
from ijmemo.core.yamlio import YamlError, load_yaml
from ijmemo.evidence.derive import derive
from ijmemo.metadata.schema import STATUSES
from ijmemo.steps.add_source import review_dir
from ijmemo.steps.curate import review

# A claim's source is its file's name (curated/claims/<source id>.yaml), never a field.
CLAIM_FIELDS = (
    "id",
    "quote",
    "statement",
    "attribution",
    "modality",
    "framing",
    "subject",
    "sectors",
    "countries",
    "actors",
    "date",
    "location",
    "status",
    "milestone",
    "alias",
    "note",
)


@dataclass
class Accepted:
    claim_ids: list[str]
    status_moves: list[tuple[str, str, str, str]]  # initiative, from, to, claim
    aliases: list[tuple[str, str]]  # initiative, alias
    actor_ids: list[str]  # new actors appended to actors.yaml


ACTOR_FIELDS = ("id", "name", "aliases", "kind", "role", "country")


def _accepted_candidates(path: Path, source_id: str) -> tuple[list[dict], list[dict]]:
    """The candidates and the proposed new actors marked `accept: true`."""
    if not path.is_file():
        raise AcceptError(f"no review file {path}; run make add-source first")
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        raise AcceptError(str(exc)) from None
    if not isinstance(doc, dict) or doc.get("source") != source_id:
        raise AcceptError(f"{path}: expected 'source: {source_id}' and a list of candidates")
    chosen = [
        c for c in doc.get("candidates") or [] if isinstance(c, dict) and c.get("accept") is True
    ]
    if not chosen:
        raise AcceptError(f"{path}: no candidate has 'accept: true'")
    problems = []
    for c in chosen:
        for required in ("statement", "subject", "attribution", "modality"):
            if not c.get(required):
                problems.append(
                    f"{path}:{c.line}: candidate '{c.get('id')}', field '{required}': required to accept"
                )
        if c.get("status") and c["status"] not in STATUSES:
            problems.append(
                f"{path}:{c.line}: candidate '{c.get('id')}', field 'status': "
                f"{c['status']!r} is not a status; allowed: {', '.join(STATUSES)}"
            )
    actors = [
        a for a in doc.get("new_actors") or [] if isinstance(a, dict) and a.get("accept") is True
    ]
    for a in actors:
        for required in ("id", "name", "kind"):
            if not a.get(required):
                problems.append(
                    f"{path}:{a.line}: new actor '{a.get('name')}', field '{required}': required to accept"
                )
    if problems:
        raise AcceptError("cannot accept:\n" + "\n".join(f"  - {p}" for p in problems))
    return chosen, actors


def _actor_block(source_id: str, actors: list[dict]) -> str:
    records = [{k: a[k] for k in ACTOR_FIELDS if a.get(k) not in (None, [])} for a in actors]
    body = yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100)
    return f"# ---- {source_id}: new actors accepted from data/review/{source_id}.yaml\n{body}"


def _claim_block(source_id: str, candidates: list[dict]) -> str:
    claims = []
    for c in candidates:
        claim = {"id": c["id"]}
        for key in CLAIM_FIELDS[1:]:
            if c.get(key) not in (None, []) or key in ("sectors", "countries"):
                found = c.get(key)
                claim[key] = dict(found) if isinstance(found, dict) else (found or [])
        claims.append(claim)
    body = yaml.safe_dump(claims, sort_keys=False, allow_unicode=True, width=100)
    body = body.replace("\n- id:", "\n\n- id:")
    return f"# ---- accepted from data/review/{source_id}.yaml\n{body}"


def _statuses(tables) -> dict[str, str | None]:
    frame = tables["initiatives"]
    return dict(zip(frame.initiative_id, frame.status, strict=True))


def accept_source(source_id: str, data_dir=None) -> Accepted:
    """Append the accepted candidates of one review file to the curated claims."""
    paths = DataPaths.at(data_dir)
    candidates, actors = _accepted_candidates(review_dir(paths) / f"{source_id}.yaml", source_id)
    claims_path, actors_path = paths.claims / f"{source_id}.yaml", paths.curated / "actors.yaml"
    original = claims_path.read_bytes() if claims_path.is_file() else None
    original_actors = actors_path.read_bytes()

    existing = (
        {c.get("id") for c in (load_yaml(claims_path) or []) if isinstance(c, dict)}
        if original is not None
        else set()
    )
    again = [c["id"] for c in candidates if c["id"] in existing]
    if again:
        raise AcceptError(f"already accepted: {', '.join(again)} are in {claims_path}")
    try:
        if actors:
            with actors_path.open("a", encoding="utf-8") as fh:
                fh.write(_actor_block(source_id, actors))
        claims_path.parent.mkdir(parents=True, exist_ok=True)
        with claims_path.open("a", encoding="utf-8") as fh:
            fh.write(("\n" if original else "") + _claim_block(source_id, candidates))
        after = review(paths.root)
        if after.problems:
            raise CurationError(after.problems)
    except BaseException:
        if original is None:
            claims_path.unlink(missing_ok=True)
        else:
            claims_path.write_bytes(original)
        actors_path.write_bytes(original_actors)
        raise
    # What the new claims changed, for the analyst (derived, never written anywhere):
    # the statuses with and without this source's claims.
    tables = after.curation.tables
    new = _statuses(tables)
    old = _statuses(
        derive({**tables, "claims": tables["claims"][tables["claims"].source_id != source_id]})
    )
    reporting: dict[tuple[str, str], str] = {}  # (initiative, status) → first claim saying it
    for c in candidates:
        if c.get("status"):
            reporting.setdefault((c["subject"], c["status"]), c["id"])
    moves = [
        (iid, old.get(iid), status, reporting.get((iid, status)))
        for iid, status in new.items()
        if old.get(iid) != status
    ]
    aliases = [(c["subject"], c["alias"]) for c in candidates if c.get("alias")]
    return Accepted([c["id"] for c in candidates], moves, aliases, [a["id"] for a in actors])
