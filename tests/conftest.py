from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ijmemo.core.paths import DATA_DIR, PROJECT_ROOT

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
