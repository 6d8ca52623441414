"""The review file, data/review/<source id>.yaml: written by add-source, read by accept.

One module owns the format. `review_document` writes an article's candidate claims
with every proposal and its reason, and the instructions the analyst follows;
`read_review` reads back what the analyst accepted (candidates, new actors, new
subjects, what the source rests on) with every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ijmemo.core.problems import AcceptError
from ijmemo.core.yamlio import Record, YamlError, dump_yaml, load_yaml, plain
from ijmemo.intake.candidate import Candidate, Proposal
from ijmemo.intake.new_records import NEW_RECORDS
from ijmemo.intake.new_subjects import NewSubject
from ijmemo.intake.rests_on import propose_rests_on
from ijmemo.metadata.vocabularies import BASIS_KINDS, STATUSES


def review_document(sid: str, label: str, proposal: Proposal) -> str:
    """The review file for one article: its instructions, then every candidate."""
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
#     proposal is given when the quote is reported speech: check `by` (null: say who);
#     `speaker` says how `by` was found ("he", "the ministry" are taken as the last to speak)
#   - `modality`: done, agreed, planned, wished or hedged: how firmly the quote reports it
#     (proposed from its words; a wish or a "could" never reports an agreed status)
#   - `framing`: new or earlier, when the source says the initiative is new or older;
#     proposed from the quote's words (`framed` says which, and for earlier the date
#     phrase that says when: set `date` to it)
#   - `alias`: the name this source uses for the subject, as written in the quote (or null)
#   - `status`: the lifecycle status the claim reports for its initiative (e.g. convened
#     when a meeting is reported held); the initiative's status history is derived from it
#   - `milestone`: {{id, change, what}} when it reports a step that is due (change: new; its
#     date is the due window), moved (postponed; date = new window), held (met; date =
#     when) or dropped (cancelled); reuse the id of a milestone already curated
#   - `note`: how you read the claim, when it needs saying
# `new_actors` lists people and bodies the actors file does not know: set accept: true on
# the ones to keep (check id, kind, role, country, aliases); accept appends them to actors.yaml.
# `rests_on` lists what the source says it rests on (a briefing, a readout or statement,
# remarks, officials), proposed from the attributions: set accept: true on the ones to keep,
# write `what` in your own words, and give an `id` that other sources on the same basis share.
# `new_subjects` proposes a starting record (an event or initiative) for a candidate whose
# subject is possibly new; that candidate's `subject` names it. Check and complete the
# record (nulls are for you to fill or leave), set accept: true, and accept appends it to
# events.yaml or initiatives.yaml; or set the candidate's subject to a known one.
# Accepting again after a fix replaces this source's claims file (validated first).
# Then run: make accept SOURCE={sid}
"""
    stubs = {cid: s for s in proposal.subjects for cid in (s.candidate, *s.also)}
    items = [_review_item(c, stubs.get(c.id)) for c in proposal.candidates]
    doc = {
        "source": sid,
        "dateline": proposal.dateline.text if proposal.dateline else None,
        "dates_resolve_against": (
            str(proposal.reference) if proposal.reference else "nothing: the source is undated"
        ),
        "rests_on": propose_rests_on(proposal.candidates, proposal.reference),
        "candidates": items,
        "new_actors": [
            {
                "accept": False,
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "country": a.country,
                "aliases": list(a.aliases),
                "why": a.why,
            }
            for a in proposal.actors
        ],
        "new_subjects": [
            {"accept": False, "kind": s.kind, "why": s.why, "record": s.record}
            for s in proposal.subjects
        ],
        "left_out": [f"{why}: {text}" for text, why in proposal.left_out],
    }
    return head + dump_yaml(doc)


def _review_item(c: Candidate, stub: NewSubject | None) -> dict:
    m = c.match
    note = (
        f"{m.kind} '{m.subject}', score {m.score} via {m.via}"
        if m.subject
        else f"possibly new (score {m.score}; {m.via})"
    )
    if stub:
        note += f"; a starting {stub.kind} '{stub.id}' is proposed under new_subjects"
    if m.runner_up:
        note += f"; runner-up '{m.runner_up}'"
    window = c.date.window if c.date else None
    return {
        "id": c.id,
        "accept": False,
        "quote": c.quote,
        "statement": None,
        "subject": m.subject or (stub.id if stub else None),
        "match": note,
        "attribution": c.attribution,
        "speaker": c.speaker,
        "modality": c.modality,
        "framing": c.framing,
        "framed": c.framed,
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


@dataclass
class Reviewed:
    """What the analyst accepted in one review file, and every problem with it."""

    candidates: list[dict] = field(default_factory=list)  # complete ones only
    actors: list[dict] = field(default_factory=list)
    subjects: list[tuple[str, dict]] = field(default_factory=list)  # (event|initiative, record)
    bases: list[dict] = field(default_factory=list)  # the source's rests_on
    # the id of every basis the review lists, accepted or not: accept owns those entries
    bases_listed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# What accept needs filled in before it can write each kind of entry.
REQUIRED = {
    "candidate": ("id", "statement", "subject", "attribution", "modality"),
    "new actor": ("id", "name", "kind"),
    "event": ("id", "title", "kind", "countries"),
    "initiative": ("id", "name", "sectors", "parties"),
    "basis": ("id", "kind", "what", "words"),
}


def read_review(path: Path, source_id: str, curated: frozenset[str] = frozenset()) -> Reviewed:
    """Every entry marked `accept: true`, and every problem with them at once (a complete
    candidate is kept even when another is not, so validation can say more)."""
    doc = _review_doc(path, source_id)
    out = Reviewed()
    accepted, out.problems = _accepted(path, doc)
    if not accepted["candidates"]:
        out.problems.append(f"{path}: no candidate has 'accept: true'")
    for c in accepted["candidates"]:
        found = _missing(path, "candidate", c, c.get("id")) + _bad_status(path, c)
        found += _not_lists(path, c)
        out.problems += found
        if not found:
            out.candidates.append(c)
    for a in accepted["new_actors"]:
        out.problems += _missing(path, "new actor", a, a.get("name"))
        if _text_or_none(a.get("id")):  # else reported: an id to look up must be text
            out.actors.append(a)
    for s in accepted["new_subjects"]:
        kind, record = s.get("kind"), s.get("record")
        if kind not in ("event", "initiative") or not isinstance(record, dict):
            out.problems.append(
                f"{path}:{s.line}: new subject, field 'kind': expected event or initiative "
                "with its fields under `record`"
            )
            continue
        out.problems += _missing(path, kind, record, record.get("id"), line=s.line)
        out.problems += _unknown_fields(path, kind, record, s.line)
        if _text_or_none(record.get("id")):
            out.subjects.append((kind, record))
    out.bases_listed = [str(b["id"]) for b in _listed(doc, "rests_on") if b.get("id")]
    for b in accepted["rests_on"]:
        out.problems += _missing(path, "basis", b, b.get("id")) + _bad_basis(path, b)
        out.bases.append({key: b.get(key) for key in REQUIRED["basis"]})
    out.problems += _unaccepted_new(path, doc, out, curated) + _event_dates(path, out)
    return out


def _unknown_fields(path: Path, kind: str, record: dict, line) -> list[str]:
    """A field the curated file has no place for would be dropped: said, not lost."""
    fields = NEW_RECORDS[kind][1]
    return [
        f"{path}:{line}: {kind} '{record.get('id')}', field '{key}': not a field of an "
        f"{kind}; allowed: {', '.join(fields)}"
        for key in record
        if key not in fields
    ]


def _event_dates(path: Path, out: Reviewed) -> list[str]:
    """A new event's date is the one its dating claim gives, not another date in the quote
    ("told a briefing on Thursday that … met on Wednesday": the meeting is Wednesday)."""
    dates = {c.get("id"): c.get("date") for c in out.candidates}
    return [
        f"{path}: event '{r.get('id')}', field 'date': '{r['date']}' is not the date its claim "
        f"'{r['date_claim']}' gives ('{dates[r['date_claim']]}')"
        for kind, r in out.subjects
        if kind == "event"
        and r.get("date")
        and dates.get(r.get("date_claim"))
        and dates[r["date_claim"]] != r["date"]
    ]


_LISTS = ("candidates", "new_actors", "new_subjects", "rests_on")


def _review_doc(path: Path, source_id: str) -> dict:
    """The review file's document; refused at once when it is missing or not this source's."""
    if not path.is_file():
        raise AcceptError(f"no review file {path}; run make add-source first")
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        raise AcceptError(str(exc)) from None
    except TypeError as exc:  # a list or mapping as a mapping's key (`? [a]`): not hashable
        raise AcceptError(f"{path}: YAML does not parse: a key that is not text ({exc})") from None
    if not isinstance(doc, dict) or doc.get("source") != source_id:
        raise AcceptError(f"{path}: expected 'source: {source_id}' and a list of candidates")
    return doc


def _accepted(path: Path, doc: dict) -> tuple[dict[str, list], list[str]]:
    """Each list's entries marked `accept: true`, as plain data; a list that is not a list
    and an `accept` that is neither true nor false are problems, never silently skipped."""
    accepted, problems = {}, []
    for name in _LISTS:
        if not isinstance(doc.get(name) or [], list):
            problems.append(f"{path}: field '{name}': expected a list, got {_shown(doc[name])}")
        entries = _listed(doc, name)
        problems += [
            f"{path}:{e.line}: {name} entry, field 'accept': expected true or false, "
            f"got {_shown(e['accept'])}"
            for e in entries
            if not isinstance(e.get("accept"), bool | None)
        ]
        accepted[name] = [_plain_entry(e) for e in entries if e.get("accept") is True]
        items = doc.get(name) if isinstance(doc.get(name), list) else []
        problems += [
            f"{path}: {name}, entry {n}: expected a mapping with its fields, got {_shown(e)}"
            for n, e in enumerate(items, 1)
            if not isinstance(e, dict)
        ]
    return accepted, problems


def _listed(doc: dict, name: str) -> list[dict]:
    """The mappings in one of the review's lists (none when it is not a list)."""
    entries = doc.get(name)
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _plain_entry(entry: Record) -> Record:
    """The entry with plain dicts and lists inside: the writers dump what accept keeps, and
    a nested `Record` (an analyst's mapping where text was expected) cannot be dumped."""
    out = Record(plain(entry))
    out.line = entry.line
    return out


def _shown(value) -> str:
    """A value as the analyst wrote it, cut short (a pasted paragraph is not repeated)."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _text_or_none(value) -> bool:
    return value is None or isinstance(value, str)


def _missing(path: Path, what: str, entry, label, line=None) -> list[str]:
    where = f"{path}:{line or entry.line}: {what} '{label}'"
    found = [
        f"{where}, field '{key}': required to accept"
        for key in REQUIRED[what]
        if not entry.get(key)
    ]
    if entry.get("id") and not isinstance(entry["id"], str):  # looked up and written as text
        found.append(f"{where}, field 'id': expected text, got {_shown(entry['id'])}")
    return found


def _bad_status(path: Path, c) -> list[str]:
    # An analyst's list or mapping is not a status (and cannot be looked up in the vocabulary).
    if not c.get("status") or (isinstance(c["status"], str) and c["status"] in STATUSES):
        return []
    return [
        f"{path}:{c.line}: candidate '{c.get('id')}', field 'status': "
        f"{_shown(c['status'])} is not a status; allowed: {', '.join(STATUSES)}"
    ]


def _not_lists(path: Path, c) -> list[str]:
    """A candidate's lists of ids written as something else (`actors: 5`): refused here, as
    validation reads a refused claim's actors as a list to say which actors it named."""
    return [
        f"{path}:{c.line}: candidate '{c.get('id')}', field '{key}': expected a list of ids, "
        f"got {_shown(c[key])}"
        for key in ("sectors", "countries", "actors")
        if c.get(key) is not None and not isinstance(c[key], list)
    ]


def _bad_basis(path: Path, b) -> list[str]:
    if not b.get("kind") or (isinstance(b["kind"], str) and b["kind"] in BASIS_KINDS):
        return []
    return [
        f"{path}:{b.line}: basis '{b.get('id')}', field 'kind': {_shown(b['kind'])} is not a "
        f"kind of basis; allowed: {', '.join(BASIS_KINDS)}"
    ]


def _unaccepted_new(path: Path, doc: dict, out: Reviewed, curated: frozenset[str]) -> list[str]:
    """An accepted entry that uses a proposed subject or actor the analyst left unaccepted:
    said here, rather than as an unknown id once validated (one curated since is fine)."""
    subjects = {
        s["record"]["id"]: s.line
        for s in _proposed(doc, "new_subjects", "record")
        if s["record"]["id"] not in curated
    }
    actors = {a["id"]: a.line for a in _proposed(doc, "new_actors") if a["id"] not in curated}
    problems = [
        f"{path}:{c.line}: candidate '{c.get('id')}', field 'subject': '{c['subject']}' is a "
        f"proposed new subject not accepted (line {subjects[c['subject']]}: set accept: true "
        "there, or choose a known subject)"
        for c in out.candidates
        if isinstance(c.get("subject"), str) and c["subject"] in subjects
    ]
    uses = [(f"candidate '{c.get('id')}'", "actors", c) for c in out.candidates]
    uses += [(f"{kind} '{r.get('id')}'", "participants", r) for kind, r in out.subjects]
    uses += [  # a new speaker: `attribution.by`
        (
            f"candidate '{c.get('id')}'",
            "attribution.by",
            {"attribution.by": [c["attribution"].get("by")]},
        )
        for c in out.candidates
        if isinstance(c.get("attribution"), dict)
    ]
    for label, key, entry in uses:
        problems += [
            f"{path}: {label}, field '{key}': '{actor}' is a proposed new actor not accepted "
            f"(line {actors[actor]}): accept it or remove it"
            for actor in _texts(entry.get(key))
            if actor in actors
        ]
    return problems


def _proposed(doc: dict, name: str, inner: str | None = None) -> list:
    """Entries of a list left unaccepted (with an id)."""
    found = []
    for e in _listed(doc, name):
        if e.get("accept") is True:
            continue
        record = e.get(inner) if inner else e
        if isinstance(record, dict) and record.get("id") and isinstance(record["id"], str):
            found.append(e)
    return found


def _texts(values) -> list[str]:
    """The non-empty text in a list the analyst may have filled with anything (the rest is
    validation's to report): only text is looked up among the proposals' ids."""
    return [v for v in values if isinstance(v, str) and v] if isinstance(values, list) else []


def accepted_in_review(path: Path, source_id: str) -> tuple[list[dict], list[dict]]:
    """The candidates and the proposed new actors marked `accept: true`; refused with every
    problem at once when one cannot be accepted as it stands."""
    reviewed = read_review(path, source_id)
    if reviewed.problems:
        raise AcceptError(refusal(reviewed.problems))
    return reviewed.candidates, reviewed.actors


def refusal(problems: list[str]) -> str:
    return "cannot accept:\n" + "\n".join(f"  - {p}" for p in problems)
