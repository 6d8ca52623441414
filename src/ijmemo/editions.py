"""Edition manifests: what an edition rested on and said, to tell the next one what changed.

Each build writes `edition.json` beside the memo: the parameters, a hash of the
data inputs, the source and claim ids, initiative statuses and milestone states.
The next build of the same parameter set compares itself with it. Rebuilding an
unchanged edition compares with that edition's own predecessor, so reruns give
the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .memo import Memo

EDITION_FILE = "edition.json"


def edition_manifest(memo: Memo, inputs: dict[str, str]) -> dict:
    """What this edition rests on and reports (JSON-able, stable key order)."""
    watch = memo.watchlist()
    return {
        "as_of": memo.params.as_of.isoformat(),
        "parameters": memo.params.model_dump(mode="json"),
        "inputs_sha256": hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest(),
        "sources": sorted(memo.sources.source_id),
        "claims": sorted(memo.claims.claim_id),
        "statuses": dict(
            sorted(zip(memo.initiatives.initiative_id, memo.initiatives.status, strict=True))
        ),
        "milestones": dict(sorted(zip(watch.initiative_id, watch.state, strict=True))),
    }


def identity(manifest: dict) -> str:
    core = {k: v for k, v in manifest.items() if k != "previous"}
    return hashlib.sha256(json.dumps(core, sort_keys=True).encode()).hexdigest()


def previous_for(published_dir: Path, current: dict) -> dict | None:
    """The edition to compare with: the published one, unless it *is* this edition."""
    path = Path(published_dir) / EDITION_FILE
    if not path.is_file():
        return None
    try:
        published = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return None
    if identity(published) == identity(current):
        return published.get("previous")
    return {k: v for k, v in published.items() if k != "previous"}


def write_edition(folder: Path, current: dict, previous: dict | None) -> Path:
    path = Path(folder) / EDITION_FILE
    path.write_text(json.dumps({**current, "previous": previous}, indent=2, sort_keys=True) + "\n")
    return path


def compare(previous: dict, current: dict) -> dict:
    """New sources and claims, status changes, milestones newly overdue or met."""
    old_status, new_status = previous.get("statuses", {}), current["statuses"]
    old_ms, new_ms = previous.get("milestones", {}), current["milestones"]
    return {
        "new_sources": [s for s in current["sources"] if s not in set(previous.get("sources", []))],
        "new_claims": [c for c in current["claims"] if c not in set(previous.get("claims", []))],
        "status_changes": [
            (i, old_status[i], s)
            for i, s in new_status.items()
            if i in old_status and old_status[i] != s
        ],
        "became_overdue": [
            i for i, s in new_ms.items() if s == "overdue" and old_ms.get(i) != "overdue"
        ],
        "became_met": [i for i, s in new_ms.items() if s == "met" and old_ms.get(i) != "met"],
    }
