"""The memo's analysis: developments by sector, meetings and visits, the wider context, the
analyst's assessment. Each statement is made once; its evidence is in the annex."""

from __future__ import annotations

import mistune
import pandas as pd
from markupsafe import Markup

from ijmemo.memo.citations import Section
from ijmemo.memo.edition import CONTEXT_EVENT_KINDS
from ijmemo.memo.rendering import Rendering
from ijmemo.memo.wording import listed, long_date, value, window_text
from ijmemo.metadata.cells import split_cell
from ijmemo.text.quotes import mentions

PER_SECTOR = 4  # initiatives per sector in "developments"
EVENT_STATEMENTS = 4  # statements per meeting or visit; the rest are in the data export
MEETINGS = 10  # meetings and visits
CONTEXT_ITEMS = 6  # the rest are in the data export

# The analyst's assessment is Markdown; raw HTML in it is escaped, not rendered.
_markdown = mistune.create_markdown(escape=True)


def _written(assessment) -> str:
    return long_date(assessment.written) if assessment.written else "date not given"


class Body(Rendering):
    """Sections that give the detail, each item cited."""

    def developments(self) -> Section:
        """Initiatives grouped by their primary sector, focus sectors first, best corroborated
        first, at most PER_SECTOR each (citations are made only for what is shown)."""
        inis = self.bilateral.assign(
            _sector=self.bilateral.sectors.map(lambda s: self.primary_sector(split_cell(s))),
            _claims=self.bilateral.initiative_id.map(self.n_claims_about),
        )
        inis = inis.sort_values(
            ["n_independent", "n_firm", "_claims", "name"],
            ascending=[False, False, False, True],
            kind="stable",
        )
        concerned = {s for cell in inis.sectors for s in split_cell(cell)}
        sections, quiet, elsewhere = [], [], []
        for sector in self.sector_order():
            group = inis[inis._sector == sector]
            if group.empty:
                label = self.sector_labels[sector]
                (elsewhere if sector in concerned else quiet).append(label)
                continue
            items = [
                self._initiative_item(ini, sector) for ini in group.head(PER_SECTOR).itertuples()
            ]
            sections.append(
                {
                    "label": self.sector_labels[sector],
                    "focus": sector in self.params.sectors,
                    "items": items,
                    "more": max(0, len(group) - PER_SECTOR),
                }
            )
        speakers = [s for sec in sections for i in sec["items"] for s in i["speakers"]]
        return self._render(
            "developments.html.j2",
            sections=sections,
            quiet=quiet,
            elsewhere=elsewhere,
            speakers=listed(dict.fromkeys(speakers)),
        )

    def _initiative_item(self, ini, sector: str) -> dict:
        """One initiative: its status (marked when read from a speaker), what the sources
        say not said before, and the corroboration where it tells the reader something."""
        ids = split_cell(ini.status_claims)
        return {
            "name": ini.name,
            "status": self.status_text(ini.status, ids),
            "speakers": self.speakers_of(ids),
            "status_cite": self.cite(ids),
            "statements": self._statements(ini.initiative_id),
            "other_sectors": [
                self.sector_labels[s] for s in split_cell(ini.sectors) if s != sector
            ],
            "corroboration": self.corroboration_if_telling(
                ini.initiative_id, int(ini.n_independent)
            ),
        }

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
                "location_firmness": self.location_firmness(e),
                "location_from": self._location_sources(e),
                "statements": self._statements(e.event_id, EVENT_STATEMENTS),
                "corroboration": self.corroboration_if_telling(e.event_id, int(e.n_independent)),
            }
            for e in shown.itertuples()
        ]
        return self._render("meetings.html.j2", items=items, more=len(frame) - len(shown))

    def _date_sources(self, event) -> str | None:
        """Where an event's date comes from, when other sources report the event too."""
        if not value(event.date_claim):
            return None
        keys = self.source_keys()
        own = keys[self.claims.loc[event.date_claim, "source_id"]]
        before = value(getattr(event, "ends_before_claim", None))
        ends = (
            f"; ends by the {self.subject_title(event.ends_before)} ({keys[self.claims.loc[before, 'source_id']]})"
            if before
            else ""
        )
        if value(event.date_anchor):
            return f"days from {own}, year from {keys[event.date_anchor]}'s date{ends}"
        if ends:
            return f"from {own}{ends}"
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
            return ", ".join(self.source_keys()[s] for s in placing) + " only"
        return None

    def context(self) -> Section:
        """Third-country measures and initiatives, and the framing sources give."""
        events = self.events[self.events.kind.isin(CONTEXT_EVENT_KINDS)]
        third = self.initiatives[~self.initiatives.initiative_id.isin(self.bilateral.initiative_id)]
        entries: list[tuple[str, list[str]]] = []  # (title, subject ids), cited only if shown
        # Measures by one country read as one paragraph, not one per measure.
        measures = events[events.kind == "measure"]
        by_country = measures.groupby(measures.countries.map(lambda c: split_cell(c)[0]), sort=True)
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

    def assessment_section(self) -> Section:
        """The assessment after its key judgement (which is on page 1), when it goes on."""
        a = self.assessment
        if a is None or not a.rest:
            return self._render("assessment.html.j2", body=None, written=None)
        return self._render(
            "assessment.html.j2", body=Markup(_markdown(a.rest)), written=_written(a)
        )
