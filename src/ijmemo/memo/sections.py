"""The memo: every section computed from the evidence known on its date, every statement cited.

The notebook `02_memo.ipynb` builds a `Memo` from the parameters and displays
its sections in order. A memo dated D sees only `evidence_as_of(tables, D)`:
sources known by D, their claims, and the statuses, milestones and conflicts
derived from those claims alone. Statements in the memo are claim statements (our
wording of a verbatim quote) or sentences assembled from curated fields, and
each carries numbered citations that resolve to endnotes giving the quote, the
source, and what is unknown about that source. HTML is produced by Jinja with
autoescaping, so text from the data can never inject markup.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import mistune
import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ijmemo.core.paths import EDITIONS_DIR, DataPaths
from ijmemo.evidence.as_of import evidence_as_of
from ijmemo.evidence.changelogs import current, milestone_state
from ijmemo.evidence.conflicts import FACTUAL
from ijmemo.evidence.store import load_processed
from ijmemo.evidence.tabulate import split
from ijmemo.memo import history
from ijmemo.memo.citations import Citations, Section
from ijmemo.memo.params import MemoParams, read_assessment
from ijmemo.memo.provenance import (
    according_to,
    attribution_line,
    corroboration_text,
    read_from,
    short_names,
)
from ijmemo.memo.wording import (
    FIRMNESS,
    MODALITY_ORDER,
    long_date,
    merge_statements,
    state_label,
    status_label,
    value,
    window_text,
)
from ijmemo.metadata.schema import MODALITIES, STATUSES
from ijmemo.text.quotes import mentions

CONTEXT_EVENT_KINDS = {"measure", "expedition"}
# Caps that keep the memo readable however large the corpus; the full lists are in the
# data export linked from the memo, and every capped list says how many it leaves out.
CHANGES_SHOWN = 12  # new claims listed in "what changed"
PER_SECTOR = 4  # initiatives per sector in "developments"
STATEMENTS = 4  # statements per initiative (the real maximum is 4)
EVENT_STATEMENTS = 7  # statements per meeting or visit (the real maximum is 7)
MEETINGS = 10  # meetings and visits
WATCH_ROWS = 20  # watchlist rows (overdue first)
CONTEXT_ITEMS = 10
NAMES_IN_BULLET = 6
SOURCES_LISTED = 25
WATCH_ORDER = {
    "overdue": 0,
    "due now": 1,
    "upcoming": 2,
    "no date reported": 3,
    "met": 4,
    "cancelled": 5,
}
OPEN_STATES = {"overdue", "due now", "upcoming", "no date reported"}

_env = Environment(
    loader=PackageLoader("ijmemo.memo", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
# The analyst's assessment is Markdown; raw HTML in it is escaped, not rendered.
_markdown = mistune.create_markdown(escape=True)


def _firmness(modalities: list[str]) -> str | None:
    """The qualifier of the firmest of these reports (None when one is a report of fact)."""
    return FIRMNESS.get(min(modalities, key=MODALITY_ORDER.index)) if modalities else None


class Memo:
    """One edition: the evidence filtered by the parameters, rendered section by section."""

    def __init__(
        self,
        tables: dict[str, pd.DataFrame],
        params: MemoParams,
        assessment: str = "",
        previous: dict | None = None,
    ):
        """`tables`: all the evidence (the processed tables); the memo keeps what was
        known on `params.as_of`. `previous`: the record of the edition before it."""
        self.params = params
        self.assessment = assessment
        self.previous = previous
        self._watchlist: pd.DataFrame | None = None
        all_sources = tables["sources"]
        self.undated = all_sources[all_sources.known_from.isna()].reset_index(drop=True)
        tables = evidence_as_of(tables, params.as_of)
        self.tables = tables
        self.sources = tables["sources"].set_index("source_id", drop=False)
        self.claims = tables["claims"].set_index("claim_id", drop=False)
        self.sector_labels = dict(
            zip(tables["sectors"].sector_id, tables["sectors"].label, strict=True)
        )
        self.country_names = dict(
            zip(tables["countries"].code, tables["countries"].name, strict=True)
        )
        self.actor_names = dict(zip(tables["actors"].actor_id, tables["actors"].name, strict=True))
        self.short_names = short_names(tables["actors"])
        self.citations = Citations(self.claims)
        # Row positions per subject; the slices are cut when asked for (8,000 subjects at scale).
        self._by_subject = self.claims.groupby("subject_id", sort=False).indices
        self.initiatives = self._select_initiatives()
        self.bilateral = self.initiatives[
            self.initiatives.parties.map(lambda p: set(params.countries) <= set(split(p)))
        ].reset_index(drop=True)
        self.events = self._select_events()

    @classmethod
    def build(
        cls, params: MemoParams, data_dir=None, edition_set: str | None = None, editions_dir=None
    ) -> Memo:
        """The memo for a parameter set, compared with the set's previous edition on record."""
        assessment = read_assessment(params.assessment_file)
        folder = EDITIONS_DIR if editions_dir is None else Path(editions_dir)
        previous = history.previous_record(folder, edition_set, params.as_of.isoformat())
        return cls(load_processed(data_dir), params, assessment, previous)

    # ------------------------------------------------------------ selection

    def _involves(self, codes: list[str]) -> bool:
        return bool(set(codes) & set(self.params.countries))

    def _select_initiatives(self) -> pd.DataFrame:
        frame = self.tables["initiatives"]
        keep = frame.parties.map(lambda p: self._involves(split(p)))
        return frame[keep].reset_index(drop=True)

    def _select_events(self) -> pd.DataFrame:
        """Events involving the countries, whose window meets the period (undated kept)."""
        frame = self.tables["events"]
        start, end = self.params.start.isoformat(), self.params.end.isoformat()
        in_period = frame.date_start.isna() | (
            (frame.date_start <= end) & (frame.date_end >= start)
        )
        involves = frame.countries.map(lambda c: self._involves(split(c)))
        return frame[in_period & involves].reset_index(drop=True)

    def sector_order(self) -> list[str]:
        """Focus sectors first, then the rest in taxonomy order."""
        focus = list(self.params.sectors)
        return focus + [s for s in self.sector_labels if s not in focus]

    def claims_about(self, subject_id: str) -> pd.DataFrame:
        rows = self._by_subject.get(subject_id)
        return self.claims.iloc[rows if rows is not None else []]

    def cite(self, claim_ids) -> Markup:
        ids = list(claim_ids)
        return self.citations.cite(ids) if ids else Markup("")

    def according_to(self, claim_ids) -> str:
        """ "according to officials" when the cited claims all rest on a speaker's words."""
        return according_to(self.claims, list(claim_ids), self.short_names)

    def read_from(self, claim_ids) -> str:
        """ "our reading of what officials said" when a status rests on speakers' words."""
        return read_from(self.claims, list(claim_ids), self.short_names)

    def status_text(self, status, claim_ids) -> str:
        """A status in words, with the speaker it is read from ("Scheduled, our reading of
        what officials said")."""
        said = self.read_from(claim_ids)
        return status_label(status) + (f", {said}" if said else "")

    @staticmethod
    def _lower_first(text: str) -> str:
        return text[:1].lower() + text[1:]

    def corroboration(self, subject_id: str, n_independent: int) -> str:
        """How firmly and how independently a subject is reported, in one sentence."""
        keys = {s["id"]: s["key"] for s in self.sources_used()}
        bases = dict(zip(self.sources.source_id, self.sources.rests_on, strict=True))
        return corroboration_text(
            self.claims_about(subject_id),
            keys,
            {k: value(v) for k, v in bases.items()},
            n_independent,
        )

    def _statements(self, subject_id: str, limit: int = STATEMENTS) -> list[dict]:
        """Each distinct statement about a subject, with its citation (at most `limit`)."""
        out: dict[str, list[str]] = OrderedDict()
        for claim in self.claims_about(subject_id).itertuples():
            out.setdefault(claim.statement, []).append(claim.claim_id)
        shown = [{"text": text, "cite": self.cite(ids)} for text, ids in list(out.items())[:limit]]
        if len(out) > limit:
            shown.append(
                {
                    "text": f"… and {len(out) - limit} more reports (see the data export).",
                    "cite": "",
                }
            )
        return shown

    # ------------------------------------------------------------ derived tables

    def watchlist(self) -> pd.DataFrame:
        """Every milestone known on the edition date, with its state on that date."""
        if self._watchlist is None:
            self._watchlist = self._milestone_states()
        return self._watchlist

    def _milestone_states(self) -> pd.DataFrame:
        names = dict(zip(self.initiatives.initiative_id, self.initiatives.name, strict=True))
        latest = current(self.tables["milestones"])
        latest = latest[latest.initiative_id.isin(names)]
        reports = self.claims[self.claims.milestone_id.notna()].groupby("milestone_id").claim_id
        rows = [
            {
                "milestone_id": m.milestone_id,
                "initiative_id": m.initiative_id,
                "initiative": names[m.initiative_id],
                "milestone": m.what,
                "due_text": value(m.due_text),
                "due_start": value(m.due_start),
                "due_end": value(m.due_end),
                "due_precision": value(m.due_precision),
                "moved_from": value(m.moved_from),
                "met_text": value(m.met_text),
                "met_start": value(m.met_start),
                "met_end": value(m.met_end),
                "state": milestone_state(m, self.params.as_of),
                "claim_ids": sorted(reports.get_group(m.milestone_id)),
            }
            for m in latest.itertuples()
        ]
        for row in rows:
            row["state_label"] = state_label(row)
        columns = ["milestone_id", "initiative_id", "initiative", "milestone", "due_text"]
        columns += ["due_start", "due_end", "due_precision", "moved_from", "met_text"]
        columns += ["met_start", "met_end", "state", "state_label", "claim_ids"]
        return pd.DataFrame(rows, columns=columns, dtype=object)  # object: keep None, not NaN

    def next_milestones(self) -> dict[str, dict]:
        """Per initiative, its next open milestone: the earliest due (undated last)."""
        watch = self.watchlist()
        open_ = watch[watch.state.isin(OPEN_STATES)]
        open_ = open_.assign(_due=open_.due_start.fillna("9999")).sort_values(
            ["_due", "milestone_id"], kind="stable"
        )
        return {
            r.initiative_id: r._asdict()
            for r in open_.drop_duplicates("initiative_id").itertuples()
        }

    def record(self) -> dict:
        """What this edition rests on and reports, for the set's edition history."""
        watch = self.watchlist()
        sources = self.tables["sources"]
        return history.record(
            self.params.model_dump(mode="json"),
            dict(zip(sources.source_id, sources.known_from, strict=True)),
            list(self.claims.claim_id),
            {
                i: s
                for i, s in zip(
                    self.initiatives.initiative_id, self.initiatives.status, strict=True
                )
                if value(s)
            },
            {
                w.milestone_id: {
                    "initiative": w.initiative_id,
                    "what": w.milestone,
                    "due": w.due_text,
                    "moved_from": w.moved_from,
                    "met": w.met_text,
                    "state": w.state,
                }
                for w in watch.itertuples()
            },
        )

    def primary_sector(self, sectors: list[str]) -> str:
        for sector in self.sector_order():
            if sector in sectors:
                return sector
        return sectors[0]

    # ------------------------------------------------------------ sections

    def _render(self, template: str, **context) -> Section:
        caps = {"names": NAMES_IN_BULLET, "sources": SOURCES_LISTED}
        html = _env.get_template(template).render(
            memo=self, params=self.params, caps=caps, **context
        )
        return Section(Markup(html))

    def title_block(self) -> Section:
        p = self.params
        focus = [self.sector_labels[s] for s in p.sectors]
        return self._render(
            "title.html.j2",
            focus=focus,
            countries=[self.country_names[c] for c in p.countries],
            sources=self.sources_used(),
            as_of=long_date(p.as_of),
            period=f"{long_date(p.start)} – {long_date(p.end)}",
        )

    def bottom_line(self) -> Section:
        return self._render("bluf.html.j2", bullets=self.bluf_bullets())

    @staticmethod
    def _listing(frame: pd.DataFrame, item) -> Markup:
        """At most NAMES_IN_BULLET items, '; '-joined, saying how many more there are."""
        text = Markup("; ").join(item(r) for r in frame.head(NAMES_IN_BULLET).itertuples())
        if len(frame) > NAMES_IN_BULLET:
            text += Markup("; and {} more").format(len(frame) - NAMES_IN_BULLET)
        return text

    def bluf_bullets(self) -> list[Markup]:
        """Three to five findings computed from the data, each cited."""
        bilateral = self.bilateral
        focus = set(self.params.sectors)
        if focus:
            bilateral = bilateral[bilateral.sectors.map(lambda s: bool(focus & set(split(s))))]
        watch = self.watchlist()
        if focus:
            watch = watch[watch.initiative_id.isin(bilateral.initiative_id)]
        bullets = self._status_bullets(bilateral) + self._watch_bullets(watch)
        bullets += self._china_measures_bullet()
        return bullets[:5]

    def _status_bullets(self, bilateral: pd.DataFrame) -> list[Markup]:
        """Initiatives agreed but not reported under way, then those under way."""
        bullets: list[Markup] = []
        new = bilateral[bilateral.status.isin(["proposed", "agreed", "scheduled"])]
        if len(new):
            items = self._listing(
                new,
                lambda r: Markup("{} ({}){}").format(
                    r.name,
                    self._lower_first(self.status_text(r.status, split(r.status_claims))),
                    self.cite(split(r.status_claims)),
                ),
            )
            sectors = sorted(
                {s for r in new.itertuples() for s in split(r.sectors)},
                key=self.sector_order().index,
            )
            bullets.append(
                Markup(
                    "<strong>Launched or agreed, none yet reported under way ({}):</strong> {}. Sectors: {}."
                ).format(len(new), items, ", ".join(self.sector_labels[s] for s in sectors))
            )
        running = bilateral[bilateral.status.isin(["being-implemented", "convened"])]
        if len(running):
            items = self._listing(
                running,
                lambda r: Markup("{}{}{}").format(
                    r.name,
                    f" ({said})" if (said := self.read_from(split(r.status_claims))) else "",
                    self.cite(split(r.status_claims)),
                ),
            )
            bullets.append(
                Markup("<strong>Under way ({}):</strong> {}.").format(len(running), items)
            )
        return bullets

    def _watch_bullets(self, watch: pd.DataFrame) -> list[Markup]:
        """Milestones overdue, due now and upcoming on the edition date."""
        bullets: list[Markup] = []
        for state, lead in (
            ("overdue", "Overdue as of {} with no reported follow-up"),
            ("due now", "Due now (as of {})"),
            ("upcoming", "Upcoming after {}"),
        ):
            rows = watch[watch.state == state]
            if len(rows):
                items = self._listing(
                    rows,
                    lambda r: Markup("{}, due {}{}{}").format(
                        r.milestone,
                        r.due_text or "(no date reported)",
                        f" ({said})" if (said := self.according_to(r.claim_ids)) else "",
                        self.cite(r.claim_ids),
                    ),
                )
                bullets.append(
                    Markup("<strong>{}:</strong> {}.").format(
                        lead.format(long_date(self.params.as_of)), items
                    )
                )
        return bullets

    def _china_measures_bullet(self) -> list[Markup]:
        """China's measures against Japan, as context (none when no source reports them)."""
        context = self.events[self.events.kind.isin(CONTEXT_EVENT_KINDS)]
        measures = context[context.countries.map(lambda c: "CN" in split(c))]
        if len(measures):
            statements = merge_statements(
                [s for e in measures.itertuples() for s in self._statements(e.event_id)]
            )
            items = Markup(" ").join(
                Markup("{}{}").format(s["text"], s["cite"]) for s in statements
            )
            return [
                Markup("<strong>Context, China's measures against Japan:</strong> {}").format(items)
            ]
        return []

    def developments(self) -> Section:
        """Initiatives grouped by their primary sector, focus sectors first, best corroborated
        first, at most PER_SECTOR each (citations are made only for what is shown)."""
        upcoming = self.next_milestones()
        inis = self.bilateral.assign(
            _sector=self.bilateral.sectors.map(lambda s: self.primary_sector(split(s))),
            _claims=self.bilateral.initiative_id.map(lambda i: len(self.claims_about(i))),
        )
        inis = inis.sort_values(
            ["n_independent", "n_firm", "_claims", "name"],
            ascending=[False, False, False, True],
            kind="stable",
        )
        concerned = {s for cell in inis.sectors for s in split(cell)}
        sections, quiet, elsewhere = [], [], []
        for sector in self.sector_order():
            group = inis[inis._sector == sector]
            if group.empty:
                label = self.sector_labels[sector]
                (elsewhere if sector in concerned else quiet).append(label)
                continue
            items = [
                {
                    "name": ini.name,
                    "status": self.status_text(ini.status, split(ini.status_claims)),
                    "status_cite": self.cite(split(ini.status_claims)),
                    "milestone": upcoming.get(ini.initiative_id, {}).get("milestone"),
                    "due_text": upcoming.get(ini.initiative_id, {}).get("due_text"),
                    "statements": self._statements(ini.initiative_id),
                    "other_sectors": [
                        self.sector_labels[s] for s in split(ini.sectors) if s != sector
                    ],
                    "corroboration": self.corroboration(ini.initiative_id, int(ini.n_independent)),
                }
                for ini in group.head(PER_SECTOR).itertuples()
            ]
            sections.append(
                {
                    "label": self.sector_labels[sector],
                    "focus": sector in self.params.sectors,
                    "items": items,
                    "more": max(0, len(group) - PER_SECTOR),
                }
            )
        return self._render(
            "developments.html.j2", sections=sections, quiet=quiet, elsewhere=elsewhere
        )

    def meetings(self) -> Section:
        """Meetings and visits in date order, the latest `MEETINGS` of them (undated last)."""
        frame = self.events[~self.events.kind.isin(CONTEXT_EVENT_KINDS)]
        frame = frame.sort_values(["date_start", "event_id"], na_position="last")
        dated = frame[frame.date_start.notna()]
        shown = pd.concat([dated.tail(MEETINGS), frame[frame.date_start.isna()]]).head(MEETINGS)
        items = [
            {
                "title": e.title,
                "when": window_text(value(e.date_start), value(e.date_end), e.date_precision),
                "when_firmness": self.date_firmness(e),
                "when_from": self._date_sources(e),
                "location": value(e.location),
                "location_firmness": self._location_firmness(e),
                "location_from": self._location_sources(e),
                "statements": self._statements(e.event_id, EVENT_STATEMENTS),
                "corroboration": self.corroboration(e.event_id, int(e.n_independent)),
            }
            for e in shown.itertuples()
        ]
        return self._render("meetings.html.j2", items=items, more=len(frame) - len(shown))

    def date_firmness(self, event) -> str | None:
        """ "planned", "possible" …: how firmly the firmest claim giving the event's date
        reports it (a later report that it was held outranks the plan)."""
        if not value(event.date_claim):
            return None
        about = self.claims_about(event.event_id)
        window = (event.date_start, event.date_end)
        dating = [c.modality for c in about.itertuples() if (c.date_start, c.date_end) == window]
        return _firmness([*dating, self.claims.loc[event.date_claim, "modality"]])

    def _location_firmness(self, event) -> str | None:
        """How firmly the firmest claim that names the event's place reports it."""
        if not value(event.location):
            return None
        about = self.claims_about(event.event_id)
        placing = [c.modality for c in about.itertuples() if mentions(c.quote, event.location)]
        return _firmness(placing)  # none: the place comes from the dateline (its note says so)

    def _keys(self) -> dict[str, str]:
        return {s["id"]: s["key"] for s in self.sources_used()}

    def _date_sources(self, event) -> str | None:
        """Where an event's date comes from, when other sources report the event too."""
        if not value(event.date_claim):
            return None
        keys = self._keys()
        own = keys[self.claims.loc[event.date_claim, "source_id"]]
        if value(event.date_anchor):
            return f"days from {own}, year from {keys[event.date_anchor]}'s date"
        if int(event.n_sources) < 2:
            return None
        # Which sources give this same window: "S2 only" only when it is so.
        about = self.claims_about(event.event_id)
        window = (event.date_start, event.date_end)
        dating = sorted(
            {c.source_id for c in about.itertuples() if (c.date_start, c.date_end) == window}
        )
        if len(dating) < about.source_id.nunique():
            return ", ".join(keys[s] for s in dating) + " only"
        return None

    def _location_sources(self, event) -> str | None:
        """Which sources give the place, when others report the event without it."""
        if not value(event.location) or int(event.n_sources) < 2:
            return None
        about = self.claims_about(event.event_id)
        placing = sorted(
            {c.source_id for c in about.itertuples() if mentions(c.quote, event.location)}
        )
        if len(placing) < about.source_id.nunique():
            return ", ".join(self._keys()[s] for s in placing) + " only"
        return None

    def watchlist_section(self) -> Section:
        watch = self.watchlist()
        order = watch.state.map(WATCH_ORDER)
        watch = watch.assign(_o=order).sort_values(
            ["_o", "due_end", "initiative"], na_position="last"
        )
        shown = watch.head(WATCH_ROWS)
        rows = [
            {
                "initiative": r.initiative,
                "milestone": r.milestone,
                "due_text": r.due_text or "not reported",
                "said": self.according_to(r.claim_ids),
                "window": window_text(r.due_start, r.due_end, r.due_precision),
                "state": r.state,
                "state_label": r.state_label,
                "cite": self.cite(r.claim_ids),
            }
            for r in shown.itertuples()
        ]
        more = len(watch) - len(shown)
        return self._render(
            "watchlist.html.j2", rows=rows, as_of=long_date(self.params.as_of), more=more
        )

    def context(self) -> Section:
        """Third-country measures and initiatives, and the framing sources give."""
        events = self.events[self.events.kind.isin(CONTEXT_EVENT_KINDS)]
        third = self.initiatives[~self.initiatives.initiative_id.isin(self.bilateral.initiative_id)]
        entries: list[tuple[str, list[str]]] = []  # (title, subject ids), cited only if shown
        # Measures by one country read as one paragraph, not one per measure.
        measures = events[events.kind == "measure"]
        by_country = measures.groupby(measures.countries.map(lambda c: split(c)[0]), sort=True)
        for code, group in by_country:
            entries.append((f"Measures by {self.country_names[code]}", list(group.event_id)))
        entries += [(e.title, [e.event_id]) for e in events[events.kind != "measure"].itertuples()]
        entries += [(i.name, [i.initiative_id]) for i in third.itertuples()]
        entries += [(t.title, [t.topic_id]) for t in self.tables["topics"].itertuples()]
        items = [
            {"title": title, "statements": self._statements_for(ids)}
            for title, ids in entries[:CONTEXT_ITEMS]
        ]
        more = max(0, len(entries) - CONTEXT_ITEMS)
        return self._render("context.html.j2", items=items, more=more)

    def _statements_for(self, subject_ids: list[str], limit: int = STATEMENTS) -> list[dict]:
        """Statements about several subjects together, at most `limit`."""
        out: list[dict] = []
        for sid in subject_ids:
            out += self._statements(sid, limit)
            if len(out) >= limit:
                break
        return merge_statements(out[:limit])

    def assessment_section(self) -> Section:
        html = Markup(_markdown(self.assessment)) if self.assessment.strip() else None
        return self._render("assessment.html.j2", body=html)

    def sources_used(self) -> list[dict]:
        rows = []
        for number, s in enumerate(self.sources.itertuples(), start=1):
            fields = {"outlet": s.outlet, "publication date": s.published, "URL": s.url}
            bound = value(s.not_before)
            rows.append(
                {
                    "key": f"S{number}",
                    "unknown": [name for name, v in fields.items() if not value(v)],
                    "id": s.source_id,
                    "label": value(s.title) or s.description,
                    "titled": bool(value(s.title)),
                    "outlet": value(s.outlet),
                    "published": value(s.published),
                    "not_before": long_date(bound) if bound else None,
                    "not_before_why": value(s.not_before_why),
                    "url": value(s.url),
                    "dateline": value(s.dateline),
                    "kind": s.kind,
                    "sha256": s.sha256,
                    "syndicated_with": s.syndication_group
                    if s.syndication_group != s.source_id
                    else None,
                    "n_claims": int(s.n_claims),
                    "rests_on": value(s.rests_on),
                    "reliability": s.reliability,
                    "reliability_note": s.reliability_note,
                }
            )
        return rows

    def conflicts(self) -> list[dict]:
        """Facts the sources report differently, each side cited."""
        out = []
        for c in self.tables["conflicts"].itertuples():
            ids = split(c.claim_ids)
            keys = self._keys()
            grouped: dict[tuple[str, str], list[str]] = OrderedDict()
            for i in ids:
                claim = self.claims.loc[i]
                side = (keys[claim.source_id], self._conflict_value(c.field, claim))
                grouped.setdefault(side, []).append(i)
            sides = [
                {"source": key, "value": val, "cite": self.cite(cids)}
                for (key, val), cids in grouped.items()
            ]
            kind = self._subject_title(c.subject_id)
            out.append(
                {
                    "subject": kind,
                    "field": c.field,
                    "factual": c.field in FACTUAL,
                    "sides": sides,
                }
            )
        return out

    @staticmethod
    def _conflict_value(field_name: str, claim) -> str:
        if field_name == "characterisation":
            return MODALITIES[claim.modality].split(" (")[0]
        if field_name == "framing":
            if claim.framing == "new":
                return "called new"
            when = value(claim.date_text)
            return "said to have been agreed earlier" + (f" ({when})" if when else "")
        column = {"date": "date_text", "due": "date_text"}.get(field_name, field_name)
        return claim[column]

    def _subject_title(self, subject_id: str) -> str:
        for table, key, col in (
            ("events", "event_id", "title"),
            ("initiatives", "initiative_id", "name"),
            ("topics", "topic_id", "title"),
        ):
            frame = self.tables[table]
            hit = frame[frame[key] == subject_id]
            if len(hit):
                return hit.iloc[0][col]
        return subject_id

    def sources_and_method(self, data_link: str | None = "data/datapackage.json") -> Section:
        sources = self.sources_used()
        keys = {s["id"]: s["key"] for s in sources}
        return self._render(
            "sources.html.j2",
            sources=sources,
            keys=keys,
            n_claims=len(self.claims),
            statuses=STATUSES,
            modalities=MODALITIES,
            conflicts=self.conflicts(),
            as_of=long_date(self.params.as_of),
            undated=[value(u.title) or u.description for u in self.undated.itertuples()],
            data_link=data_link,
        )

    def changes(self) -> Section:
        """What changed since the latest edition of this parameter set dated before this one."""
        if not self.previous:
            return self._render("changes.html.j2", previous=None)
        diff = history.compare(self.previous, self.record())
        sources = {s["id"]: s for s in self.sources_used()}
        names = dict(zip(self.initiatives.initiative_id, self.initiatives.name, strict=True))
        status_claims = dict(
            zip(self.initiatives.initiative_id, self.initiatives.status_claims, strict=True)
        )
        watch = self.watchlist().set_index("milestone_id")
        claims = [
            {"text": self.claims.loc[c, "statement"], "cite": self.cite([c])}
            for c in diff["new_claims"]
        ]

        def milestones(ids: list[str]) -> list[dict]:
            return [
                {
                    "what": watch.loc[m, "milestone"],
                    "due": watch.loc[m, "due_text"] or "no date reported",
                    "moved_from": watch.loc[m, "moved_from"],
                    "state": watch.loc[m, "state_label"],
                    "cite": self.cite(watch.loc[m, "claim_ids"]),
                }
                for m in ids
                if m in watch.index
            ]

        return self._render(
            "changes.html.j2",
            previous=long_date(self.previous["as_of"]),
            new_sources=[sources[s] for s in diff["new_sources"] if s in sources],
            late_sources=[sources[s] for s in diff["late_sources"] if s in sources],
            new_claims=claims[:CHANGES_SHOWN],
            more_claims=max(0, len(claims) - CHANGES_SHOWN),
            status_changes=[
                {
                    "name": names.get(i, i),
                    "old": status_label(a),
                    "new": status_label(b),
                    "cite": self.cite(split(status_claims.get(i))),
                }
                for i, a, b in diff["status_changes"]
            ],
            new_milestones=milestones(diff["new_milestones"]),
            postponed=milestones(diff["postponed"]),
            met=milestones(diff["became_met"]),
            overdue=milestones(diff["became_overdue"]),
            cancelled=milestones(diff["became_cancelled"]),
        )

    def endnotes(self) -> Section:
        notes = self.citations.notes()
        sources = {s["id"]: s for s in self.sources_used()}
        details = {
            n.number: [
                {
                    "ids": ids,
                    "line": line,
                    "grade": grade,
                }
                for (line, grade), ids in self._note_details(n.claim_ids).items()
            ]
            for n in notes
        }
        return self._render("endnotes.html.j2", notes=notes, sources=sources, details=details)

    def _note_details(self, claim_ids: list[str]) -> dict[tuple[str, str], list[str]]:
        """Per distinct (attribution, credibility) of a note's claims, the claims with it."""
        out: dict[tuple[str, str], list[str]] = OrderedDict()
        for cid in claim_ids:
            claim = self.claims.loc[cid]
            line = attribution_line(claim, self.short_names)
            grade = f"credibility {claim.credibility}, {claim.credibility_note}"
            out.setdefault((line, grade), []).append(cid)
        return out


def notebook_params(**values) -> MemoParams:
    """Validate the notebook's parameter cell values (the CLI has checked them already)."""
    from ijmemo.memo.params import check_params

    tables_dir = DataPaths.at(values.pop("data_dir", None)).processed
    sectors = pd.read_csv(Path(tables_dir) / "sectors.csv", dtype=str).sector_id.tolist()
    countries = pd.read_csv(Path(tables_dir) / "countries.csv", dtype=str).code.tolist()
    return check_params(values, sectors, countries, source="the notebook's parameters")
