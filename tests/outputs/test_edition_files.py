"""The edition's files, as the memo's kernel writes them after its notebook: they rest on
the parameter file as the build checked it, wherever that file is."""

from __future__ import annotations

import json
import shutil

from ijmemo.core.paths import EDITIONS_DIR, PARAMS_DIR
from ijmemo.memo.history import read_record
from ijmemo.memo.params import known_ids, load_params
from ijmemo.outputs.edition_files import kernel_code


def test_the_edition_files_rest_on_the_checked_parameter_file_wherever_it_is(tmp_path):
    elsewhere = tmp_path / "my-params"  # an analyst's own folder, not report/params/
    elsewhere.mkdir()
    for name in ("default.yaml", "default.md"):
        shutil.copy(PARAMS_DIR / name, elsewhere / name)
    params = load_params(elsewhere / "default.yaml", *known_ids(None))
    paths = {
        "params_dir": str(elsewhere),
        "data_dir": None,
        "editions_dir": str(EDITIONS_DIR),
        "set_name": "default",
    }
    folder, answer = tmp_path / "build", tmp_path / "answer.json"
    folder.mkdir()
    exec(kernel_code(params, paths, folder, answer), {})  # what the kernel runs

    written = json.loads(answer.read_text(encoding="utf-8"))
    record = written["record"]
    assert record["parameters"]["assessment_file"] == "default.md"  # the file's, not a path
    committed = read_record(EDITIONS_DIR / "default" / "2026-01-20.json")
    assert record == {k: v for k, v in committed.items() if k != "memo_sha256"}
    assert written["warnings"] == [] and written["previous_as_of"] is None  # first of its set
    assert "Key judgement" in (folder / "brief.md").read_text(encoding="utf-8")
    assert (folder / "tracker.csv").read_text(encoding="utf-8").startswith("initiative_id,")
    assert (folder / "data" / "tracker.csv").read_bytes() == (folder / "tracker.csv").read_bytes()
    assert (folder / "data" / "datapackage.json").is_file()
