"""Rules on how a claim is reported: its speaker, its modality, its framing, who leads.

attribution  a quote with reporting words ("said", "according to") or a direct
             quotation names its speaker, and so does a quote cut from a sentence
             that attributes it ("…, officials said"); the attributing words are the source's
             own, in the quote or the sentence next to it; the statement keeps
             the speaker and a reporting verb, so the memo never states an
             attributed claim as bare fact
modality     a wish or a hedge is visible in the quote; a claim reports no status
             or milestone change firmer than its modality allows
             and the statement keeps the quote's hedge or wish ("could", "wants")
framing      "new" or "earlier" rests on the quote's own words ("earlier" also on a
             date before the source's own)
lead bodies  an initiative's lead is named by a quote that says it leads
rests on     a source's stated basis is in its own words
"""

from __future__ import annotations

from ijmemo.core.problems import Located, Problem
from ijmemo.curation.checks.checked import Checked
from ijmemo.curation.load import CuratedData
from ijmemo.metadata.schema import Attribution, Claim, Source
from ijmemo.metadata.vocabularies import (
    CHANGES_BY_MODALITY,
    OUTLET,
    STATUSES_BY_MODALITY,
    UNNAMED_OFFICIALS,
)
from ijmemo.text.quotes import mentions
from ijmemo.text.speech import (
    FRAMING_CUES,
    MODALITY_CUES,
    OFFICIAL_NAMES,
    attribution_cut_off,
    named_as_leading,
    names_speaker,
    reported_future,
    reports_speech,
    sentences_around,
)

CUE_EXAMPLES = {"wished": "wants, desire, propose", "hedged": "could, may, might"}


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


def _check_attribution(data: CuratedData, checked: Checked, loc: Located) -> list[Problem]:
    claim: Claim = loc.record
    att = claim.attribution
    if att == OUTLET:
        cue = reports_speech(claim.quote)
        cue = repr(cue) if cue else None
        match, text = checked.quote_matches.get(claim.id), data.texts.get(claim.source)
        if not cue and match is not None and text is not None:
            cut = attribution_cut_off(text.text, match.start, match.end)
            cue = f"its sentence says '{cut}'" if cut else None
        if cue:
            return [
                loc.problem(
                    f"the quote is reported speech ({cue}): say who said it "
                    "(attribution: {by, how, words}), not 'outlet'",
                    "attribution",
                )
            ]
        return []
    assert isinstance(att, Attribution)
    problems = []
    if att.by != UNNAMED_OFFICIALS and att.by not in data.actors and att.by not in data.rejected:
        problems.append(
            loc.problem(
                f"unknown speaker '{att.by}': an actor id, or '{UNNAMED_OFFICIALS}' "
                "for officials the source does not name",
                "attribution.by",
            )
        )
    match = checked.quote_matches.get(claim.id)
    text = data.texts.get(claim.source)
    if match is not None and text is not None:
        around = sentences_around(text.text, match.start, match.end)
        if not mentions(around, att.words):
            problems.append(
                loc.problem(
                    f"'{att.words}' is neither in the quote nor in the sentence before or after it",
                    "attribution.words",
                )
            )
    names = speaker_names(data, att.by)
    renamed = att.by in checked.unnamed_actors  # reported once, on the actor
    if names and not renamed and not names_speaker(claim.statement, names):
        problems.append(
            loc.problem(
                f"the statement drops the speaker: name them ({' or '.join(names[:3])}) "
                "with a reporting verb (said, told, described, according to)",
                "statement",
            )
        )
    return problems


def _check_statement_keeps_hedge(loc: Located) -> list[Problem]:
    """A hedge or a wish in the quote stays in the statement: never stronger than its quote."""
    claim: Claim = loc.record
    problems = []
    # "said the round would be held in May" is reported speech's future, no hedge: the
    # statement may say "will" (the proposal reads it as planned too)
    quote = reported_future(claim.quote)
    for kind, cue in MODALITY_CUES.items():
        found = cue.search(quote)
        if found and not cue.search(claim.statement):
            problems.append(
                loc.problem(
                    f"the quote is {kind} ('{found.group(0)}') but the statement is not: "
                    "keep the word (could, may, wants, hopes) so it is no stronger than its quote",
                    "statement",
                )
            )
    return problems


def _dated_before_source(data: CuratedData, checked: Checked, loc: Located) -> bool:
    """The claim's date window ends before its source was published: 'earlier' shows."""
    window = checked.claim_dates.get(loc.record.id)
    published = data.published.get(loc.record.source)
    return bool(
        window and window.known and published and published.known and window.end < published.start
    )


def _check_modality(data: CuratedData, checked: Checked, loc: Located) -> list[Problem]:
    claim: Claim = loc.record
    problems = []
    cue = MODALITY_CUES.get(claim.modality)
    if cue is not None and not cue.search(claim.quote):
        problems.append(
            loc.problem(
                f"modality '{claim.modality}' needs the quote's own words for it "
                f"({CUE_EXAMPLES[claim.modality]})",
                "modality",
            )
        )
    allowed = STATUSES_BY_MODALITY[claim.modality]
    if claim.status is not None and claim.status not in allowed:
        problems.append(
            loc.problem(
                f"a claim reported as '{claim.modality}' cannot report status '{claim.status}'"
                + (f"; it supports only: {', '.join(allowed)}" if allowed else ""),
                "status",
            )
        )
    changes = CHANGES_BY_MODALITY[claim.modality]
    if claim.milestone is not None and claim.milestone.change not in changes:
        problems.append(
            loc.problem(
                f"a claim reported as '{claim.modality}' cannot report a milestone as "
                f"'{claim.milestone.change}'",
                "milestone.change",
            )
        )
    if claim.framing is not None:
        if data.subject_kind(claim.subject) not in ("initiative", None):
            problems.append(
                loc.problem("only a claim about an initiative has a framing", "framing")
            )
        elif not FRAMING_CUES[claim.framing].search(claim.quote) and not (
            claim.framing == "earlier" and _dated_before_source(data, checked, loc)
        ):
            problems.append(
                loc.problem(f"framing '{claim.framing}' rests on no word of the quote", "framing")
            )
    return problems


def _check_leads(data: CuratedData, problems: list[Problem]) -> None:
    about = data.claims_by_subject
    for loc in data.initiatives.values():
        claims = about.get(loc.record.id, [])
        if not claims or data.rejected_about.get(loc.record.id):
            continue  # reported by the initiative checks, or already by the claim's own
        leading = named_as_leading((c.quote, c.actors) for c in claims)
        for body in loc.record.lead_bodies:
            if body in data.actors and body not in leading:
                problems.append(
                    loc.problem(
                        f"lead body '{body}' is named by no quote that says it leads "
                        "(led by, chaired, headed): taking part is not leading",
                        "lead_bodies",
                    )
                )


def _check_rests_on(data: CuratedData, problems: list[Problem]) -> None:
    kinds: dict[str, tuple[str, str]] = {}  # basis id -> (kind, the first source giving it)
    for sid, loc in data.sources.items():
        src: Source = loc.record
        seen = set()
        for n, basis in enumerate(src.rests_on):
            first = kinds.setdefault(basis.id, (basis.kind, sid))
            if first[0] != basis.kind:  # one briefing is one kind of basis wherever it is cited
                problems.append(
                    loc.problem(
                        f"basis '{basis.id}' is a {basis.kind} here but a {first[0]} in "
                        f"source {first[1]}: one id is one briefing or readout",
                        f"rests_on[{n}].kind",
                    )
                )
            if basis.id in seen:
                problems.append(loc.problem(f"basis '{basis.id}' listed twice", "rests_on"))
            seen.add(basis.id)
            if not mentions(data.texts[sid].text, basis.words):
                problems.append(
                    loc.problem(
                        f"'{basis.words}' does not appear in {src.file}", f"rests_on[{n}].words"
                    )
                )


def check_reporting(data: CuratedData, checked: Checked, problems: list[Problem]) -> None:
    """Every rule on speakers, modality, framing, leads and stated bases."""
    for loc in data.claims.values():
        problems += _check_attribution(data, checked, loc)
        problems += _check_modality(data, checked, loc)
        problems += _check_statement_keeps_hedge(loc)
    _check_leads(data, problems)
    _check_rests_on(data, problems)
