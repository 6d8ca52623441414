"""An edition being written: its citations, its templates and the phrases sections share.

Statements in the memo are claim statements (our wording of a verbatim quote) or
sentences assembled from curated fields, and each carries numbered citations that
resolve to endnotes giving the quote, the source, and what is unknown about that
source. HTML is produced by Jinja with autoescaping, so text from the data can never
inject markup.
"""

from __future__ import annotations

from collections import OrderedDict

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ijmemo.memo.citations import Citations, Section
from ijmemo.memo.edition import Edition
from ijmemo.memo.params import MemoParams
from ijmemo.memo.provenance import according_to, corroboration_text, read_from
from ijmemo.memo.wording import merge_statements, status_label, value

# Caps that keep the memo readable however large the corpus; the full lists are in the
# data export linked from the memo, and every capped list says how many it leaves out.
STATEMENTS = 4  # statements per initiative (the real maximum is 4)
NAMES_IN_BULLET = 6
SOURCES_LISTED = 25

_env = Environment(
    loader=PackageLoader("ijmemo.memo", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


class Rendering(Edition):
    """An edition with its citations and templates: what every section is written with."""

    def __init__(
        self,
        tables: dict[str, pd.DataFrame],
        params: MemoParams,
        assessment: str = "",
        previous: dict | None = None,
    ):
        """`assessment`: the analyst's Markdown; `previous`: the record of the set's
        edition before this one ("what changed" compares with it)."""
        super().__init__(tables, params)
        self.assessment = assessment
        self.previous = previous
        self.citations = Citations(self.claims)  # notes numbered in the order cited

    def _render(self, template: str, **context) -> Section:
        caps = {"names": NAMES_IN_BULLET, "sources": SOURCES_LISTED}
        html = _env.get_template(template).render(
            memo=self, params=self.params, caps=caps, **context
        )
        return Section(Markup(html))

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
        keys = self.source_keys()
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

    def _statements_for(self, subject_ids: list[str], limit: int = STATEMENTS) -> list[dict]:
        """Statements about several subjects together, at most `limit`."""
        out: list[dict] = []
        for sid in subject_ids:
            out += self._statements(sid, limit)
            if len(out) >= limit:
                break
        return merge_statements(out[:limit])

    @staticmethod
    def _listing(frame: pd.DataFrame, item) -> Markup:
        """At most NAMES_IN_BULLET items, '; '-joined, saying how many more there are."""
        text = Markup("; ").join(item(r) for r in frame.head(NAMES_IN_BULLET).itertuples())
        if len(frame) > NAMES_IN_BULLET:
            text += Markup("; and {} more").format(len(frame) - NAMES_IN_BULLET)
        return text
