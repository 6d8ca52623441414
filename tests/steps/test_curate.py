"""The curate step: the shipped data passes every check."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ijmemo.core.paths import DataPaths
from ijmemo.core.problems import CurationError
from ijmemo.evidence import store
from ijmemo.evidence.manifest import input_hashes, processed_is_current
from ijmemo.steps import curate as steps_curate
from ijmemo.steps.curate import curate_to_processed, review, tables_as_of

from conftest import edit_claims


def test_shipped_data_has_no_problems():
    assert review().problems == []


def test_reused_processed_tables_are_read_only_when_a_table_is_asked_for(data_copy, monkeypatch):
    """01_curate as the build runs it wants only the evidence as of the edition's date,
    kept apart: the reused processed tables are not read for that, and are read when asked for."""
    curate_to_processed(data_copy)
    read = store.load_processed
    reads = []
    monkeypatch.setattr(store, "load_processed", lambda d=None: reads.append(d) or read(d))
    outcome = review(data_copy, reuse_processed=True)
    assert outcome.curation.data is None  # the processed tables were current: reused
    assert len(tables_as_of(outcome, data_copy, as_of="2026-01-20")["claims"]) > 0
    assert reads == []
    everything = tables_as_of(outcome, data_copy)
    assert len(reads) == 1
    for name, table in read(data_copy).items():
        pd.testing.assert_frame_equal(everything[name], table)


def test_an_input_saved_while_curating_is_curated_again_next_time(data_copy, monkeypatch):
    """The manifest names the inputs as hashed before they were read: an edit saved while
    the checks run is curated next time, never recorded as curated unchecked."""
    paths = DataPaths.at(data_copy)
    actors = data_copy / "curated" / "actors.yaml"
    checked = steps_curate.curate

    def saved_meanwhile(data_dir=None, tabulated=None, read=None):
        # every input read and checked; then the analyst saves
        result = checked(data_dir, tabulated, read)
        actors.write_text(actors.read_text(encoding="utf-8") + "# saved\n", encoding="utf-8")
        return result

    monkeypatch.setattr(steps_curate, "curate", saved_meanwhile)
    curate_to_processed(data_copy)
    assert not processed_is_current(paths)
    monkeypatch.undo()
    curate_to_processed(data_copy)
    assert processed_is_current(paths)


@pytest.mark.parametrize("spelt", ["absolute", "relative"])
def test_what_was_hashed_is_what_is_checked_and_recorded(data_copy, monkeypatch, spelt):
    """`make report` reads and hashes every input once, then curates those bytes: the
    manifest records exactly what was checked, even if a file is saved in between (the
    broken version is then checked next time). The data folder may be named relative to
    where the command runs (`--data-dir data`) while the build resolves it."""
    paths = DataPaths.at(data_copy)
    monkeypatch.chdir(data_copy.parent)
    hashed = data_copy if spelt == "absolute" else Path(data_copy.name)
    hashes = input_hashes(DataPaths.at(hashed), keep_read=True)
    edit_claims(data_copy, "  quote: ", "  quote: [an unclosed list ")  # saved after hashing
    curate_to_processed(data_copy, hashes=hashes)  # the bytes hashed: they pass
    assert hashes.read == {}  # let go of once curated
    assert not processed_is_current(paths)  # the file saved since is not recorded as curated
    with pytest.raises(CurationError, match="YAML does not parse"):
        curate_to_processed(data_copy)


def test_tables_written_by_other_code_are_checked_again(data_copy, monkeypatch):
    """A new or changed rule applies to data that did not change: processed tables written
    by other code are not current, and the next build curates them again."""
    from ijmemo.evidence import manifest

    paths = DataPaths.at(data_copy)
    curate_to_processed(data_copy)
    assert processed_is_current(paths)
    monkeypatch.setattr(manifest, "code_fingerprint", lambda: "another version of the code")
    assert not processed_is_current(paths)
    curate_to_processed(data_copy)  # (written by "this" code now)
    assert processed_is_current(paths)


@pytest.mark.parametrize("meanwhile", [None, "added", "removed"])
def test_tables_are_handed_over_only_if_curated_from_exactly_the_bytes_hashed(data_copy, meanwhile):
    """The memo's kernel trusts the tables handed over when the processed tables'
    manifest names the same inputs: they are handed over only when curating read
    exactly the bytes hashed, not with a file added or removed after hashing."""
    paths = DataPaths.at(data_copy)
    notes = paths.sources / "notes.md"  # (an input no check reads: curating passes)
    if meanwhile == "removed":
        notes.write_text("to read\n", encoding="utf-8")
    hashes = input_hashes(paths, keep_read=True)
    if meanwhile == "added":
        notes.write_text("to read\n", encoding="utf-8")
    elif meanwhile == "removed":
        notes.unlink()
    handed = []
    curate_to_processed(data_copy, hashes=hashes, tabulated=lambda t, i: handed.append(i))
    assert handed == ([] if meanwhile else [hashes])
    assert processed_is_current(paths) == (meanwhile is None)  # curated again next time
