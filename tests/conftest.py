"""Shared fixtures and helpers: scratch data, validation problems, a fixture article, tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from ruamel.yaml import YAML

from ijmemo.core.paths import DATA_DIR, PARAMS_DIR, PROJECT_ROOT, DataPaths
from ijmemo.evidence.manifest import input_hashes
from ijmemo.evidence.store import load_processed, write_processed
from ijmemo.memo.params import MemoParams, load_params
from ijmemo.steps.add_source import add_source
from ijmemo.steps.curate import curate, review

SHARED_SOURCES = PROJECT_ROOT.parent / "shared" / "sources"
S000 = "000_4c458a980313b94a"
S003 = "003_036b344da50153ed"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of the shipped data (sources + curated) to break on purpose."""
    root = tmp_path / "data"
    for part in ("sources", "curated"):
        shutil.copytree(DATA_DIR / part, root / part)
    return root


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a data file the way an analyst's edit would; fail if absent."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def edit_claims(data_dir: Path, old: str, new: str, count: int = 1) -> Path:
    """`edit` the claims file (one per source) that holds `old`; return its path."""
    for path in sorted((data_dir / "curated" / "claims").glob("*.yaml")):
        if old in path.read_text(encoding="utf-8"):
            edit(path, old, new, count)
            return path
    raise AssertionError(f"{old!r} is in no claims file under {data_dir}")


@pytest.fixture(scope="session", autouse=True)
def edition_records_are_left_alone():
    """Tests build editions into scratch folders; the tracked records must not change."""
    from ijmemo.core.paths import EDITIONS_DIR

    def state() -> dict[str, bytes]:
        return {str(p): p.read_bytes() for p in sorted(EDITIONS_DIR.rglob("*")) if p.is_file()}

    before = state()
    yield
    assert state() == before, "a test wrote to report/editions/ (pass editions_dir=tmp_path)"


# ---- checking what validation reports


def problems_for(data_dir):
    found = review(data_dir).problems
    assert found, "expected the data to be rejected"
    return found


def only(problems, **where):
    """The single problem matching every given attribute (substring match on each)."""
    hits = [p for p in problems if all(v in (getattr(p, k) or "") for k, v in where.items())]
    assert len(hits) == 1, f"expected one problem matching {where}, got:\n" + "\n".join(
        map(str, problems)
    )
    return hits[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (to show that nothing was written)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# ---- a fixture article added and reviewed as an analyst would

FIXTURES = Path(__file__).parent / "fixtures"  # articles written for the tests
ARTICLE = FIXTURES / "jwg_first_meeting.txt"
SID = "jwg_first_meeting"
TITLE = "Japan, India hold first critical minerals working group meeting in Tokyo"


def added(data_copy):
    return add_source(ARTICLE, title=TITLE, date="2026-02-27", data_dir=data_copy)


def review_as_analyst(data_copy, decisions: dict[str, dict], source_id: str = SID) -> None:
    """Edit the review file as an analyst would: accept some candidates, fill them in."""
    path = data_copy / "review" / f"{source_id}.yaml"
    y = YAML()
    doc = y.load(path.read_text())
    by_id = {c["id"]: c for c in doc["candidates"]}
    for cid, changes in decisions.items():
        by_id[cid].update({"accept": True, **changes})
    with path.open("w") as fh:
        y.dump(doc, fh)


# The headline repeats TITLE, so it is left out: the first sentence of the body is -01.
MEETING = f"{SID}-01"  # "Officials from Japan and India met in Tokyo on 25 February 2026 ..."
AGAIN = f"{SID}-02"  # "... agreed to meet again in the second half of 2026."
DIALOGUE = f"{SID}-03"  # "... held in New Delhi on 15 January 2026."
ACCEPT = {
    MEETING: {
        "statement": "Japan's foreign ministry said officials held the first meeting of the critical minerals working group in Tokyo on 25 February 2026.",
        "status": "convened",
        "milestone": {"id": "jwg-meeting", "change": "met"},
        "location": "Tokyo",
    },
    AGAIN: {
        "statement": "The working group agreed to meet again in the second half of 2026.",
        "subject": "jwg-critical-minerals",
        "date": "second half of 2026",
        "milestone": {
            "id": "jwg-second-meeting",
            "change": "new",
            "what": "Second meeting of the Joint Working Group on critical minerals",
        },
    },
    DIALOGUE: {"statement": "The strategic dialogue was held in New Delhi on 15 January 2026."},
}


# ---- the tables the tests read


@pytest.fixture(scope="session")
def processed_tables(tmp_path_factory):
    """The processed tables as the memo reads them, built fresh from the shipped data."""
    data = tmp_path_factory.mktemp("data")
    paths = DataPaths.at(DATA_DIR)
    write_processed(curate().tables, data / "processed", input_hashes(paths))
    return load_processed(data)


def params_for(tables, name: str, **overrides) -> MemoParams:
    """A shipped parameter set, with parameters replaced as `make report AS_OF=…` does."""
    return load_params(
        PARAMS_DIR / f"{name}.yaml",
        tables["sectors"].sector_id.tolist(),
        tables["countries"].code.tolist(),
        overrides=overrides,
    )


@pytest.fixture(scope="session")
def shipped_tables() -> dict[str, pd.DataFrame]:
    """The shipped data, checked and derived (all the evidence, no edition date)."""
    return curate().tables


def row(frame: pd.DataFrame, key: str, value: str) -> pd.Series:
    hits = frame[frame[key] == value]
    assert len(hits) == 1, f"{value} not found once in {key}"
    return hits.iloc[0]
