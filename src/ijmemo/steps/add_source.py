"""The add-source step: copy an article unchanged, record its metadata, propose its claims.

    add_source(file, title=..., outlet=..., date=..., url=...)
        load     the article: a text file, a saved web page, a PDF or a Word file, or "-"
                 for text pasted on standard input (refused if unreadable or already
                 added); its text (intake/extract), its id, its date
        process  candidate claims proposed from the curated data (intake/proposer)
        save     data/sources/<id>.txt    the text: the file byte for byte, or extracted
                 data/sources/<id>.<ext>  the page, PDF or Word file, byte for byte
                 data/sources/<id>.yaml   metadata: what the analyst gave wins over what
                                          the file states; each value says where it came
                                          from; what neither says stays null
                 data/review/<id>.yaml    candidate claims for the analyst to review

All the files appear together or not at all.
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
from ijmemo.intake.candidate import Candidate, Proposal
from ijmemo.intake.extract import Extracted, extract
from ijmemo.intake.new_actors import stands_for
from ijmemo.intake.new_records import source_record
from ijmemo.intake.proposer import propose
from ijmemo.intake.review_file import review_document
from ijmemo.metadata.vocabularies import STATED_FIELDS
from ijmemo.text.dates import parse_date_or_unknown

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass
class AddedSource:
    source_id: str
    text_path: Path
    meta_path: Path
    review_path: Path
    proposal: Proposal
    original_path: Path | None = None  # the page, PDF or Word file it was added from

    @property
    def candidates(self) -> list[Candidate]:
        return self.proposal.candidates


_SUFFIX = {"html": ".html", "pdf": ".pdf", "docx": ".docx"}
PASTED = "-"  # FILE=- : the article is pasted on standard input


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
        original = record.get("original") if isinstance(record, dict) else None
        if isinstance(original, dict) and original.get("sha256"):  # the page, PDF or .docx
            hashes[original["sha256"]] = record.get("id", meta.stem)
    for text in sorted(paths.sources.glob("*.txt")):  # a text whose record is missing still counts
        hashes.setdefault(hashlib.sha256(text.read_bytes()).hexdigest(), text.stem)
    return hashes


def published_day(
    date: str | None, origin: str | None = "given"
) -> tuple[str | None, date_type | None]:
    """The publication date, and the day weekdays resolve against (if a day). A date the
    page states that cannot be read is dropped (unknown), never guessed at."""
    if not date:
        return None, None
    window, error = parse_date_or_unknown(date)
    if (error or not window.known) and origin == "page":
        return None, None
    if error:
        raise SourceError(f"DATE: {error}; give it as YYYY-MM-DD")
    if not window.known:  # "Friday", "yesterday": the source would be silently undated
        raise SourceError(
            f"DATE: '{date}' does not say when the article was published "
            f"({window.note}); give it as YYYY-MM-DD"
        )
    return date, window.start if window.precision == "day" else None


def given_value(value: str | None) -> str | None:
    """A value from the command line; blank (`TITLE=" "`) counts as not given."""
    return (value.strip() or None) if value else None


def _one_line(text: str) -> str:
    """`text` as it can stand in the review file's comment: one line, printable characters."""
    return "".join(ch if ch.isprintable() else " " for ch in " ".join(text.split()))


def _read(file: str | Path, stdin: bytes | None) -> tuple[bytes, str]:
    """The file's bytes, or what was pasted on standard input (FILE=-)."""
    if str(file) == PASTED:
        if not (stdin or b"").strip():
            raise SourceError("-: nothing was pasted on standard input")
        return stdin, "pasted text"
    path = Path(file)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if not path.is_file():
        raise SourceError(f"{path}: not a file")
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError(f"{path}: the file is empty")
    return raw, str(path)


def _metadata(given: dict, stated: dict) -> tuple[dict, dict]:
    """Each field's value, the analyst's winning over the file's, and where it came from."""
    values, origin = {}, {}
    for name in STATED_FIELDS:
        value, said = (given.get(name), "given") if given.get(name) else (stated.get(name), "page")
        values[name] = value or None
        if value:
            origin[name] = said
    return values, origin


def add_source(
    file: str | Path,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    url: str | None = None,
    data_dir=None,
    stdin: bytes | None = None,
) -> AddedSource:
    """Copy an article into the project and propose its candidate claims."""
    # load
    paths = DataPaths.at(data_dir)
    raw, name = _read(file, stdin)
    known = _existing_hashes(paths)
    digest = hashlib.sha256(raw).hexdigest()
    if digest in known:
        raise SourceError(
            f"{name}: already added as source '{known[digest]}' (same sha256 {digest[:12]}…)"
        )
    extracted = extract(raw, name)
    given = {
        "title": given_value(title),
        "outlet": given_value(outlet),
        "url": given_value(url),
        "published": date,
    }
    meta, origin = _metadata(given, extracted.stated)
    taken = {p.stem for p in paths.sources.glob("*.txt")} | {
        p.stem for p in paths.sources.glob("*.yaml")
    }
    stem = Path(f"pasted-{digest[:8]}" if name == "pasted text" else name)
    sid = _source_id(stem, taken)
    published, reference = published_day(meta["published"], origin.get("published"))
    data, _ = load_curated(paths.root)
    # process
    text = extracted.text
    proposal = propose(text, sid, reference, Dictionaries(data, stands_for()), title=meta["title"])
    label = _one_line(f'"{meta["title"]}"' if meta["title"] else Path(name).name)
    # save
    targets = _files(paths, sid, raw, digest, extracted, meta, origin, published, proposal, label)
    write_together(targets)
    kept = next(iter(targets)) if extracted.extractor else None
    return AddedSource(sid, *list(targets)[-3:], proposal, kept)


def _files(paths, sid, raw, digest, extracted: Extracted, meta, origin, published, proposal, label):
    """What add-source writes: the original (for a page, PDF or Word file), the text, the
    metadata record and the review file, in that order."""
    text_bytes = extracted.text.encode() if extracted.extractor else raw
    original = None
    targets: dict[Path, bytes] = {}
    if extracted.extractor:
        kept = paths.sources / f"{sid}{_SUFFIX[extracted.format]}"
        targets[kept] = raw
        original = {
            "file": kept.name,
            "sha256": digest,
            "format": extracted.format,
            "extractor": extracted.extractor,
        }
    record = source_record(
        sid,
        f"{sid}.txt",
        hashlib.sha256(text_bytes).hexdigest(),
        meta["title"],
        meta["outlet"],
        published,
        meta["url"],
        proposal.dateline.text if proposal.dateline else None,
        author=meta["author"],
        original=original,
        origin={**origin, "dateline": "text"} if proposal.dateline else origin,
    )
    targets[paths.sources / f"{sid}.txt"] = text_bytes
    targets[paths.sources / f"{sid}.yaml"] = record.encode()
    targets[paths.review / f"{sid}.yaml"] = review_document(sid, label, proposal).encode()
    return targets
