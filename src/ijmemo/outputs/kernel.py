"""The memo's kernel, started before the build needs it, in a thread of its own.

A kernel takes about 1.3 s to start and its first imports (pandas, plotly, the memo's
modules and plotly's validators) about 2.5 s more. Meanwhile the build process imports
its own modules, checks the parameters and starts Chromium. Started first, with those
imports run silently (nothing enters the notebook's namespace, history or execution
count), the kernel's start overlaps that work. After the notebook, the build can hand
the same kernel code to run (the edition's files: `edition_files.py`), and then another
notebook (01, which a second kernel would take a second or more of both cores to start).

Nothing of the notebook runs before `execute` hands it over, which the build does only
once the parameters are checked; a build refused before then shuts the kernel down
unused. Only this module's thread touches the kernel (jupyter_client's asyncio objects
stay in one event loop).
"""

from __future__ import annotations

import os
import queue
import re
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from pathlib import Path

from ijmemo.core.gc_tuning import KERNEL_GC_LINE
from ijmemo.core.paths import NOTEBOOKS_DIR

KERNEL = "ijmemo"  # the project's kernel, registered in .venv by `make env`
# Its unencrypted-TCP warning is noise; a memo at 100,000 claims collects less (gc_tuning).
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", f"--IPKernelApp.exec_lines={KERNEL_GC_LINE}"]
# What 02_memo's first cell imports, plotly's validators for what its charts draw, and
# the sections' templates.
MEMO_WARM_UP = """\
from ijmemo.memo import charts, rendering, sections
charts.warm_up()
rendering.compile_templates()
"""


class EarlyKernel:
    """A kernel started now, warmed up with `warm_up`, that runs a notebook when handed
    one (`execute`; and code and a second notebook after it) and is shut down after
    them, or by `close` if none comes."""

    def __init__(self, warm_up: str = MEMO_WARM_UP, cwd: Path = NOTEBOOKS_DIR) -> None:
        self._warm_up, self._cwd = warm_up, Path(cwd)
        self._jobs: queue.Queue = queue.Queue()
        self._handed = False  # one notebook per kernel: a second would wait forever
        self._pid: int | None = None  # the kernel's process, once started
        self._cancelled = False  # the build failed: run nothing more
        self._thread = threading.Thread(target=self._run, name="memo-kernel", daemon=True)
        self._thread.start()

    def execute(
        self,
        run: Callable[[object], Path],
        then: str = "",
        next_run: Callable[[object], Path] | None = None,
    ) -> tuple[Future, Future, Future]:
        """Call `run` with this kernel's manager (it runs the notebook: `execute_notebook`
        with `kernel_manager`), then the code `then` in the same kernel, silently, then
        `next_run` as `run` (another notebook: the kernel is reset first, as a new session,
        so it finds no name and counts from 1, as on a kernel of its own). The futures
        hold what `run` returns (or its error) as soon as the notebook has run; None once
        `then` has run (or its error); what `next_run` returns (None if not given)."""
        if self._handed or not self._thread.is_alive():
            raise RuntimeError("this kernel has run its notebook or is shut down")
        self._handed = True
        ran, after, ran_next = Future(), Future(), Future()
        self._jobs.put((run, then, next_run, ran, after, ran_next))
        return ran, after, ran_next

    def run_first(self, code: str) -> None:
        """Run `code` in the kernel before its notebook, silently, nothing left in the
        notebook's namespace (call it before `execute`). Work done ahead only: if it
        fails, the notebook does that work itself. Returns at once."""
        if self._handed:
            raise RuntimeError("the notebook was handed over already")
        self._jobs.put(code)

    def close(self, cancel: bool = False) -> None:
        """Shut the kernel down once its work is done, or unused if none was handed over
        (idempotent). `cancel`: kill it now, even mid-notebook (the build failed)."""
        if cancel:
            # Flag first, then kill: a kernel still starting sees the flag before it runs
            # anything; one already running the notebook has its process known, and dies.
            self._cancelled = True
            if self._pid is not None:
                with suppress(OSError):  # gone already
                    os.kill(self._pid, signal.SIGKILL)  # papermill then stops: kernel died
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()

    def __enter__(self) -> EarlyKernel:
        return self

    def __exit__(self, failed, *_) -> None:
        self.close(cancel=failed is not None)

    def _run(self) -> None:
        manager = error = None
        try:
            manager = self._start()
        except BaseException as exc:  # told to whoever hands a notebook over
            error = exc
        try:
            job = self._jobs.get()
            while isinstance(job, str):  # run_first's code, until the notebook (or None)
                if error is None and not self._cancelled:
                    with suppress(Exception):  # (the notebook does that work itself)
                        _run_code(manager, f"exec({job!r}, {{}})")
                job = self._jobs.get()
            if job is not None:
                self._serve(manager, error, *job)
        finally:
            if manager is not None:
                self._pid = None  # from here on the number may be another process's
                _shut_down(manager)

    def _serve(self, manager, error, run, then: str, next_run, *futures: Future) -> None:
        """The notebook (`run`), then `then`, then `next_run`, each answering in its
        future; after a failure, nothing more runs and each later future tells it."""

        def run_next():
            _run_code(manager, NEW_SESSION)
            return next_run(manager)

        steps = [
            lambda: run(manager),
            lambda: _run_code(manager, then) if then else None,
            run_next if next_run is not None else lambda: None,
        ]
        failed = error
        if failed is None and self._cancelled:
            failed = KernelCancelled("the build failed before its notebook ran")
        for step, future in zip(steps, futures, strict=True):
            if failed is not None:
                future.set_exception(failed)
                continue
            try:
                future.set_result(step())
            except BaseException as exc:
                future.set_exception(exc)
                failed = exc

    def _start(self):
        from jupyter_core.utils import run_sync

        from ijmemo.outputs.kernel_manager import BuildKernelManager

        manager = BuildKernelManager(kernel_name=KERNEL)
        run_sync(manager.start_kernel)(cwd=str(self._cwd), extra_arguments=KERNEL_ARGUMENTS)
        self._pid = manager.provisioner.pid
        try:
            if self._cancelled:  # (cancelled while it started: its number was not known)
                raise KernelCancelled("the build failed before its notebook ran")
            if self._warm_up:
                self._send_warm_up(manager)
        except BaseException:
            self._pid = None
            _shut_down(manager)  # started, never ready: not left running
            raise
        return manager

    def _send_warm_up(self, manager) -> None:
        client = manager.blocking_client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=60)
            # In a namespace of its own and not stored: the notebook finds no name it did
            # not make, and its execution counts start at 1 as in a new kernel.
            warm_up = f"exec({self._warm_up!r}, {{}})"
            client.execute(warm_up, silent=True, store_history=False)
        finally:
            client.stop_channels()  # the request is sent; the kernel runs it meanwhile


# A notebook run after another on the same kernel finds what a kernel of its own would:
# no name left, execution counts from 1 (the modules imported stay imported), and a
# warning shown once per place shown again (adding a filter clears what was shown; this
# one, last, does what Python does where no filter applies).
NEW_SESSION = """\
get_ipython().reset(new_session=True)
__import__("warnings").filterwarnings("default", append=True)
"""


class KernelCancelled(RuntimeError):
    """The build failed and stopped its kernel (`close(cancel=True)`)."""


class KernelCodeError(RuntimeError):
    """Code the build ran in a kernel failed after its notebook ran (a fault of this
    package, not of the data: the notebook itself had run)."""


_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # IPython colours its tracebacks


def _run_code(manager, code: str) -> None:
    """Run `code` in the kernel, outside the notebook (nothing shown, nothing stored).

    Its answer is read on the shell channel, which queues it: IOPub, which a new client
    may join after the kernel has said it is done, would leave this waiting. A kernel
    killed meanwhile (a build that failed: `close(cancel=True)`) is noticed within a
    second."""
    client = manager.blocking_client()
    client.start_channels(iopub=False, stdin=False, hb=False, control=False)
    try:
        asked = client.execute(code, silent=True, store_history=False, allow_stdin=False)
        while True:
            try:
                reply = client.get_shell_msg(timeout=1)
            except queue.Empty:
                if not client.is_alive():
                    raise KernelCodeError("the kernel died before the code had run") from None
                continue
            if reply["parent_header"].get("msg_id") == asked:
                break
    finally:
        client.stop_channels()
    content = reply["content"]
    if content["status"] != "ok":
        trace = _ANSI.sub("", "\n".join(content.get("traceback", [])))
        raise KernelCodeError(f"{content.get('ename')}: {content.get('evalue')}\n{trace}")


def _shut_down(manager) -> None:
    """Kill the kernel (its outputs are collected) and remove its connection file. Not
    `shutdown_kernel(now=True)`, even on kernel_manager.BuildKernelManager (which
    skips the interrupt): after the kill it polls every 0.1 s, and the build waits."""
    from jupyter_core.utils import ensure_async, run_sync

    async def stop() -> None:
        if manager.has_kernel:
            await manager.provisioner.kill()
            await manager.provisioner.wait()
        await ensure_async(manager.cleanup_resources())

    with suppress(Exception):  # a kernel that died already
        run_sync(stop)()
