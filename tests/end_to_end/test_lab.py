"""JupyterLab, as an analyst uses it: the memo notebook opens on the project's kernel with live charts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ijmemo.core.paths import PROJECT_ROOT
from ijmemo.outputs.browser import chromium_page
from ijmemo.outputs.notebooks import KERNEL, KERNEL_DISPLAY_NAME

LAB_START_SECONDS = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on a free loopback port, stopped by the fixture whatever happens."""
    port = free_port()
    runtime = tmp_path_factory.mktemp("lab-runtime")
    settings = runtime / "lab-settings"
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(
        json.dumps({"windowingMode": "none"})
    )  # render every cell, not just visible ones
    env = os.environ | {
        "JUPYTER_RUNTIME_DIR": str(runtime),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTER_CONFIG_DIR": str(runtime / "config"),
    }
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={PROJECT_ROOT}",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    if os.geteuid() == 0:
        cmd.append("--allow-root")  # CI runs as root
    log = (tmp_path_factory.mktemp("lab-log") / "lab.log").open("w")
    server = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + LAB_START_SECONDS
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {server.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(f"{base}/api/kernelspecs", timeout=2) as response:
                    specs = json.load(response)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"JupyterLab did not answer on {base} in {LAB_START_SECONDS} s"
                    ) from None
                time.sleep(0.5)
        yield base, specs
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_the_project_kernel_is_registered_under_its_name(lab):
    _, specs = lab
    assert KERNEL in specs["kernelspecs"]
    spec = specs["kernelspecs"][KERNEL]["spec"]
    assert spec["display_name"] == KERNEL_DISPLAY_NAME
    assert Path(spec["argv"][0]).resolve() == Path(sys.executable).resolve()  # the project's .venv


def test_memo_notebook_opens_on_the_project_kernel_with_interactive_charts(lab):
    base, _ = lab
    with chromium_page(allowed=(base, "data:", "about:", "blob:")) as page:
        page.goto(f"{base}/lab/tree/notebooks/02_memo.ipynb", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-NotebookPanel", timeout=60_000)
        kernel = page.locator(".jp-NotebookPanel-toolbar .jp-Toolbar-kernelName")
        kernel.filter(has_text=KERNEL_DISPLAY_NAME).wait_for(timeout=60_000)
        # The saved outputs are drawn by the plotly renderer in Lab: live SVG with a mode bar.
        page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-OutputArea .js-plotly-plot')]
                .filter(p => p.querySelector('.main-svg')).length >= 3""",
            timeout=60_000,
        )
        charts = page.locator(".jp-OutputArea .js-plotly-plot")
        assert charts.count() >= 3
        assert page.locator(".jp-OutputArea .js-plotly-plot .modebar").count() >= 3  # interactive
        text = page.locator(".jp-Notebook").inner_text()
        assert "No renderer could be found" not in text
        assert "What to watch" in text and "window open until 30 April 2026" in text
