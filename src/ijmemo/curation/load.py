"""Read the raw source records and the curated YAML; type-check every record (pydantic).

Each record is kept with its file and line (`Located`), so every later check can
say exactly where a problem is. Nothing here compares records with each other:
that is `checks/`.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ijmemo.core.paths import DataPaths, entries_in
from ijmemo.core.problems import Located, Problem
from ijmemo.core.yamlio import Record, YamlError, cache_key, load_yaml_cached, prune_cache
from ijmemo.curation.kept_claims import KeptClaims
from ijmemo.metadata.schema import Actor, Claim, Country, Event, Initiative, Sector, Source, Topic
from ijmemo.text.dates import DateWindow, parse_date_or_unknown
from ijmemo.text.quotes import SourceText

# Curated files, in the order they are read, with the model and the record's label.
CURATED_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "sectors.yaml": (Sector, "sector"),
    "countries.yaml": (Country, "country"),
    "actors.yaml": (Actor, "actor"),
    "topics.yaml": (Topic, "topic"),
    "initiatives.yaml": (Initiative, "initiative"),
    "events.yaml": (Event, "event"),
}
# Claims: one file per source, curated/claims/<source id>.yaml; the file names the source.


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
    # Claims that failed type-checking, as written: what they are about and name still
    # counts, so a bad claim does not also make its subject and actors look unsupported.
    rejected_claims: list[dict] = field(default_factory=list)
    # Files that did not parse: every cross-record check waits for them (one message),
    # since their missing records would make everything that refers to them look wrong.
    unparsed: list[str] = field(default_factory=list)
    # Each file read (as its problems name it), by the sha256 of its bytes: what later
    # work kept by a file's content is kept by.
    digests: dict[str, str] = field(default_factory=dict)
    # While loading: a file's bytes and sha256 as read already, by its path in the data
    # folder (`manifest.InputFiles.take`), or None: what is checked.
    read: Callable[[str], tuple[bytes, str] | None] | None = field(default=None, repr=False)

    def read_already(self, path: Path) -> tuple[bytes, str] | None:
        """The file's bytes and sha256 as read already, or None (read it now)."""
        if self.read is None:
            return None
        # (its path in the data folder, as the inputs are keyed: a string cut, 15,000 times)
        root, shown = f"{self.paths.root}{os.sep}", str(path)
        key = (
            shown[len(root) :] if shown.startswith(root) else str(path.relative_to(self.paths.root))
        )
        return self.read(key)

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

    @cached_property
    def rejected_about(self) -> dict[str, list[dict]]:
        """Rejected claims by the subject they name (their problems are reported already)."""
        about: dict[str, list[dict]] = defaultdict(list)
        for raw in self.rejected_claims:
            about[str(raw.get("subject"))].append(raw)
        return about

    def subject_kind(self, subject_id: str) -> str | None:
        if subject_id in self.initiatives:  # (asked for each claim, several times)
            return "initiative"
        if subject_id in self.events:
            return "event"
        return "topic" if subject_id in self.topics else None


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
    if kind == "value_error":
        return err["msg"].removeprefix("Value error, ") + f" (got {given!r})"
    if given is None and kind.endswith("_type"):
        return "required field is empty"
    return f"{err['msg']} (got {given!r})"


def _is_branch(part) -> bool:
    """A union branch pydantic puts in an error's location (`literal['outlet']`, `Attribution`)."""
    return isinstance(part, str) and (part.startswith("literal[") or part[:1].isupper())


def _one_branch(errors: list[dict], item: dict) -> list[dict]:
    """For a field that may be a word or a mapping (`attribution: outlet | {by, ...}`), only
    the errors of the form the curator wrote: one mistake, one message."""
    out = []
    for err in errors:
        loc = err["loc"]
        if len(loc) > 1 and _is_branch(loc[1]):
            wrote_mapping = isinstance(item.get(loc[0]), dict)
            if loc[1].startswith("literal[") == wrote_mapping:
                continue
        out.append(err)
    return out


def _validate_records(
    raw: object,
    model: type[BaseModel],
    label: str,
    file: str,
    problems: list[Problem],
    rejected: set[str] | None = None,
    rejected_claims: list[dict] | None = None,
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
            record = model.model_validate(item)  # (the fields are copied out of it)
        except ValidationError as exc:
            for err in _one_branch(exc.errors(), dict(item)):
                where = ".".join(str(p) for p in err["loc"] if not _is_branch(p))
                problems.append(Problem(file, _pydantic_message(err), name, where, line))
            if rid and rejected is not None:
                rejected.add(str(rid))
            if model is Claim and rejected_claims is not None:
                rejected_claims.append(dict(item))
            continue
        rid = getattr(record, key)
        if rid in out:
            problems.append(
                Problem(file, f"duplicate id (first at line {out[rid].line})", name, key, line)
            )
            continue
        out[rid] = Located(record, file, line, name)
    return out


UNPARSED = object()  # a file whose YAML does not parse (its problem is recorded)


def _parsed(
    data: CuratedData,
    path: Path,
    file: str,
    used: set[str],
    problems: list[Problem],
    read: tuple[bytes, str] | None = None,
):
    """A file's YAML (parsed once per content), or UNPARSED with the problem recorded: the
    cross-record checks then wait for it (`data.unparsed`). `read`: its bytes and sha256,
    if read already."""
    digest: dict[Path, str] = {}
    read = read if read is not None else data.read_already(path)
    try:
        parsed = load_yaml_cached(path, data.paths.cache, used, digest, read)
        data.digests[file] = digest[path]
        return parsed
    except YamlError as exc:
        problems.append(Problem(file, exc.message, line=exc.line))
        data.unparsed.append(file)
        return UNPARSED


def _listed(data: CuratedData, folder: Path, suffix: str) -> list[tuple[Path, str]]:
    """Each entry of `folder` ending in `suffix`, in name order, with the name problems
    give its file (`DataPaths.display`, made once for the folder: 15,000 files)."""
    shown = data.paths.display(folder)
    return [(folder / e.name, f"{shown}/{e.name}") for e in entries_in(folder, suffix)]


def _stem(name: str) -> str:
    """`Path(name).stem`, for a name known to have a suffix (".yaml" keeps its own)."""
    return name.rpartition(".")[0] or name


def _load_sources(data: CuratedData, problems: list[Problem], used: set[str]) -> None:
    folder = data.paths.sources
    if not folder.is_dir():
        problems.append(Problem(data.paths.display(folder), "sources folder is missing"))
        return
    texts = {_stem(path.name): path for path, _ in _listed(data, folder, ".txt")}
    for meta_path, file in _listed(data, folder, ".yaml"):
        raw = _parsed(data, meta_path, file, used, problems)
        if raw is UNPARSED:
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
    raw_bytes, digest = _read_hashed(data, text_path)
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
    if src.original and not _original_intact(data, src, meta_path.parent, loc, problems):
        return False
    data.published[sid], error = parse_date_or_unknown(src.published)
    if error:
        problems.append(loc.problem(error, "published"))
    if src.identified and not _is_day(src.identified.date):
        problems.append(
            loc.problem(f"'{src.identified.date}' is not a day (YYYY-MM-DD)", "identified.date")
        )
    data.sources[sid] = loc
    data.texts[sid] = SourceText(text)
    return True


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _read_hashed(data: CuratedData, path: Path) -> tuple[bytes, str]:
    """A file's bytes and their sha256: as read already (`data.read`), or read now."""
    read = data.read_already(path)
    if read is not None:
        return read
    content = path.read_bytes()
    return content, hashlib.sha256(content).hexdigest()


def _original_intact(
    data: CuratedData, src: Source, folder: Path, loc: Located, problems: list[Problem]
) -> bool:
    """The page, PDF or Word file the text was extracted from is there, unchanged."""
    path = folder / src.original.file
    if not path.is_file():
        problems.append(
            loc.problem(f"original file {src.original.file} does not exist", "original")
        )
        return False
    _, digest = _read_hashed(data, path)
    if digest != src.original.sha256:
        problems.append(
            loc.problem(
                f"sha256 of {src.original.file} is {digest}, not the recorded "
                f"{src.original.sha256}: the original was changed (restore it; raw sources "
                "are never edited)",
                "original",
            )
        )
        return False
    return True


def load_curated(
    data_dir=None, read: Callable[[str], tuple[bytes, str] | None] | None = None
) -> tuple[CuratedData, list[Problem]]:
    """Read the source records and every curated file; type-check each record.

    `read`: a file's bytes and sha256 as read and hashed already, by its path in the data
    folder (`manifest.InputFiles.take`): those bytes are what is checked (a file it does
    not give is read now)."""
    data = CuratedData(DataPaths.at(data_dir), read=read)
    problems: list[Problem] = []
    used: set[str] = set()  # parse-cache entries this load read or wrote
    _load_sources(data, problems, used)
    for filename, (model, label) in CURATED_FILES.items():
        path = data.paths.curated / filename
        file = data.paths.display(path)
        if not path.is_file():
            problems.append(Problem(file, "curated file is missing"))
            continue
        raw = _parsed(data, path, file, used, problems)
        if raw is UNPARSED:
            continue
        records = _validate_records(
            raw, model, label, file, problems, data.rejected, data.rejected_claims
        )
        data.collection(filename).update(records)
    _load_claims(data, problems, used)
    prune_cache(data.paths.cache, used)
    data.read = None
    return data, problems


def _load_claims(data: CuratedData, problems: list[Problem], used: set[str]) -> None:
    """Every claims file, one per source; each claim's source is its file's name. A file
    whose claims all passed before is checked from the JSON kept for it (`kept_claims`)."""
    folder = data.paths.claims
    if not folder.is_dir():
        problems.append(Problem(data.paths.display(folder), "claims folder is missing"))
        return
    kept = KeptClaims(data.paths.claims_cache)
    for path, file in _listed(data, folder, ".yaml"):
        source = _stem(path.name)
        read = _read_or_none(data, path) if source in data.sources else None
        claims = kept.claims(read[1], source) if read is not None else None
        if claims is not None:  # (its parse kept too: `used`)
            data.digests[file] = cache_key(read[1])
            used.add(f"{data.digests[file]}.pickle")
            records = {c.id: Located(c, file, line, label) for c, line, label in claims}
        else:
            records = _claims_file(data, path, file, source, problems, used, read, kept)
        for cid, loc in records.items():
            if cid in data.claims:
                first = data.claims[cid]
                problems.append(
                    loc.problem(f"duplicate id (first in {first.file}:{first.line})", "id")
                )
            else:
                data.claims[cid] = loc
    kept.save()


def _claims_file(
    data: CuratedData,
    path: Path,
    file: str,
    source: str,
    problems: list[Problem],
    used: set[str],
    read: tuple[bytes, str] | None,
    kept: KeptClaims,
) -> dict[str, Located]:
    """A claims file's claims from its YAML, type-checked one by one; kept if all pass."""
    raw = _parsed(data, path, file, used, problems, read)
    if raw is UNPARSED:
        return {}
    if source not in data.sources and source not in data.rejected:
        problems.append(
            Problem(file, f"no source '{source}': a claims file is named after its source")
        )
        data.rejected_claims += [dict(r) for r in raw or [] if isinstance(r, dict)]
        return {}
    found = len(problems)
    raw = _with_source(raw, source, file, problems)
    records = _validate_records(
        raw, Claim, "claim", file, problems, data.rejected, data.rejected_claims
    )
    if read is not None and len(problems) == found and isinstance(raw, list):
        kept.keep(read[1], source, raw, list(records.values()))
    return records


def _read_or_none(data: CuratedData, path: Path) -> tuple[bytes, str] | None:
    """A file's bytes and sha256 (`_read_hashed`), or None when it cannot be read (the
    YAML loader says why)."""
    try:
        return _read_hashed(data, path)
    except OSError:
        return None


def _with_source(raw, source: str, file: str, problems: list[Problem]):
    """Each record with `source` set from the file name (it is never written by hand)."""
    if not isinstance(raw, list):
        return raw
    out = []
    for item in raw:
        if isinstance(item, dict) and "source" in item:
            line = getattr(item, "line", None)
            name = f"claim '{item.get('id')}'"
            problems.append(
                Problem(
                    file, f"'source' is the file's name ({source}); remove it", name, "source", line
                )
            )
        elif isinstance(item, dict):
            copy = Record(item, source=source)
            copy.line = getattr(item, "line", None)
            item = copy
        out.append(item)
    return out
