"""Accept reviewed candidates: they become curated claims, and may move statuses or add aliases.

    accept_source(source_id)
        reads data/review/<id>.yaml, takes the candidates marked `accept: true`,
        appends them to curated/claims.yaml, records `alias` names on the subject
        initiative, and applies `status` moves (the previous status and its claims go
        into the initiative's status history, with the claim that moved it).

Then the whole data set is validated; if anything fails, every file is restored
and the problems are reported, so nothing is left half-accepted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .curate import CurationError, review
from .ingest import review_dir
from .paths import DataPaths
from .schema import STATUSES
from .yamlio import YamlError, load_yaml

CLAIM_FIELDS = (
    "id",
    "source",
    "quote",
    "statement",
    "subject",
    "sectors",
    "countries",
    "actors",
    "date",
    "location",
)


class AcceptError(ValueError):
    """The review file cannot be accepted as it stands; nothing was changed."""


@dataclass
class Accepted:
    claim_ids: list[str]
    status_moves: list[tuple[str, str, str, str]]  # initiative, from, to, claim
    aliases: list[tuple[str, str]]  # initiative, alias


def _round_trip() -> YAML:
    """A YAML that rewrites a curated file without disturbing its comments or layout."""
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap the curator's lines
    y.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return y


def _flow(items) -> CommentedSeq:
    """A list written [a, b] like the rest of the curated files."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _accepted_candidates(path: Path, source_id: str) -> list[dict]:
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
        for required in ("statement", "subject"):
            if not c.get(required):
                problems.append(
                    f"{path}:{c.line}: candidate '{c.get('id')}', field '{required}': required to accept"
                )
        if c.get("status") and c["status"] not in STATUSES:
            problems.append(
                f"{path}:{c.line}: candidate '{c.get('id')}', field 'status': "
                f"{c['status']!r} is not a status; allowed: {', '.join(STATUSES)}"
            )
    if problems:
        raise AcceptError("cannot accept:\n" + "\n".join(f"  - {p}" for p in problems))
    return chosen


def _claim_block(source_id: str, candidates: list[dict]) -> str:
    claims = []
    for c in candidates:
        claim = {"id": c["id"], "source": source_id}
        for key in CLAIM_FIELDS[2:]:
            if c.get(key) not in (None, []) or key in ("sectors", "countries"):
                claim[key] = c.get(key) or []
        claims.append(claim)
    body = yaml.safe_dump(claims, sort_keys=False, allow_unicode=True, width=100)
    body = body.replace("\n- id:", "\n\n- id:")
    return f"\n# ---- {source_id}: accepted from data/review/{source_id}.yaml\n{body}"


def accept_source(source_id: str, data_dir=None) -> Accepted:
    """Turn the accepted candidates of one review file into curated records."""
    paths = DataPaths.at(data_dir)
    candidates = _accepted_candidates(review_dir(paths) / f"{source_id}.yaml", source_id)
    claims_path = paths.curated / "claims.yaml"
    initiatives_path = paths.curated / "initiatives.yaml"
    originals = {p: p.read_bytes() for p in (claims_path, initiatives_path)}

    existing = {c.get("id") for c in (load_yaml(claims_path) or []) if isinstance(c, dict)}
    again = [c["id"] for c in candidates if c["id"] in existing]
    if again:
        raise AcceptError(f"already accepted: {', '.join(again)} are in {claims_path.name}")

    y = _round_trip()
    initiatives = y.load(initiatives_path.read_text(encoding="utf-8"))
    by_id = {i["id"]: i for i in initiatives}
    moves, aliases = [], []
    for c in candidates:
        ini = by_id.get(c["subject"])
        if c.get("alias") and ini is not None:
            names = [ini["name"], *ini.get("aliases", [])]
            if c["alias"].casefold() not in {n.casefold() for n in names}:
                ini["aliases"] = _flow([*ini.get("aliases", []), c["alias"]])
                aliases.append((c["subject"], c["alias"]))
        if c.get("status"):
            if ini is None:
                raise AcceptError(
                    f"candidate '{c['id']}': status moves apply to initiatives; '{c['subject']}' is not one"
                )
            if c["status"] != ini["status"]:
                change = CommentedMap(
                    status=ini["status"], claims=_flow(ini["status_claims"]), changed_by=c["id"]
                )
                if ini.get("status_note"):
                    change["note"] = ini["status_note"]  # it described the old status
                if "status_history" not in ini:
                    ini.insert(list(ini).index("status_claims") + 1, "status_history", [])
                ini["status_history"].append(change)
                moves.append((c["subject"], ini["status"], c["status"], c["id"]))
                ini["status"] = c["status"]
                ini["status_claims"] = _flow([c["id"]])
                if "status_note" in ini:
                    ini["status_note"] = None

    try:
        with claims_path.open("a", encoding="utf-8") as fh:
            fh.write(_claim_block(source_id, candidates))
        buffer = io.StringIO()
        y.dump(initiatives, buffer)
        initiatives_path.write_text(buffer.getvalue(), encoding="utf-8")
        problems = review(paths.root).problems
        if problems:
            raise CurationError(problems)
    except BaseException:
        for path, content in originals.items():
            path.write_bytes(content)
        raise
    return Accepted([c["id"] for c in candidates], moves, aliases)
