"""Each claim's rules against its source's text, kept by the claim's inputs: a kept result
never hides a problem, and checking with the cache gives what checking everything gives."""

from __future__ import annotations

import pytest

from ijmemo.core.paths import DataPaths
from ijmemo.curation.checks import claim_text
from ijmemo.curation.checks.run import check_curated
from ijmemo.curation.load import load_curated
from ijmemo.steps.curate import review
from ijmemo.tools.synthetic import add_article, generate

from conftest import S003, edit, edit_claims, only


def _checked(data_dir, cache: bool = True):
    """Every problem and what the checks derived, with the cache or without any."""
    data, problems = load_curated(data_dir)
    checked, more = check_curated(data, kept=cache)
    found = [str(p) for p in problems + more]
    derived = (checked.quote_matches, checked.claim_dates, checked.syndication)
    return found, derived


def test_a_claim_edited_after_a_clean_run_is_checked_again(data_copy):
    assert review(data_copy).problems == []  # the cache now holds every claim's result
    assert DataPaths.at(data_copy).checks_cache.is_file()
    edit_claims(data_copy, "will arrange a dialogue between", "will organise a dialogue between")
    p = only(review(data_copy).problems, record="claim 'c003-03'", field="quote")
    assert f"not found in source '{S003}'" in p.message
    edit_claims(data_copy, "will organise a dialogue between", "will arrange a dialogue between")
    assert review(data_copy).problems == []


def test_an_actor_renamed_after_a_clean_run_is_reported(data_copy):
    assert review(data_copy).problems == []
    edit(data_copy / "curated/actors.yaml", "aliases: [Kitamura]", "aliases: [Kitamoto]")
    edit(data_copy / "curated/actors.yaml", "name: Toshihiro Kitamura", "name: Toshihiro Kitamoto")
    only(review(data_copy).problems, record="actor 'kitamura'", field="name")


def test_a_source_redated_after_a_clean_run_reads_its_claims_dates_again(data_copy):
    """A weekday or a year-less date is read against the source's own date."""
    before = _checked(data_copy)[1][1]
    source = next((data_copy / "sources").glob(f"{S003}.yaml"))
    text = source.read_text(encoding="utf-8")
    published = next(line for line in text.splitlines() if line.startswith("published:"))
    edit(source, published, "published: '2025-06-30'")
    after = _checked(data_copy)[1][1]
    assert after == _checked(data_copy, cache=False)[1][1]
    assert after != before


def test_checks_with_the_cache_equal_checks_without_on_the_shipped_data(data_copy):
    full = _checked(data_copy, cache=False)
    assert _checked(data_copy) == full  # cache written
    assert _checked(data_copy) == full  # cache read


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic") / "data"
    generate(root, 600)
    return root


def test_one_article_added_gives_what_a_full_run_gives(corpus):
    _checked(corpus)  # every claim's result kept
    sid = add_article(corpus, 20, seed=3)
    path = corpus / "curated" / "claims" / f"{sid}.yaml"
    text = path.read_text(encoding="utf-8")  # one quote now misses its source, one date too
    path.write_text(text.replace(" will ", " shall ", 1), encoding="utf-8")
    incremental = _checked(corpus)
    assert incremental == _checked(corpus, cache=False)
    assert any(sid in p and "field 'quote'" in p for p in incremental[0])


def test_a_result_kept_by_other_code_is_not_used(data_copy, monkeypatch):
    review(data_copy)
    calls = []
    checked_before = claim_text.check_claim_text
    monkeypatch.setattr(
        claim_text, "check_claim_text", lambda *a: calls.append(1) or checked_before(*a)
    )
    review(data_copy)
    assert calls == []  # every claim's result was kept
    monkeypatch.setattr(claim_text, "code_fingerprint", lambda: "other code")  # as imported
    review(data_copy)
    assert len(calls) == len(load_curated(data_copy)[0].claims)


def test_where_nothing_can_be_kept_everything_is_still_checked(data_copy, monkeypatch):
    """A data folder whose cache cannot be written (read-only) is checked all the same."""

    def refuse(*_, **__):
        raise PermissionError("read-only")

    monkeypatch.setattr("ijmemo.core.kept.tempfile.NamedTemporaryFile", refuse)
    assert review(data_copy).problems == []
    assert not DataPaths.at(data_copy).checks_cache.exists()
    edit_claims(data_copy, "will arrange a dialogue between", "will organise a dialogue between")
    only(review(data_copy).problems, record="claim 'c003-03'", field="quote")
