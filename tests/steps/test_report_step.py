"""steps/report.py: what a build starts while it curates, and that it leaves nothing behind.

(The build's outputs are tested end to end in tests/end_to_end/test_report.py and
test_editions.py.)"""

from __future__ import annotations

import shutil
import threading
import time
from typing import ClassVar

import psutil
import pytest

import ijmemo.steps.report as report
from ijmemo.core.paths import PARAMS_DIR
from ijmemo.core.problems import ParameterError
from ijmemo.outputs.kernel import CURATE_WARM_UP
from ijmemo.steps.report import ReportJob, StartedWhileCurating, build_report

from conftest import edit, edit_claims


class _Started:
    """Stands for EarlyKernel and PdfPrinter: records what was started and closed."""

    log: ClassVar[list[str]] = []

    def __init__(self, *args, **kwargs) -> None:
        self.kind = "kernel" if args or kwargs else "printer"
        self.args = args
        self.log.append(f"{self.kind} started")

    def close(self, cancel: bool = False) -> None:
        self.log.append(f"{self.kind} closed" + (" (cancelled)" if cancel else ""))


@pytest.fixture
def started(monkeypatch) -> list[str]:
    _Started.log = []
    monkeypatch.setattr(report, "EarlyKernel", _Started)
    monkeypatch.setattr(report, "PdfPrinter", _Started)
    return _Started.log


def test_the_curate_kernel_and_chromium_start_once_the_memo_kernel_is_warm(started):
    warmed = threading.Event()
    early = StartedWhileCurating(prints=True)
    early.start(after=warmed)
    time.sleep(0.2)
    assert started == []  # the memo's kernel still warming up: the other core is busy
    warmed.set()
    kernel, printer = early.started()
    assert kernel.args == (CURATE_WARM_UP,) and printer is not None
    assert started == ["kernel started", "printer started"]
    early.close(cancel=True)
    assert started[2:] == ["kernel closed (cancelled)", "printer closed"]


def test_no_chromium_is_started_for_a_build_that_prints_nothing(started):
    warmed = threading.Event()
    warmed.set()
    early = StartedWhileCurating(prints=False)
    early.start(after=warmed)
    assert early.started()[1] is None and started == ["kernel started"]
    early.close()


def test_a_build_closed_before_the_memo_kernel_is_warm_starts_nothing(started):
    early = StartedWhileCurating(prints=True)
    early.start(after=threading.Event())  # never set: the build is refused first
    closing = threading.Thread(target=early.close)
    closing.start()
    closing.join(timeout=5)
    assert not closing.is_alive() and started == []


def test_a_build_refused_after_curating_leaves_no_kernel_or_browser_running(
    data_copy, tmp_path, monkeypatch
):
    start = StartedWhileCurating.start

    def started_before_refusal(early, after):  # (the shipped data curates in a second)
        start(early, after)
        assert all(early.started())  # 01's kernel and Chromium, running when it is refused

    monkeypatch.setattr(StartedWhileCurating, "start", started_before_refusal)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    edit_claims(data_copy, "are to launch an AI dialogue.", "are to launch an AI Dialogue.")
    params = tmp_path / "default.yaml"
    shutil.copy(PARAMS_DIR / "default.yaml", params)
    shutil.copy(PARAMS_DIR / "default.md", tmp_path / "default.md")
    edit(params, "period_months: 3", "period_months: 0")
    job = ReportJob(params, data_dir=data_copy, out_root=tmp_path / "build", editions_dir=None)
    said: list[str] = []
    with pytest.raises(ParameterError, match="period_months"):
        build_report(job, say=said.append)
    assert any("running the curate step" in m for m in said)  # it curated first
    # (psutil: ipykernel's own dependency) neither kernel is left, nor Chromium
    left = [p for p in psutil.Process().children(recursive=True) if p.pid not in before]
    assert not [p.name() for p in left]
    assert not (tmp_path / "build").exists()
