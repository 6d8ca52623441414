"""The records intake writes into data/: a new source's metadata file, and the claims and
actors accepted from a review, as YAML blocks appended to the curated files.

They are written in the curated files' own format (`metadata/schema.py` says what each
field may hold; `curation/load.py` reads them back), with keys in the order a curator
reads them.
"""

from __future__ import annotations

from ijmemo.core.yamlio import dump_yaml

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
ACTOR_FIELDS = ("id", "name", "aliases", "kind", "role", "country")


def source_record(
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
        + dump_yaml(record)
    )


def actor_block(source_id: str, actors: list[dict]) -> str:
    records = [{k: a[k] for k in ACTOR_FIELDS if a.get(k) not in (None, [])} for a in actors]
    body = dump_yaml(records)
    return f"# ---- {source_id}: new actors accepted from data/review/{source_id}.yaml\n{body}"


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
