"""What one edition knows: the evidence as of its date, selected by its parameters.

An `Edition` dated D sees only `evidence_as_of(tables, D)`: sources known by D, their
claims, and the statuses, milestones and conflicts derived from those claims alone;
of those, the initiatives and events that involve the parameter set's countries and
period. It answers what the sections and charts ask (the watchlist on D, each
initiative's next milestone, how firmly an event's date is reported, the sources used)
and the record the edition leaves for the next one; it lays out no section.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

import pandas as pd

from ijmemo.evidence.as_of import KnownOn, known_on
from ijmemo.evidence.changelogs import current, milestone_state
from ijmemo.memo import history
from ijmemo.memo.params import MemoParams
from ijmemo.memo.provenance import according_to, short_names, speakers_of
from ijmemo.memo.wording import FIRMNESS, MODALITY_ORDER, long_date, state_label, value
from ijmemo.metadata.cells import split_cell
from ijmemo.metadata.vocabularies import OPEN_STATES
from ijmemo.text.quotes import mentions

CONTEXT_EVENT_KINDS = {"measure", "expedition"}


def _firmness(modalities: list[str]) -> str | None:
    """The qualifier of the firmest of these reports (None when one is a report of fact)."""
    return FIRMNESS.get(min(modalities, key=MODALITY_ORDER.index)) if modalities else None


class Edition:
    """The evidence an edition knows, filtered by its parameters."""

    def __init__(
        self,
        tables: dict[str, pd.DataFrame] | KnownOn,
        params: MemoParams,
    ):
        """`tables`: all the evidence (the processed tables), of which the edition keeps
        what was known on `params.as_of`, or that already (`known_on`)."""
        self.params = params
        self._watchlist: pd.DataFrame | None = None
        known = tables if isinstance(tables, KnownOn) else known_on(tables, params.as_of)
        self.undated = known.undated
        tables = known.tables
        self.tables = tables
        self.sources = tables["sources"].set_index("source_id", drop=False)
        known = self.sources.known_from.dropna()
        # How far the evidence reaches: the day the newest source became known (None: none).
        self.evidence_until = date.fromisoformat(max(known)) if len(known) else None
        self.claims = tables["claims"].set_index("claim_id", drop=False)  # (its lookups below)
        self.sector_labels = dict(
            zip(tables["sectors"].sector_id, tables["sectors"].label, strict=True)
        )
        self.country_names = dict(
            zip(tables["countries"].code, tables["countries"].name, strict=True)
        )
        self.actor_names = dict(zip(tables["actors"].actor_id, tables["actors"].name, strict=True))
        self.short_names = short_names(tables["actors"])
        self.initiatives = self._select_initiatives()
        both = self.initiatives.parties.map(lambda p: set(params.countries) <= set(split_cell(p)))
        self.bilateral = self.initiatives[both.astype(bool)].reset_index(drop=True)
        self.events = self._select_events()

    # Lookups over the claims the sections ask thousands of times (dicts, not DataFrame
    # rows), derived from `claims` when first asked and again when `claims` is replaced.
    _CLAIM_LOOKUPS = ("_by_subject", "_said_by", "_modality", "_dating", "newest_claim")

    @property
    def claims(self) -> pd.DataFrame:
        return self._claims

    @claims.setter
    def claims(self, frame: pd.DataFrame) -> None:
        self._claims = frame
        for name in self._CLAIM_LOOKUPS:
            self.__dict__.pop(name, None)

    @cached_property
    def _by_subject(self) -> dict:
        """Row positions per subject; slices are cut when asked for (8,000 subjects at scale)."""
        return self.claims.groupby("subject_id", sort=False).indices

    @cached_property
    def _said_by(self) -> dict[str, str]:
        return dict(zip(self.claims.claim_id, self.claims.said_by, strict=True))

    @cached_property
    def _modality(self) -> dict[str, str]:
        return dict(zip(self.claims.claim_id, self.claims.modality, strict=True))

    def evidence_age(self) -> int | None:
        """Days from the newest source to the edition date (None: no dated source)."""
        until = self.evidence_until
        return (self.params.as_of - until).days if until else None

    def added_since_previous(self, previous_as_of: str | None) -> list[str]:
        """The sources this edition has that one dated `previous_as_of` did not know."""
        if previous_as_of is None:
            return list(self.sources.source_id)
        later = self.sources.known_from.fillna("") > previous_as_of
        return list(self.sources.source_id[later])

    def according_to(self, claim_ids) -> str:
        """ "according to officials" when the cited claims all rest on a speaker's words."""
        return according_to(self._said_by, list(claim_ids), self.short_names)

    def speakers_of(self, claim_ids) -> list[str]:
        """Whose words the cited claims all rest on ([] when one is the report's own voice)."""
        return speakers_of(self._said_by, list(claim_ids), self.short_names)

    def _involves(self, codes: list[str]) -> bool:
        return bool(set(codes) & set(self.params.countries))

    def _select_initiatives(self) -> pd.DataFrame:
        frame = self.tables["initiatives"]
        keep = frame.parties.map(lambda p: self._involves(split_cell(p))).astype(bool)
        return frame[keep].reset_index(drop=True)

    def _select_events(self) -> pd.DataFrame:
        """Events involving the countries, whose window meets the period (undated kept)."""
        frame = self.tables["events"]
        start, end = self.params.start.isoformat(), self.params.end.isoformat()
        in_period = frame.date_start.isna() | (
            (frame.date_start <= end) & (frame.date_end >= start)
        )
        involves = frame.countries.map(lambda c: self._involves(split_cell(c))).astype(bool)
        return frame[in_period & involves].reset_index(drop=True)

    def sector_order(self) -> list[str]:
        """Focus sectors first, then the rest in taxonomy order."""
        focus = list(self.params.sectors)
        return focus + [s for s in self.sector_labels if s not in focus]

    def primary_sector(self, sectors: list[str]) -> str:
        for sector in self.sector_order():
            if sector in sectors:
                return sector
        return sectors[0]

    def claims_about(self, subject_id: str) -> pd.DataFrame:
        rows = self._by_subject.get(subject_id)
        return self.claims.iloc[rows if rows is not None else []]

    def first_known(self, subject_ids) -> dict[str, str]:
        """Subject -> the day its first report became known (subjects none of whose claims
        has a known_from are left out)."""
        known = self.claims.known_from.to_numpy()
        out = {}
        for subject in subject_ids:
            days = [d for d in known[self._by_subject.get(subject, [])] if isinstance(d, str)]
            if days:
                out[subject] = min(days)
        return out

    def n_claims_about(self, subject_id: str) -> int:
        return len(self._by_subject.get(subject_id, ()))

    @cached_property
    def _dating(self) -> dict[str, list[tuple]]:
        """Subject -> (date_start, date_end, modality) of each of its claims, in order."""
        out: dict[str, list[tuple]] = {}
        columns = ("subject_id", "date_start", "date_end", "modality")
        for subject, *row in zip(*(self.claims[c] for c in columns), strict=True):
            out.setdefault(subject, []).append(tuple(row))
        return out

    @cached_property
    def newest_claim(self) -> dict[str, tuple[str, str | None]]:
        """Subject -> (source id, known from) of its newest claim (latest known_from, then
        source id; undated last)."""
        ordered = self.claims.sort_values(["known_from", "source_id"], kind="stable")
        last = ordered.groupby("subject_id", sort=False).tail(1)
        return {
            s: (src, known)
            for s, src, known in zip(last.subject_id, last.source_id, last.known_from, strict=True)
        }

    def watchlist(self) -> pd.DataFrame:
        """Every milestone known on the edition date, with its state on that date."""
        if self._watchlist is None:
            self._watchlist = self._milestone_states()
        return self._watchlist

    def _milestone_states(self) -> pd.DataFrame:
        names = dict(zip(self.initiatives.initiative_id, self.initiatives.name, strict=True))
        latest = current(self.tables["milestones"])
        latest = latest[latest.initiative_id.isin(names)]
        reports: dict[str, list[str]] = {}  # milestone -> the claims reporting it
        dated = self.claims[self.claims.milestone_id.notna()]
        for mid, cid in zip(dated.milestone_id, dated.claim_id, strict=True):
            reports.setdefault(mid, []).append(cid)
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
                "state": milestone_state(m, self.params.as_of, self.evidence_until),
                "evidence_until": self.evidence_until,
                "claim_ids": sorted(reports[m.milestone_id]),
            }
            for m in latest.itertuples()
        ]
        for row in rows:
            row["state_label"] = state_label(row)
        columns = ["milestone_id", "initiative_id", "initiative", "milestone", "due_text"]
        columns += ["due_start", "due_end", "due_precision", "moved_from", "met_text"]
        columns += ["met_start", "met_end", "state", "evidence_until", "state_label", "claim_ids"]
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

    def date_firmness(self, event) -> str | None:
        """ "planned", "possible" …: how firmly the firmest claim giving the event's date
        reports it (a later report that it was held outranks the plan)."""
        if not value(event.date_claim):
            return None
        window = (event.date_start, event.date_end)
        dating = [m for *dates, m in self._dating.get(event.event_id, []) if tuple(dates) == window]
        return _firmness([*dating, self._modality[event.date_claim]])

    def location_firmness(self, event) -> str | None:
        """How firmly the firmest claim that names the event's place reports it."""
        if not value(event.location):
            return None
        about = self.claims_about(event.event_id)
        placing = [c.modality for c in about.itertuples() if mentions(c.quote, event.location)]
        return _firmness(placing)  # none: the place comes from the dateline (its note says so)

    def sources_used(self) -> list[dict]:
        """Every source the edition knows, numbered S1, S2 … in order, with what is
        known and unknown about it (the rows are made once; do not change them)."""
        return self._sources_used

    @cached_property
    def _sources_used(self) -> list[dict]:
        rows = []
        for number, s in enumerate(self.sources.itertuples(), start=1):
            # what the analyst established counts as known, said as theirs where shown
            fields = {
                "outlet": value(s.outlet) or value(s.outlet_identified),
                "publication date": s.published,
                "URL": value(s.url) or value(s.url_identified),
            }
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
                    "outlet_identified": value(s.outlet_identified),
                    "url_identified": value(s.url_identified),
                    "identified_by": value(s.identified_by),
                    "identified_on": long_date(value(s.identified_on))
                    if value(s.identified_on)
                    else None,
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

    def source_keys(self) -> dict[str, str]:
        return self._source_keys

    @cached_property
    def _source_keys(self) -> dict[str, str]:
        return {s["id"]: s["key"] for s in self.sources_used()}

    def subject_title(self, subject_id: str) -> str:
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
