"""The accept step: reviewed candidates become curated claims. Nothing else is rewritten.

    accept_source(source_id)
        reads data/review/<id>.yaml (intake/review_file), appends the proposed new actors marked
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

from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import AcceptError, CurationError
from ijmemo.core.yamlio import load_yaml
from ijmemo.evidence.derive import derive
from ijmemo.intake.new_records import actor_block, claim_block
from ijmemo.intake.review_file import accepted_in_review
from ijmemo.steps.curate import review


@dataclass
class Accepted:
    claim_ids: list[str]
    status_moves: list[tuple[str, str, str, str]]  # initiative, from, to, claim
    aliases: list[tuple[str, str]]  # initiative, alias
    actor_ids: list[str]  # new actors appended to actors.yaml


def accept_source(source_id: str, data_dir=None) -> Accepted:
    """Append the accepted candidates of one review file to the curated claims."""
    paths = DataPaths.at(data_dir)
    # load
    candidates, actors = accepted_in_review(paths.review / f"{source_id}.yaml", source_id)
    claims_path = paths.claims / f"{source_id}.yaml"
    if claims_path.is_file():
        existing = {c.get("id") for c in (load_yaml(claims_path) or []) if isinstance(c, dict)}
        again = [c["id"] for c in candidates if c["id"] in existing]
        if again:
            raise AcceptError(f"already accepted: {', '.join(again)} are in {claims_path}")
    # save, then process: everything validated with the new claims, or nothing kept
    tables = _append_validated(paths, source_id, candidates, actors)
    moves = _status_moves(tables, source_id, candidates)
    aliases = [(c["subject"], c["alias"]) for c in candidates if c.get("alias")]
    return Accepted([c["id"] for c in candidates], moves, aliases, [a["id"] for a in actors])


def _append_validated(paths: DataPaths, source_id: str, candidates, actors) -> dict:
    """Append the claims (and new actors), then validate all the data; on any problem the
    files are restored and the problems raised. Returns the tables with the new claims."""
    claims_path, actors_path = paths.claims / f"{source_id}.yaml", paths.curated / "actors.yaml"
    original = claims_path.read_bytes() if claims_path.is_file() else None
    original_actors = actors_path.read_bytes()
    try:
        if actors:
            with actors_path.open("a", encoding="utf-8") as fh:
                fh.write(actor_block(source_id, actors))
        claims_path.parent.mkdir(parents=True, exist_ok=True)
        with claims_path.open("a", encoding="utf-8") as fh:
            fh.write(("\n" if original else "") + claim_block(source_id, candidates))
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
    return after.curation.tables


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
