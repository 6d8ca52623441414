"""Clean claims files are type-checked from the JSON kept for them: the same claims, and a
file with a problem, or edited, or under another name, is checked from its YAML."""

from __future__ import annotations

import pytest

from ijmemo.core.paths import DataPaths
from ijmemo.curation import load
from ijmemo.curation.kept_claims import KeptClaims
from ijmemo.curation.load import load_curated

from conftest import S000, S003, edit_claims, only, problems_for


def _located(data) -> dict:
    return {cid: (loc.record, loc.file, loc.line, loc.label) for cid, loc in data.claims.items()}


def _no_yaml_for_claims(monkeypatch) -> list[str]:
    """Record each claims file checked from its YAML."""
    from_yaml: list[str] = []
    checked = load._claims_file

    def recorded(data, path, *args):
        from_yaml.append(path.name)
        return checked(data, path, *args)

    monkeypatch.setattr(load, "_claims_file", recorded)
    return from_yaml


def test_clean_files_are_checked_from_their_kept_json_with_the_same_claims(data_copy, monkeypatch):
    first, problems = load_curated(data_copy)  # (checked from YAML, and kept)
    assert problems == [] and len(first.claims) == 42
    from_yaml = _no_yaml_for_claims(monkeypatch)
    again, problems = load_curated(data_copy)
    assert problems == [] and from_yaml == []
    assert _located(again) == _located(first)  # records, files, lines, labels
    assert again.digests == first.digests  # (what the claims' own checks are kept by)


def test_an_edited_file_is_checked_from_its_yaml_and_shows_its_problem(data_copy, monkeypatch):
    load_curated(data_copy)
    edit_claims(data_copy, "status: scheduled", "status: pending")
    from_yaml = _no_yaml_for_claims(monkeypatch)
    for _ in range(2):  # a file with a problem is never kept: reported every time
        p = only(problems_for(data_copy), record="claim 'c003-04'", field="status")
        assert p.file.endswith(f"{S003}.yaml") and p.line
    assert from_yaml == [f"{S003}.yaml"] * 2


def test_the_kept_form_is_for_its_source_only(data_copy):
    data, _ = load_curated(data_copy)
    sha = data.digests[f"data/curated/claims/{S003}.yaml"].split("-", 1)[1]
    kept = KeptClaims(DataPaths.at(data_copy).claims_cache)
    claims = kept.claims(sha, S003)
    assert claims is not None and {c.source for c, _, _ in claims} == {S003}
    assert kept.claims(sha, "another-source") is None  # the same bytes under another name


def test_kept_json_that_no_longer_passes_is_not_used(tmp_path):
    kept = KeptClaims(tmp_path / "kept.pickle")
    # (as older code might have kept it)
    kept.before = {"abc:s1": (b'[{"id": "c1"}]', [1], ["claim 'c1'"])}
    assert kept.claims("abc", "s1") is None


def test_claims_whose_json_reads_differently_are_not_kept(data_copy, monkeypatch):
    data, _ = load_curated(data_copy)
    loc = next(iter(data.claims.values()))
    raw = [loc.record.model_dump(exclude_defaults=True) | {"note": "not what was checked"}]
    kept = KeptClaims(DataPaths.at(data_copy).claims_cache)
    kept.now = {}
    kept.keep("abc", loc.record.source, raw, [loc])
    assert kept.now == {}


@pytest.mark.parametrize("damage", [b"", b"not a pickle"])
def test_a_damaged_kept_file_means_checking_from_yaml(data_copy, monkeypatch, damage):
    load_curated(data_copy)
    DataPaths.at(data_copy).claims_cache.write_bytes(damage)
    from_yaml = _no_yaml_for_claims(monkeypatch)
    data, problems = load_curated(data_copy)
    assert problems == [] and len(data.claims) == 42
    assert sorted(from_yaml) == [f"{S000}.yaml", f"{S003}.yaml"]  # every file


def test_a_claim_is_named_as_written_either_way(data_copy):
    """Problems name a claim by its id as written; the kept form names it the same."""
    edit_claims(data_copy, "- id: c003-04\n", "- id: 'c003-04 '\n")
    first, _ = load_curated(data_copy)
    again, _ = load_curated(data_copy)
    assert again.claims["c003-04"].label == first.claims["c003-04"].label == "claim 'c003-04 '"
    assert _located(again) == _located(first)
