"""Notebooks run by papermill: their kernels are shut down without an interrupt."""

from __future__ import annotations

import signal

import nbformat
from jupyter_client.manager import AsyncKernelManager

from ijmemo.outputs import notebooks
from ijmemo.outputs.notebooks import QuietShutdownKernelManager, execute_notebook


def _signals_sent(base: type, tmp_path, monkeypatch) -> list[int]:
    """Run a one-cell notebook as the build does, with kernels of `base` that record the
    signals they are sent."""
    sent: list[int] = []

    class Recording(base):
        async def _async_signal_kernel(self, signum: int) -> None:
            sent.append(signum)
            await super()._async_signal_kernel(signum)

    monkeypatch.setattr(notebooks, "QuietShutdownKernelManager", Recording)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1 + 1")]
    nb.metadata["kernelspec"] = {"name": "ijmemo", "display_name": "ijmemo", "language": "python"}
    nbformat.write(nb, tmp_path / "probe.ipynb")
    out = execute_notebook(tmp_path / "probe.ipynb", tmp_path / "out.ipynb")
    assert nbformat.read(out, as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"
    return sent


def test_a_notebooks_kernel_is_shut_down_without_an_interrupt(tmp_path, monkeypatch):
    """An idle kernel that catches SIGINT as it shuts down may print "KeyboardInterrupt
    caught in kernel" on the build's stderr."""
    assert signal.SIGINT not in _signals_sent(QuietShutdownKernelManager, tmp_path, monkeypatch)


def test_jupyter_clients_own_shutdown_interrupts_first(tmp_path, monkeypatch):
    """What the quiet shutdown is for (were this to change upstream, it could go)."""
    assert signal.SIGINT in _signals_sent(AsyncKernelManager, tmp_path, monkeypatch)
