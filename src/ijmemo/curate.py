"""The curate step: sources + curated YAML → validated, quote-checked tables.

    load_curated()  read and type-check every record (pydantic)
    check_curated() cross-record rules: references, quotes, dates, provenance
    build_tables()  the processed tables (pandas)
    write_tables()  publish them to data/processed/ only if everything passed

Every problem found is collected, so the analyst sees them all at once, each
naming the file, line, record and field.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ValidationError

from .atomic import staged_dir
from .datapackage import datapackage
from .dates import DateParseError, DateWindow, parse_date, unknown
from .paths import DataPaths
from .quotes import QuoteMatch, SourceText, mentions, normalise
from .schema import (
    Actor,
    Claim,
    Country,
    Event,
    Initiative,
    Sector,
    Source,
    Topic,
)
from .yamlio import YamlError, load_yaml

# Curated files, in the order they are read, with the model and the record's label.
CURATED_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "sectors.yaml": (Sector, "sector"),
    "countries.yaml": (Country, "country"),
    "actors.yaml": (Actor, "actor"),
    "topics.yaml": (Topic, "topic"),
    "initiatives.yaml": (Initiative, "initiative"),
    "events.yaml": (Event, "event"),
    "claims.yaml": (Claim, "claim"),
}
MANIFEST = "manifest.json"  # which inputs the processed tables were built from
TABLES = (
    "sources",
    "claims",
    "initiatives",
    "events",
    "actors",
    "topics",
    "sectors",
    "countries",
    "conflicts",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix it."""

    file: str
    message: str
    record: str | None = None  # e.g. "claim 'a01'"
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts) + f": {self.message}"


class CurationError(Exception):
    """The curated data has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        lines = [f"{n} problem{'s' if n != 1 else ''} in the input data (nothing was written):"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


@dataclass
class Located:
    """A validated record and where it came from."""

    record: BaseModel
    file: str
    line: int | None
    label: str

    def problem(self, message: str, field: str | None = None) -> Problem:
        return Problem(self.file, message, self.label, field, self.line)


@dataclass
class CuratedData:
    paths: DataPaths
    sources: dict[str, Located] = field(default_factory=dict)
    texts: dict[str, SourceText] = field(default_factory=dict)
    published: dict[str, DateWindow] = field(default_factory=dict)
    sectors: dict[str, Located] = field(default_factory=dict)
    countries: dict[str, Located] = field(default_factory=dict)
    actors: dict[str, Located] = field(default_factory=dict)
    topics: dict[str, Located] = field(default_factory=dict)
    initiatives: dict[str, Located] = field(default_factory=dict)
    events: dict[str, Located] = field(default_factory=dict)
    claims: dict[str, Located] = field(default_factory=dict)
    # Ids of records that failed type-checking: already reported, so references to
    # them are not reported again as "unknown" (one mistake, one message).
    rejected: set[str] = field(default_factory=set)

    def collection(self, filename: str) -> dict[str, Located]:
        return getattr(self, filename.removesuffix(".yaml"))

    def unknown_refs(
        self, loc: Located, field_name: str, values: Iterable[str], collection: str
    ) -> list[Problem]:
        """A problem for each value that is not an id in `collection` (e.g. "sectors")."""
        known = getattr(self, collection)
        unknown = [v for v in values if v not in known and v not in self.rejected]
        if not unknown:
            return []
        what = {"sectors": "sector", "countries": "country", "actors": "actor", "sources": "source"}
        allowed = ", ".join(sorted(known)[:40]) or "none defined"
        if len(known) > 40:
            allowed += f", … ({len(known)} in all)"
        return [
            loc.problem(f"unknown {what[collection]} '{v}'; known: {allowed}", field_name)
            for v in unknown
        ]

    @cached_property
    def claims_by_subject(self) -> dict[str, list[Claim]]:
        """Claims grouped by subject, in file order (built once, after loading)."""
        about: dict[str, list[Claim]] = defaultdict(list)
        for loc in self.claims.values():
            about[loc.record.subject].append(loc.record)
        return about

    def subject_kind(self, subject_id: str) -> str | None:
        for kind in ("initiatives", "events", "topics"):
            if subject_id in getattr(self, kind):
                return kind.removesuffix("s")
        return None


@dataclass
class Checked:
    """What the cross-record checks derive: quote offsets and date windows."""

    quote_matches: dict[str, QuoteMatch] = field(default_factory=dict)
    claim_dates: dict[str, DateWindow] = field(default_factory=dict)
    event_dates: dict[str, DateWindow] = field(default_factory=dict)
    milestone_dates: dict[str, DateWindow] = field(default_factory=dict)
    syndication: dict[str, str] = field(default_factory=dict)  # source -> group (first member)
    conflicts: list[dict] = field(default_factory=list)


@dataclass
class Curation:
    data: CuratedData
    checked: Checked
    tables: dict[str, pd.DataFrame]


# ---------------------------------------------------------------- loading


def _pydantic_message(err: dict) -> str:
    kind, given = err["type"], err.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "string_too_short" or (kind == "too_short" and given == []):
        return "required field is empty"
    if kind == "too_short":
        return "needs at least one value"
    if kind == "extra_forbidden":
        return "unknown field (misspelt?)"
    if kind == "literal_error":
        return f"{given!r} is not allowed; allowed values: {err['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return f"{given!r} is not a valid value (expected pattern {err['ctx']['pattern']})"
    if given is None and kind.endswith("_type"):
        return "required field is empty"
    return f"{err['msg']} (got {given!r})"


def _validate_records(
    raw: object,
    model: type[BaseModel],
    label: str,
    file: str,
    problems: list[Problem],
    rejected: set[str] | None = None,
) -> dict[str, Located]:
    """Type-check a YAML list of records; report duplicates and malformed ones."""
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        problems.append(Problem(file, "expected a list of records at the top level"))
        return {}
    key = "code" if model is Country else "id"
    out: dict[str, Located] = {}
    for index, item in enumerate(raw, start=1):
        line = getattr(item, "line", None)
        if not isinstance(item, dict):
            problems.append(Problem(file, "expected a record (a mapping)", f"{label} #{index}"))
            continue
        rid = item.get(key)
        name = f"{label} '{rid}'" if rid else f"{label} #{index}"
        try:
            record = model.model_validate(dict(item))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(part) for part in err["loc"])
                problems.append(Problem(file, _pydantic_message(err), name, where, line))
            if rid and rejected is not None:
                rejected.add(str(rid))
            continue
        rid = getattr(record, key)
        if rid in out:
            problems.append(
                Problem(file, f"duplicate id (first at line {out[rid].line})", name, key, line)
            )
            continue
        out[rid] = Located(record, file, line, name)
    return out


def _load_sources(data: CuratedData, problems: list[Problem]) -> None:
    folder = data.paths.sources
    if not folder.is_dir():
        problems.append(Problem(data.paths.display(folder), "sources folder is missing"))
        return
    texts = {p.stem: p for p in sorted(folder.glob("*.txt"))}
    for meta_path in sorted(folder.glob("*.yaml")):
        file = data.paths.display(meta_path)
        try:
            raw = load_yaml(meta_path)
        except YamlError as exc:
            problems.append(Problem(file, exc.message, line=exc.line))
            continue
        records = _validate_records(
            [raw] if raw is not None else [], Source, "source", file, problems, data.rejected
        )
        for sid, loc in records.items():
            if not _check_source(data, sid, loc, meta_path, problems):
                data.rejected.add(sid)
    for stem, path in texts.items():
        if stem not in data.sources and not (folder / f"{stem}.yaml").exists():
            problems.append(
                Problem(data.paths.display(path), f"no metadata record (expected {stem}.yaml)")
            )


def _check_source(
    data: CuratedData, sid: str, loc: Located, meta_path: Path, problems: list[Problem]
) -> bool:
    """Check a source record against its text; register it if usable."""
    src: Source = loc.record
    if src.id != meta_path.stem:
        problems.append(loc.problem(f"id must equal the file name stem '{meta_path.stem}'", "id"))
        return False
    if sid in data.sources:
        problems.append(loc.problem("duplicate source id", "id"))
        return False
    text_path = meta_path.parent / src.file
    if not text_path.is_file():
        problems.append(loc.problem(f"source text {src.file} does not exist", "file"))
        return False
    raw_bytes = text_path.read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    if digest != src.sha256:
        problems.append(
            loc.problem(
                f"sha256 of {src.file} is {digest}, not the recorded {src.sha256}: "
                "the raw text was changed (restore it; raw sources are never edited)",
                "sha256",
            )
        )
        return False
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(loc.problem(f"{src.file} is not UTF-8 text: {exc}", "file"))
        return False
    try:
        data.published[sid] = parse_date(src.published)
    except DateParseError as exc:
        problems.append(loc.problem(str(exc), "published"))
        data.published[sid] = unknown(src.published)
    data.sources[sid] = loc
    data.texts[sid] = SourceText(text)
    return True


def load_curated(data_dir=None) -> tuple[CuratedData, list[Problem]]:
    """Read the source records and every curated file; type-check each record."""
    data = CuratedData(DataPaths.at(data_dir))
    problems: list[Problem] = []
    _load_sources(data, problems)
    for filename, (model, label) in CURATED_FILES.items():
        path = data.paths.curated / filename
        file = data.paths.display(path)
        if not path.is_file():
            problems.append(Problem(file, "curated file is missing"))
            continue
        try:
            raw = load_yaml(path)
        except YamlError as exc:
            problems.append(Problem(file, exc.message, line=exc.line))
            continue
        records = _validate_records(raw, model, label, file, problems, data.rejected)
        data.collection(filename).update(records)
    return data, problems


# ---------------------------------------------------------------- cross-record checks


def _source_day(data: CuratedData, source_id: str) -> date | None:
    """The source's own date, when known to the day (the reference for 'Friday')."""
    window = data.published.get(source_id)
    return window.start if window and window.precision == "day" else None


def _parse(loc: Located, field_name: str, text, reference, problems) -> DateWindow:
    try:
        return parse_date(text, reference)
    except DateParseError as exc:
        problems.append(loc.problem(str(exc), field_name))
        return unknown(text)


def _check_claims(data: CuratedData, checked: Checked, problems: list[Problem]) -> None:
    for cid, loc in data.claims.items():
        claim: Claim = loc.record
        problems += data.unknown_refs(loc, "sectors", claim.sectors, "sectors")
        problems += data.unknown_refs(loc, "countries", claim.countries, "countries")
        problems += data.unknown_refs(loc, "actors", claim.actors, "actors")
        if data.subject_kind(claim.subject) is None and claim.subject not in data.rejected:
            problems.append(
                loc.problem(
                    f"unknown subject '{claim.subject}' (not an initiative, event or topic id)",
                    "subject",
                )
            )
        if claim.source not in data.sources:
            problems += data.unknown_refs(loc, "source", [claim.source], "sources")
            continue
        text = data.texts[claim.source]
        match = text.find(claim.quote)
        if match is None:
            near = text.closest(claim.quote)
            problems.append(
                loc.problem(
                    f"quote not found in source '{claim.source}' "
                    f"({data.sources[claim.source].record.file}); closest passage "
                    f'(similarity {near.score:.0f}%): "{near.passage}"',
                    "quote",
                )
            )
        else:
            checked.quote_matches[cid] = match
        if claim.location is not None and not mentions(claim.quote, claim.location):
            problems.append(
                loc.problem(f"location '{claim.location}' does not appear in the quote", "location")
            )
        if claim.date is not None:
            if not mentions(claim.quote, claim.date):
                problems.append(
                    loc.problem(f"date '{claim.date}' does not appear in the quote", "date")
                )
            reference = _source_day(data, claim.source)
            checked.claim_dates[cid] = _parse(loc, "date", claim.date, reference, problems)
        else:
            checked.claim_dates[cid] = unknown(None)


def _supporting_claim(
    data: CuratedData, loc: Located, field_name: str, claim_id: str, subject_id: str
) -> tuple[Claim | None, list[Problem]]:
    """A claim cited as evidence for `subject_id` must exist and be about it."""
    if claim_id not in data.claims:
        return None, [loc.problem(f"unknown claim '{claim_id}'", field_name)]
    claim: Claim = data.claims[claim_id].record
    if claim.subject != subject_id:
        msg = f"claim '{claim_id}' is about '{claim.subject}', not '{subject_id}'"
        return claim, [loc.problem(msg, field_name)]
    return claim, []


def _check_initiatives(data: CuratedData, checked: Checked, problems: list[Problem]) -> None:
    about = data.claims_by_subject
    for iid, loc in data.initiatives.items():
        ini: Initiative = loc.record
        problems += data.unknown_refs(loc, "sectors", ini.sectors, "sectors")
        problems += data.unknown_refs(loc, "parties", ini.parties, "countries")
        problems += data.unknown_refs(loc, "lead_bodies", ini.lead_bodies, "actors")
        for cid in ini.status_claims:
            problems += _supporting_claim(data, loc, "status_claims", cid, iid)[1]
        for n, change in enumerate(ini.status_history):
            for cid in [*change.claims, change.changed_by]:
                problems += _supporting_claim(data, loc, f"status_history.{n}", cid, iid)[1]
        claims = about.get(iid, [])
        if not claims:
            problems.append(loc.problem("no claim supports this initiative"))
        for alias in ini.aliases:
            if not any(mentions(c.quote, alias) for c in claims):
                problems.append(
                    loc.problem(
                        f"alias '{alias}' appears in no quote about this initiative", "aliases"
                    )
                )
        ms = ini.next_milestone
        if ms is None:
            continue
        claim, found = _supporting_claim(data, loc, "next_milestone.claim", ms.claim, iid)
        problems += found
        if claim is None or ms.due is None:
            checked.milestone_dates[iid] = unknown(ms.due)
            continue
        if not mentions(claim.quote, ms.due):
            problems.append(
                loc.problem(
                    f"due '{ms.due}' does not appear in claim '{ms.claim}'", "next_milestone.due"
                )
            )
        reference = _source_day(data, claim.source)
        checked.milestone_dates[iid] = _parse(
            loc, "next_milestone.due", ms.due, reference, problems
        )


def _check_events(data: CuratedData, checked: Checked, problems: list[Problem]) -> None:
    about = data.claims_by_subject
    for eid, loc in data.events.items():
        ev: Event = loc.record
        problems += data.unknown_refs(loc, "participants", ev.participants, "actors")
        problems += data.unknown_refs(loc, "countries", ev.countries, "countries")
        claims = about.get(eid, [])
        if not claims:
            problems.append(loc.problem("no claim supports this event"))
        if ev.location and not any(mentions(c.quote, ev.location) for c in claims):
            problems.append(
                loc.problem(
                    f"location '{ev.location}' appears in no quote about this event", "location"
                )
            )
        checked.event_dates[eid] = unknown(ev.date)
        if ev.date is None:
            if ev.date_claim or ev.date_anchor:
                problems.append(loc.problem("date_claim/date_anchor given without a date", "date"))
            continue
        if ev.date_claim is None:
            problems.append(loc.problem("a date needs the claim that reports it", "date_claim"))
            continue
        claim, found = _supporting_claim(data, loc, "date_claim", ev.date_claim, eid)
        problems += found
        if claim is None:
            continue
        if not mentions(claim.quote, ev.date):
            problems.append(
                loc.problem(f"date '{ev.date}' does not appear in claim '{ev.date_claim}'", "date")
            )
        reference = _source_day(data, claim.source)
        if ev.date_anchor is not None:
            anchor = ev.date_anchor.source
            if anchor not in data.sources:
                problems += data.unknown_refs(loc, "date_anchor.source", [anchor], "sources")
                continue
            reference = _source_day(data, anchor)
            if reference is None:
                problems.append(
                    loc.problem(f"source '{anchor}' has no day-precise date", "date_anchor.source")
                )
                continue
        checked.event_dates[eid] = _parse(loc, "date", ev.date, reference, problems)


def _check_topics_and_actors(data: CuratedData, problems: list[Problem]) -> None:
    about = data.claims_by_subject
    for tid, loc in data.topics.items():
        problems += data.unknown_refs(loc, "sectors", loc.record.sectors, "sectors")
        if not about.get(tid):
            problems.append(loc.problem("no claim supports this topic"))
    citing: dict[str, list[Claim]] = defaultdict(list)
    for cloc in data.claims.values():
        for aid in cloc.record.actors:
            citing[aid].append(cloc.record)
    for aid, loc in data.actors.items():
        actor: Actor = loc.record
        if actor.country is not None:
            problems += data.unknown_refs(loc, "country", [actor.country], "countries")
        names = [actor.name, *actor.aliases]
        if not citing.get(aid):
            problems.append(loc.problem("no claim names this actor"))
        elif not any(mentions(c.quote, n) for c in citing[aid] for n in names):
            problems.append(
                loc.problem(
                    "neither the name nor an alias appears in any quote citing this actor", "name"
                )
            )


def _check_unique_subjects(data: CuratedData, problems: list[Problem]) -> None:
    # A claim's subject may be any of these, so an id must mean one thing only.
    seen: dict[str, Located] = {}
    for collection in (data.initiatives, data.events, data.topics):
        for sid, loc in collection.items():
            if sid in seen:
                problems.append(
                    loc.problem(f"id also used by {seen[sid].label} ({seen[sid].file})", "id")
                )
            else:
                seen[sid] = loc


def check_curated(data: CuratedData) -> tuple[Checked, list[Problem]]:
    """Every cross-record rule; returns derived offsets/dates and all problems."""
    checked, problems = Checked(), []
    _check_unique_subjects(data, problems)
    _check_claims(data, checked, problems)
    _check_initiatives(data, checked, problems)
    _check_events(data, checked, problems)
    _check_topics_and_actors(data, problems)
    checked.syndication = syndication_groups(data.texts)
    checked.conflicts = find_conflicts(data, checked)
    return checked, problems


SHINGLE = 8  # words: a shared run this long is wording copied, not coincidence
SYNDICATED = 0.5  # share of the shorter text's shingles found in the other
COMMON_PASSAGE = 50  # a passage in more sources than this is boilerplate, not syndication


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The text's 8-word passages, sampled: those starting at a word whose CRC is 0 mod 4.

    The rule depends only on the words, so a copied passage is sampled in both copies
    and the overlap estimate holds, for a quarter of the work on a large corpus.
    """
    words = re.findall(r"[a-z0-9]+", normalise(text).casefold())
    keep = _SAMPLE_CACHE
    return {
        tuple(words[i : i + SHINGLE])
        for i in range(len(words) - SHINGLE + 1)
        if keep.setdefault(words[i], zlib.crc32(words[i].encode()) % 4 == 0)
    }


_SAMPLE_CACHE: dict[str, bool] = {}


def syndication_groups(texts: dict[str, SourceText]) -> dict[str, str]:
    """Group sources that carry the same wording (a reprinted wire story).

    Counts shared shingles through an inverted index, so the cost grows with the
    text, not with the number of source pairs. Each group is named by its first
    source id; an unsyndicated source is its own group.
    """
    shingles = {sid: _shingles(t.text) for sid, t in texts.items()}
    holders: dict[tuple, list[str]] = defaultdict(list)
    for sid in sorted(shingles):
        for sh in shingles[sid]:
            holders[sh].append(sid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in holders.values():
        if len(ids) > COMMON_PASSAGE:
            continue  # a stock phrase in many sources says nothing about who copied whom
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                shared[(a, b)] += 1
    group = {sid: sid for sid in sorted(shingles)}

    def root(sid: str) -> str:
        while group[sid] != sid:
            sid = group[sid]
        return sid

    for (a, b), n in sorted(shared.items()):
        if n / max(1, min(len(shingles[a]), len(shingles[b]))) >= SYNDICATED:
            ra, rb = root(a), root(b)
            group[max(ra, rb)] = min(ra, rb)
    return {sid: root(sid) for sid in group}


def find_conflicts(data: CuratedData, checked: Checked) -> list[dict]:
    """Facts two sources report differently: disjoint dates for one event, or two places.

    Both claims are kept; the conflict is listed (once per pair of sources and
    values), never resolved silently.
    """
    merged: dict[tuple, dict] = {}
    for row in _conflicting_pairs(data, checked):
        key = (row["subject_id"], row["field"], row["source_ids"], row["reported"])
        if key in merged:
            ids = merged[key]["claim_ids"].split(";") + row["claim_ids"].split(";")
            merged[key]["claim_ids"] = ";".join(sorted(set(ids)))
        else:
            merged[key] = row
    return list(merged.values())


def _conflicting_pairs(data: CuratedData, checked: Checked) -> list[dict]:
    conflicts = []
    by_subject = data.claims_by_subject
    for subject in sorted(by_subject):
        claims = sorted(by_subject[subject], key=lambda c: c.id)
        if subject in data.events:
            dated = [(c, checked.claim_dates.get(c.id)) for c in claims]
            dated = [(c, w) for c, w in dated if w is not None and w.known]
            for i, (a, wa) in enumerate(dated):
                for b, wb in dated[i + 1 :]:
                    if a.source != b.source and (wa.end < wb.start or wb.end < wa.start):
                        conflicts.append(_conflict(subject, "date", a, b, a.date, b.date))
        placed = [c for c in claims if c.location]
        for i, a in enumerate(placed):
            for b in placed[i + 1 :]:
                if (
                    a.source != b.source
                    and normalise(a.location).casefold() != normalise(b.location).casefold()
                ):
                    conflicts.append(_conflict(subject, "location", a, b, a.location, b.location))
    return conflicts


def _conflict(subject: str, field_name: str, a: Claim, b: Claim, va: str, vb: str) -> dict:
    return {
        "subject_id": subject,
        "field": field_name,
        "claim_ids": f"{a.id};{b.id}",
        "source_ids": f"{a.source};{b.source}",
        "reported": f"{va} | {vb}",
    }


# ---------------------------------------------------------------- tables


def _join(values: Iterable[str]) -> str:
    return ";".join(values)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _frame(rows: list[dict], columns: list[str], key: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(key, kind="stable").reset_index(drop=True)


def build_tables(data: CuratedData, checked: Checked) -> dict[str, pd.DataFrame]:
    """The processed tables. Multi-valued cells are ';'-separated."""
    about = data.claims_by_subject

    def support(subject_id: str) -> dict:
        claims = about.get(subject_id, [])
        sources = sorted({c.source for c in claims})
        independent = {checked.syndication.get(s, s) for s in sources}
        return {
            "n_claims": len(claims),
            "n_sources": len(sources),
            "n_independent": len(independent),
            "source_ids": _join(sources),
        }

    claims_per_source = defaultdict(int)
    claims_per_actor = defaultdict(int)
    for loc in data.claims.values():
        claims_per_source[loc.record.source] += 1
        for aid in loc.record.actors:
            claims_per_actor[aid] += 1

    sources = []
    for sid, loc in data.sources.items():
        s: Source = loc.record
        pub = data.published[sid]
        sources.append(
            {
                "source_id": sid,
                "file": s.file,
                "title": s.title,
                "description": s.description,
                "outlet": s.outlet,
                "published": s.published,
                "published_start": _iso(pub.start),
                "published_end": _iso(pub.end),
                "published_precision": pub.precision,
                "dateline": s.dateline,
                "url": s.url,
                "kind": s.kind,
                "sha256": s.sha256,
                "syndication_group": checked.syndication.get(sid, sid),
                "n_claims": claims_per_source[sid],
            }
        )

    claims = []
    for cid, loc in data.claims.items():
        c: Claim = loc.record
        when = checked.claim_dates.get(cid, unknown(c.date))
        match = checked.quote_matches.get(cid)
        claims.append(
            {
                "claim_id": cid,
                "source_id": c.source,
                "quote": c.quote,
                "statement": c.statement,
                "subject_id": c.subject,
                "subject_kind": data.subject_kind(c.subject),
                "sectors": _join(c.sectors),
                "countries": _join(c.countries),
                "actors": _join(c.actors),
                "date_text": c.date,
                "date_start": _iso(when.start),
                "date_end": _iso(when.end),
                "date_precision": when.precision,
                "date_note": when.note,
                "location": c.location,
                "quote_start": match.start if match else None,
                "quote_end": match.end if match else None,
            }
        )

    initiatives = []
    for iid, loc in data.initiatives.items():
        i: Initiative = loc.record
        ms = i.next_milestone
        due = checked.milestone_dates.get(iid, unknown(None))
        initiatives.append(
            {
                "initiative_id": iid,
                "name": i.name,
                "aliases": _join(i.aliases),
                "sectors": _join(i.sectors),
                "parties": _join(i.parties),
                "lead_bodies": _join(i.lead_bodies),
                "status": i.status,
                "status_claims": _join(i.status_claims),
                "status_note": i.status_note,
                "status_history": _join(f"{h.status}>{h.changed_by}" for h in i.status_history),
                "next_milestone": ms.what if ms else None,
                "milestone_claim": ms.claim if ms else None,
                "due_text": ms.due if ms else None,
                "due_start": _iso(due.start),
                "due_end": _iso(due.end),
                "due_precision": due.precision if ms else None,
                **support(iid),
            }
        )

    events = []
    for eid, loc in data.events.items():
        e: Event = loc.record
        when = checked.event_dates.get(eid, unknown(e.date))
        events.append(
            {
                "event_id": eid,
                "title": e.title,
                "kind": e.kind,
                "date_text": e.date,
                "date_start": _iso(when.start),
                "date_end": _iso(when.end),
                "date_precision": when.precision,
                "date_note": when.note,
                "date_claim": e.date_claim,
                "date_anchor": e.date_anchor.source if e.date_anchor else None,
                "location": e.location,
                "location_note": e.location_note,
                "participants": _join(e.participants),
                "countries": _join(e.countries),
                **support(eid),
            }
        )

    actors = [
        {
            "actor_id": aid,
            "name": loc.record.name,
            "kind": loc.record.kind,
            "role": loc.record.role,
            "country": loc.record.country,
            "aliases": _join(loc.record.aliases),
            "n_claims": claims_per_actor[aid],
        }
        for aid, loc in data.actors.items()
    ]
    topics = [
        {
            "topic_id": tid,
            "title": loc.record.title,
            "sectors": _join(loc.record.sectors),
            "description": loc.record.description,
            **support(tid),
        }
        for tid, loc in data.topics.items()
    ]
    sectors = [
        {"sector_id": sid, "label": loc.record.label, "definition": loc.record.definition}
        for sid, loc in data.sectors.items()
    ]
    countries = [{"code": code, "name": loc.record.name} for code, loc in data.countries.items()]

    def cols(rows: list[dict], fallback: list[str]) -> list[str]:
        return list(rows[0]) if rows else fallback

    return {
        "sources": _frame(sources, cols(sources, ["source_id"]), "source_id"),
        "claims": _frame(claims, cols(claims, ["claim_id"]), "claim_id"),
        "initiatives": _frame(initiatives, cols(initiatives, ["initiative_id"]), "initiative_id"),
        "events": _frame(events, cols(events, ["event_id"]), "event_id"),
        "actors": _frame(actors, cols(actors, ["actor_id"]), "actor_id"),
        "topics": _frame(topics, cols(topics, ["topic_id"]), "topic_id"),
        "sectors": pd.DataFrame(sectors),  # taxonomy order is meaningful: keep it
        "countries": _frame(countries, ["code", "name"], "code"),
        "conflicts": pd.DataFrame(
            checked.conflicts,
            columns=["subject_id", "field", "claim_ids", "source_ids", "reported"],
        ),
    }


# ---------------------------------------------------------------- the step


@dataclass
class Review:
    """The outcome of checking the data: the curation if clean, and every problem."""

    curation: Curation | None
    problems: list[Problem]

    def problems_frame(self) -> pd.DataFrame:
        """The problems as a table (empty when every check passed)."""
        columns = ["file", "line", "record", "field", "message"]
        return pd.DataFrame(
            [{c: getattr(p, c) for c in columns} for p in self.problems], columns=columns
        )

    def result(self) -> Curation:
        if self.problems:
            raise CurationError(self.problems)
        return self.curation


def review(data_dir=None, reuse_processed: bool = False) -> Review:
    """Load and check everything; never raises for problems in the data.

    With `reuse_processed`, when data/processed/ was written from exactly the current
    inputs (its manifest says so) the checks already passed: its tables are reused
    instead of validating everything again.
    """
    paths = DataPaths.at(data_dir)
    if reuse_processed and processed_is_current(paths):
        return Review(Curation(None, None, load_tables(paths.root)), [])
    data, problems = load_curated(data_dir)
    checked, more = check_curated(data)
    problems += more
    if problems:
        return Review(None, problems)
    return Review(Curation(data, checked, build_tables(data, checked)), [])


def curate(data_dir=None) -> Curation:
    """Load, validate and tabulate; raise CurationError listing every problem."""
    return review(data_dir).result()


def coverage_by_source(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per source: how many claims, and how many initiatives/events/topics they support."""
    claims = tables["claims"]
    rows = claims.groupby("source_id").agg(claims=("claim_id", "size"))
    for kind in ("initiative", "event", "topic"):
        subset = claims[claims["subject_kind"] == kind]
        rows[f"{kind}s"] = subset.groupby("source_id")["subject_id"].nunique()
    rows = rows.fillna(0).astype(int)
    labels = tables["sources"].set_index("source_id")
    rows.insert(0, "source", labels["title"].fillna(labels["description"]))
    return rows.reset_index()


def coverage_by_sector(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per sector (taxonomy order): claims, sources and initiatives tagged with it."""

    def per_sector(frame: pd.DataFrame, key: str) -> pd.Series:
        exploded = frame.assign(sector=frame["sectors"].str.split(";")).explode("sector")
        return exploded.groupby("sector")[key].nunique()

    claims = tables["claims"]
    out = tables["sectors"][["sector_id", "label"]].set_index("sector_id")
    out["claims"] = per_sector(claims, "claim_id")
    out["sources"] = per_sector(claims, "source_id")
    out["initiatives"] = per_sector(tables["initiatives"], "initiative_id")
    return out.fillna(0).astype({"claims": int, "sources": int, "initiatives": int}).reset_index()


def input_hashes(paths: DataPaths) -> dict[str, str]:
    """sha256 of every input of the curate step, keyed by path relative to the data dir."""
    files = sorted([*paths.sources.glob("*"), *paths.curated.glob("*.yaml")])
    return {
        str(f.relative_to(paths.root)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in files
        if f.is_file()
    }


def processed_is_current(paths: DataPaths) -> bool:
    """Were the processed tables written from exactly the current inputs?"""
    manifest = paths.processed / MANIFEST
    if not manifest.is_file() or any(not (paths.processed / f"{t}.csv").is_file() for t in TABLES):
        return False
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("inputs")
    except (json.JSONDecodeError, AttributeError):
        return False
    return recorded == input_hashes(paths)


def write_tables(
    tables: dict[str, pd.DataFrame], out_dir: Path, inputs: dict[str, str]
) -> list[Path]:
    """Publish the tables and a manifest of their inputs to `out_dir`, all at once."""
    with staged_dir(out_dir) as staging:
        for name, frame in tables.items():
            frame.to_csv(staging / f"{name}.csv", index=False, lineterminator="\n")
        manifest = {
            "inputs": inputs,
            "tables": {name: len(frame) for name, frame in tables.items()},
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        package = json.dumps(datapackage(tables), indent=2, ensure_ascii=False)
        (staging / "datapackage.json").write_text(package + "\n", encoding="utf-8")
    return [Path(out_dir) / f"{name}.csv" for name in tables]


def curate_to_processed(data_dir=None, out_dir: Path | None = None) -> Curation:
    """The whole curate step: check everything, then publish the tables (make data)."""
    paths = DataPaths.at(data_dir)
    result = curate(paths.root)
    write_tables(result.tables, out_dir or paths.processed, input_hashes(paths))
    return result


def load_tables(data_dir=None) -> dict[str, pd.DataFrame]:
    """The processed tables written by the curate step (strings; empty cells → NaN)."""
    folder = DataPaths.at(data_dir).processed
    missing = [t for t in TABLES if not (folder / f"{t}.csv").is_file()]
    if missing:
        raise FileNotFoundError(
            f"processed tables missing in {folder}: {', '.join(missing)} (run 'make data')"
        )
    numeric = {"n_claims", "n_sources", "n_independent", "quote_start", "quote_end"}
    tables = {}
    for name in TABLES:
        frame = pd.read_csv(
            folder / f"{name}.csv", dtype=str, keep_default_na=False, na_values=[""]
        )
        for column in numeric & set(frame.columns):
            frame[column] = frame[column].astype("Int64")
        tables[name] = frame
    return tables
