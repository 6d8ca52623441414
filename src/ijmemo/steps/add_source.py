"""The add-source step: copy an article unchanged, record its metadata, propose its claims.

    add_source(file, title=..., outlet=..., date=..., url=...)
        load     the article (refused if unreadable or already added), its id, its date
        process  candidate claims proposed from the curated data (intake/proposer)
        save     data/sources/<id>.txt    the text, byte for byte
                 data/sources/<id>.yaml   metadata; what was not given stays null
                 data/review/<id>.yaml    candidate claims for the analyst to review

All three files appear together or not at all.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date as date_type
from pathlib import Path

from ijmemo.core.atomic import write_together
from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import SourceError
from ijmemo.core.yamlio import YamlError, load_yaml
from ijmemo.curation.load import load_curated
from ijmemo.curation.names import Dictionaries
from ijmemo.intake.article import read_article
from ijmemo.intake.candidate import Candidate, Proposal
from ijmemo.intake.new_actors import stands_for
from ijmemo.intake.new_records import source_record
from ijmemo.intake.proposer import propose
from ijmemo.intake.review_file import review_document
from ijmemo.text.dates import parse_date_or_unknown

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass
class AddedSource:
    source_id: str
    text_path: Path
    meta_path: Path
    review_path: Path
    proposal: Proposal

    @property
    def candidates(self) -> list[Candidate]:
        return self.proposal.candidates


def _source_id(path: Path, taken: set[str]) -> str:
    stem = path.stem.lower()
    sid = stem if ID_PATTERN.match(stem) else re.sub(r"[^a-z0-9_.-]+", "-", stem).strip("-._")
    if not sid or not ID_PATTERN.match(sid):
        raise SourceError(
            f"{path}: cannot make an id from the file name; rename it (letters, digits, - and _)"
        )
    if sid in taken:
        raise SourceError(f"{path}: a different source already has the id '{sid}'; rename the file")
    return sid


def _existing_hashes(paths: DataPaths) -> dict[str, str]:
    hashes = {}
    for meta in sorted(paths.sources.glob("*.yaml")):
        try:
            record = load_yaml(meta) or {}
        except YamlError:
            continue
        if isinstance(record, dict) and record.get("sha256"):
            hashes[record["sha256"]] = record.get("id", meta.stem)
    for text in sorted(paths.sources.glob("*.txt")):  # a text whose record is missing still counts
        hashes.setdefault(hashlib.sha256(text.read_bytes()).hexdigest(), text.stem)
    return hashes


def _published(date: str | None) -> tuple[str | None, date_type | None]:
    """The publication date as given, and the day weekdays resolve against (if a day)."""
    if not date:
        return None, None
    window, error = parse_date_or_unknown(date)
    if error:
        raise SourceError(f"DATE: {error}; give it as YYYY-MM-DD")
    if not window.known:  # "Friday", "yesterday": the source would be silently undated
        raise SourceError(
            f"DATE: '{date}' does not say when the article was published "
            f"({window.note}); give it as YYYY-MM-DD"
        )
    return date, window.start if window.precision == "day" else None


def _given(value: str | None) -> str | None:
    """A value from the command line; blank (`TITLE=" "`) counts as not given."""
    return (value.strip() or None) if value else None


def _one_line(text: str) -> str:
    """`text` as it can stand in the review file's comment: one line, printable characters."""
    return "".join(ch if ch.isprintable() else " " for ch in " ".join(text.split()))


def add_source(
    file: str | Path,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    url: str | None = None,
    data_dir=None,
) -> AddedSource:
    """Copy an article into the project and propose its candidate claims."""
    # load
    paths = DataPaths.at(data_dir)
    path = Path(file)
    title, outlet, url = _given(title), _given(outlet), _given(url)
    raw, text = read_article(path)
    digest = hashlib.sha256(raw).hexdigest()
    known = _existing_hashes(paths)
    if digest in known:
        raise SourceError(
            f"{path}: already added as source '{known[digest]}' (same sha256 {digest[:12]}…)"
        )
    taken = {p.stem for p in paths.sources.glob("*.txt")} | {
        p.stem for p in paths.sources.glob("*.yaml")
    }
    sid = _source_id(path, taken)
    published, reference = _published(date)
    data, _ = load_curated(paths.root)
    # process
    proposal = propose(text, sid, reference, Dictionaries(data, stands_for()), title=title)
    label = _one_line(f'"{title}"' if title else path.name)
    dateline = proposal.dateline.text if proposal.dateline else None
    # save
    targets = {
        paths.sources / f"{sid}.txt": raw,
        paths.sources / f"{sid}.yaml": source_record(
            sid, f"{sid}.txt", digest, title, outlet, published, url, dateline
        ).encode(),
        paths.review / f"{sid}.yaml": review_document(sid, label, proposal).encode(),
    }
    write_together(targets)
    return AddedSource(sid, *targets, proposal)
