"""Loading the curated files: YAML that does not parse, records that do not type-check, files that do not belong, each reported with its file and line."""

from __future__ import annotations

import pytest

from ijmemo.steps.add_source import add_source

from conftest import FIXTURES, S000, S003, edit, edit_claims, only, problems_for


def test_claims_file_named_after_no_source_is_one_problem(data_copy):
    claims = data_copy / "curated/claims"
    (claims / f"{S000}.yaml").rename(claims / "999_nosuchsource.yaml")
    found = problems_for(data_copy)
    p = only(found, file="curated/claims/999_nosuchsource.yaml")
    assert "no source '999_nosuchsource'" in p.message
    # its claims are not then reported one by one, nor their subjects as unsupported
    assert not [q for q in found if q.record and q.record.startswith("claim 'c000-")]


def test_a_claim_never_names_its_source_the_file_does(data_copy):
    edit_claims(data_copy, "- id: c003-02\n", f"- id: c003-02\n  source: {S003}\n")
    p = only(problems_for(data_copy), record="claim 'c003-02'", field="source")
    assert "remove it" in p.message and p.file.endswith(f"{S003}.yaml") and p.line


def test_same_claim_id_in_two_sources_files(data_copy):
    edit_claims(data_copy, "- id: c003-02\n", "- id: c000-01\n")
    p = only(problems_for(data_copy), record="claim 'c000-01'", field="id")
    assert f"first in curated/claims/{S000}.yaml:" in p.message.replace("data/", "")


def test_duplicate_id(data_copy):
    edit_claims(data_copy, "- id: c000-02", "- id: c000-01")
    p = only(problems_for(data_copy), record="claim 'c000-01'", field="id", message="duplicate id")
    assert "first at line" in p.message


def test_unknown_status_lists_the_allowed_ones(data_copy):
    edit_claims(data_copy, "status: scheduled", "status: pending")
    p = only(problems_for(data_copy), record="claim 'c003-04'", field="status")
    assert "'pending'" in p.message and "'convened'" in p.message


def test_changed_source_text_fails_its_sha256(data_copy):
    with open(data_copy / f"sources/{S003}.txt", "a", encoding="utf-8") as fh:
        fh.write(" (edited)")
    p = only(problems_for(data_copy), record=f"source '{S003}'", field="sha256")
    assert p.file.endswith(f"sources/{S003}.yaml")
    assert "never edited" in p.message


@pytest.mark.parametrize("change", ["edit", "delete"])
def test_a_changed_or_missing_original_page_is_reported_on_its_source(data_copy, change):
    add_source(FIXTURES / "formats" / "news_page.html", data_dir=data_copy)
    page = data_copy / "sources" / "news_page.html"
    if change == "edit":
        page.write_bytes(page.read_bytes() + b"<!-- edited -->")
    else:
        page.unlink()
    p = only(problems_for(data_copy), record="source 'news_page'", field="original")
    assert p.file.endswith("sources/news_page.yaml")
    assert ("never edited" if change == "edit" else "does not exist") in p.message


def test_yaml_that_does_not_parse_reports_its_line(data_copy):
    edit(data_copy / "curated/events.yaml", "  kind: visit\n", "  kind: [visit\n")
    p = only(problems_for(data_copy), file="curated/events.yaml")
    assert "YAML does not parse" in p.message
    text = (data_copy / "curated/events.yaml").read_text().splitlines()
    assert p.line and "visit" in "".join(text[p.line - 3 : p.line + 1])


def test_duplicate_yaml_key_is_reported(data_copy):
    edit(
        data_copy / "curated/actors.yaml",
        "  name: Indian Navy\n",
        "  name: Indian Navy\n  name: Navy\n",
    )
    p = only(problems_for(data_copy), file="curated/actors.yaml")
    assert "duplicate key 'name'" in p.message and p.line


@pytest.mark.parametrize(
    ("file", "old", "new", "record", "field"),
    [
        (
            f"claims/{S000}.yaml",
            '  statement: "The undated report says Japan has a strong desire to start',
            "  statement: ''\n  x: The undated report says Japan has a strong desire to start",
            "claim 'c000-16'",
            "statement",
        ),
        (
            "initiatives.yaml",
            "  name: Japan–Italy cooperation on critical-mineral supply chains\n",
            "  name:\n",
            "initiative 'japan-italy-minerals'",
            "name",
        ),
        (
            "events.yaml",
            "  countries: [JP]\n",
            "  countries: []\n",
            "event 'seabed-rare-earths-expedition'",
            "countries",
        ),
    ],
)
def test_empty_required_field(data_copy, file, old, new, record, field):
    edit(data_copy / "curated" / file, old, new)
    p = only(problems_for(data_copy), record=record, field=field)
    assert "empty" in p.message


def test_misspelt_field_is_not_silently_ignored(data_copy):
    edit_claims(
        data_copy,
        "  note: Reported as launched",
        "  notes: Reported as launched",
    )
    only(
        problems_for(data_copy),
        record="claim 'c003-06'",
        field="notes",
        message="unknown field",
    )


def test_a_file_that_does_not_parse_is_reported_once_and_its_dependents_wait(data_copy):
    edit(data_copy / "curated/initiatives.yaml", "\n- id:", "\n\t- id:")
    found = problems_for(data_copy)
    assert len(found) == 2, "\n".join(map(str, found))  # not one line per dependent record
    parse = only(found, file="curated/initiatives.yaml")
    assert "does not parse (column 1)" in parse.message and parse.line
    skipped = only(found, message="cross-record checks")
    assert "skipped until" in skipped.message and "initiatives.yaml" in skipped.message


def test_an_unclosed_double_quote_is_reported_where_it_opens(data_copy):
    # the parser fails only at the next quote mark, a dozen lines further down
    path = edit_claims(
        data_copy,
        'new round of talks on economic security."\n',
        "new round of talks on economic security.\n",
    )
    p = only(problems_for(data_copy), message="does not parse")
    opened = path.read_text(encoding="utf-8").splitlines()[p.line - 1]
    assert opened.startswith('  statement: "The undated report says Japan has a strong desire')
    assert 'the " opened here is not closed (failed at line' in p.message


@pytest.mark.parametrize(
    ("file", "old", "new", "record", "field"),
    [
        (
            "actors.yaml",
            "aliases: [Jaishankar]",
            "aliases: ['Jaishankar; EAM']",
            "actor",
            "aliases.0",
        ),
        (
            None,
            "alias: business-to-business dialogue",
            "alias: B2B; business dialogue",
            "claim",
            "alias",
        ),
    ],
    ids=["actor alias", "claim alias"],
)
def test_a_name_with_the_list_separator_is_refused_naming_the_field(
    data_copy, file, old, new, record, field
):
    """'EAM; External Affairs Minister' would read as two names in the tables' list cells."""
    if file:
        edit(data_copy / "curated" / file, old, new)
    else:
        edit_claims(data_copy, old, new)
    p = only(problems_for(data_copy), record=record, field=field)
    assert "may not contain ';'" in p.message and "; " in p.message
