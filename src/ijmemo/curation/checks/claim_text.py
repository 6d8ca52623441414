"""The rules between one claim and its source's text, computed once per claim content.

Each claim is checked against its own inputs only: its fields, its source's text and
date, and the records of the actors it names or speaks through. That is most of the
work at scale (finding 100,000 quotes in 5,000 articles, reading the sentences around
them), so the results are kept in `.cache/checks/`, a claims file's together, by a key
made of exactly those inputs and the checking code itself (`file_key`,
`code_fingerprint`): the claims of a file whose inputs did not change are not checked
again, and any change to one of them, or to the code, checks them afresh. The rules that compare records (references, milestones, leads,
syndication) are not cached: they are run over everything every time (`run.py`).

What is kept per claim is what the rules found, without its place in the file (lines
move when a claim is added above): the checks put each finding on the claim's record.
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple, dataclass, field
from pathlib import Path

from ijmemo.core.kept import code_fingerprint, read_kept, update_kept
from ijmemo.core.problems import Located
from ijmemo.curation.load import CuratedData
from ijmemo.metadata.schema import Attribution, Claim
from ijmemo.metadata.vocabularies import OUTLET, UNNAMED_OFFICIALS
from ijmemo.text.dates import DateWindow, in_tense, parse_date_or_unknown
from ijmemo.text.quotes import QuoteMatch, mentions
from ijmemo.text.speech import (
    MODALITY_CUES,
    OFFICIAL_NAMES,
    attribution_cut_off,
    names_speaker,
    reported_future,
    reports_speech,
    sentences_around,
)

# The tense a date with no year is read in (dates.in_tense): a milestone met lies before
# the report; one due or planned lies after it. Without a milestone, the claim's modality:
# "agreed on December 30" may be when they agreed.
TENSE_BY_CHANGE = {"met": "past", "new": "future", "postponed": "future"}
CLAIM_TENSE_BY_MODALITY = {"done": "past", "planned": "future", "wished": "future"}

Finding = tuple[str, str]  # (message, field)


@dataclass
class ClaimText:
    """What the rules found on one claim against its source's text."""

    match: QuoteMatch | None = None  # where the quote is in the text (None: not found)
    window: DateWindow | None = None  # its date's window (None: no date)
    quote: list[Finding] = field(default_factory=list)  # quote, place, date not in the text
    said: list[Finding] = field(default_factory=list)  # reported speech, attributing words
    drops_speaker: Finding | None = None  # the statement leaves out who said it
    hedge: list[Finding] = field(default_factory=list)  # the statement drops a hedge or wish
    unnamed: list[str] = field(default_factory=list)  # actors listed whom the quote names not


def speaker_names(data: CuratedData, by: str) -> list[str]:
    """The names a statement may use for a speaker: its name, an alias ("officials"), the
    official name reporting gives a body ("an MEA statement" is India's foreign ministry's,
    as the proposals read it) or a person's surname ("Jaiswal said")."""
    if by == UNNAMED_OFFICIALS:
        return ["officials", "official"]
    loc = data.actors.get(by)
    if loc is None:
        return []
    actor = loc.record
    names = [actor.name, *actor.aliases, *OFFICIAL_NAMES.get(actor.name, [])]
    if actor.kind == "person" and len(actor.name.split()) > 1:
        names.append(actor.name.split()[-1])
    return list(dict.fromkeys(names))


# ---------------------------------------------------------------- the rules


def _quote_and_dates(data: CuratedData, claim: Claim, out: ClaimText) -> None:
    text = data.texts[claim.source]
    out.match = text.find(claim.quote)
    if out.match is None:
        near = text.closest(claim.quote)
        where = f"source '{claim.source}' ({data.sources[claim.source].record.file})"
        if text.cut_inside_a_word(claim.quote):
            message = (
                f"the quote starts or ends inside a word of {where}: quote whole words; "
                f'the passage with its words whole: "{near.passage}"'
            )
        else:
            message = (
                f"quote not found in {where}; closest passage "
                f'(similarity {near.score:.0f}%): "{near.passage}"'
            )
        out.quote.append((message, "quote"))
    if claim.location is not None and not mentions(claim.quote, claim.location):
        out.quote.append((f"location '{claim.location}' does not appear in the quote", "location"))
    if claim.date is None:
        return
    if not mentions(claim.quote, claim.date):
        out.quote.append((f"date '{claim.date}' does not appear in the quote", "date"))
    published = data.published.get(claim.source)
    reference = published.start if published and published.precision == "day" else None
    window, error = parse_date_or_unknown(claim.date, reference)
    if error:
        out.quote.append((error, "date"))
    if claim.milestone is not None:
        tense = TENSE_BY_CHANGE.get(claim.milestone.change)
    else:
        tense = CLAIM_TENSE_BY_MODALITY.get(claim.modality)
    out.window = in_tense(window, reference, tense)


def _attribution(data: CuratedData, claim: Claim, out: ClaimText) -> None:
    att, text = claim.attribution, data.texts.get(claim.source)
    if att == OUTLET:
        cue = reports_speech(claim.quote)
        cue = repr(cue) if cue else None
        if not cue and out.match is not None:
            cut = attribution_cut_off(text.text, out.match.start, out.match.end)
            cue = f"its sentence says '{cut}'" if cut else None
        if cue:
            message = (
                f"the quote is reported speech ({cue}): say who said it "
                "(attribution: {by, how, words}), not 'outlet'"
            )
            out.said.append((message, "attribution"))
        return
    assert isinstance(att, Attribution)
    if out.match is not None:
        around = sentences_around(text.text, out.match.start, out.match.end)
        if not mentions(around, att.words):
            message = (
                f"'{att.words}' is neither in the quote nor in the sentence before or after it"
            )
            out.said.append((message, "attribution.words"))
    names = speaker_names(data, att.by)
    if names and not names_speaker(claim.statement, names):
        message = (
            f"the statement drops the speaker: name them ({' or '.join(names[:3])}) "
            "with a reporting verb (said, told, described, according to)"
        )
        out.drops_speaker = (message, "statement")


def _hedge(claim: Claim, out: ClaimText) -> None:
    """A hedge or a wish in the quote stays in the statement: never stronger than its quote."""
    # "said the round would be held in May" is reported speech's future, no hedge: the
    # statement may say "will" (the proposal reads it as planned too)
    quote = reported_future(claim.quote)
    for kind, cue in MODALITY_CUES.items():
        found = cue.search(quote)
        if found and not cue.search(claim.statement):
            message = (
                f"the quote is {kind} ('{found.group(0)}') but the statement is not: "
                "keep the word (could, may, wants, hopes) so it is no stronger than its quote"
            )
            out.hedge.append((message, "statement"))


def _actors_named(data: CuratedData, claim: Claim, out: ClaimText) -> None:
    for aid in dict.fromkeys(claim.actors):
        loc = data.actors.get(aid)
        if loc is not None:
            names = [loc.record.name, *loc.record.aliases]
            if not any(mentions(claim.quote, n) for n in names):
                out.unnamed.append(aid)


def check_claim_text(data: CuratedData, loc: Located) -> ClaimText:
    """Every rule between one claim and its source's text (those on its own words only
    when its source is unknown: that is reported by the reference checks)."""
    claim: Claim = loc.record
    out = ClaimText()
    if claim.source in data.sources:
        _quote_and_dates(data, claim, out)
    _attribution(data, claim, out)
    _hedge(claim, out)
    _actors_named(data, claim, out)
    return out


# ---------------------------------------------------------------- kept by content


def file_key(data: CuratedData, claims: list[Located], actors: dict[str, str]) -> str:
    """The inputs of a claims file's claims: the file's bytes (as parsed: `data.digests`),
    its source's text, name and date, and the records of the actors they name or speak
    through.

    `actors`: actor id -> a digest of its record as JSON (made once for all files)."""
    source = data.sources[claims[0].record.source].record
    involved: dict[str, None] = {}
    for loc in claims:
        claim: Claim = loc.record
        involved |= dict.fromkeys([*claim.actors, getattr(claim.attribution, "by", OUTLET)])
    inputs = (
        data.digests[claims[0].file],  # (every claims file read has one)
        source.sha256,
        source.file,
        source.published,
        sorted((a, actors.get(a)) for a in involved),
    )
    return _digest(repr(inputs))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _packed(found: ClaimText) -> tuple:
    """A result as plain tuples: 100,000 of them load 30 times faster than the objects."""
    match, window = found.match, found.window
    return (
        None if match is None else (match.start, match.end, match.occurrences),
        None if window is None else astuple(window),
        tuple(found.quote),
        tuple(found.said),
        found.drops_speaker,
        tuple(found.hedge),
        tuple(found.unnamed),
    )


def _unpacked(kept: tuple) -> ClaimText:
    match, window, quote, said, drops_speaker, hedge, unnamed = kept
    return ClaimText(
        None if match is None else QuoteMatch(*match),
        None if window is None else DateWindow(*window),
        list(quote),
        list(said),
        drops_speaker,
        list(hedge),
        list(unnamed),
    )


def claim_text_results(data: CuratedData, cache: Path | None) -> dict[str, ClaimText]:
    """Each claim -> what `check_claim_text` finds, taken from `cache` (a file) for the
    claims of a file whose inputs are unchanged (`file_key`); the cache keeps this run's
    results only."""
    kept = read_kept(cache, code_fingerprint())
    actors = {aid: _digest(loc.record.model_dump_json()) for aid, loc in data.actors.items()}
    by_file: dict[str, list[Located]] = {}
    for loc in data.claims.values():
        by_file.setdefault(loc.file, []).append(loc)
    results, now = {}, {}
    for claims in by_file.values():
        if claims[0].record.source not in data.sources:  # (not kept: it has no source)
            results |= {loc.record.id: check_claim_text(data, loc) for loc in claims}
            continue
        key = file_key(data, claims, actors)
        packed = kept.get(key) or {}
        for loc in claims:
            cid = loc.record.id
            if cid not in packed:
                packed[cid] = _packed(check_claim_text(data, loc))
            results[cid] = _unpacked(packed[cid])
        now[key] = packed
    update_kept(cache, kept, now)
    return results
