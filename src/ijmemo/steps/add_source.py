"""Add a new article: copy it unchanged, record its metadata, propose candidate claims.

    add_source(file, title=..., outlet=..., date=..., url=...)
        data/sources/<id>.txt    the text, byte for byte
        data/sources/<id>.yaml   metadata; what was not given stays null
        data/review/<id>.yaml    candidate claims for the analyst to review

All three files appear together or not at all.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import SourceError
from ijmemo.core.yamlio import YamlError, load_yaml
from ijmemo.curation.load import load_curated
from ijmemo.curation.names import Dictionaries
from ijmemo.intake.new_actors import stands_for
from ijmemo.intake.proposer import Candidate, Proposal, propose
from ijmemo.text.dates import DateParseError, parse_date
from ijmemo.text.speech import propose_attribution

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


def review_dir(paths: DataPaths) -> Path:
    return paths.root / "review"


def _read_text(path: Path) -> tuple[bytes, str]:
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if not path.is_file():
        raise SourceError(f"{path}: not a file")
    raw = path.read_bytes()
    if not raw.strip():
        raise SourceError(f"{path}: the file is empty")
    if b"\x00" in raw:
        raise SourceError(
            f"{path}: looks like a binary file (it contains NUL bytes); expected plain text"
        )
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); expected plain text"
        ) from None


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


def _dump(value) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100)


def metadata_record(
    sid: str, filename: str, digest: str, title, outlet, published, url, dateline=None
) -> str:
    record = {
        "id": sid,
        "file": filename,
        "title": title,
        "description": title or f"Article added from {filename}",
        "outlet": outlet,
        "published": published,
        "dateline": dateline,  # as printed at the head of the text, when it has one
        "url": url,
        "kind": "news article",
        "sha256": digest,
    }
    return (
        "# Metadata for the raw text beside this file. Unknown stays null: never guess.\n"
        + _dump(record)
    )


def review_document(
    sid: str, label: str, proposal: Proposal, actor_names: dict[str, list[str]]
) -> str:
    head = f"""# Candidate claims for source {sid} ({label}).
# Proposed by rules and dictionaries from the curated data: nothing here is curated yet.
# Each proposal says why (`match`, `move`, `dates`); check it against the quote.
# For each candidate you keep:
#   - set accept: true
#   - check `subject` (the initiative, event or topic it reports on; null = possibly new);
#     "refers back" means the sentence names it only as "the meeting" or "it"
#   - write `statement`: a short neutral sentence in your own words
#   - check sectors, countries, actors and date (the date phrase must be in the quote;
#     `dates` lists every date phrase with its role: happened, due-in, due-by, moved-to,
#     moved-from, said-on)
#   - `attribution`: `outlet` for the report's own voice, else {{by, how, words}}: who says it
#     (an actor id, or `officials` when unnamed), how (said, briefing, remarks, statement,
#     interview) and the attributing words as written ("he said", "officials said"); a
#     proposal is given when the quote is reported speech: check `by` (null: say who)
#   - `modality`: done, agreed, planned, wished or hedged: how firmly the quote reports it
#     (proposed from its words; a wish or a "could" never reports an agreed status)
#   - `framing`: new or earlier, when the source says the initiative is new or older
#   - `alias`: the name this source uses for the subject, as written in the quote (or null)
#   - `status`: the lifecycle status the claim reports for its initiative (e.g. convened
#     when a meeting is reported held); the initiative's status history is derived from it
#   - `milestone`: {{id, change, what}} when it reports a step that is due (change: new; its
#     date is the due window), moved (postponed; date = new window), held (met; date =
#     when) or dropped (cancelled); reuse the id of a milestone already curated
#   - `note`: how you read the claim, when it needs saying
# `new_actors` lists people and bodies the actors file does not know: set accept: true on
# the ones to keep (check id, kind, role, country); accept appends them to actors.yaml.
# Then run: make accept SOURCE={sid}
"""
    items = [_review_item(c, actor_names) for c in proposal.candidates]
    doc = {
        "source": sid,
        "dateline": proposal.dateline.text if proposal.dateline else None,
        "dates_resolve_against": (
            str(proposal.reference) if proposal.reference else "nothing: the source is undated"
        ),
        "candidates": items,
        "new_actors": [
            {
                "accept": False,
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "country": a.country,
                "why": a.why,
            }
            for a in proposal.actors
        ],
        "left_out": [f"{why}: {text}" for text, why in proposal.left_out],
    }
    return head + _dump(doc)


def _review_item(c: Candidate, actor_names: dict[str, list[str]]) -> dict:
    m = c.match
    note = (
        f"{m.kind} '{m.subject}', score {m.score} via {m.via}"
        if m.subject
        else f"possibly new (score {m.score}; {m.via})"
    )
    if m.runner_up:
        note += f"; runner-up '{m.runner_up}'"
    window = c.date.window if c.date else None
    return {
        "id": c.id,
        "accept": False,
        "quote": c.quote,
        "statement": None,
        "subject": m.subject,
        "match": note,
        "attribution": propose_attribution(c.quote, actor_names),
        "modality": c.modality,
        "framing": None,
        "alias": c.alias,
        "status": c.move.status,
        "milestone": c.milestone,
        "move": c.move.why or None,
        "note": None,
        "sectors": c.sectors,
        "countries": c.countries,
        "actors": c.actors,
        "date": c.date.phrase if c.date else None,
        "date_window": (
            f"{window.start} to {window.end} ({window.precision})"
            if window and window.known
            else (f"unknown: {window.note}" if window else None)
        ),
        "dates": [d.describe() for d in c.dated],
    }


def _actor_names(data) -> dict[str, list[str]]:
    return {aid: [loc.record.name, *loc.record.aliases] for aid, loc in data.actors.items()}


def add_source(
    file: str | Path,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    url: str | None = None,
    data_dir=None,
) -> AddedSource:
    """Copy an article into the project and propose its candidate claims."""
    paths = DataPaths.at(data_dir)
    path = Path(file)
    raw, text = _read_text(path)
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
    published = None
    if date:
        try:
            window = parse_date(date)
        except DateParseError as exc:
            raise SourceError(f"DATE: {exc}; give it as YYYY-MM-DD") from None
        if not window.known:  # "Friday", "yesterday": the source would be silently undated
            raise SourceError(
                f"DATE: '{date}' does not say when the article was published "
                f"({window.note}); give it as YYYY-MM-DD"
            )
        published = date
        reference = window.start if window.precision == "day" else None
    else:
        reference = None

    data, _ = load_curated(paths.root)
    proposal = propose(text, sid, reference, Dictionaries(data, stands_for()), title=title)
    label = f'"{title}"' if title else path.name
    dateline = proposal.dateline.text if proposal.dateline else None

    targets = {
        paths.sources / f"{sid}.txt": raw,
        paths.sources / f"{sid}.yaml": metadata_record(
            sid, f"{sid}.txt", digest, title, outlet, published, url, dateline
        ).encode(),
        review_dir(paths) / f"{sid}.yaml": review_document(
            sid, label, proposal, _actor_names(data)
        ).encode(),
    }
    _write_all(targets)
    return AddedSource(sid, *targets, proposal)


def _write_all(targets: dict[Path, bytes]) -> None:
    """Write every file or none: each goes to a temporary name, then all are renamed."""
    temps: list[tuple[Path, Path]] = []
    done: list[Path] = []
    try:
        for target, content in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.partial")
            temp.write_bytes(content)
            temps.append((temp, target))
        for temp, target in temps:
            temp.rename(target)
            done.append(target)
    except BaseException:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        for target in done:
            target.unlink(missing_ok=True)
        raise
