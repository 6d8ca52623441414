"""Build one memo edition: notebooks → HTML → PDF, published only when all succeed.

build_report()   parameters checked, then 01 and 02 executed by papermill,
                 02 turned into memo.html (nbconvert, project template),
                 memo.html printed to memo.pdf (headless Chromium, Playwright);
                 everything is written to a staging folder, then swapped in.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from plotly.offline import get_plotlyjs

from . import curate
from .atomic import staged_dir
from .browser import print_pdf
from .editions import edition_manifest, previous_for, write_edition
from .memo import Memo, load_tables
from .notebook import execute_notebook
from .params import MemoParams, load_params
from .paths import BUILD_DIR, NOTEBOOKS_DIR, PARAMS_DIR, TEMPLATES_DIR, DataPaths


def notebook_to_html(notebook: Path, title: str) -> str:
    """The executed memo notebook as a self-contained page (plotly.js inlined once)."""
    exporter = HTMLExporter(template_name="memo", extra_template_basedirs=[str(TEMPLATES_DIR)])
    nb = nbformat.read(notebook, as_version=4)
    html, _ = exporter.from_notebook_node(
        nb, resources={"memo_title": title, "plotly_js": get_plotlyjs()}
    )
    return html


def ensure_processed(data_dir, say: Callable[[str], None]) -> None:
    """Rebuild data/processed when its inputs changed since it was written."""
    paths = DataPaths.at(data_dir)
    if curate.processed_is_current(paths):
        return
    say("report: processed tables are missing or out of date; running the curate step")
    curate.curate_to_processed(paths.root)


def _notebook_assessment(params_path: Path, params: MemoParams) -> str | None:
    """The assessment file as the notebook finds it (relative to report/params/ when there)."""
    if not params.assessment_file:
        return None
    target = (params_path.parent / params.assessment_file).resolve()
    try:
        return str(target.relative_to(PARAMS_DIR.resolve()))
    except ValueError:
        return str(target)


def check_report_params(params_path: Path, data_dir=None) -> MemoParams:
    tables = load_tables(data_dir)
    return load_params(
        params_path, tables["sectors"].sector_id.tolist(), tables["countries"].code.tolist()
    )


def build_report(
    params_path: str | Path,
    data_dir=None,
    out_root: Path = BUILD_DIR,
    pdf: bool = True,
    say: Callable[[str], None] = print,
) -> Path:
    """Build one edition into out_root/<parameter-set>/ and return that folder."""
    params_path = Path(params_path)
    set_name = params_path.stem
    ensure_processed(data_dir, say)
    params = check_report_params(params_path, data_dir)  # before any notebook runs
    say(f"report [{set_name}]: parameters OK (as of {params.as_of})")
    data_arg = str(Path(data_dir).resolve()) if data_dir is not None else None
    final = Path(out_root) / set_name
    paths = DataPaths.at(data_dir)
    inputs = json.loads((paths.processed / curate.MANIFEST).read_text())["inputs"]
    current = edition_manifest(Memo(load_tables(data_dir), params), inputs)
    previous = previous_for(final, current)
    steps = 4 if pdf else 3
    with staged_dir(final) as staging:
        say(f"report [{set_name}]: [1/{steps}] executing notebooks/01_curate.ipynb")
        execute_notebook(
            NOTEBOOKS_DIR / "01_curate.ipynb", staging / "01_curate.ipynb", {"data_dir": data_arg}
        )
        say(f"report [{set_name}]: [2/{steps}] executing notebooks/02_memo.ipynb")
        nb_params = params.notebook_parameters() | {
            "assessment_file": _notebook_assessment(params_path, params),
            "data_dir": data_arg,
            "previous_edition": previous,
        }
        memo_nb = execute_notebook(
            NOTEBOOKS_DIR / "02_memo.ipynb", staging / "02_memo.ipynb", nb_params
        )
        say(f"report [{set_name}]: [3/{steps}] rendering memo.html and the data export")
        (staging / "memo.html").write_text(
            notebook_to_html(memo_nb, params.title), encoding="utf-8"
        )
        export_data(paths.processed, staging / "data")
        if pdf:
            say(f"report [{set_name}]: [4/{steps}] printing memo.pdf with headless Chromium")
            print_pdf(staging / "memo.html", staging / "memo.pdf")
        write_edition(staging, current, previous)
    return final


def export_data(processed: Path, folder: Path) -> None:
    """The processed tables and their data package, beside the memo that links to them."""
    folder.mkdir()
    for path in [*sorted(processed.glob("*.csv")), processed / "datapackage.json"]:
        shutil.copyfile(path, folder / path.name)
