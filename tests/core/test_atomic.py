"""Outputs published all at once: a failed run leaves the last good outputs as they were."""

from __future__ import annotations

import stat

import pytest

from ijmemo.core.atomic import atomic_write_text, staged_dir, write_together

from conftest import snapshot


@pytest.fixture
def published(tmp_path):
    """A folder of outputs from an earlier good run."""
    final = tmp_path / "out"
    (final / "tables").mkdir(parents=True)
    (final / "memo.md").write_text("old memo\n")
    (final / "tables" / "claims.csv").write_text("claim_id\nc1\n")
    return final


def test_a_staged_folder_replaces_the_published_one_on_success(published):
    with staged_dir(published) as staging:
        assert staging.parent == published.parent and list(staging.iterdir()) == []
        (staging / "memo.md").write_text("new memo\n")
    assert snapshot(published) == {"memo.md": b"new memo\n"}  # nothing left of the old run
    assert [p.name for p in published.parent.iterdir()] == ["out"]  # no staging, no backup


def test_a_staged_folder_is_published_where_there_was_none(tmp_path):
    final = tmp_path / "build" / "2026-03-01"
    with staged_dir(final) as staging:
        (staging / "memo.md").write_text("memo\n")
    assert snapshot(final) == {"memo.md": b"memo\n"}


@pytest.mark.parametrize("error", [ValueError, KeyboardInterrupt])
def test_a_failure_inside_the_block_leaves_the_published_folder_as_it_was(published, error):
    before = snapshot(published)
    with pytest.raises(error), staged_dir(published) as staging:
        (staging / "memo.md").write_text("half a memo")
        raise error("build failed")
    assert snapshot(published) == before
    assert [p.name for p in published.parent.iterdir()] == ["out"]


def test_a_failure_on_a_first_run_publishes_nothing(tmp_path):
    final = tmp_path / "out"
    with pytest.raises(RuntimeError), staged_dir(final) as staging:
        (staging / "memo.md").write_text("half a memo")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_a_backup_left_by_an_interrupted_run_does_not_block_the_next(published):
    stale = published.with_name(".out-old")
    stale.mkdir()
    (stale / "memo.md").write_text("stale\n")
    with staged_dir(published) as staging:
        (staging / "memo.md").write_text("new memo\n")
    assert snapshot(published) == {"memo.md": b"new memo\n"}
    assert not stale.exists()


def test_atomic_write_text_replaces_a_file_whole(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("a much longer earlier version of the page\n" * 10)
    atomic_write_text(path, "short\n")
    assert path.read_bytes() == b"short\n"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]  # no temporary file


def test_atomic_write_text_writes_utf8_with_unix_line_ends(tmp_path):
    path = tmp_path / "record.json"
    atomic_write_text(path, "India–Japan\nline two\n")
    assert path.read_bytes() == "India–Japan\nline two\n".encode()


def test_a_file_written_atomically_is_readable_by_others(tmp_path):
    path = tmp_path / "index.html"
    atomic_write_text(path, "page\n")
    assert path.stat().st_mode & stat.S_IROTH  # not the temporary file's private mode


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("good page\n")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(path, "half written \ud800 never encodable")
    assert path.read_text() == "good page\n"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_write_together_writes_every_file_and_their_folders(tmp_path):
    targets = {
        tmp_path / "sources" / "s1.txt": b"article\n",
        tmp_path / "sources" / "s1.yaml": b"id: s1\n",
        tmp_path / "review" / "s1.yaml": b"candidates: []\n",
    }
    write_together(targets)
    assert snapshot(tmp_path) == {
        "review/s1.yaml": b"candidates: []\n",
        "sources/s1.txt": b"article\n",
        "sources/s1.yaml": b"id: s1\n",
    }


@pytest.mark.parametrize("failing", [0, 1, 2], ids=["first", "middle", "last"])
def test_when_one_file_cannot_be_written_none_is(tmp_path, failing):
    (tmp_path / "blocker").write_text("a file where a folder should be\n")
    names = [tmp_path / "sources" / "s1.txt", tmp_path / "sources" / "s1.yaml"]
    names.insert(failing, tmp_path / "blocker" / "s1.yaml")
    with pytest.raises(OSError):
        write_together(dict.fromkeys(names, b"content\n"))
    assert snapshot(tmp_path) == {"blocker": b"a file where a folder should be\n"}
    assert list(tmp_path.rglob("*.partial")) == []


def test_a_file_replaced_before_a_later_one_fails_is_put_back(tmp_path):
    """All or none, also for files that existed: a failure while renaming restores them."""
    kept = tmp_path / "a.txt"
    kept.write_text("old good")
    blocked = tmp_path / "b.txt"
    blocked.mkdir()
    (blocked / "inside").write_text("x")  # a folder with content: renaming onto it fails
    before = snapshot(tmp_path)
    with pytest.raises(OSError):
        write_together({kept: b"new", blocked: b"new"})
    assert snapshot(tmp_path) == before
