"""Every path the project uses, derived from one place.

The project root is the checkout this package lives in (it is installed in
editable mode); IJMEMO_ROOT overrides it.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/ijmemo: the code a build depends on
PROJECT_ROOT = Path(os.environ.get("IJMEMO_ROOT") or PACKAGE_DIR.parents[1])
DATA_DIR = PROJECT_ROOT / "data"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORT_DIR = PROJECT_ROOT / "report"
PARAMS_DIR = REPORT_DIR / "params"  # named parameter sets: <name>.yaml (+ optional <name>.md)
TEMPLATES_DIR = REPORT_DIR / "templates"  # nbconvert templates for the memo
BUILD_DIR = REPORT_DIR / "build"  # one folder per parameter set (ignored by git)
EDITIONS_DIR = REPORT_DIR / "editions"  # records of built editions: <set>/<as_of>.json (tracked)
VENDOR_DIR = REPORT_DIR / "vendor"  # third-party assets embedded in the memo, pinned by hash
CACHE_DIR = PROJECT_ROOT / ".cache"  # work kept for reuse, by its inputs' hash (ignored by git)
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"  # invented articles + answer keys for eval-candidates


@dataclass(frozen=True)
class DataPaths:
    """The data folders, raw → curated → processed, under one data directory."""

    root: Path

    @classmethod
    def at(cls, data_dir: str | os.PathLike | None = None) -> DataPaths:
        return cls(Path(data_dir) if data_dir is not None else DATA_DIR)

    @property
    def sources(self) -> Path:  # raw texts (never edited) and their metadata records
        return self.root / "sources"

    @property
    def curated(self) -> Path:  # human-edited YAML records
        return self.root / "curated"

    @property
    def claims(self) -> Path:  # one file of claims per source: claims/<source id>.yaml
        return self.curated / "claims"

    @property
    def review(self) -> Path:  # candidate claims of added sources, for the analyst to review
        return self.root / "review"

    @cached_property  # (asked for once per file read: 15,000 at 100,000 claims)
    def cache(self) -> Path:
        """Parsed YAML by file sha256 (never the only copy of anything), kept beside the data
        folder, not in it: a command that writes nothing writes nothing under data/
        (`data/` → `.cache/parsed/data/`, in the checkout's git-ignored cache)."""
        return self.root.parent / ".cache" / "parsed" / self.root.name

    @property
    def checks_cache(self) -> Path:
        """What each claim's own rules found, by the claim's inputs (`checks/claim_text.py`),
        kept beside the data folder like the parse cache."""
        return self.root.parent / ".cache" / "checks" / f"{self.root.name}.pickle"

    @property
    def claims_cache(self) -> Path:
        """The claims files that passed type-checking, as JSON (`curation/kept_claims.py`)."""
        return self.root.parent / ".cache" / "claims" / f"{self.root.name}.pickle"

    @property
    def dates_cache(self) -> Path:
        """Where each claim's date sits in its quote, by the subjects' names
        (`checks/date_scope.py`)."""
        return self.root.parent / ".cache" / "dates" / f"{self.root.name}.pickle"

    @property
    def shingles_cache(self) -> Path:
        """Each source text's sampled passages, by its sha256 (`curation/syndication.py`)."""
        return self.root.parent / ".cache" / "shingles" / f"{self.root.name}.pickle"

    @property
    def evidence_cache(self) -> Path:
        """The evidence known on a date, shared by a build's processes (`known_kept.py`)."""
        return self.root.parent / ".cache" / "evidence" / self.root.name

    @property
    def kept_checks(self) -> list[Path]:
        """What the curate step keeps between runs for this data folder (parsed files, the
        clean claims files, the claims' checks, the dates' places, the shingles), each by
        its inputs' content."""
        return [
            self.cache,
            self.claims_cache,
            self.checks_cache,
            self.dates_cache,
            self.shingles_cache,
        ]

    @property
    def kept_work(self) -> list[Path]:
        """Everything kept between runs for this data folder: removing it all costs time,
        never a result."""
        return [*self.kept_checks, self.evidence_cache]

    @property
    def processed(self) -> Path:  # tables written by the curate step
        return self.root / "processed"

    def display(self, path: Path) -> str:
        """A path as shown in messages: relative to the data dir's parent when possible."""
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)


def entries_in(folder: Path, suffix: str = "") -> list[os.DirEntry]:
    """The entries of `folder` whose names end in `suffix`, sorted by name (none when the
    folder is missing): what `sorted(folder.glob("*" + suffix))` lists, at a fraction of
    the cost (15,000 files at 100,000 claims)."""
    try:
        with os.scandir(folder) as entries:
            return sorted((e for e in entries if e.name.endswith(suffix)), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError, PermissionError):  # (as glob: none)
        return []


def is_file(entry: os.DirEntry) -> bool:
    """`Path.is_file` for a listed entry: a link counts as the file it leads to, and one
    that leads nowhere (or round in a loop) is not a file."""
    try:
        return entry.is_file()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return False
        raise
