"""The memo: every section computed from the evidence known on its date, every statement cited.

The notebook `02_memo.ipynb` builds a `Memo` from the parameters and displays its
sections in order: the front page (`front_page.py`), the body (`body.py`) and the
annex (`annex.py`), all written from one `Edition` (`edition.py`: what the edition
knows) with one set of citations (`rendering.py`).
"""

from __future__ import annotations

from pathlib import Path

from ijmemo.core.paths import EDITIONS_DIR
from ijmemo.evidence.known_kept import known_on_kept
from ijmemo.memo import history
from ijmemo.memo.annex import Annex
from ijmemo.memo.body import Body
from ijmemo.memo.front_page import FrontPage
from ijmemo.memo.params import MemoParams, read_assessment


class Memo(FrontPage, Body, Annex):
    """One edition: the evidence filtered by the parameters, rendered section by section."""

    @classmethod
    def build(
        cls, params: MemoParams, data_dir=None, edition_set: str | None = None, editions_dir=None
    ) -> Memo:
        """The memo for a parameter set, compared with the set's previous edition on record."""
        assessment = read_assessment(params)
        folder = EDITIONS_DIR if editions_dir is None else Path(editions_dir)
        previous = history.previous_record(folder, edition_set, params.as_of.isoformat())
        return cls(known_on_kept(data_dir, params.as_of), params, assessment, previous)
