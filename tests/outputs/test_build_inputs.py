"""`make report` skips a build only when none of its inputs changed: contents, not mtimes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from ijmemo.core.paths import PARAMS_DIR
from ijmemo.outputs.build_inputs import FORMATS as ALL
from ijmemo.outputs.build_inputs import build_key, parse_formats

from conftest import edit, edit_claims


def _params(tmp_path):
    folder = tmp_path / "params"
    folder.mkdir()
    for name in ("default.yaml", "default.md"):
        shutil.copy(PARAMS_DIR / name, folder / name)
    return folder / "default.yaml"


def test_every_input_of_a_build_is_in_its_key(data_copy, tmp_path):
    params, editions = _params(tmp_path), tmp_path / "editions"
    (editions / "default").mkdir(parents=True)
    key = lambda: build_key(params, data_copy, editions, ALL)  # noqa: E731
    first = key()
    os.utime(params, (0, 0))  # an mtime is not a change
    assert key() == first
    edit(params, "sectors: []", "sectors: [defence]")
    second = key()
    assert second != first
    edit(params.with_suffix(".md"), "", "A new line of assessment.\n")  # the assessment
    assert key() != second
    third = key()
    edit_claims(data_copy, "status: scheduled", "status: convened")  # the data
    assert key() != third
    fourth = key()
    (editions / "default" / "2026-01-01.json").write_text("{}")  # an earlier edition
    assert key() != fourth
    fifth = key()
    (editions / "default" / "2026-01-20.json").write_text("{}")  # this edition's own record
    assert key() == fifth
    assert build_key(params, data_copy, editions, ("html",)) != fifth


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "ijmemo", *args], capture_output=True, text=True, check=False
    )


def test_an_unchanged_build_is_skipped_and_a_changed_one_is_not(data_copy, tmp_path):
    args = ["report", str(PARAMS_DIR / "default.yaml"), "--data-dir", str(data_copy)]
    args += ["--out", str(tmp_path / "build"), "--no-record", "--no-pdf", "--if-changed"]
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert "done in" in first.stdout
    again = run_cli(*args)
    assert again.returncode == 0 and "nothing changed" in again.stdout
    assert "executing notebooks" not in again.stdout
    edit_claims(
        data_copy,
        "statement: India and Japan are to launch an AI dialogue.",
        "statement: India and Japan are to launch an AI Dialogue.",
    )
    changed = run_cli(*args)
    assert changed.returncode == 0, changed.stderr
    assert "nothing changed" not in changed.stdout and "done in" in changed.stdout


def test_a_missing_browser_stops_before_any_notebook_runs(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("IJMEMO_CHROMIUM", str(tmp_path / "no-chromium"))
    args = ["report", str(PARAMS_DIR / "default.yaml"), "--data-dir", str(data_copy)]
    found = run_cli(*args, "--out", str(tmp_path / "build"), "--no-record")
    assert found.returncode == 3  # the Makefile answers with `make browser`
    assert "IJMEMO_CHROMIUM" in found.stderr and "executing notebooks" not in found.stdout
    assert not (tmp_path / "build").exists()


def test_formats_are_chosen_and_a_wrong_one_is_refused_before_anything_runs(data_copy, tmp_path):
    base = ["report", str(PARAMS_DIR / "default.yaml"), "--data-dir", str(data_copy)]
    base += ["--out", str(tmp_path / "build"), "--no-record", "--if-changed"]
    wrong = run_cli(*base, "--formats", "html,odt")
    assert wrong.returncode == 2 and "unknown format odt" in wrong.stderr
    assert not (tmp_path / "build").exists()
    word = run_cli(*base, "--formats", "docx")
    assert word.returncode == 0, word.stderr
    built = tmp_path / "build" / "default"
    assert (built / "memo.html").is_file() and (built / "memo.docx").is_file()
    assert not (built / "memo.pdf").exists() and len(list((built / "figures").glob("*.png"))) == 3
    again = run_cli(*base, "--formats", "docx")
    assert "nothing changed" in again.stdout
    more = run_cli(*base, "--formats", "docx,pdf")  # another format: a new build
    assert "nothing changed" not in more.stdout and (built / "memo.pdf").is_file()
    pdf = run_cli(*base, "--formats", "html,pdf")  # no Word: no chart images either
    assert pdf.returncode == 0, pdf.stderr
    assert (built / "memo.pdf").is_file() and not (built / "memo.docx").exists()
    assert not (built / "figures").exists() and "chart images" not in pdf.stdout
    images = run_cli(*base, "--formats", "figures")  # the images alone
    assert images.returncode == 0, images.stderr
    assert len(list((built / "figures").glob("*.svg"))) == 3 and not (built / "memo.pdf").exists()


def test_the_html_is_always_written_and_the_figures_come_with_word():
    assert parse_formats(None) == ("html", "pdf", "docx", "figures")
    assert parse_formats("pdf") == ("html", "pdf")
    assert parse_formats("docx") == ("html", "docx", "figures")
    assert parse_formats(" Figures ,html") == ("html", "figures")
    with pytest.raises(ValueError, match="unknown format png; choose from html,pdf,docx,figures"):
        parse_formats("png")
