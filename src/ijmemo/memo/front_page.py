"""What the memo says first: page 1 (the brief), what changed since the last edition, and
where each initiative stands (the tracker)."""

from __future__ import annotations

from markupsafe import Markup

from ijmemo.memo import history
from ijmemo.memo.brief import Cited, brief_of, happened_text, judgement_label, judgement_text
from ijmemo.memo.citations import Section
from ijmemo.memo.rendering import Rendering
from ijmemo.memo.tracker import tracker_of
from ijmemo.memo.wording import listed, long_date, short_date, status_label, window_text
from ijmemo.metadata.cells import split_cell

TRACKER_ROWS = 15  # initiatives in the memo's tracker; tracker.csv has them all
CHANGES_SHOWN = 12  # subjects with new claims listed in "what changed"


class FrontPage(Rendering):
    """Sections read first: page 1 (the brief), then what changed since the last edition."""

    def brief(self) -> Section:
        """Page 1: what happened, the key judgement, what to watch, how current the evidence
        is and what changed since the last edition."""
        b = brief_of(self, self.assessment, self.previous)

        def cited(item: Cited) -> Markup:
            mark = Markup("†") if item.speakers else ""
            return Markup("{}{}{}").format(item.text, mark, self.cite(item.claim_ids))

        p = self.params
        return self._render(
            "brief.html.j2",
            as_of=long_date(p.as_of),
            audience=p.audience[:1].lower() + p.audience[1:]
            if p.audience[1:2].islower()  # "Policy analysts…", not "MEA desk"
            else p.audience,
            focus=[self.sector_labels[s] for s in p.sectors],
            countries=[self.country_names[c] for c in p.countries],
            period=window_text(p.start.isoformat(), p.end.isoformat(), "day"),
            happened=happened_text(b, cited, Markup),
            judgement_label=judgement_label(b.judgement),
            judgement=judgement_text(b),
            watch=[cited(item) for item in b.watch],
            evidence=b.evidence,
            since=b.since,
            speakers=listed(b.speakers),
            more_watch=b.more_watch,
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
        # New claims by subject: their statements are in the sections below, stated once.
        subjects: dict[str, list[str]] = {}
        for c in diff["new_claims"]:
            subjects.setdefault(self.claims.loc[c, "subject_id"], []).append(c)
        reports = [
            {"subject": self.subject_title(s), "n": len(ids), "cite": self.cite(ids)}
            for s, ids in subjects.items()
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
            new_reports=reports[:CHANGES_SHOWN],
            n_claims=len(diff["new_claims"]),
            more_subjects=max(0, len(reports) - CHANGES_SHOWN),
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
            unchecked=milestones(diff["became_unchecked"]),
            cancelled=milestones(diff["became_cancelled"]),
        )

    def tracker_section(self) -> Section:
        """Where each initiative stands: status, next step and window, newest report, and
        what moved since the last edition (the same rows as tracker.csv)."""
        keys = self.source_keys()
        steps = self.next_milestones()
        claims_of = dict(
            zip(self.bilateral.initiative_id, self.bilateral.status_claims, strict=True)
        )
        rows = []
        tracker = tracker_of(self, self.previous)
        # Open windows first, the soonest to close first; then the rest by name.
        order = tracker.assign(_open=tracker.due_end.isna(), _due=tracker.due_end.fillna(""))
        tracker = order.sort_values(["_open", "_due", "name"], kind="stable")
        more = max(0, len(tracker) - TRACKER_ROWS)
        tracker = tracker.head(TRACKER_ROWS)
        for r in tracker.itertuples():
            step = steps.get(r.initiative_id)
            status_claims = split_cell(claims_of[r.initiative_id])
            rows.append(
                {
                    "name": r.name,
                    "status": self.status_text(r.status, status_claims),
                    "status_cite": self.cite(status_claims),
                    "step": step["milestone"] if step else None,
                    "window": step["state_label"] if step else None,
                    "step_cite": self.cite(step["claim_ids"]) if step else "",
                    "newest": keys.get(r.latest_source),
                    "newest_on": short_date(r.latest_known_from) if r.latest_known_from else None,
                    "since": r.since_last_edition,
                }
            )
        speakers = listed(
            dict.fromkeys(
                s for i in tracker.initiative_id for s in self.speakers_of(split_cell(claims_of[i]))
            )
        )
        return self._render(
            "tracker.html.j2",
            rows=rows,
            compared=self.previous is not None,
            speakers=speakers,
            more=more,
        )
