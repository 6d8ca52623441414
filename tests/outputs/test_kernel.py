"""The memo's kernel started ahead of its notebook: the notebook runs as on a new kernel,
the warm-up leaves nothing behind, and no kernel outlives the build."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_core.paths import jupyter_runtime_dir
from papermill.exceptions import PapermillExecutionError

from ijmemo.outputs.kernel import EarlyKernel, KernelCodeError
from ijmemo.outputs.notebooks import execute_notebook

# colorsys: a standard module nothing in a new kernel imports, so its presence shows the
# warm-up ran, and its absence from the namespace that the warm-up left no name.
WARM_UP = "import colorsys"
CELLS = [
    "import sys\nprint('warmed' if 'colorsys' in sys.modules else 'cold')",
    "sorted(n for n in globals() if not n.startswith('_') and n not in SHELL)",
    "x * 2",
]


def _notebook(folder: Path, cells=CELLS) -> Path:
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("x = 1")
    parameters.metadata["tags"] = ["parameters"]
    shell = "SHELL = {'In', 'Out', 'exit', 'quit', 'get_ipython', 'open', 'SHELL'}"
    nb.cells = [parameters, nbformat.v4.new_code_cell(shell)]
    nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "ijmemo", "display_name": "ijmemo", "language": "python"}
    path = folder / "probe.ipynb"
    nbformat.write(nb, path)
    return path


def _runs(notebook: Path, output: Path, parameters: dict):
    """What the build hands the kernel: papermill on the kernel given."""
    return lambda manager: execute_notebook(notebook, output, parameters, kernel_manager=manager)


def _outputs(path: Path) -> list:
    nb = nbformat.read(path, as_version=4)
    return [(c.execution_count, c.outputs) for c in nb.cells if c.cell_type == "code"]


def _kernel_processes() -> set[int]:
    """This process's children that are kernels."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == os.getpid() and b"ipykernel_launcher" in command:
            found.add(int(entry.name))
    return found


def test_a_notebook_runs_on_the_early_kernel_as_on_a_new_one_but_warmed(tmp_path):
    notebook = _notebook(tmp_path)
    fresh = execute_notebook(notebook, tmp_path / "fresh.ipynb", {"x": 21})
    with EarlyKernel(WARM_UP, cwd=tmp_path) as kernel:
        ran, after, _ = kernel.execute(_runs(notebook, tmp_path / "early.ipynb", {"x": 21}))
        early = ran.result(timeout=120)
        assert after.result(timeout=120) is None  # nothing asked after it
    # cells: parameters, papermill's injected ones, SHELL, then CELLS
    fresh_cells, early_cells = _outputs(fresh), _outputs(early)
    assert fresh_cells[3][1][0]["text"] == "cold\n"
    assert early_cells[3][1][0]["text"] == "warmed\n"
    # the rest is the same: counts from 1, the same names, the parameters injected
    assert [c[0] for c in early_cells] == list(range(1, len(early_cells) + 1))
    assert early_cells[4:] == fresh_cells[4:]
    assert early_cells[4][1][0]["data"]["text/plain"] == "['sys', 'x']"
    assert early_cells[5][1][0]["data"]["text/plain"] == "42"


def test_code_handed_after_the_notebook_runs_in_its_kernel_and_its_error_is_told(tmp_path):
    notebook = _notebook(tmp_path)
    seen = tmp_path / "seen.txt"
    then = f"import pathlib\npathlib.Path({str(seen)!r}).write_text(str(x))"
    with EarlyKernel("", cwd=tmp_path) as kernel:
        ran, after, _ = kernel.execute(_runs(notebook, tmp_path / "out.ipynb", {"x": 7}), then=then)
        ran.result(timeout=120)
        after.result(timeout=120)
    assert seen.read_text() == "7"  # the notebook's namespace, after it ran

    with EarlyKernel("", cwd=tmp_path) as kernel:
        ran, after, _ = kernel.execute(
            _runs(notebook, tmp_path / "out2.ipynb", {"x": 7}), then="1 / 0"
        )
        assert ran.result(timeout=120).is_file()  # the notebook itself is fine
        with pytest.raises(KernelCodeError, match="ZeroDivisionError: division by zero"):
            after.result(timeout=120)
    assert not _kernel_processes()


def test_code_run_first_runs_before_the_notebook_and_leaves_nothing_behind(tmp_path):
    """Work done ahead (`run_first`): before the notebook, in the same kernel, with no name
    or execution count left in the notebook; if it fails, the notebook runs as ever."""
    notebook = _notebook(tmp_path)
    seen = tmp_path / "seen.txt"
    with EarlyKernel("", cwd=tmp_path) as kernel:
        kernel.run_first("1 / 0")  # told to no one: the notebook does the work itself
        kernel.run_first(f"import colorsys, pathlib\npathlib.Path({str(seen)!r}).write_text('x')")
        ran, _, _ = kernel.execute(_runs(notebook, tmp_path / "out.ipynb", {"x": 21}))
        cells = _outputs(ran.result(timeout=120))
        with pytest.raises(RuntimeError, match="handed over already"):
            kernel.run_first("1")
    assert seen.read_text() == "x"
    assert cells[3][1][0]["text"] == "warmed\n"  # it ran first, in the notebook's kernel
    assert [c[0] for c in cells] == list(range(1, len(cells) + 1))
    assert cells[4][1][0]["data"]["text/plain"] == "['sys', 'x']"  # and left no name


def test_a_build_that_fails_while_code_runs_first_is_not_kept_waiting(tmp_path):
    """A build refused after it handed work ahead (bad parameters, found once it has
    curated) kills the kernel mid-code, and is told at once, not when the code is done."""
    kernel = EarlyKernel("", cwd=tmp_path)
    kernel.run_first("import time\ntime.sleep(300)")
    time.sleep(3)  # (the kernel started and running it)
    closing = threading.Thread(target=kernel.close, kwargs={"cancel": True}, daemon=True)
    closing.start()
    closing.join(30)
    assert not closing.is_alive()
    assert not _kernel_processes()


def test_code_run_outside_the_notebook_cannot_wait_for_input(tmp_path):
    """No one answers a kernel's input() during a build: asked for, it fails at once."""
    notebook = _notebook(tmp_path)
    with EarlyKernel("", cwd=tmp_path) as kernel:
        ran, after, _ = kernel.execute(_runs(notebook, tmp_path / "out.ipynb", {"x": 1}), "input()")
        ran.result(timeout=120)
        with pytest.raises(KernelCodeError, match="StdinNotImplementedError"):
            after.result(timeout=120)


def test_a_failing_notebook_is_told_and_nothing_runs_after_it(tmp_path):
    notebook = _notebook(tmp_path, cells=["raise ValueError('bad cell')"])
    seen = tmp_path / "seen.txt"
    then = f"open({str(seen)!r}, 'w').write('ran')"
    with EarlyKernel("", cwd=tmp_path) as kernel:
        ran, after, _ = kernel.execute(_runs(notebook, tmp_path / "out.ipynb", {}), then=then)
        with pytest.raises(PapermillExecutionError, match="bad cell"):
            ran.result(timeout=120)
        with pytest.raises(PapermillExecutionError):
            after.result(timeout=120)
    assert not seen.exists()
    assert not _kernel_processes()


def test_a_kernel_never_handed_a_notebook_is_shut_down(tmp_path, capfd):
    runtime = Path(jupyter_runtime_dir())
    before = set(runtime.glob("kernel-*.json"))
    kernel = EarlyKernel(WARM_UP, cwd=tmp_path)
    kernel.close()
    kernel.close()  # twice: nothing more happens
    assert not _kernel_processes()
    assert set(runtime.glob("kernel-*.json")) == before  # its connection file removed
    assert "KeyboardInterrupt" not in capfd.readouterr().err  # killed, not interrupted


def test_a_build_that_fails_mid_notebook_kills_its_kernel_at_once(tmp_path):
    notebook = _notebook(tmp_path, cells=["import time\ntime.sleep(600)"])
    kernel = EarlyKernel("", cwd=tmp_path)
    ran, _, _ = kernel.execute(_runs(notebook, tmp_path / "out.ipynb", {}))
    with pytest.raises(RuntimeError, match="has run its notebook"):
        kernel.execute(_runs(notebook, tmp_path / "again.ipynb", {}))  # one per kernel
    while not _kernel_processes():  # the kernel is starting: fail the build now
        time.sleep(0.05)
    kernel.__exit__(RuntimeError, RuntimeError("printer on fire"), None)  # as `with` does
    # over: the kernel killed wherever it was (starting, connecting, running), not waited for
    with pytest.raises(RuntimeError, match=r"(?i)kernel died|before its notebook ran"):
        ran.result(timeout=0)
    assert not _kernel_processes()


def test_a_second_notebook_runs_after_the_first_as_on_a_kernel_of_its_own(tmp_path):
    """01 runs on the memo's kernel after it: it finds none of the memo's names, counts
    from 1, and shows what it shows on a new kernel (the modules stay imported)."""
    notebook = _notebook(tmp_path)
    fresh = execute_notebook(notebook, tmp_path / "fresh.ipynb", {"x": 5})
    (tmp_path / "first").mkdir()
    first = _notebook(tmp_path / "first", cells=["import colorsys\nleft_behind = 1"])
    with EarlyKernel("", cwd=tmp_path) as kernel:
        _, _, second = kernel.execute(
            _runs(first, tmp_path / "first.ipynb", {"x": 1}),
            then="also_left = 2",
            next_run=_runs(notebook, tmp_path / "second.ipynb", {"x": 5}),
        )
        assert second.result(timeout=120) == (tmp_path / "second.ipynb").resolve()
    cells, fresh_cells = _outputs(tmp_path / "second.ipynb"), _outputs(fresh)
    assert [c[0] for c in cells] == list(range(1, len(cells) + 1))
    assert cells[3][1][0]["text"] == "warmed\n"  # colorsys: imported by the first
    assert cells[4:] == fresh_cells[4:]  # no name left: ['sys', 'x']; x * 2 is 10
    assert cells[4][1][0]["data"]["text/plain"] == "['sys', 'x']"


def test_after_a_failure_the_second_notebook_does_not_run(tmp_path):
    notebook = _notebook(tmp_path, cells=["raise ValueError('bad cell')"])
    with EarlyKernel("", cwd=tmp_path) as kernel:
        _, _, second = kernel.execute(
            _runs(notebook, tmp_path / "out.ipynb", {}),
            next_run=_runs(notebook, tmp_path / "second.ipynb", {}),
        )
        with pytest.raises(PapermillExecutionError, match="bad cell"):
            second.result(timeout=120)
    assert not (tmp_path / "second.ipynb").exists()
    assert not _kernel_processes()


def test_a_warning_shown_by_the_first_notebook_is_shown_by_the_second_too(tmp_path):
    """Python shows a warning once per place in the code: 01 after the memo shows the
    warnings it would show on a kernel of its own."""
    (tmp_path / "warns.py").write_text(
        "import warnings\n\ndef f():\n    warnings.warn('look out', UserWarning)\n"
    )
    calls = ["import sys\nsys.path.insert(0, '.')\nimport warns\nwarns.f()"]
    notebook = _notebook(tmp_path, cells=calls)
    with EarlyKernel("", cwd=tmp_path) as kernel:
        _, _, second = kernel.execute(
            _runs(notebook, tmp_path / "first.ipynb", {}),
            next_run=_runs(notebook, tmp_path / "second.ipynb", {}),
        )
        second.result(timeout=120)
    for name in ("first.ipynb", "second.ipynb"):
        shown = [o.get("text", "") for _, outputs in _outputs(tmp_path / name) for o in outputs]
        assert any("UserWarning: look out" in text for text in shown), name
