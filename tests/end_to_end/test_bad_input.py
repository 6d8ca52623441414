"""Bad data as an analyst meets it: every problem listed at once, on the command line, nothing written."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ijmemo.core.problems import CurationError
from ijmemo.steps.curate import curate

from conftest import S003, edit, edit_claims, snapshot


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "ijmemo", *args], capture_output=True, text=True, check=False
    )


def test_all_problems_are_listed_at_once(data_copy):
    edit_claims(data_copy, "status: scheduled", "status: pending")
    edit_claims(
        data_copy,
        "  subject: regional-tensions",
        "  subject: no-such-topic",
    )
    edit_claims(data_copy, "launched an AI Dialogue", "launched the AI Dialogue")
    with pytest.raises(CurationError) as caught:
        curate(data_copy)
    fields = {p.field for p in caught.value.problems}
    assert {"status", "subject", "quote"} <= fields
    assert str(caught.value).startswith(f"{len(caught.value.problems)} problems in the input data")


def test_cli_rejects_bad_data_and_leaves_the_last_good_tables_untouched(data_copy):
    good = run_cli("curate", "--data-dir", str(data_copy))
    assert good.returncode == 0, good.stderr
    processed = data_copy / "processed"
    before = {p.name: p.read_bytes() for p in processed.iterdir()}
    assert "claims.csv" in before

    edit_claims(data_copy, "status: scheduled", "status: pending")
    edit(
        data_copy / "curated/initiatives.yaml",
        "  parties: [JP, IT]",
        "  parties: [JP, XX]",
    )
    bad = run_cli("curate", "--data-dir", str(data_copy))
    assert bad.returncode == 1
    assert "2 problems" in bad.stderr
    assert f"curated/claims/{S003}.yaml" in bad.stderr and "field 'status'" in bad.stderr
    assert "curated/initiatives.yaml" in bad.stderr and "field 'parties'" in bad.stderr
    assert {p.name: p.read_bytes() for p in processed.iterdir()} == before
    assert sorted(p.name for p in data_copy.iterdir()) == [
        "curated",
        "processed",
        "sources",
    ]  # no debris, and no cache: parsed files are kept beside the data folder


@pytest.mark.parametrize("refused", [False, True])
def test_validate_writes_nothing_under_data(data_copy, refused):
    if refused:
        edit_claims(data_copy, "status: scheduled", "status: pending")
    before = snapshot(data_copy)
    result = run_cli("validate", "--data-dir", str(data_copy))
    assert result.returncode == (1 if refused else 0), result.stderr
    assert refused or "quotes verified" in result.stdout
    assert snapshot(data_copy) == before  # not even a parse cache: it is kept beside data/
