"""The project's own promises: a conda file in step with the lock, a helpful Makefile."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from ijmemo.core.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from ijmemo.outputs.notebooks import notebook_problems


def locked_packages() -> set[str]:
    lock = tomllib.loads((PROJECT_ROOT / "uv.lock").read_text())
    return {
        f"{p['name']}=={p['version']}"
        for p in lock["package"]
        if p["source"].get("editable") != "." and p["source"].get("virtual") != "."
    }


def conda_pip_packages() -> tuple[set[str], list]:
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pins = {line.split(";")[0].strip() for line in pip if not line.startswith("-e")}
    return pins, env["dependencies"]


def test_environment_yml_pins_exactly_what_uv_lock_pins():
    pins, deps = conda_pip_packages()
    locked = locked_packages()
    assert pins == locked, (
        f"environment.yml drifted from uv.lock (run 'make environment.yml'): "
        f"only in lock {sorted(locked - pins)[:5]}, only in environment.yml {sorted(pins - locked)[:5]}"
    )
    python = next(d for d in deps if isinstance(d, str) and d.startswith("python"))
    requires = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"][
        "requires-python"
    ]
    assert python.split("=")[-1].startswith(requires.removeprefix(">="))


def test_make_help_is_the_default_and_lists_every_target():
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][a-z.-]*):(?!=)", makefile, flags=re.M))
    undocumented = {
        t for t in targets if not re.search(rf"^{re.escape(t)}:.*## \S", makefile, flags=re.M)
    }
    assert not undocumented, f"targets without a '## comment': {undocumented}"
    out = subprocess.run(
        ["make", "--no-print-directory"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for target in ("report", "test", "data", "validate", "lab", "clean"):
        if target in targets:
            assert re.search(rf"^\s+{target}\s+\S", out, flags=re.M), target
    assert {"test", "data", "validate", "lab", "clean", "help"} <= targets


def test_committed_notebooks_are_clean_and_executed():
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        assert notebook_problems(path) == [], path.name


def test_notebook_check_catches_run_metadata_foreign_kernels_and_paths(tmp_path):
    dirty = json.loads((NOTEBOOKS_DIR / "01_curate.ipynb").read_text())
    dirty["metadata"]["papermill"] = {"duration": 3.2, "input_path": "/home/ann/nb.ipynb"}
    dirty["metadata"]["kernelspec"] = {
        "name": "conda-env-ann-py",
        "display_name": "Python [ann]",
        "language": "python",
    }
    dirty["cells"][1]["metadata"]["execution"] = {"iopub.execute_input": "2026-11-23T10:00:00Z"}
    path = tmp_path / "dirty.ipynb"
    path.write_text(json.dumps(dirty))
    problems = " | ".join(notebook_problems(path))
    for expected in (
        "papermill run metadata",
        "'conda-env-ann-py'",
        "run metadata ['execution']",
        "machine-specific path",
    ):
        assert expected in problems

    outputs_before = [c.get("outputs") for c in dirty["cells"]]
    check = subprocess.run(
        [sys.executable, "-m", "ijmemo", "check-notebooks", "--fix", str(path)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    fixed = json.loads(path.read_text())
    assert [c.get("outputs") for c in fixed["cells"]] == outputs_before  # outputs kept for nbval
    assert notebook_problems(path) == []


def test_pre_commit_runs_the_project_checks():
    config = yaml.safe_load((PROJECT_ROOT / ".pre-commit-config.yaml").read_text())
    entries = [h["entry"] for repo in config["repos"] for h in repo["hooks"]]
    assert any("ruff check" in e for e in entries) and any("ruff format" in e for e in entries)
    assert any("check-notebooks" in e for e in entries)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pre-commit"), "validate-config", ".pre-commit-config.yaml"],
        cwd=PROJECT_ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
