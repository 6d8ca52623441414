"""The records intake writes into data/: a new source's metadata file, and the claims and
actors accepted from a review, as YAML blocks appended to the curated files.

They are written in the curated files' own format (`metadata/schema.py` says what each
field may hold; `curation/load.py` reads them back), with keys in the order a curator
reads them.
"""

from __future__ import annotations

from ijmemo.core.yamlio import dump_yaml
from ijmemo.metadata.schema import Actor, Event, Initiative

# A claim's source is its file's name (curated/claims/<source id>.yaml), never a field.
CLAIM_FIELDS = (
    "id",
    "quote",
    "statement",
    "attribution",
    "modality",
    "framing",
    "subject",
    "sectors",
    "countries",
    "actors",
    "date",
    "location",
    "status",
    "milestone",
    "alias",
    "note",
)
ACTOR_FIELDS = tuple(Actor.model_fields)  # every field the schema has, in its order


def source_record(
    sid: str,
    filename: str,
    digest: str,
    title,
    outlet,
    published,
    url,
    dateline=None,
    *,
    author=None,
    original: dict | None = None,
    origin: dict | None = None,
) -> str:
    """A new source's metadata. Added from a page, PDF or Word file, it also names that
    file (`original`: kept beside the text extracted from it) and where each value came
    from (`origin`: given by the analyst, or stated by the page)."""
    record = {
        "id": sid,
        "file": filename,
        "title": title,
        "description": title or f"Article added from {(original or {}).get('file', filename)}",
        "outlet": outlet,
        "published": published,
        "dateline": dateline,  # as printed at the head of the text, when it has one
        "url": url,
        **({"author": author} if author else {}),
        "kind": "news article",
        "sha256": digest,
        **({"original": original} if original else {}),
        **({"origin": origin} if origin else {}),
    }
    return (
        "# Metadata for the raw text beside this file. Unknown stays null: never guess.\n"
        + dump_yaml(record)
    )


EVENT_FIELDS = tuple(Event.model_fields)  # date_anchor, location_note … kept if given
INITIATIVE_FIELDS = tuple(Initiative.model_fields)
# Where accept appends each kind of new record, and the fields it writes.
NEW_RECORDS = {
    "actor": ("actors.yaml", ACTOR_FIELDS),
    "event": ("events.yaml", EVENT_FIELDS),
    "initiative": ("initiatives.yaml", INITIATIVE_FIELDS),
}


def record_block(source_id: str, kind: str, records: list[dict]) -> str:
    """New records of one kind as a block to append to their curated file (nulls and empty
    lists left out: the schema's defaults)."""
    fields = NEW_RECORDS[kind][1]
    kept = [{k: r[k] for k in fields if r.get(k) not in (None, [])} for r in records]
    body = dump_yaml(kept).replace("\n- id:", "\n\n- id:")
    return f"\n# ---- {source_id}: new {kind}s accepted from data/review/{source_id}.yaml\n{body}"


def with_rests_on(source_yaml: str, bases: list[dict]) -> str:
    """A source's metadata file with its `rests_on` list replaced by `bases` (what the
    analyst accepted from its review); the rest of the file is kept as written."""
    return with_field(source_yaml, "rests_on", bases or None)


def with_field(source_yaml: str, key: str, value) -> str:
    """A source's metadata file with one top-level field set (None: removed), in its place,
    and everything else kept as written, comments included. The field's own comment goes
    with its old value ("outlet: null  # the text names no outlet" is no longer true)."""
    lines = source_yaml.splitlines(keepends=True)
    new = dump_yaml({key: value}) if value is not None else ""
    out, at, skipping = [], None, False
    for line in lines:
        if line.startswith(f"{key}:"):
            at, skipping = len(out), True
            continue
        # its value's lines: indented, or list items at column 0 (`- id: …`, as dump_yaml
        # writes them); a comment of the file's own is kept
        if skipping and line.strip() and not line[0].isspace() and not line.startswith(("#", "-")):
            skipping = False
        if not skipping or line.startswith("#"):
            out.append(line)
    if at is None:
        text = "".join(out).rstrip("\n") + "\n"
        return text + new
    return "".join(out[:at]) + new + "".join(out[at:])


def claim_block(source_id: str, candidates: list[dict]) -> str:
    claims = []
    for c in candidates:
        claim = {"id": c["id"]}
        for key in CLAIM_FIELDS[1:]:
            if c.get(key) not in (None, []) or key in ("sectors", "countries"):
                found = c.get(key)
                claim[key] = dict(found) if isinstance(found, dict) else (found or [])
        claims.append(claim)
    body = dump_yaml(claims)
    body = body.replace("\n- id:", "\n\n- id:")
    return f"# ---- accepted from data/review/{source_id}.yaml\n{body}"
