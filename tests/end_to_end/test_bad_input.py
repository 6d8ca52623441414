"""Bad data as an analyst meets it: every problem listed at once, on the command line, nothing written."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ijmemo.core.problems import CurationError
from ijmemo.steps.curate import curate

from conftest import S003, edit, edit_claims


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
        ".cache",  # parsed claims files by sha256 (derived, ignored by git)
        "curated",
        "processed",
        "sources",
    ]  # no debris


def test_validate_writes_nothing(data_copy):
    result = run_cli("validate", "--data-dir", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert "40 quotes verified" in result.stdout or "quotes verified" in result.stdout
    assert not (data_copy / "processed").exists()
