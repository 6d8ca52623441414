"""The memo's annex: sources and method, the conflicts between sources, the endnotes."""

from __future__ import annotations

from collections import OrderedDict

from ijmemo.evidence.corroboration import CREDIBILITY_RULE, MATCHING
from ijmemo.memo.citations import Section
from ijmemo.memo.provenance import attribution_line
from ijmemo.memo.rendering import Rendering
from ijmemo.memo.wording import long_date, value
from ijmemo.metadata.cells import split_cell
from ijmemo.metadata.vocabularies import FACTUAL, MODALITIES, MODALITY_LABELS, STATUSES


class Annex(Rendering):
    """Where the evidence lives: every source, how it was read, every quote."""

    def sources_and_method(self, data_link: str | None = "data/datapackage.json") -> Section:
        sources = self.sources_used()
        keys = self.source_keys()
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
            matching=MATCHING,
            credibility_rule=CREDIBILITY_RULE,
        )

    def conflicts(self) -> list[dict]:
        """Facts the sources report differently, each side cited."""
        out = []
        for c in self.tables["conflicts"].itertuples():
            ids = split_cell(c.claim_ids)
            keys = self.source_keys()
            grouped: dict[tuple[str, str], list[str]] = OrderedDict()
            for i in ids:
                claim = self.claims.loc[i]
                side = (keys[claim.source_id], self._conflict_value(c.field, claim))
                grouped.setdefault(side, []).append(i)
            sides = [
                {"source": key, "value": val, "cite": self.cite(cids)}
                for (key, val), cids in grouped.items()
            ]
            kind = self.subject_title(c.subject_id)
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
            return MODALITY_LABELS[claim.modality]
        if field_name == "framing":
            if claim.framing == "new":
                return "called new"
            when = value(claim.date_text)
            return "said to have been agreed earlier" + (f" ({when})" if when else "")
        column = {"date": "date_text", "due": "date_text"}.get(field_name, field_name)
        return claim[column]

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
