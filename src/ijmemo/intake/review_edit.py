"""A review file edited in place, as the review notebook edits it.

    ReviewEdit.open(source_id, data_dir)   the review file, read
    .candidates                            its candidates, in the file's order
    .set(candidate_id, field=value, …)     a field of one candidate changed
    .set_actor(actor_id, accept=…)         a proposed new actor kept or not
    .text                                  the file as it would be saved
    .save()                                written back

The YAML stays the record and stays diffable: a change rewrites that field's lines and
nothing else, so the instructions, the analyst's comments, the order and every other field
stay as they were (the file is the one `review_file.review_document` wrote, edited by
hand or here). What accept will make of it is accept's to say (`steps/accept.dry_run`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ijmemo.core.atomic import atomic_write_text
from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import AcceptError
from ijmemo.core.yamlio import YamlError, dump_yaml, load_yaml

# The candidate fields the notebook edits; anything else is kept as the file has it.
EDITABLE = (
    "accept",
    "statement",
    "subject",
    "attribution",
    "modality",
    "framing",
    "status",
    "milestone",
    "alias",
    "note",
    "sectors",
    "countries",
    "actors",
    "date",
    "location",
)
_ENTRY = re.compile(r"^- ")  # a list entry at column 0, as the review file writes them
_TOP = re.compile(r"^[A-Za-z_]")  # a top-level key


@dataclass
class ReviewEdit:
    source_id: str
    path: Path
    text: str

    @classmethod
    def open(cls, source_id: str, data_dir=None) -> ReviewEdit:
        path = DataPaths.at(data_dir).review / f"{source_id}.yaml"
        if not path.is_file():
            raise AcceptError(f"no review file {path}; run make add-source first")
        edit = cls(source_id, path, path.read_text(encoding="utf-8"))
        doc = edit.doc
        if not isinstance(doc, dict) or doc.get("source") != source_id:
            raise AcceptError(f"{path}: expected 'source: {source_id}' and a list of candidates")
        return edit

    @property
    def doc(self) -> dict:
        try:
            return load_yaml(self.path, text=self.text)
        except YamlError as exc:
            raise AcceptError(str(exc)) from None

    @property
    def candidates(self) -> list[dict]:
        return [c for c in self.doc.get("candidates") or [] if isinstance(c, dict)]

    @property
    def new_actors(self) -> list[dict]:
        return [a for a in self.doc.get("new_actors") or [] if isinstance(a, dict)]

    def set(self, candidate_id: str, **fields) -> None:
        """Change fields of one candidate (a blank text is null, as an empty field is); a
        field already so is left as written."""
        current = next((c for c in self.candidates if c.get("id") == candidate_id), {})
        for name, value in fields.items():
            if name not in EDITABLE:
                raise KeyError(f"'{name}' is not a field the review edits: {', '.join(EDITABLE)}")
            if current.get(name) == _value(value) and (name in current or _value(value) is None):
                continue
            self.text = _with_entry_field(
                self.text, "candidates", candidate_id, name, _value(value), self.path
            )

    def set_actor(self, actor_id: str, accept: bool) -> None:
        self.text = _with_entry_field(
            self.text, "new_actors", actor_id, "accept", bool(accept), self.path
        )

    @property
    def bases(self) -> list[dict]:
        return [b for b in self.doc.get("rests_on") or [] if isinstance(b, dict)]

    def set_basis(self, basis_id: str, accept: bool | None = None, what: str | None = None) -> None:
        """Keep a proposed basis (what the source says it rests on) or not; say what it is."""
        if accept is not None:
            self.text = _with_entry_field(
                self.text, "rests_on", basis_id, "accept", bool(accept), self.path
            )
        if what is not None:
            self.text = _with_entry_field(
                self.text, "rests_on", basis_id, "what", _value(what), self.path
            )

    @property
    def new_subjects(self) -> list[dict]:
        return [x for x in self.doc.get("new_subjects") or [] if isinstance(x, dict)]

    def set_subject(self, record_id: str, accept: bool | None = None, **record_fields) -> None:
        """Keep a proposed starting record or not, and fill in its fields (blank: null)."""
        if accept is not None:
            self.text = _with_entry_field(
                self.text, "new_subjects", record_id, "accept", bool(accept), self.path
            )
        if record_fields:
            entry = next(
                (x for x in self.new_subjects if (x.get("record") or {}).get("id") == record_id),
                None,
            )
            if entry is None:
                raise KeyError(f"{self.path}: no proposed new subject '{record_id}'")
            record = {**entry["record"], **{k: _value(v) for k, v in record_fields.items()}}
            self.text = _with_entry_field(
                self.text, "new_subjects", record_id, "record", record, self.path
            )

    def save(self) -> Path:
        self.doc  # noqa: B018 - refuse to write what would not parse back
        atomic_write_text(self.path, self.text)
        return self.path


def _value(value):
    if isinstance(value, str):
        return value.strip() or None
    return value


def _with_entry_field(text: str, listed: str, entry_id: str, name: str, value, path) -> str:
    """`text` with one field of one entry of a top-level list set, in its place."""
    lines = text.splitlines(keepends=True)
    start, end = _entry_span(lines, listed, entry_id, path)
    first = start  # "- id: x" carries the entry's first field on the dash line
    new = _field_lines(name, value)
    for i in range(start, end):
        body = lines[i][2:] if i == first else lines[i]
        if body.startswith(f"  {name}:") or (i == first and body.startswith(f"{name}:")):
            stop = i + 1
            # its value's own lines: indented further, or the items of a list under it
            while stop < end and lines[stop].startswith(("    ", "  - ")):
                stop += 1
            if i == first:
                new = "- " + new[2:]
            return "".join([*lines[:i], new, *lines[stop:]])
    return "".join([*lines[:end], new, *lines[end:]])  # not there yet: the entry's end


def _entry_span(lines: list[str], listed: str, entry_id: str, path) -> tuple[int, int]:
    inside, start = False, None
    for i, line in enumerate(lines):
        if _TOP.match(line):
            if start is not None:
                return start, i
            inside = line.startswith(f"{listed}:")
            continue
        if inside and _ENTRY.match(line):
            if start is not None:
                return start, i
            block = [line]
            for follow in lines[i + 1 :]:
                if _ENTRY.match(follow) or _TOP.match(follow):
                    break
                block.append(follow)
            if re.search(
                # an entry's own id, or its record's (a new subject goes by its record's id)
                rf"^(?:- | {{2,4}})id: ['\"]?{re.escape(entry_id)}['\"]?\s*$",
                "".join(block),
                re.M,
            ):
                start = i
    if start is not None:
        return start, len(lines)
    raise KeyError(f"{path}: no entry '{entry_id}' under {listed}")


def _field_lines(name: str, value) -> str:
    """The field as the review file writes it, indented under its entry."""
    dumped = dump_yaml({name: value})
    return "".join(f"  {line}" for line in dumped.splitlines(keepends=True))
