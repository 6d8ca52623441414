"""Claims files parsed once per content: the cache speeds loading and never hides a problem."""

from __future__ import annotations

import pytest

from ijmemo.core import yamlio
from ijmemo.core.paths import DataPaths
from ijmemo.curation.load import load_curated
from ijmemo.steps.curate import review

from conftest import S003, edit_claims, only, problems_for


def test_an_unchanged_claims_file_is_not_parsed_again(data_copy, monkeypatch):
    first, problems = load_curated(data_copy)
    assert problems == [] and len(first.claims) == 42

    def no_parsing(path):
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(yamlio, "load_yaml", no_parsing)
    again = load_curated(data_copy)[0]
    # the same records, lines included (problems still name the line)
    assert {c: (loc.record, loc.line) for c, loc in again.claims.items()} == {
        c: (loc.record, loc.line) for c, loc in first.claims.items()
    }


def test_editing_a_cached_file_shows_its_problem(data_copy):
    assert review(data_copy).problems == []  # every claims file is now cached
    edit_claims(data_copy, "status: scheduled", "status: pending")
    p = only(problems_for(data_copy), record="claim 'c003-04'", field="status")
    assert p.file.endswith(f"{S003}.yaml") and p.line


def test_a_syntax_error_is_never_cached(data_copy):
    assert review(data_copy).problems == []
    path = edit_claims(data_copy, "- id: c003-02\n", "- id: c003-02\n\tbad: tab\n")
    for _ in range(2):  # reported every time, with its line
        p = only(problems_for(data_copy), file=f"{S003}.yaml")
        assert "does not parse" in p.message and p.line
    assert path.is_file()


def test_stale_entries_are_pruned(data_copy):
    load_curated(data_copy)
    cache = DataPaths.at(data_copy).cache
    entries = set(cache.glob("*.pickle"))
    assert len(entries) == 10  # one per YAML file: claims, source records, curated files
    edit_claims(data_copy, "status: scheduled", "status: convened")
    load_curated(data_copy)
    after = set(cache.glob("*.pickle"))
    assert len(after) == 10 and len(after & entries) == 9


@pytest.mark.parametrize("damage", [b"", b"not a pickle"])
def test_a_damaged_cache_entry_is_parsed_again(data_copy, damage):
    load_curated(data_copy)
    for entry in DataPaths.at(data_copy).cache.glob("*.pickle"):
        entry.write_bytes(damage)
    data, problems = load_curated(data_copy)
    assert problems == [] and len(data.claims) == 42


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("- id: modi\n  [name, alias]: Narendra Modi\n", "actors.yaml:2"),  # a list
        ("- id: x\n  ? !!set {a, b}\n  : 1\n", "actors.yaml:2"),  # a set
    ],
)
def test_a_list_or_set_as_a_key_is_a_clear_error_with_its_line(tmp_path, text, where):
    from ijmemo.core.yamlio import YamlError, load_yaml

    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlError) as error:
        load_yaml(path)
    assert where in str(error.value) and "a key must be a plain word" in str(error.value)
