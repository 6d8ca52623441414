"""Execute notebooks with papermill and keep their files stable.

Papermill and nbclient record run metadata (timings, paths, kernel start
times) and new cells get random ids; all of it changes between runs. We strip
or pin it so the same inputs give the same notebook bytes, which is what lets
nbval hold the notebooks to their committed outputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import nbformat
import papermill

from ijmemo.outputs.kernel import KERNEL, KERNEL_ARGUMENTS
from ijmemo.outputs.kernel_manager import BuildKernelManager

KERNEL_DISPLAY_NAME = "Python (ijmemo: India–Japan memo)"


def clean_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run metadata and give every cell a stable id (its position and role)."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        for number, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:  # a widget's model id is random: named by its place instead
                view["model_id"] = f"{index:02d}-widget-{number}"
        tags = cell.metadata.get("tags", [])
        role = "injected-parameters" if "injected-parameters" in tags else cell.cell_type
        cell["id"] = f"{index:02d}-{role}"
    return nb


def execute_notebook(
    notebook: Path,
    output: Path,
    parameters: dict | None = None,
    cwd: Path | None = None,
    kernel_manager=None,
) -> Path:
    """Run `notebook` with papermill into `output`, then clean it in place.

    `kernel_manager`: a kernel already started (`kernel.EarlyKernel`) to run it on; its
    owner shuts it down. None: papermill starts one and shuts it down."""
    output = Path(output).resolve()  # papermill changes directory while it runs
    output.parent.mkdir(parents=True, exist_ok=True)
    given = (
        {"kernel_manager_class": BuildKernelManager}
        if kernel_manager is None
        else {"km": kernel_manager}
    )
    papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters=parameters or {},
        kernel_name=KERNEL,
        cwd=str(cwd or Path(notebook).parent),
        progress_bar=False,
        request_save_on_cell_execute=False,
        extra_arguments=KERNEL_ARGUMENTS,
        **given,
    )
    clean_file(output)
    return output


KEPT_RUNS = 16  # executed runs kept for reuse (one per parameter set and data state)


def execute_cached(
    notebook: Path,
    output: Path,
    parameters: dict,
    depends_on: list[Path],
    cache_dir: Path,
    say=lambda _: None,
    kernel_manager=None,
) -> Path:
    """`execute_notebook` (on `kernel_manager`, if given), unless the same notebook
    already ran on the same inputs.

    The key is the notebook, its parameters and the bytes of every file it depends on
    (the processed tables' manifest, the package's code, the lock file): when none
    changed, the executed copy kept from that run is the same bytes a new run would
    write (the project's outputs are deterministic), so it is copied instead.
    """
    digest = hashlib.sha256(Path(notebook).read_bytes())
    digest.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    for path in sorted(depends_on):
        digest.update(str(path).encode() + b"\0" + Path(path).read_bytes())
    kept = Path(cache_dir) / f"{Path(notebook).stem}-{digest.hexdigest()[:32]}.ipynb"
    output = Path(output)
    if kept.is_file():
        say(f"{Path(notebook).name}: inputs unchanged since it last ran; reusing that run")
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, output)
        return output.resolve()
    execute_notebook(notebook, output, parameters, kernel_manager=kernel_manager)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        runs = sorted(kept.parent.glob("*.ipynb"), key=lambda f: f.stat().st_mtime)
        for old in runs[:-KEPT_RUNS]:
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=kept.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(output.read_bytes())
        os.replace(tmp.name, kept)
    except OSError:
        pass  # no cache: the next build runs it again
    return output.resolve()


# Paths that betray someone's machine; a committed notebook must run from any checkout.
_MACHINE_PATH = re.compile(r"(?<![\w.])/(?:home|Users|root|tmp|work)/|[A-Z]:\\\\")


def notebook_problems(path: Path) -> list[str]:
    """Why a committed notebook is not clean: run metadata, machine paths, a foreign kernel,
    or missing outputs (nbval compares against them)."""
    text = Path(path).read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    problems = []
    if "papermill" in nb.metadata:
        problems.append("papermill run metadata in the notebook metadata")
    kernel = nb.metadata.get("kernelspec", {})
    if kernel.get("name") != KERNEL or kernel.get("display_name") != KERNEL_DISPLAY_NAME:
        problems.append(
            f"kernelspec is {kernel.get('name')!r}, not the project's kernel {KERNEL!r}"
        )
    for index, cell in enumerate(nb.cells):
        stale = {"papermill", "execution"} & set(cell.metadata)
        if stale:
            problems.append(f"cell {index}: run metadata {sorted(stale)}")
        if cell.cell_type == "code" and cell.source.strip() and cell.execution_count is None:
            problems.append(f"cell {index}: not executed (nbval needs its saved outputs)")
    if match := _MACHINE_PATH.search(text):
        problems.append(f"a machine-specific path ({match.group(0)}...) is saved in the notebook")
    return problems


def clean_file(path: Path) -> None:
    """Strip run metadata and pin the project's kernel; outputs are kept."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = {
        "display_name": KERNEL_DISPLAY_NAME,
        "language": "python",
        "name": KERNEL,
    }
    nbformat.write(clean_notebook(nb), path)
