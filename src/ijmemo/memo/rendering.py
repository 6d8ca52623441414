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

from ijmemo.evidence.as_of import KnownOn
from ijmemo.memo.assessment import Assessment
from ijmemo.memo.citations import Citations, Section
from ijmemo.memo.edition import Edition
from ijmemo.memo.params import MemoParams
from ijmemo.memo.provenance import corroboration_text
from ijmemo.memo.wording import merge_statements, status_label, value

# Caps that keep the memo readable however large the corpus; the full lists are in the
# data export linked from the memo, and every capped list says how many it leaves out.
STATEMENTS = 4  # statements per initiative (the real maximum is 4)
NAMES_IN_LIST = 6  # sources named in a list before '… and N more'
SOURCES_LISTED = 25

_env = Environment(
    loader=PackageLoader("ijmemo.memo", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
# "Window open until 30 June" inside a sentence: only the first letter lowered.
_env.filters["lower_first"] = lambda text: str(text)[:1].lower() + str(text)[1:]


def compile_templates() -> None:
    """Compile every section's template now (about 0.1 s), for a kernel started ahead of
    its notebook: Jinja keeps them, and the sections find them ready."""
    for name in _env.list_templates(extensions=["j2"]):
        _env.get_template(name)


class Rendering(Edition):
    """An edition with its citations and templates: what every section is written with."""

    def __init__(
        self,
        tables: dict[str, pd.DataFrame] | KnownOn,
        params: MemoParams,
        assessment: Assessment | None = None,
        previous: dict | None = None,
    ):
        """`assessment`: the analyst's, as of the edition date; `previous`: the record of the set's
        edition before this one ("what changed" compares with it)."""
        super().__init__(tables, params)
        self.assessment = assessment
        self.previous = previous
        self.citations = Citations(self.claims)  # notes numbered in the order cited
        # Statements already shown: a later section does not state a fact again.
        self._stated: set[str] = set()

    def _render(self, template: str, **context) -> Section:
        caps = {"names": NAMES_IN_LIST, "sources": SOURCES_LISTED}
        html = _env.get_template(template).render(
            memo=self, params=self.params, caps=caps, **context
        )
        return Section(Markup(html))

    def cite(self, claim_ids) -> Markup:
        ids = list(claim_ids)
        return self.citations.cite(ids) if ids else Markup("")

    def status_text(self, status, claim_ids) -> str:
        """A status in words, marked † when it is our reading of a speaker's words (the
        section's legend names the speakers)."""
        return status_label(status) + ("†" if self.speakers_of(claim_ids) else "")

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

    def corroboration_if_telling(self, subject_id: str, n_independent: int) -> str:
        """The corroboration line where it tells the reader something: reports shown
        independent. One report, several not shown independent, or a wish beside a report
        (its words carry the hedge) is the default the method states once."""
        return self.corroboration(subject_id, n_independent) if n_independent >= 2 else ""

    def _statements(self, subject_id: str, limit: int = STATEMENTS) -> list[dict]:
        """Each distinct statement about a subject not shown before, with its citation
        (at most `limit`)."""
        out: dict[str, list[str]] = OrderedDict()
        about = self.claims_about(subject_id)
        for statement, claim_id in zip(about.statement, about.claim_id, strict=True):
            if statement not in self._stated:
                out.setdefault(statement, []).append(claim_id)
        kept = list(out.items())[:limit]
        self._stated.update(text for text, _ in kept)
        shown = [{"text": text, "cite": self.cite(ids)} for text, ids in kept]
        if len(out) > limit:
            more = len(out) - limit
            shown.append(
                {
                    "text": f"({more} more report{'s' if more > 1 else ''} in the data export.)",
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
