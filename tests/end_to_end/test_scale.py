"""What the benchmark relies on: valid synthetic data, a bounded memo at scale, a pinned plotly.js."""

from __future__ import annotations

import re

import pytest

from ijmemo.core.paths import PARAMS_DIR
from ijmemo.evidence.store import load_processed
from ijmemo.memo import charts
from ijmemo.memo.body import PER_SECTOR
from ijmemo.memo.front_page import TRACKER_ROWS
from ijmemo.memo.params import load_params
from ijmemo.memo.sections import Memo
from ijmemo.steps.curate import curate_to_processed, review
from ijmemo.tools.synthetic import generate


def test_synthetic_corpus_is_valid_through_the_real_loaders_and_deterministic(tmp_path):
    counts = generate(tmp_path / "a", 300)
    assert counts["claims"] == 300 and counts["sources"] == 15
    assert review(tmp_path / "a").problems == []  # quotes verify, dates and names appear in quotes
    generate(tmp_path / "b", 300)
    for name in ("curated/claims/s000003.yaml", "sources/s000003.txt", "curated/initiatives.yaml"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.fixture(scope="module")
def big_memo(tmp_path_factory):
    data = tmp_path_factory.mktemp("big") / "data"
    generate(data, 3000)
    curate_to_processed(data)
    tables = load_processed(data)
    params = load_params(
        PARAMS_DIR / "default.yaml",
        tables["sectors"].sector_id.tolist(),
        tables["countries"].code.tolist(),
    )
    return Memo(tables, params)


def test_memo_stays_readable_at_scale(big_memo):
    developments = str(big_memo.developments().html)
    for section in developments.split("<h3>")[1:]:
        assert section.count('<p class="initiative">') <= PER_SECTOR
    assert "more initiatives in this sector, listed in the data export" in developments
    tracker = str(big_memo.tracker_section().html)
    assert (
        tracker.count("<tr>") <= TRACKER_ROWS + 1 and "more initiatives, in tracker.csv" in tracker
    )
    page_1 = str(big_memo.brief().html)
    assert re.search(r"and \d+ more, in the tracker", page_1)
    assert len(re.sub(r"<[^>]+>", " ", page_1).split()) < 450
    assert len(big_memo.citations.notes()) < 200


def test_charts_aggregate_at_scale(big_memo):
    timeline = charts.timeline_chart(big_memo)
    assert "nearest the edition date" in timeline.caption
    assert len(timeline.figure.layout.yaxis.categoryarray) <= charts.TIMELINE_ROWS
    matrix = charts.involvement_chart(big_memo)
    assert len(matrix.figure.data[0].y) <= charts.MATRIX_ROWS and "most reported" in matrix.caption


def test_an_added_article_is_valid_and_parsed_alone(tmp_path, monkeypatch):
    from ijmemo.core import yamlio
    from ijmemo.tools.synthetic import add_article

    generate(tmp_path / "d", 200)
    assert review(tmp_path / "d").problems == []  # every claims file parsed and cached
    parsed = []
    real = yamlio.load_yaml
    monkeypatch.setattr(
        yamlio, "load_yaml", lambda path, text=None: parsed.append(path) or real(path, text)
    )
    sid = add_article(tmp_path / "d", 20)
    result = review(tmp_path / "d")
    assert result.problems == []
    claims = result.curation.tables["claims"]
    assert (claims.source_id == sid).sum() == 20
    # of the 11 claims files, only the new one is parsed (the rest come from the cache)
    assert [p.name for p in parsed if p.parent.name == "claims"] == [f"{sid}.yaml"]
