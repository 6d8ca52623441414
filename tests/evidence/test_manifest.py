"""The manifest's list of inputs: every file the curate step reads, by its path in the data folder."""

from __future__ import annotations

import hashlib
import os

from ijmemo.core.paths import DataPaths
from ijmemo.evidence.manifest import input_hashes


def _data_folder(root):
    (root / "sources").mkdir(parents=True)
    (root / "curated" / "claims").mkdir(parents=True)
    files = {
        "sources/s2.txt": b"Second text.\n",
        "sources/s1.yaml": b"id: s1\n",
        "sources/s1.txt": b"First text.\n",
        "sources/.hidden": b"a file the analyst did not mean to add\n",
        "curated/actors.yaml": b"[]\n",
        "curated/notes.md": b"not read by the curate step\n",
        "curated/claims/s1.yaml": b"[]\n",
        "curated/claims/s1.yml": b"[]\n",
    }
    for key, content in files.items():
        (root / key).write_bytes(content)
    (root / "sources" / "folder.txt").mkdir()  # a folder is not an input
    os.symlink("s2.txt", root / "sources" / "link.txt")  # a link is the file it leads to
    os.symlink("nowhere.txt", root / "sources" / "broken.txt")  # these lead to none
    os.symlink("loop.txt", root / "sources" / "loop.txt")
    return files


def test_every_input_is_listed_by_its_path_in_path_order(tmp_path):
    files = _data_folder(tmp_path / "data")
    hashes = input_hashes(DataPaths.at(tmp_path / "data"), keep_read=True)
    assert list(hashes) == [
        "curated/actors.yaml",
        "curated/claims/s1.yaml",  # (a folder's files sort where the folder's name does)
        "sources/.hidden",
        "sources/link.txt",
        "sources/s1.txt",
        "sources/s1.yaml",
        "sources/s2.txt",
    ]
    assert hashes["sources/s1.txt"] == hashlib.sha256(files["sources/s1.txt"]).hexdigest()
    assert hashes["sources/link.txt"] == hashes["sources/s2.txt"]
    assert hashes.take("curated/actors.yaml") == (b"[]\n", hashes["curated/actors.yaml"])
    assert hashes.take("curated/actors.yaml") is None  # handed over once


def test_the_keys_are_the_same_however_the_folder_is_spelt(tmp_path, monkeypatch):
    _data_folder(tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert input_hashes(DataPaths.at("data")) == input_hashes(DataPaths.at(tmp_path / "data"))


def test_a_missing_folder_has_no_inputs(tmp_path):
    (tmp_path / "data" / "curated").mkdir(parents=True)
    (tmp_path / "data" / "curated" / "actors.yaml").write_text("[]\n")
    assert list(input_hashes(DataPaths.at(tmp_path / "data"))) == ["curated/actors.yaml"]


def test_curating_reads_exactly_the_inputs_hashed_only_if_it_takes_nothing_else(data_copy):
    """Taken once each, the bytes hashed are what was curated; a file asked for twice (read
    from the disk again) or besides them (listed after hashing) is not."""
    paths = DataPaths.at(data_copy)
    hashes = input_hashes(paths, keep_read=True)
    for key in list(hashes):
        assert hashes.take(key) is not None
    assert hashes.read_exactly(paths)
    assert hashes.take(next(iter(hashes))) is None  # taken already
    assert not hashes.read_exactly(paths)
    besides = input_hashes(paths, keep_read=True)
    assert besides.take("curated/claims/listed-after-hashing.yaml") is None
    assert not besides.read_exactly(paths)
