"""Synthetic corpora for the benchmark: valid data of any size, generated deterministically.

`generate(root, n_claims, seed)` writes a data directory (sources with texts and
metadata, curated YAML) that passes the same checks as the real data: every
quote is a sentence of its generated source text, every date phrase and actor
name appears in the quotes that carry them. Proportions follow the real corpus:
about 20 claims per source, and one initiative, one event per ~25 claims.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import yaml

from ijmemo.core.paths import DATA_DIR
from ijmemo.metadata.vocabularies import STATUSES_BY_MODALITY

DUE_PHRASES = [
    "early 2026",
    "first half of 2026",
    "late 2026",
    "second half of 2027",
    "March 2026",
    "Q3 2026",
]
EVENT_DATES = [
    "12 March 2026",
    "15 to 17 January 2026",
    "November 2025",
    "early 2026",
    "2 June 2026",
]
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mu",
    "se",
    "na",
    "lo",
    "vi",
    "pe",
    "da",
    "zu",
    "ho",
    "mi",
    "ra",
    "ne",
    "so",
    "ki",
    "lu",
    "ba",
    "te",
]
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _dump(value, path: Path) -> None:
    path.write_text(
        yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    )


def generate(root: str | Path, n_claims: int, seed: int = 20260116) -> dict[str, int]:
    """Write a synthetic data directory with `n_claims` claims; return the counts."""
    rng = random.Random(seed)
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    (root / "sources").mkdir(parents=True)
    (root / "curated").mkdir()
    for name in ("sectors.yaml", "countries.yaml"):  # the real taxonomy
        shutil.copy(DATA_DIR / "curated" / name, root / "curated" / name)
    sectors = [s["id"] for s in yaml.safe_load((DATA_DIR / "curated" / "sectors.yaml").read_text())]
    n_sources = max(2, n_claims // 20)
    actors, initiatives, events, topics = _records(rng, sectors, n_claims)
    subjects = (
        [("initiative", x) for x in initiatives]
        + [("event", x) for x in events]
        + [("topic", x) for x in topics]
    )
    claims, sentences_by_source, first_claim = _claims(
        rng, subjects, actors, sectors, n_claims, n_sources
    )
    _write_sources(root, sentences_by_source)
    cited = _write_curated(root, claims, actors, initiatives, events, topics, first_claim)
    return {
        "claims": n_claims,
        "sources": n_sources,
        "initiatives": len(initiatives),
        "events": len(events),
        "topics": len(topics),
        "actors": len(cited),
    }


def _records(rng: random.Random, sectors: list[str], n_claims: int):
    """Actors, initiatives, events and topics in the real corpus's proportions."""
    n_initiatives = max(4, n_claims // 25)
    n_events = max(4, n_claims // 25)
    n_topics = max(2, n_claims // 200)
    n_actors = max(10, n_claims // 50)
    actors = [
        {"id": f"a{i:06d}", "name": f"Minister {_word(rng).title()} {_word(rng).title()}", "kind": "person",
         "role": "Minister", "country": rng.choice(["IN", "JP"])}
        for i in range(n_actors)
    ]  # fmt: skip
    initiatives = [
        {"id": f"i{i:06d}", "name": f"{_word(rng).title()} {_word(rng).title()} Initiative", "sectors": rng.sample(sectors, rng.randint(1, 2))}
        for i in range(n_initiatives)
    ]  # fmt: skip
    events = [
        {
            "id": f"e{i:06d}",
            "title": f"{_word(rng).title()} meeting",
            "date": rng.choice(EVENT_DATES),
        }
        for i in range(n_events)
    ]
    topics = [
        {
            "id": f"t{i:06d}",
            "title": f"{_word(rng).title()} context",
            "sectors": [rng.choice(sectors)],
        }
        for i in range(n_topics)
    ]
    return actors, initiatives, events, topics


def _claims(rng: random.Random, subjects, actors, sectors, n_claims: int, n_sources: int):
    """Claims, each quoting its own sentence; the sentences of each source, in order.

    Every subject gets at least one claim; the first claim of an initiative carries its
    due phrase, the first claim of an event its date.
    """
    claims, sentences_by_source = [], [[] for _ in range(n_sources)]
    first_claim: dict[str, dict] = {}
    for n in range(n_claims):
        kind, subject = subjects[n] if n < len(subjects) else rng.choice(subjects)
        source = n % n_sources
        actor = rng.choice(actors)
        date = None
        if subject["id"] not in first_claim:
            if kind == "initiative":
                subject["due"] = rng.choice(DUE_PHRASES)
                date = subject["due"]
            elif kind == "event":
                date = subject["date"]
        words = " ".join(_word(rng) for _ in range(rng.randint(8, 14)))
        sentence = (
            f"{actor['name']} said the {subject.get('name') or subject['title']} will {words}"
        )
        sentence += f" in {date}." if date else "."
        earlier = sentences_by_source[source][-1:]
        sentences_by_source[source].append(sentence)
        # One dated quote in ten takes in the sentence before, about another subject, as
        # real quotes do: the date-scope check then reads two sentences and their subjects.
        quote = " ".join([*earlier, sentence]) if date and n % 10 == 0 else sentence
        claim = {
            "id": f"c{n:07d}",
            "source": f"s{source:06d}",
            "quote": quote,
            "statement": quote,  # keeps the speaker and any hedge the random words make
            "attribution": {"by": actor["id"], "how": "said", "words": f"{actor['name']} said"},
            "modality": "planned",  # "... will ..."
            "subject": subject["id"],
            "sectors": subject.get("sectors") or [rng.choice(sectors)],
            "countries": ["IN", "JP"],
            "actors": [actor["id"]],
        }
        if date:
            claim["date"] = date
        if kind == "initiative" and subject["id"] not in first_claim:
            claim["status"] = rng.choice(STATUSES_BY_MODALITY["planned"])
            claim["milestone"] = {
                "id": f"{subject['id']}-next",
                "change": "new",
                "what": f"Next step of {subject['name']}",
            }
        claims.append(claim)
        first_claim.setdefault(subject["id"], claim)

    return claims, sentences_by_source, first_claim


def _write_sources(root: Path, sentences_by_source: list[list[str]]) -> None:
    """Each source's text and its metadata record (with the text's sha256)."""
    for i, sentences in enumerate(sentences_by_source):
        sid = f"s{i:06d}"
        text = "\n".join(sentences) + "\n"
        raw = text.encode("utf-8")
        (root / "sources" / f"{sid}.txt").write_bytes(raw)
        _dump(
            {
                "id": sid,
                "file": f"{sid}.txt",
                "title": f"Synthetic report {i}",
                "description": "Generated for the benchmark",
                "outlet": None,
                "published": f"2026-01-{i % 28 + 1:02d}",
                "url": None,
                "kind": "other",
                "sha256": hashlib.sha256(raw).hexdigest(),
            },
            root / "sources" / f"{sid}.yaml",
        )


def _write_curated(root: Path, claims, actors, initiatives, events, topics, first_claim) -> set:
    """The curated YAML files: one claims file per source; returns the actors cited."""
    cited = {a for c in claims for a in c["actors"]}
    _dump([a for a in actors if a["id"] in cited], root / "curated" / "actors.yaml")
    by_source: dict[str, list] = {}
    for claim in claims:  # one claims file per source; the file names the source
        by_source.setdefault(claim.pop("source"), []).append(claim)
    (root / "curated" / "claims").mkdir(parents=True, exist_ok=True)
    for sid, own in by_source.items():
        _dump(own, root / "curated" / "claims" / f"{sid}.yaml")
    _dump(
        [
            {
                "id": x["id"],
                "name": x["name"],
                "sectors": x["sectors"],
                "parties": ["IN", "JP"],
            }
            for x in initiatives
        ],
        root / "curated" / "initiatives.yaml",
    )
    _dump(
        [
            {
                "id": x["id"],
                "title": x["title"],
                "kind": "meeting",
                "date": x["date"],
                "date_claim": first_claim[x["id"]]["id"],
                "countries": ["IN", "JP"],
            }
            for x in events
        ],
        root / "curated" / "events.yaml",
    )
    _dump(
        [
            {
                "id": x["id"],
                "title": x["title"],
                "sectors": x["sectors"],
                "description": "Synthetic context.",
            }
            for x in topics
        ],
        root / "curated" / "topics.yaml",
    )
    return cited


def add_article(root: str | Path, n_claims: int = 20, seed: int = 1) -> str:
    """Add one new source with `n_claims` claims about existing initiatives (as `make
    accept` would leave it: the text, its metadata, its claims file); return its id."""
    rng = random.Random(seed)
    root = Path(root)
    initiatives = yaml.load((root / "curated" / "initiatives.yaml").read_text(), Loader=_Loader)
    actors = yaml.load((root / "curated" / "actors.yaml").read_text(), Loader=_Loader)
    sid = f"s9{seed:05d}"
    sentences, claims = [], []
    for n in range(n_claims):
        subject, actor = rng.choice(initiatives), rng.choice(actors)
        words = " ".join(_word(rng) for _ in range(rng.randint(8, 14)))
        sentence = f"{actor['name']} said the {subject['name']} will {words}."
        sentences.append(sentence)
        claims.append(
            {
                "id": f"c9{seed:03d}{n:04d}",
                "quote": sentence,
                "statement": sentence,
                "attribution": {"by": actor["id"], "how": "said", "words": f"{actor['name']} said"},
                "modality": "planned",
                "subject": subject["id"],
                "sectors": subject["sectors"],
                "countries": ["IN", "JP"],
                "actors": [actor["id"]],
            }
        )
    raw = ("\n".join(sentences) + "\n").encode("utf-8")
    (root / "sources" / f"{sid}.txt").write_bytes(raw)
    meta = {"id": sid, "file": f"{sid}.txt", "title": "Added report", "outlet": None,
            "description": "Added for the benchmark",
            "published": "2026-01-19", "url": None, "kind": "other",
            "sha256": hashlib.sha256(raw).hexdigest()}  # fmt: skip
    _dump(meta, root / "sources" / f"{sid}.yaml")
    _dump(claims, root / "curated" / "claims" / f"{sid}.yaml")
    return sid
