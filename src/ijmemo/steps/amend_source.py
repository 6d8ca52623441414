"""The amend-source step: correct an added source's metadata without deleting it.

    amend_source(source_id, title=..., outlet=..., date=..., url=...)
    amend_source(source_id, outlet=..., url=..., identified_by="how", on="YYYY-MM-DD")
        load     the source's record (refused if there is none) and the values to change
        process  the record with them, each marked `origin: given`; while nothing from the
                 source is accepted yet, its review is proposed again from its text (a new
                 date places its weekdays and windows again, a new title its headline)
        save     the record (and the review), then all the data validated: on any problem
                 every file is put back as it was and every problem is raised

With `identified_by`, the outlet and URL are what the analyst established that the source
does not state (for example by matching its text to the publisher's page): recorded apart,
under `identified`, with how and on what day (today unless `on` says), and used from that
day on (the reliability grade says on what basis).

The text and the original file are never touched: only what is said about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ijmemo.core.atomic import write_together
from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import CurationError, SourceError
from ijmemo.core.yamlio import YamlError, load_yaml
from ijmemo.curation.load import load_curated
from ijmemo.curation.names import Dictionaries
from ijmemo.intake.new_actors import stands_for
from ijmemo.intake.new_records import with_field
from ijmemo.intake.proposer import propose
from ijmemo.intake.review_file import review_document
from ijmemo.steps.add_source import given_value, published_day
from ijmemo.steps.curate import review


@dataclass
class Amended:
    source_id: str
    changed: dict[str, tuple]  # field -> (before, after)
    meta_path: Path
    review_path: Path | None = None  # the review proposed again, if it was
    unchanged: list[str] = field(default_factory=list)  # given, but already so


def amend_source(
    source_id: str,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    url: str | None = None,
    data_dir=None,
    identified_by: str | None = None,
    on: str | None = None,
) -> Amended:
    """Change what is recorded about an added source; validated, or nothing kept."""
    # load
    paths = DataPaths.at(data_dir)
    meta_path = paths.sources / f"{source_id}.yaml"
    record = _record(paths, meta_path, source_id)
    if given_value(identified_by):
        return _identify(paths, meta_path, record, outlet, url, identified_by, on)
    given = {
        name: value
        for name, value in {
            "title": given_value(title),
            "outlet": given_value(outlet),
            "published": given_value(date),
            "url": given_value(url),
        }.items()
        if value is not None
    }
    if not given:
        raise SourceError(
            f"amend-source: say what to change for '{source_id}': DATE=, TITLE=, OUTLET= or URL="
        )
    published, reference = published_day(given.get("published", record.get("published")))
    # process
    after = _amended(record, given, published)
    changed = {k: (record.get(k), after.get(k)) for k in given if record.get(k) != after.get(k)}
    text = meta_path.read_text(encoding="utf-8")
    for name in ("title", "description", "outlet", "published", "url", "origin"):
        if after.get(name) != record.get(name):
            text = with_field(text, name, after[name])
    targets = {meta_path: text.encode()}
    review_path = paths.review / f"{source_id}.yaml"
    reproposed = not (paths.claims / f"{source_id}.yaml").is_file() and review_path.is_file()
    if reproposed:
        targets[review_path] = _review_again(paths, source_id, after, reference).encode()
    # save, then validate: all kept, or all put back
    _write_validated(paths, targets)
    unchanged = [k for k in given if k not in changed]
    return Amended(source_id, changed, meta_path, review_path if reproposed else None, unchanged)


def _identify(paths, meta_path: Path, record: dict, outlet, url, how: str, on) -> Amended:
    """Record what the analyst established, apart from what the source states."""
    outlet, url = given_value(outlet), given_value(url)
    if not (outlet or url):
        raise SourceError(
            f"amend-source: IDENTIFIED_BY says how the outlet or URL was established: "
            f"give OUTLET= or URL= with it for '{record.get('id')}'"
        )
    day = given_value(on) or date.today().isoformat()
    try:
        date.fromisoformat(day)
    except ValueError:
        raise SourceError(f"ON: '{day}' is not a day; give it as YYYY-MM-DD") from None
    identified = {"outlet": outlet, "url": url, "how": " ".join(how.split()), "date": day}
    after = {**record, "identified": {k: v for k, v in identified.items() if v is not None}}
    text = with_field(meta_path.read_text(encoding="utf-8"), "identified", after["identified"])
    _write_validated(paths, {meta_path: text.encode()})
    changed = {"identified": (record.get("identified"), after["identified"])}
    return Amended(record["id"], changed, meta_path)


def _record(paths: DataPaths, meta_path: Path, source_id: str) -> dict:
    if not meta_path.is_file():
        known = sorted(p.stem for p in paths.sources.glob("*.yaml"))
        raise SourceError(
            f"amend-source: no source '{source_id}' in {paths.display(paths.sources)}; "
            f"sources: {', '.join(known) or 'none'}"
        )
    try:
        record = load_yaml(meta_path)
    except YamlError as exc:
        raise SourceError(f"amend-source: {exc}") from None
    if not isinstance(record, dict):
        raise SourceError(f"amend-source: {paths.display(meta_path)} is not a source record")
    return record


def _amended(record: dict, given: dict, published: str | None) -> dict:
    """The record with the given values, each marked as given; the description follows a
    title it was made from."""
    after = dict(record)
    for name, value in given.items():
        after[name] = published if name == "published" else value
    made_from = (record.get("title"), f"Article added from {record.get('file')}")
    if "title" in given and record.get("description") in made_from:
        after["description"] = given["title"]
    origin = dict(record.get("origin") or {})
    origin.update(dict.fromkeys(given, "given"))
    after["origin"] = origin
    return after


def _review_again(paths: DataPaths, source_id: str, record: dict, reference) -> str:
    """The review file proposed again from the source's text with its amended metadata."""
    text = (paths.sources / record["file"]).read_text(encoding="utf-8")
    data, _ = load_curated(paths.root)
    proposal = propose(
        text, source_id, reference, Dictionaries(data, stands_for()), title=record.get("title")
    )
    label = f'"{record["title"]}"' if record.get("title") else record["file"]
    return review_document(source_id, " ".join(label.split()), proposal)


def _write_validated(paths: DataPaths, targets: dict[Path, bytes]) -> None:
    before = {p: p.read_bytes() for p in targets if p.is_file()}
    write_together(targets)
    found = review(paths.root).problems
    if found:
        write_together(before)
        raise CurationError(found)
