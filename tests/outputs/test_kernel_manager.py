"""The build's kernels: ready as soon as they answer, shut down without an interrupt."""

from __future__ import annotations

import signal
import threading

import nbformat
import pytest
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

from ijmemo.outputs import notebooks
from ijmemo.outputs.kernel import KERNEL
from ijmemo.outputs.kernel_manager import BuildKernelManager, PromptBlockingClient
from ijmemo.outputs.notebooks import execute_notebook


def _signals_sent(base: type, tmp_path, monkeypatch) -> list[int]:
    """Run a one-cell notebook as the build does, with kernels of `base` that record the
    signals they are sent."""
    sent: list[int] = []

    class Recording(base):
        async def _async_signal_kernel(self, signum: int) -> None:
            sent.append(signum)
            await super()._async_signal_kernel(signum)

    monkeypatch.setattr(notebooks, "BuildKernelManager", Recording)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": KERNEL, "language": "python"}
    nbformat.write(nb, tmp_path / "probe.ipynb")
    out = execute_notebook(tmp_path / "probe.ipynb", tmp_path / "out.ipynb")
    assert nbformat.read(out, as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"
    return sent


def test_a_notebooks_kernel_is_shut_down_without_an_interrupt(tmp_path, monkeypatch):
    """An idle kernel that catches SIGINT as it shuts down may print "KeyboardInterrupt
    caught in kernel" on the build's stderr."""
    assert signal.SIGINT not in _signals_sent(BuildKernelManager, tmp_path, monkeypatch)


def test_jupyter_clients_own_shutdown_interrupts_first(tmp_path, monkeypatch):
    """What the quiet shutdown is for (were this to change upstream, it could go)."""
    assert signal.SIGINT in _signals_sent(AsyncKernelManager, tmp_path, monkeypatch)


CHATTER = """
import sys, threading, time
def chatter():
    while True:
        print("working", flush=True)
        time.sleep(0.05)
threading.Thread(target=chatter, daemon=True).start()
"""


@pytest.fixture(scope="module")
def chatty_kernel():
    """A kernel printing every 50 ms from a thread: IOPub is never quiet."""
    manager = BuildKernelManager(kernel_name=KERNEL)
    run_sync(manager.start_kernel)()
    client = manager.blocking_client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    client.execute_interactive(CHATTER, timeout=60, output_hook=lambda _: None)
    client.stop_channels()
    yield manager
    run_sync(manager.shutdown_kernel)(now=True)


def _ready_within(manager, client_class: type, seconds: float) -> bool:
    """Does a new client of `client_class` come back from `wait_for_ready` in time?"""
    client = client_class(parent=manager)
    client.load_connection_info(manager.get_connection_info())
    client.start_channels()
    waiting = threading.Thread(target=client.wait_for_ready, kwargs={"timeout": 60}, daemon=True)
    waiting.start()
    waiting.join(seconds)
    return not waiting.is_alive()  # (one left waiting ends as the kernel is shut down)


def test_a_client_is_ready_once_the_kernel_answers_however_much_it_prints(chatty_kernel):
    """The build waits for its kernel twice; neither waits for IOPub to fall silent."""
    assert _ready_within(chatty_kernel, PromptBlockingClient, seconds=30)


def test_jupyter_clients_own_wait_is_for_silence(chatty_kernel):
    """What the prompt client is for: jupyter_client's waits until IOPub has been quiet
    for 0.2 s, which a printing kernel never is."""
    assert not _ready_within(chatty_kernel, BlockingKernelClient, seconds=3)


def test_the_build_kernels_listen_on_sockets_of_their_own(chatty_kernel):
    """No TCP port another process could take first; an absolute path, since the kernel
    runs in another folder than the build."""
    info = chatty_kernel.get_connection_info()
    assert info["transport"] == "ipc" and info["ip"].startswith("/")
    assert BuildKernelManager(kernel_name=KERNEL).ip != chatty_kernel.ip  # one per kernel
