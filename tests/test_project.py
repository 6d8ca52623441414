"""The project's own promises: a conda file in step with the lock, a helpful Makefile."""

from __future__ import annotations

import json
import re
import subprocess
import tomllib

import yaml

from ijmemo.paths import NOTEBOOKS_DIR, PROJECT_ROOT


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


def test_notebooks_carry_no_run_metadata():
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        nb = json.loads(path.read_text())
        assert "papermill" not in nb["metadata"], path.name
        assert nb["metadata"]["kernelspec"]["name"] == "python3", path.name
        for cell in nb["cells"]:
            assert not {"papermill", "execution"} & set(cell["metadata"]), (path.name, cell["id"])
        text = path.read_text()
        assert str(PROJECT_ROOT) not in text, f"{path.name} contains this machine's path"
