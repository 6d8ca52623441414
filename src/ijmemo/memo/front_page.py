"""The memo's front page: the title block, what changed since the last edition, the bottom line."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from ijmemo.memo import history
from ijmemo.memo.citations import Section
from ijmemo.memo.edition import CONTEXT_EVENT_KINDS
from ijmemo.memo.rendering import Rendering
from ijmemo.memo.wording import long_date, merge_statements, status_label
from ijmemo.metadata.cells import split_cell

CHANGES_SHOWN = 12  # new claims listed in "what changed"


class FrontPage(Rendering):
    """Sections read first: what the edition is, what changed, what it comes to."""

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
                    "cite": self.cite(split_cell(status_claims.get(i))),
                }
                for i, a, b in diff["status_changes"]
            ],
            new_milestones=milestones(diff["new_milestones"]),
            postponed=milestones(diff["postponed"]),
            met=milestones(diff["became_met"]),
            overdue=milestones(diff["became_overdue"]),
            cancelled=milestones(diff["became_cancelled"]),
        )

    def bottom_line(self) -> Section:
        return self._render("bluf.html.j2", bullets=self.bluf_bullets())

    def bluf_bullets(self) -> list[Markup]:
        """Three to five findings computed from the data, each cited."""
        bilateral = self.bilateral
        focus = set(self.params.sectors)
        if focus:
            bilateral = bilateral[bilateral.sectors.map(lambda s: bool(focus & set(split_cell(s))))]
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
                    self._lower_first(self.status_text(r.status, split_cell(r.status_claims))),
                    self.cite(split_cell(r.status_claims)),
                ),
            )
            sectors = sorted(
                {s for r in new.itertuples() for s in split_cell(r.sectors)},
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
                    f" ({said})" if (said := self.read_from(split_cell(r.status_claims))) else "",
                    self.cite(split_cell(r.status_claims)),
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
        measures = context[context.countries.map(lambda c: "CN" in split_cell(c))]
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
