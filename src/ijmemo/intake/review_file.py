"""The review file, data/review/<source id>.yaml: written by add-source, read by accept.

One module owns the format. `review_document` writes an article's candidate claims
with every proposal and its reason, and the instructions the analyst follows;
`accepted_in_review` reads back what the analyst accepted, refusing with every
problem at once what cannot be accepted as it stands.
"""

from __future__ import annotations

from pathlib import Path

from ijmemo.core.problems import AcceptError
from ijmemo.core.yamlio import YamlError, dump_yaml, load_yaml
from ijmemo.intake.proposer import Candidate, Proposal
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
# Then run: make accept SOURCE={sid}
"""
    items = [_review_item(c) for c in proposal.candidates]
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
        "left_out": [f"{why}: {text}" for text, why in proposal.left_out],
    }
    return head + dump_yaml(doc)


def _review_item(c: Candidate) -> dict:
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


def accepted_in_review(path: Path, source_id: str) -> tuple[list[dict], list[dict]]:
    """The candidates and the proposed new actors marked `accept: true`."""
    if not path.is_file():
        raise AcceptError(f"no review file {path}; run make add-source first")
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        raise AcceptError(str(exc)) from None
    if not isinstance(doc, dict) or doc.get("source") != source_id:
        raise AcceptError(f"{path}: expected 'source: {source_id}' and a list of candidates")
    chosen = [
        c for c in doc.get("candidates") or [] if isinstance(c, dict) and c.get("accept") is True
    ]
    if not chosen:
        raise AcceptError(f"{path}: no candidate has 'accept: true'")
    problems = []
    for c in chosen:
        for required in ("statement", "subject", "attribution", "modality"):
            if not c.get(required):
                problems.append(
                    f"{path}:{c.line}: candidate '{c.get('id')}', field '{required}': required to accept"
                )
        if c.get("status") and c["status"] not in STATUSES:
            problems.append(
                f"{path}:{c.line}: candidate '{c.get('id')}', field 'status': "
                f"{c['status']!r} is not a status; allowed: {', '.join(STATUSES)}"
            )
    actors = [
        a for a in doc.get("new_actors") or [] if isinstance(a, dict) and a.get("accept") is True
    ]
    for a in actors:
        for required in ("id", "name", "kind"):
            if not a.get(required):
                problems.append(
                    f"{path}:{a.line}: new actor '{a.get('name')}', field '{required}': required to accept"
                )
    if problems:
        raise AcceptError("cannot accept:\n" + "\n".join(f"  - {p}" for p in problems))
    return chosen, actors


def accepted_rests_on(path: Path, source_id: str) -> list[dict]:
    """The source's bases marked `accept: true`, as the source record holds them (id, kind,
    what, words); refused with every problem at once when one is incomplete."""
    if not path.is_file():
        raise AcceptError(f"no review file {path}; run make add-source first")
    try:
        doc = load_yaml(path)
    except YamlError as exc:
        raise AcceptError(str(exc)) from None
    if not isinstance(doc, dict) or doc.get("source") != source_id:
        raise AcceptError(f"{path}: expected 'source: {source_id}'")
    chosen = [b for b in doc.get("rests_on") or [] if isinstance(b, dict) and b.get("accept")]
    problems = []
    for b in chosen:
        where = f"{path}:{b.line}: basis '{b.get('id')}'"
        problems += [
            f"{where}, field '{key}': required to accept"
            for key in ("id", "kind", "what", "words")
            if not b.get(key)
        ]
        if b.get("kind") and b["kind"] not in BASIS_KINDS:
            problems.append(
                f"{where}, field 'kind': {b['kind']!r} is not a kind of basis; "
                f"allowed: {', '.join(BASIS_KINDS)}"
            )
    if problems:
        raise AcceptError("cannot accept:\n" + "\n".join(f"  - {p}" for p in problems))
    return [{key: b[key] for key in ("id", "kind", "what", "words")} for b in chosen]
