"""Edition records: what each built edition rested on and said, kept in the repository.

This module owns both record files: the edition records in report/editions/<set>/ and
the build record (edition.json) in each build folder, which adds what the build came
from.

`report/editions/<set>/<as_of>.json` holds, for each edition of a parameter set,
its parameters, the sources and claims it used, the statuses and milestone states
it reported, and the sha256 of its memo. The next edition of the set compares
itself with the latest record dated before it, so a fresh clone knows what came
before. A record holds nothing that changes when evidence published after its
date is added, so rebuilding it writes the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path

from ijmemo.core.atomic import atomic_write_text


def record(
    params: dict,
    sources: dict[str, str | None],
    claims: list[str],
    statuses: dict[str, str],
    milestones: dict[str, dict],
) -> dict:
    """An edition's record (JSON-able; stable key order). `sources`: id -> known_from."""
    return {
        "as_of": params["as_of"],
        "parameters": params,
        "sources": dict(sorted(sources.items())),
        "claims": sorted(claims),
        "statuses": dict(sorted(statuses.items())),
        "milestones": dict(sorted(milestones.items())),
    }


BUILD_RECORD = "edition.json"  # in a build folder: the edition's record and its inputs


def read_record(path: Path) -> dict | None:
    """A record file's content (None: missing or unreadable)."""
    try:
        found = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return found if isinstance(found, dict) else None


def record_paths(editions_dir: Path, set_name: str, before: str | None = None) -> list[Path]:
    """The set's record files, oldest first; only those dated before `before`, if given."""
    paths = sorted((Path(editions_dir) / set_name).glob("*.json"))
    return [p for p in paths if before is None or p.stem < before]


def previous_record(editions_dir: Path | None, set_name: str | None, as_of: str) -> dict | None:
    """The latest record of the set dated before `as_of` (None: this is the first)."""
    if editions_dir is None or not set_name:
        return None
    for path in reversed(record_paths(editions_dir, set_name, before=as_of)):
        found = read_record(path)
        if found is not None:
            return found
    return None


def write_record(editions_dir: Path, set_name: str, current: dict, memo_sha256: str) -> Path:
    """Write the record (left untouched when its content is the same)."""
    path = Path(editions_dir) / set_name / f"{current['as_of']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({**current, "memo_sha256": memo_sha256}, indent=2, ensure_ascii=False)
    if not path.is_file() or path.read_text(encoding="utf-8") != text + "\n":
        atomic_write_text(path, text + "\n")
    return path


def write_build_record(
    folder: Path, current: dict, memo_sha256: str, previous_as_of: str | None, inputs: str | None
) -> None:
    """The build folder's record: the edition's, the edition it compared with, and the hash
    of every input of the build (an unchanged build is skipped by comparing it)."""
    built = {
        **current,
        "memo_sha256": memo_sha256,
        "previous_as_of": previous_as_of,
        "inputs_sha256": inputs,
    }
    text = json.dumps(built, indent=2, ensure_ascii=False) + "\n"
    (Path(folder) / BUILD_RECORD).write_text(text, encoding="utf-8")


def read_build_record(folder: Path) -> dict | None:
    """The record of the edition built in `folder` (None: nothing built there)."""
    return read_record(Path(folder) / BUILD_RECORD)


def compare(previous: dict, current: dict) -> dict:
    """What changed: sources (new, or added late), claims, statuses, milestones."""
    before = previous.get("as_of", "")
    old_sources = previous.get("sources", {})
    new_sources = [s for s in current["sources"] if s not in old_sources]
    old_status, old_ms = previous.get("statuses", {}), previous.get("milestones", {})

    def became(state: str) -> list[str]:
        return [
            m
            for m, now in current["milestones"].items()
            if now["state"] == state and old_ms.get(m, {}).get("state") != state
        ]

    return {
        "new_sources": [s for s in new_sources if (current["sources"][s] or "") > before],
        "late_sources": [s for s in new_sources if (current["sources"][s] or "") <= before],
        "new_claims": [c for c in current["claims"] if c not in set(previous.get("claims", []))],
        "status_changes": [
            (i, old_status.get(i), s)
            for i, s in current["statuses"].items()
            if old_status.get(i) != s
        ],
        "new_milestones": [m for m in current["milestones"] if m not in old_ms],
        "postponed": [
            m
            for m, now in current["milestones"].items()
            if m in old_ms and now.get("due") != old_ms[m].get("due") and now.get("moved_from")
        ],
        "became_met": became("met"),
        "became_overdue": became("overdue"),
        "became_unchecked": became("unchecked"),
        "became_cancelled": became("cancelled"),
    }


def summary(previous: dict, current: dict) -> str:
    """What changed since `previous`, in a few words ("1 new source, 3 new claims")."""
    diff = compare(previous, current)
    parts = [
        (len(diff["new_sources"]) + len(diff["late_sources"]), "new source", "new sources"),
        (len(diff["new_claims"]), "new claim", "new claims"),
        (len(diff["status_changes"]), "status change", "status changes"),
        (len(diff["new_milestones"]), "new milestone", "new milestones"),
        (len(diff["postponed"]), "postponement", "postponements"),
        (len(diff["became_met"]), "milestone met", "milestones met"),
        (len(diff["became_overdue"]), "milestone overdue", "milestones overdue"),
        (
            len(diff["became_unchecked"]),
            "window closed with no source collected since",
            "windows closed with no source collected since",
        ),
    ]
    said = [f"{n} {one if n == 1 else many}" for n, one, many in parts if n]
    return ", ".join(said) if said else "nothing new"
