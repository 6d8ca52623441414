"""Citations: numbered links to endnotes, one note per quoted passage of a source."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import pandas as pd
from markupsafe import Markup


@dataclass
class Section:
    """A rendered piece of the memo; shows as HTML in JupyterLab and in nbconvert."""

    html: Markup

    def _repr_html_(self) -> str:
        return str(self.html)


@dataclass
class Note:
    number: int
    quote: str
    source_id: str
    claim_ids: list[str]


@dataclass
class Citations:
    """Numbers quoted passages in order of first citation; renders links to endnotes.

    Claims quoting the same passage of the same source share one note.
    """

    claims: pd.DataFrame
    order: OrderedDict = field(default_factory=OrderedDict)  # (source, quote) -> Note

    def cite(self, claim_ids) -> Markup:
        numbers = []
        for cid in claim_ids:
            if cid not in self.claims.index:
                raise KeyError(f"cannot cite unknown claim {cid!r}")
            claim = self.claims.loc[cid]
            key = (claim["source_id"], claim["quote"])
            note = self.order.get(key)
            if note is None:
                note = self.order[key] = Note(
                    len(self.order) + 1, claim["quote"], claim["source_id"], []
                )
            if cid not in note.claim_ids:
                note.claim_ids.append(cid)
            numbers.append(note.number)
        links = [Markup('<a href="#note-{0}">{0}</a>').format(n) for n in sorted(set(numbers))]
        return Markup('<sup class="cite">[') + Markup(", ").join(links) + Markup("]</sup>")

    def notes(self) -> list[Note]:
        return list(self.order.values())
