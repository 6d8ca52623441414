"""Page 1: what an edition says to a reader who reads nothing else.

What happened (the meetings and visits of the period, and the initiatives they launched or
moved), the analyst's key judgement (labelled and dated), what to watch (the open
milestones, each window in its own dates), how current the evidence is and what changed
since the last edition. The content is computed once, from the Edition, and written twice:
as the memo's first page (`FrontPage.brief`, numbered citations) and as `brief.md`, the
text a team mails round (citations by source: [S2]).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ijmemo.evidence.changelogs import current
from ijmemo.memo import history
from ijmemo.memo.assessment import Assessment
from ijmemo.memo.edition import CONTEXT_EVENT_KINDS, Edition
from ijmemo.memo.wording import listed, long_date, state_label, status_label, value, window_text
from ijmemo.metadata.cells import split_cell
from ijmemo.metadata.vocabularies import OPEN_STATES

OLD_EVIDENCE_DAYS = 30  # beyond this, page 1 and the build say the evidence is old
EVENTS_ON_PAGE_1 = 3  # the latest meetings and visits; the rest are in "Meetings and visits"
OUTCOMES_ON_PAGE_1 = 5  # initiatives and milestones that moved; the rest are in the tracker
WATCH_ON_PAGE_1 = 4  # open windows, the soonest to close first; the rest are in the tracker
# Statuses that say something was launched, set up or held (ongoing work is in the tracker).
LAUNCHED = ("proposed", "agreed", "scheduled", "convened", "completed")


@dataclass(frozen=True)
class Cited:
    """One item of the brief: plain text, the claims it rests on, and whether it is our
    reading of what a speaker said (marked, with the speakers in a legend)."""

    text: str
    claim_ids: tuple[str, ...]
    speakers: tuple[str, ...] = ()  # ("officials", "Kitamura"): whose words it is read from
    initiative: str | None = None  # the initiative it is about, if any


@dataclass(frozen=True)
class Brief:
    title: str
    as_of: date
    evidence: str
    happened: list[Cited]
    outcomes: list[Cited]
    nothing_new: str | None
    judgement: Assessment | None
    watch: list[Cited]
    since: str
    speakers: list[str] = field(default_factory=list)  # for the legend of the marker
    more_outcomes: int = 0  # left off page 1 (in the tracker)
    more_watch: int = 0
    news_label: str = "in the period"  # or "since the edition of 20 January 2026"
    launched_watched: int = 0  # launched initiatives stated under "what to watch" instead


def brief_of(edition: Edition, assessment: Assessment | None, previous: dict | None) -> Brief:
    """The brief of an edition, compared with the record of the one before it."""
    since = _news_after(edition, previous)
    watch, more_watch = _watch(edition, WATCH_ON_PAGE_1)
    # An initiative whose next step is watched is stated there, once: "and 3 under What to watch"
    watched = {w.initiative for w in watch}
    launched = _outcomes(edition, since)
    outcomes = [o for o in launched if o.initiative not in watched]
    outcomes += _milestone_news(edition, since)
    more_outcomes = len(outcomes) - OUTCOMES_ON_PAGE_1
    outcomes = outcomes[:OUTCOMES_ON_PAGE_1]
    speakers = [s for item in [*outcomes, *watch] for s in item.speakers]
    return Brief(
        title=edition.params.title,
        as_of=edition.params.as_of,
        evidence=_evidence(edition, previous),
        happened=_happened(edition, since),
        outcomes=outcomes,
        nothing_new=_nothing_new(edition, previous),
        judgement=assessment,
        watch=watch,
        since=_since(edition, previous),
        speakers=list(dict.fromkeys(speakers)),
        more_outcomes=max(0, more_outcomes),
        more_watch=max(0, more_watch),
        launched_watched=len(launched) - len([o for o in launched if o.initiative not in watched]),
        news_label=f"since the edition of {long_date(previous['as_of'])}"
        if previous
        else "in the period",
    )


def _news_after(edition: Edition, previous: dict | None) -> str:
    """The day after which a report is news: the last edition's date, else the day before
    the period (a reader of the series has seen what the last edition said)."""
    if previous:
        return previous["as_of"]
    return (edition.params.start - timedelta(days=1)).isoformat()


def _evidence(edition: Edition, previous: dict | None) -> str:
    n, until, age = len(edition.sources), edition.evidence_until, edition.evidence_age()
    if until is None:
        return f"{n} source{'s' if n != 1 else ''}, none dated."
    text = f"{n} source{'s' if n != 1 else ''}, the newest known from {long_date(until)}"
    text += f" ({age} day{'s' if age != 1 else ''} before this edition)"
    if age > OLD_EVIDENCE_DAYS:
        text += ": nothing later has been collected, so a step due since may have happened unseen"
    return text + "."


def _happened(edition: Edition, since: str) -> list[Cited]:
    """The latest meetings and visits of the period first reported after `since`, in date
    order (undated last)."""
    events = edition.events[~edition.events.kind.isin(CONTEXT_EVENT_KINDS)]
    first_known = edition.first_known(events.event_id)
    events = events[events.event_id.map(first_known).astype(object).fillna("").astype(str) > since]
    # By start, the longer window first: the visit before the meetings held during it.
    events = events.sort_values(
        ["date_start", "date_end", "event_id"], ascending=[True, False, True], na_position="first"
    )
    out = []
    for e in events.tail(EVENTS_ON_PAGE_1).itertuples():
        when = window_text(value(e.date_start), value(e.date_end), e.date_precision)
        firmness = edition.date_firmness(e)
        place = value(e.location)
        text = e.title + f", {when}" + (f" ({firmness})" if firmness else "")
        text += f", {place}" if place and place not in e.title else ""
        dating = [
            c for c in (value(e.date_claim), value(getattr(e, "ends_before_claim", None))) if c
        ]
        about = list(edition.claims_about(e.event_id).claim_id)
        out.append(Cited(text, tuple(dating or about[:1])))
    return out


def _outcomes(edition: Edition, since: str) -> list[Cited]:
    """Bilateral initiatives reported launched, agreed, scheduled or held after `since`."""
    inis = edition.bilateral
    moved = inis[inis.status.isin(LAUNCHED) & (inis.status_since.astype(str) > since)]
    out = []
    for ini in moved.sort_values(["status_since", "name"]).itertuples():
        ids = tuple(split_cell(ini.status_claims))
        said = tuple(edition.speakers_of(ids))
        label = f"{ini.name} ({status_label(ini.status).lower()})"
        out.append(Cited(label, ids, said, ini.initiative_id))
    return out


def _milestone_news(edition: Edition, since: str) -> list[Cited]:
    """Milestones reported met, postponed or cancelled after `since` (newest report)."""
    rows = current(edition.tables["milestones"])
    rows = rows[
        rows.change.isin(("met", "postponed", "cancelled"))
        & (rows.known_from > since)
        & rows.initiative_id.isin(set(edition.bilateral.initiative_id))
    ]
    out = []
    for r in rows.sort_values(["known_from", "milestone_id"]).itertuples():
        ids = tuple(split_cell(r.claim_ids))
        said = tuple(edition.speakers_of(ids))
        if r.change == "postponed":
            news = f"postponed from {r.moved_from} to {value(r.due_text) or 'no date'}"
        elif r.change == "met":
            news = f"held, {window_text(value(r.met_start), value(r.met_end), 'day')}"
        else:
            news = "cancelled"
        out.append(Cited(f"{r.what}: {news}", ids, said))
    return out


def _nothing_new(edition: Edition, previous: dict | None) -> str | None:
    if not previous:
        return None
    before = previous["as_of"]
    if (edition.claims.known_from.fillna("") > before).any():
        return None
    return f"Nothing new has been reported since the edition of {long_date(before)}."


def _watch(edition: Edition, shown: int) -> tuple[list[Cited], int]:
    """The first `shown` open milestones, the soonest to close first, and how many more."""
    watch = edition.watchlist()
    rows = watch[watch.state.isin(OPEN_STATES)].sort_values(["due_end", "initiative"])
    out = []
    for r in rows.head(shown).itertuples():
        said = tuple(edition.speakers_of(r.claim_ids))
        # the window only: a postponement is news under "what happened", and in the tracker
        label = state_label({**r._asdict(), "moved_from": None})
        out.append(
            Cited(
                f"{r.milestone}: {label[:1].lower()}{label[1:]}",
                tuple(r.claim_ids),
                said,
                r.initiative_id,
            )
        )
    return out, len(rows) - len(out)


def _since(edition: Edition, previous: dict | None) -> str:
    if not previous:
        return "First edition of this series on record."
    changed = history.summary(previous, edition.record())
    if changed == "nothing new":
        return ""  # "what happened" says so
    return f"Since the edition of {long_date(previous['as_of'])}: {changed}."


def brief_markdown(brief: Brief, source_keys: Callable[[tuple[str, ...]], list[str]]) -> str:
    """The brief as text to mail round, each item cited by its sources ([S2])."""

    def cite(item: Cited) -> str:
        keys = source_keys(item.claim_ids)
        mark = "†" if item.speakers else ""
        return f"{item.text}{mark} [{', '.join(keys)}]" if keys else item.text + mark

    lines = [f"# {brief.title}", "", f"Edition of {long_date(brief.as_of)}.", ""]
    lines += [f"**What happened.** {happened_text(brief, cite, str)}", ""]
    lines += [f"**Key judgement** ({judgement_label(brief.judgement)}): {judgement_text(brief)}"]
    lines += ["", "**What to watch** (each counts as delivered when a source reports it held)"]
    lines += [f"- {cite(i)}" for i in brief.watch] or ["- No open milestone is reported."]
    if brief.more_watch:
        lines += [f"- … and {brief.more_watch} more, in the memo's tracker."]
    lines += ["", f"**Evidence.** {brief.evidence} {brief.since}"]
    if brief.speakers:
        lines += ["", f"† Our reading of what {listed(brief.speakers)} said."]
    lines += ["", "[S1] …: the sources, listed with every quote in the memo's annex."]
    return "\n".join(lines) + "\n"


def happened_text(brief: Brief, cite: Callable[[Cited], str], text: type[str]) -> str:
    """What happened, in one or two sentences; `text`: str, or Markup for the HTML page."""
    parts = [text(brief.nothing_new)] if brief.nothing_new else []
    if brief.happened and not brief.nothing_new:
        items = text("; ").join(cite(i) for i in brief.happened)
        parts.append(text(f"Reported {brief.news_label}: ") + items + text("."))
    if brief.outcomes or brief.launched_watched:
        items = text("; ").join(cite(i) for i in brief.outcomes)
        more = [f"{brief.more_outcomes} more, in the tracker"] if brief.more_outcomes else []
        n = brief.launched_watched
        more += [f"{n} with a next step, under what to watch"] if n else []
        tail = ("; and " if items else "") + " and ".join(more) if more else ""
        parts.append(text("Outcomes reported: ") + items + text(tail + "."))
    nothing = f"No meeting, visit or outcome is reported {brief.news_label}."
    return text(" ").join(parts) or text(nothing)


def judgement_label(judgement: Assessment | None) -> str:
    if judgement is None:
        return "none written for this edition"
    written = long_date(judgement.written) if judgement.written else "on a date not given"
    return f"the analyst's assessment, written {written}; not a reported fact"


def judgement_text(brief: Brief) -> str:
    if brief.judgement is None:
        return "No assessment has been written on or before this edition's date."
    return " ".join(brief.judgement.judgement.split())
