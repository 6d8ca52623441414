"""JupyterLab, as an analyst uses it: the memo notebook opens on the project's kernel with live charts."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ijmemo.core.paths import PROJECT_ROOT
from ijmemo.core.yamlio import load_yaml
from ijmemo.outputs.browser import chromium_page
from ijmemo.outputs.notebooks import KERNEL, KERNEL_DISPLAY_NAME
from ijmemo.steps.add_source import add_source

from conftest import ARTICLE, MEETING, SID, TITLE

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


def test_an_article_is_reviewed_and_accepted_in_the_review_notebook(lab, data_copy):
    """An analyst's path with no YAML: open the review notebook on an added article, run it,
    tick accept, write the statement, accept, and find the claim in the curated data."""
    add_source(ARTICLE, title=TITLE, date="2026-02-27", data_dir=data_copy)
    base, _ = lab
    folder = PROJECT_ROOT / "report" / "build" / "lab-test"  # the Lab serves it; git ignores it
    folder.mkdir(parents=True, exist_ok=True)
    notebook = folder / "review_test.ipynb"
    nb = json.loads((PROJECT_ROOT / "notebooks" / "03_review.ipynb").read_text())
    for cell in nb["cells"]:
        if "parameters" in cell["metadata"].get("tags", []):
            cell["source"] = f"source = {SID!r}\ndata_dir = {str(data_copy)!r}"
        cell["outputs"] = [] if cell["cell_type"] == "code" else cell.get("outputs")
    notebook.write_text(json.dumps(nb))
    statement = (
        "Japan's foreign ministry said officials held the first meeting of the critical "
        "minerals working group in Tokyo on 25 February 2026."
    )
    try:
        with chromium_page(allowed=(base, "data:", "about:", "blob:")) as page:
            page.goto(
                # ?reset: the Lab's workspace forgets notebooks an earlier test left open
                f"{base}/lab/tree/report/build/lab-test/review_test.ipynb?reset",
                wait_until="domcontentloaded",
            )
            page.wait_for_selector(".jp-NotebookPanel", timeout=60_000)
            kernel = page.locator(  # this notebook's toolbar, not a tab behind it
                ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar .jp-Toolbar-kernelName"
            )
            kernel.filter(has_text=KERNEL_DISPLAY_NAME).wait_for(timeout=60_000)
            heading = page.locator("h4", has_text=re.compile(rf"^{MEETING}$"))
            form = page.locator(".widget-vbox").filter(has=heading).last  # that candidate's own
            for attempt in range(3):  # a run asked for while the kernel still starts may be lost
                page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
                page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
                try:
                    form.wait_for(timeout=90_000)
                    break
                except PlaywrightTimeout:
                    if attempt == 2:
                        raise
            form.locator(".widget-checkbox input").first.check()
            # the subject, set in its drop-down: away from the proposal and back to it
            subject = form.locator(".widget-dropdown select").first
            subject.select_option(label="initiative: India–Japan AI Dialogue")
            page.get_by_role("button", name="Save review file").click()
            page.get_by_text(", saved;").wait_for(timeout=60_000)
            review = load_yaml(data_copy / "review" / f"{SID}.yaml")["candidates"]
            assert next(c for c in review if c["id"] == MEETING)["subject"] == "ai-dialogue"
            subject.select_option(label="initiative: Joint Working Group on critical minerals")
            box = form.locator("textarea").first
            box.fill(statement)
            box.blur()
            page.get_by_text("accept would succeed").wait_for(timeout=60_000)
            if shot := os.environ.get("IJMEMO_REVIEW_SCREENSHOT"):  # the README's picture
                page.set_viewport_size({"width": 1280, "height": 1000})
                form.scroll_into_view_if_needed()
                page.screenshot(path=shot)
            page.get_by_role("button", name="Accept into the evidence").click()
            page.get_by_text("Accepted").first.wait_for(timeout=60_000)
    finally:
        notebook.unlink(missing_ok=True)
    claims = load_yaml(data_copy / "curated" / "claims" / f"{SID}.yaml")
    assert [(c["id"], c["statement"], c["subject"]) for c in claims] == [
        (MEETING, statement, "jwg-critical-minerals")
    ]
