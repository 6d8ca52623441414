"""Rules across records: references resolve, quotes are verbatim, dates parse, support and
provenance hold.

Each check appends every problem it finds (never stops at the first) and records
what it derives on the way in `Checked`: quote offsets and the date windows of claims,
events and sources' lower bounds. An event's window is narrowed by `ends_before` (a claim
says it came before another event) only once every event's own date is known.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from ijmemo.core.problems import Located, Problem
from ijmemo.curation.checks.checked import Checked, known_from
from ijmemo.curation.checks.claim_text import ClaimText
from ijmemo.curation.lead_bodies import lead_body_clash
from ijmemo.curation.load import CuratedData
from ijmemo.metadata.schema import Actor, Claim, Event, Initiative, Source
from ijmemo.text.date_words import BEFORE_WORDS, says_before
from ijmemo.text.dates import DateWindow, in_tense, parse_date_or_unknown, unknown
from ijmemo.text.quotes import mentions

# An event dated by a claim that is not a report of fact is still to come.
EVENT_TENSE_BY_MODALITY = {
    "done": "past",
    "agreed": "future",
    "planned": "future",
    "wished": "future",
    "hedged": "future",
}


def _source_day(data: CuratedData, source_id: str) -> date | None:
    """The source's own date, when known to the day (the reference for 'Friday')."""
    window = data.published.get(source_id)
    return window.start if window and window.precision == "day" else None


def _parse(loc: Located, field_name: str, text, reference, problems) -> DateWindow:
    window, error = parse_date_or_unknown(text, reference)
    if error:
        problems.append(loc.problem(error, field_name))
    return window


def check_claims(
    data: CuratedData, checked: Checked, problems: list[Problem], texts: dict[str, ClaimText]
) -> None:
    """References resolve; the quote, its place and date against the source (`texts`: what
    each claim's own rules found, `claim_text`)."""
    undated = unknown(None)  # (one for all: a window is never changed)
    sectors, countries, actors = data.sectors, data.countries, data.actors
    for cid, loc in data.claims.items():
        claim: Claim = loc.record
        # (each reference looked up at once; `unknown_refs` says what is wrong, if anything)
        if not all(map(sectors.__contains__, claim.sectors)):
            problems += data.unknown_refs(loc, "sectors", claim.sectors, "sectors")
        if not all(map(countries.__contains__, claim.countries)):
            problems += data.unknown_refs(loc, "countries", claim.countries, "countries")
        if not all(map(actors.__contains__, claim.actors)):
            problems += data.unknown_refs(loc, "actors", claim.actors, "actors")
        if data.subject_kind(claim.subject) is None and claim.subject not in data.rejected:
            problems.append(
                loc.problem(
                    f"unknown subject '{claim.subject}' (not an initiative, event or topic id)",
                    "subject",
                )
            )
        if claim.source not in data.sources:
            problems += data.unknown_refs(loc, "source", [claim.source], "sources")
            continue
        found = texts[cid]
        if found.quote:
            problems += [loc.problem(message, name) for message, name in found.quote]
        if found.match is not None:
            checked.quote_matches[cid] = found.match
        checked.claim_dates[cid] = found.window or undated


def _supporting_claim(
    data: CuratedData, loc: Located, field_name: str, claim_id: str, subject_id: str
) -> tuple[Claim | None, list[Problem]]:
    """A claim cited as evidence for `subject_id` must exist and be about it."""
    if claim_id not in data.claims:
        return None, [loc.problem(f"unknown claim '{claim_id}'", field_name)]
    claim: Claim = data.claims[claim_id].record
    if claim.subject != subject_id:
        msg = f"claim '{claim_id}' is about '{claim.subject}', not '{subject_id}'"
        return claim, [loc.problem(msg, field_name)]
    return claim, []


def _held_problems(data: CuratedData, loc: Located) -> list[Problem]:
    """A meeting reported held (milestone met, status convened) needs the date it was held,
    and the people it names must not stand where the initiative's lead bodies should."""
    claim: Claim = loc.record
    held = (claim.milestone is not None and claim.milestone.change == "met") or (
        claim.status == "convened"
    )
    if not held or data.subject_kind(claim.subject) != "initiative":
        return []
    found = []
    if claim.date is None:
        found.append(
            loc.problem(
                "a meeting reported held needs the date it was held (a date in the quote); "
                "without one, leave out the status 'convened' and the milestone 'met'",
                "date",
            )
        )
    clash = lead_body_clash(data, claim.subject, list(claim.actors))
    if clash:
        leads = ", ".join(data.initiatives[claim.subject].record.lead_bodies)
        found.append(
            loc.problem(
                f"the meeting names {clash} where '{claim.subject}' is led by {leads}: "
                "another meeting (a new event or initiative), not this one's",
                "actors",
            )
        )
    return found


def check_initiatives(data: CuratedData, problems: list[Problem]) -> None:
    about = data.claims_by_subject
    for iid, loc in data.initiatives.items():
        ini: Initiative = loc.record
        problems += data.unknown_refs(loc, "sectors", ini.sectors, "sectors")
        problems += data.unknown_refs(loc, "parties", ini.parties, "countries")
        problems += data.unknown_refs(loc, "lead_bodies", ini.lead_bodies, "actors")
        claims = about.get(iid, [])
        if data.rejected_about.get(iid):
            continue  # a claim about it was rejected: what it said is unknown, so is the rest
        if not claims:
            problems.append(loc.problem("no claim supports this initiative"))
            continue
        if not any(c.status for c in claims):
            problems.append(
                loc.problem(
                    "no claim reports its status: give one claim about it a 'status' "
                    "(e.g. agreed, scheduled, convened)"
                )
            )


def check_claim_reports(data: CuratedData, checked: Checked, problems: list[Problem]) -> None:
    """What a claim reports about its subject's timeline: status, milestone, alias."""
    for loc in data.claims.values():
        claim: Claim = loc.record
        kind = data.subject_kind(claim.subject)
        for name in ("status", "milestone"):
            if getattr(claim, name) is not None and kind not in ("initiative", None):
                problems.append(
                    loc.problem(f"only a claim about an initiative can report a {name}", name)
                )
        if claim.alias is not None and not mentions(claim.quote, claim.alias):
            problems.append(
                loc.problem(f"alias '{claim.alias}' does not appear in the quote", "alias")
            )
        problems += _held_problems(data, loc)
    reports: dict[str, list[Located]] = defaultdict(list)
    for loc in data.claims.values():
        if loc.record.milestone is not None:
            reports[loc.record.milestone.id].append(loc)
    for mid, locs in reports.items():
        subjects = {loc.record.subject for loc in locs}
        if len(subjects) > 1:
            for loc in locs[1:]:
                if loc.record.subject != locs[0].record.subject:
                    problems.append(
                        loc.problem(
                            f"milestone '{mid}' belongs to '{locs[0].record.subject}' "
                            f"({locs[0].label}), not '{loc.record.subject}'",
                            "milestone.id",
                        )
                    )
        # The first report says what is due; of same-day reports, one that says it.
        first = min(
            locs,
            key=lambda loc: (
                known_from(data, checked, loc.record.source) or "9999",
                loc.record.milestone.what is None,
                loc.record.id,
            ),
        )
        if first.record.milestone.what is None:
            problems.append(
                first.problem(
                    f"the first report of milestone '{mid}' must say what is due", "milestone.what"
                )
            )


def check_not_before(data: CuratedData, checked: Checked, problems: list[Problem]) -> None:
    """An undated source's lower bound must rest on its own claim of something that happened.

    The source reports the claim's event as held, so it cannot be older than the first
    day of that event's date window (or of the claim's own date).
    """
    for sid, loc in data.sources.items():
        src: Source = loc.record
        bound = src.not_before
        if bound is None:
            continue
        if data.published[sid].known:
            problems.append(
                loc.problem("a dated source needs no lower bound; remove it", "not_before")
            )
            continue
        try:
            day = date.fromisoformat(bound.date)
        except ValueError:
            problems.append(
                loc.problem(f"'{bound.date}' is not a day (YYYY-MM-DD)", "not_before.date")
            )
            continue
        if bound.claim not in data.claims:
            problems.append(loc.problem(f"unknown claim '{bound.claim}'", "not_before.claim"))
            continue
        claim: Claim = data.claims[bound.claim].record
        if claim.source != sid:
            problems.append(
                loc.problem(
                    f"claim '{bound.claim}' quotes source '{claim.source}', not this one",
                    "not_before.claim",
                )
            )
            continue
        window = checked.claim_dates.get(claim.id)
        if (window is None or not window.known) and claim.subject in data.events:
            window = checked.event_dates.get(claim.subject)
        if window is None or not window.known:
            problems.append(
                loc.problem(
                    f"claim '{bound.claim}' has no known date, and neither has its subject: "
                    "it cannot show when the source was published",
                    "not_before.claim",
                )
            )
            continue
        if day > window.start:
            problems.append(
                loc.problem(
                    f"{day} is later than the first day ({window.start}) of what claim "
                    f"'{bound.claim}' reports as happened; the bound must not be later",
                    "not_before.date",
                )
            )
            continue
        checked.not_before[sid] = day


def check_events(data: CuratedData, checked: Checked, problems: list[Problem]) -> None:
    about = data.claims_by_subject
    first = len(problems)
    for eid, loc in data.events.items():
        ev: Event = loc.record
        problems += data.unknown_refs(loc, "participants", ev.participants, "actors")
        problems += data.unknown_refs(loc, "countries", ev.countries, "countries")
        claims = about.get(eid, [])
        if not claims and not data.rejected_about.get(eid):
            problems.append(loc.problem("no claim supports this event"))
        if ev.location and not any(mentions(c.quote, ev.location) for c in claims):
            problems.append(
                loc.problem(
                    f"location '{ev.location}' appears in no quote about this event", "location"
                )
            )
        checked.event_dates[eid] = unknown(ev.date)
        if ev.date is None:
            if ev.date_claim or ev.date_anchor:
                problems.append(loc.problem("date_claim/date_anchor given without a date", "date"))
            continue
        if ev.date_claim is None:
            problems.append(loc.problem("a date needs the claim that reports it", "date_claim"))
            continue
        claim, found = _supporting_claim(data, loc, "date_claim", ev.date_claim, eid)
        problems += found
        if claim is None:
            continue
        if not mentions(claim.quote, ev.date):
            problems.append(
                loc.problem(f"date '{ev.date}' does not appear in claim '{ev.date_claim}'", "date")
            )
        reference = _source_day(data, claim.source)
        if ev.date_anchor is not None:
            anchor = ev.date_anchor.source
            if anchor not in data.sources:
                problems += data.unknown_refs(loc, "date_anchor.source", [anchor], "sources")
                continue
            reference = _source_day(data, anchor)
            if reference is None:
                problems.append(
                    loc.problem(f"source '{anchor}' has no day-precise date", "date_anchor.source")
                )
                continue
        window = _parse(loc, "date", ev.date, reference, problems)
        tense = EVENT_TENSE_BY_MODALITY.get(claim.modality)
        checked.event_dates[eid] = in_tense(window, reference, tense)
    # Second pass: an event that came before another ends by that one's date, known only
    # now that every event's own date is.
    reported = {(p.file, p.record) for p in problems[first:]}
    troubled = {eid for eid, loc in data.events.items() if (loc.file, loc.label) in reported}
    _clip_ends_before(data, checked, problems, troubled)


def _day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"  # "16 January 2026"


def _cycle(data: CuratedData, eid: str) -> list[str] | None:
    """The `ends_before` chain that leads from `eid` back to it, if one does."""
    chain = [eid]
    step = data.events[eid].record.ends_before
    while step is not None and step.event in data.events:
        if step.event == eid:
            return [*chain, eid]
        if step.event in chain:
            return None  # a cycle further on, reported on its own events
        chain.append(step.event)
        step = data.events[step.event].record.ends_before
    return None


def _ends_before_problems(
    data: CuratedData, dates: dict[str, DateWindow], eid: str, loc: Located, skip: set[str]
) -> list[Problem]:
    """What is wrong with an event's `ends_before`: its claim, the other event, a cycle.

    `dates`: every event's window from its own date; `skip`: events with a problem already
    reported, whose unknown window that problem explains."""
    ev: Event = loc.record
    rel = ev.ends_before
    found: list[Problem] = []
    if ev.date is None:
        found.append(
            loc.problem(
                "ends_before given without a date: it narrows the event's own date", "ends_before"
            )
        )
    elif eid not in skip and not dates[eid].known:
        own = dates[eid]
        found.append(
            loc.problem(
                f"the event's date '{ev.date}' is unknown ({own.note or 'not resolved'}): "
                "ends_before has no window to narrow",
                "ends_before",
            )
        )
    if rel.claim not in data.rejected:
        claim, wrong = _supporting_claim(data, loc, "ends_before.claim", rel.claim, eid)
        found += wrong
        if claim is not None and not wrong and says_before(claim.quote) is None:
            words = ", ".join(f"'{w}'" for w in BEFORE_WORDS)
            found.append(
                loc.problem(
                    f"claim '{rel.claim}' does not say this event came before another: its "
                    f"quote has none of {words}",
                    "ends_before.claim",
                )
            )
    other = rel.event
    if other == eid:
        found.append(loc.problem("an event cannot end before itself", "ends_before.event"))
    elif other not in data.events:
        if other not in data.rejected:
            known = ", ".join(sorted(data.events)[:40])
            found.append(
                loc.problem(f"unknown event '{other}'; known: {known}", "ends_before.event")
            )
    elif data.events[other].record.date is None:
        found.append(
            loc.problem(f"event '{other}' has no date for this one to end by", "ends_before.event")
        )
    elif other not in skip and not dates[other].known:
        then = dates[other]
        found.append(
            loc.problem(
                f"event '{other}' has no known date for this one to end by: its date "
                f"'{then.text}' is unknown ({then.note or 'not resolved'})",
                "ends_before.event",
            )
        )
    else:
        cycle = _cycle(data, eid)
        if cycle:
            chain = f"'{cycle[0]}' ends before '{cycle[1]}'"
            chain += "".join(f", which ends before '{e}'" for e in cycle[2:])
            found.append(
                loc.problem(
                    f"a cycle: {chain}; an event cannot end before one that ends before it",
                    "ends_before.event",
                )
            )
    return found


def _clip_ends_before(
    data: CuratedData, checked: Checked, problems: list[Problem], troubled: set[str]
) -> None:
    """An event a claim says came before another ends by that one's first day.

    The window keeps its start and precision; its end becomes the other event's first day
    when that is earlier (the same day counts: "ahead of his talks" that day), or, when the
    other's window is not day-precise ("November 2025": some day in it), its last day,
    the latest it can have begun. Read from the windows the events' own dates give (a clip
    moves only an end, never a start), so the order of the events does not matter.
    """
    own_dates = dict(checked.event_dates)
    for eid, loc in data.events.items():
        ev: Event = loc.record
        rel = ev.ends_before
        if rel is None:
            continue
        found = _ends_before_problems(data, own_dates, eid, loc, troubled)
        problems += found
        own, then = own_dates.get(eid), own_dates.get(rel.event)
        if found or own is None or then is None or not (own.known and then.known):
            continue  # (an unknown window is refused above, unless a problem explains it)
        bound = then.start if then.precision == "day" else then.end
        if bound < own.start:
            problems.append(
                loc.problem(
                    f"event '{rel.event}' begins by {bound}, before this event's first day "
                    f"({own.start}), yet claim '{rel.claim}' says this one came first",
                    "ends_before.event",
                )
            )
            continue
        title = data.events[rel.event].record.title
        how = _day(bound) if then.precision == "day" else f"{then.text}, by {_day(bound)}"
        note = f"ends by {title}, {how}: {rel.claim}"
        checked.event_dates[eid] = replace(
            own, end=min(own.end, bound), note="; ".join(filter(None, (own.note, note)))
        )


def check_topics_and_actors(
    data: CuratedData, checked: Checked, problems: list[Problem], texts: dict[str, ClaimText]
) -> None:
    about = data.claims_by_subject
    for tid, loc in data.topics.items():
        problems += data.unknown_refs(loc, "sectors", loc.record.sectors, "sectors")
        if not about.get(tid) and not data.rejected_about.get(tid):
            problems.append(loc.problem("no claim supports this topic"))
    citing: dict[str, list[Located]] = defaultdict(list)
    for cloc in data.claims.values():
        for aid in dict.fromkeys(cloc.record.actors):
            citing[aid].append(cloc)
    named_by_rejected = {  # a refused claim's `actors` may be anything an analyst typed
        str(a)
        for raw in data.rejected_claims
        for a in (raw.get("actors") if isinstance(raw.get("actors"), list) else [])
        if a
    }
    for aid, loc in data.actors.items():
        actor: Actor = loc.record
        if actor.country is not None:
            problems += data.unknown_refs(loc, "country", [actor.country], "countries")
        names = [actor.name, *actor.aliases]
        if aid in named_by_rejected:
            continue  # named by a claim that was rejected (already reported)
        if not citing.get(aid):
            problems.append(loc.problem("no claim names this actor"))
        shown = ", ".join(f"'{n}'" for n in names)
        unnamed = [c for c in citing[aid] if aid in texts[c.record.id].unnamed]
        if len(unnamed) > 1 and len(unnamed) == len(citing[aid]):
            # the actor changed, not its claims: one problem, where the change was made
            checked.unnamed_actors.add(aid)
            problems.append(_renamed(loc, shown, unnamed, data))
            continue
        for cloc in unnamed:
            problems.append(
                cloc.problem(
                    f"actor '{aid}' is not named in the quote (by {shown}): list only "
                    "the actors its words name, or add the quote's word for it to "
                    "the actor's aliases",
                    "actors",
                )
            )


def _renamed(loc: Located, shown: str, unnamed: list[Located], data: CuratedData) -> Problem:
    """An actor none of whose claims' quotes names it by its names now: the claims that
    list it (and those it speaks in) under one problem on the actor's record."""
    aid = loc.record.id
    speaking = [
        c.record.id
        for c in data.claims.values()
        if not isinstance(c.record.attribution, str) and c.record.attribution.by == aid
    ]
    ids = sorted({c.record.id for c in unnamed} | set(speaking))
    return loc.problem(
        f"no quote of the {len(ids)} claims that cite this actor names it by {shown} "
        f"({', '.join(ids)}): was it renamed? Keep the name the quotes use among its "
        "aliases, or restore it",
        "name",
    )


def check_unique_subjects(data: CuratedData, problems: list[Problem]) -> None:
    # A claim's subject may be any of these, so an id must mean one thing only.
    seen: dict[str, Located] = {}
    for collection in (data.initiatives, data.events, data.topics):
        for sid, loc in collection.items():
            if sid in seen:
                problems.append(
                    loc.problem(f"id also used by {seen[sid].label} ({seen[sid].file})", "id")
                )
            else:
                seen[sid] = loc
