"""Execute notebooks with papermill and keep their files stable.

Papermill and nbclient record run metadata (timings, paths, kernel start
times) and new cells get random ids; all of it changes between runs. We strip
or pin it so the same inputs give the same notebook bytes, which is what lets
nbval hold the notebooks to their committed outputs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill

KERNEL = "python3"


def clean_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run metadata and give every cell a stable id (its position and role)."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags", [])
        role = "injected-parameters" if "injected-parameters" in tags else cell.cell_type
        cell["id"] = f"{index:02d}-{role}"
    return nb


def execute_notebook(
    notebook: Path, output: Path, parameters: dict | None = None, cwd: Path | None = None
) -> Path:
    """Run `notebook` with papermill into `output`, then clean it in place."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters=parameters or {},
        kernel_name=KERNEL,
        cwd=str(cwd or Path(notebook).parent),
        progress_bar=False,
        request_save_on_cell_execute=False,
        # The kernel's start-up warning about unencrypted local TCP is noise here;
        # errors still show.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    nb = nbformat.read(output, as_version=4)
    nbformat.write(clean_notebook(nb), output)
    return output
