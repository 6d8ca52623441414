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
from ijmemo.curation.checks.claim_text import ClaimText
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
    named_as_leading,
)

CUE_EXAMPLES = {"wished": "wants, desire, propose", "hedged": "could, may, might"}


def _attribution_problems(
    data: CuratedData, checked: Checked, loc: Located, found: ClaimText
) -> list[Problem]:
    """The speaker: known, their words beside the quote, kept in the statement."""
    att = loc.record.attribution
    problems = [loc.problem(message, name) for message, name in found.said] if found.said else []
    if att == OUTLET:
        return problems
    assert isinstance(att, Attribution)
    if att.by != UNNAMED_OFFICIALS and att.by not in data.actors and att.by not in data.rejected:
        problems.insert(
            0,
            loc.problem(
                f"unknown speaker '{att.by}': an actor id, or '{UNNAMED_OFFICIALS}' "
                "for officials the source does not name",
                "attribution.by",
            ),
        )
    renamed = att.by in checked.unnamed_actors  # reported once, on the actor
    if found.drops_speaker and not renamed:
        problems.append(loc.problem(*found.drops_speaker))
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
        if not loc.record.lead_bodies:
            continue  # (no lead to show: its quotes are not read)
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


def check_reporting(
    data: CuratedData, checked: Checked, problems: list[Problem], texts: dict[str, ClaimText]
) -> None:
    """Every rule on speakers, modality, framing, leads and stated bases. `texts`: what
    each claim's own rules found against its source (`claim_text`)."""
    for cid, loc in data.claims.items():
        found = texts.get(cid)
        if found is not None:
            problems += _attribution_problems(data, checked, loc, found)
        problems += _check_modality(data, checked, loc)
        if found is not None and found.hedge:
            problems += [loc.problem(message, name) for message, name in found.hedge]
    _check_leads(data, problems)
    _check_rests_on(data, problems)
