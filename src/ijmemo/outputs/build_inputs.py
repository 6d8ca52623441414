"""Everything a memo build reads, hashed, so an unchanged build is skipped in one process.

`make report` asks the report command itself whether anything changed (`--if-changed`):
the parameter set and its assessment, the package's code and templates, the notebooks,
the vendored plotly.js, the lock file, every data input (by the processed tables'
own hashing) and the set's edition records dated before this edition. Contents, not
modification times: a fresh checkout or a touched file does not force a rebuild, and
a change that keeps the mtime cannot be missed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from ijmemo.core.paths import (
    NOTEBOOKS_DIR,
    PACKAGE_DIR,
    PROJECT_ROOT,
    TEMPLATES_DIR,
    VENDOR_DIR,
    DataPaths,
)
from ijmemo.evidence.manifest import input_hashes
from ijmemo.memo.history import read_build_record, record_paths

# What a build can write. The HTML is always written (the rest is made from it); the
# figures come with Word too, which embeds them.
FORMATS = ("html", "pdf", "docx", "figures")
FILES = {"html": "memo.html", "pdf": "memo.pdf", "docx": "memo.docx", "figures": "figures"}


def parse_formats(text: str | None) -> tuple[str, ...]:
    """ "html,pdf" → ("html", "pdf"): the HTML is always built; unknown names are refused."""
    names = [n.strip().lower() for n in (text or ",".join(FORMATS)).split(",") if n.strip()]
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ValueError(
            f"unknown format{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"choose from {','.join(FORMATS)} (e.g. FORMATS=html,pdf)"
        )
    return with_implied(names)


def with_implied(formats) -> tuple[str, ...]:
    """The formats a build writes for `formats`, in order: the HTML always, and the
    figures with Word (it embeds the chart images, written beside it)."""
    implied = {"html", *formats, *(["figures"] if "docx" in formats else [])}
    return tuple(f for f in FORMATS if f in implied)


def package_files() -> list[Path]:
    """The package's code and templates (what a kernel imports from this checkout)."""
    return sorted(f for f in PACKAGE_DIR.rglob("*") if f.is_file() and "__pycache__" not in f.parts)


def _files(params_path: Path) -> list[Path]:
    raw = yaml.safe_load(params_path.read_text(encoding="utf-8")) or {}
    assessment = raw.get("assessment_file") if isinstance(raw, dict) else None
    extra = [params_path.parent / assessment] if assessment else []
    return [
        params_path,
        *extra,
        *package_files(),
        *sorted(NOTEBOOKS_DIR.glob("*.ipynb")),
        *sorted(TEMPLATES_DIR.rglob("*")),
        *sorted(VENDOR_DIR.glob("*")),
        PROJECT_ROOT / "uv.lock",
    ]


def _earlier_records(
    params_path: Path, editions_dir: Path | None, overrides: dict | None
) -> list[Path]:
    """The set's edition records before this edition: "what changed" compares with them."""
    if editions_dir is None:
        return []
    raw = yaml.safe_load(params_path.read_text(encoding="utf-8")) or {}
    raw = {**(raw if isinstance(raw, dict) else {}), **(overrides or {})}
    return record_paths(editions_dir, params_path.stem, before=str(raw.get("as_of", "")))


def build_key(
    params_path: Path,
    data_dir,
    editions_dir: Path | None,
    formats: tuple[str, ...],
    data_hashes: dict[str, str] | None = None,
    overrides: dict | None = None,
) -> str:
    """sha256 of every input of one build (the formats it writes and the parameters given
    on the command line too). `data_hashes`: the data inputs' `input_hashes`, if computed."""
    given = json.dumps(overrides or {}, sort_keys=True, default=str)
    digest = hashlib.sha256(f"formats={','.join(formats)}\ngiven={given}\n".encode())
    earlier = _earlier_records(params_path, editions_dir, overrides)
    for path in [*_files(params_path), *earlier]:
        if path.is_file():
            shown = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
            digest.update(f"{shown}\n".encode() + hashlib.sha256(path.read_bytes()).digest())
    if data_hashes is None:
        data_hashes = input_hashes(DataPaths.at(data_dir))
    data = json.dumps(data_hashes, sort_keys=True)
    digest.update(data.encode())
    return digest.hexdigest()


def build_key_or_none(
    params_path: Path, data_dir, editions_dir, formats, data_hashes=None, overrides=None
) -> str | None:
    """`build_key`, or None when the inputs cannot be read yet (a bad parameter file is
    then refused by the parameter check, with every problem)."""
    try:
        return build_key(params_path, data_dir, editions_dir, formats, data_hashes, overrides)
    except (OSError, ValueError, yaml.YAMLError):
        return None


def is_current(out: Path, key: str, formats: tuple[str, ...]) -> bool:
    """Did the build in `out` come from exactly these inputs, and is every format there?"""
    built = read_build_record(out)
    if built is None or not all((out / FILES[f]).exists() for f in formats):
        return False
    return built.get("inputs_sha256") == key
