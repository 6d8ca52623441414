"""Build one memo edition: notebooks → HTML → PDF, published only when all succeed.

build_report()   parameters checked, then 01 and 02 executed by papermill,
                 02 turned into memo.html (nbconvert, project template),
                 memo.html printed to memo.pdf (headless Chromium, Playwright);
                 everything is written to a staging folder, then swapped in.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from plotly.offline import get_plotlyjs

from . import curate
from .atomic import staged_dir
from .memo import load_tables
from .notebook import execute_notebook
from .params import MemoParams, load_params
from .paths import BUILD_DIR, NOTEBOOKS_DIR, PARAMS_DIR, TEMPLATES_DIR, DataPaths

CHROMIUM_ENV = "IJMEMO_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# A closed network: keep Chromium from phoning home (and failing) at start.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--no-first-run",
]
INSTALL_HINT = (
    "no Chromium found for printing the PDF. Install it, then rerun:\n"
    "  Debian/Ubuntu:  sudo apt-get install chromium fonts-dejavu-core\n"
    "  Fedora:         sudo dnf install chromium\n"
    f"or point {CHROMIUM_ENV} at a Chrome/Chromium binary (e.g. {CHROMIUM_ENV}=/usr/bin/google-chrome)."
)
PAGE_MARGIN = {"top": "20mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
HEADER = (
    '<div style="font-family:DejaVu Sans,sans-serif;font-size:7.5px;color:#666;width:100%;'
    'padding:0 18mm;"><span class="title"></span></div>'
)
FOOTER = (
    '<div style="font-family:DejaVu Sans,sans-serif;font-size:7.5px;color:#666;width:100%;'
    'text-align:center;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)


class BrowserNotFound(RuntimeError):
    pass


def find_chromium() -> str:
    """The browser to print with: $IJMEMO_CHROMIUM, else a system Chromium/Chrome."""
    override = os.environ.get(CHROMIUM_ENV)
    if override:
        if not Path(override).is_file():
            raise BrowserNotFound(f"{CHROMIUM_ENV}={override} does not exist")
        return override
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserNotFound(INSTALL_HINT)


@contextmanager
def chromium_page() -> Iterator:
    """A page in headless Chromium that can load local files only."""
    from playwright.sync_api import sync_playwright

    args = [*CHROMIUM_ARGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=args, headless=True)
        try:
            page = browser.new_page()
            # Offline by construction: any request that is not a local file is refused.
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("file:", "data:", "about:"))
                    else route.abort()
                ),
            )
            yield page
        finally:
            browser.close()


WAIT_FOR_CHARTS = """() => [...document.querySelectorAll('.plotly-graph-div')]
    .every(d => d.querySelector('.main-svg') !== null)"""


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    """Print the memo to A4 PDF with a running title header and page numbers."""
    with chromium_page() as page:
        page.goto(Path(html_path).resolve().as_uri(), wait_until="load")
        page.wait_for_function(WAIT_FOR_CHARTS, timeout=60_000)
        page.emulate_media(media="print")
        page.pdf(
            path=str(pdf_path),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template=HEADER,
            footer_template=FOOTER,
            margin=PAGE_MARGIN,
        )


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
    result = curate.curate(paths.root)
    curate.write_tables(result.tables, paths.processed, curate.input_hashes(paths))


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
        }
        memo_nb = execute_notebook(
            NOTEBOOKS_DIR / "02_memo.ipynb", staging / "02_memo.ipynb", nb_params
        )
        say(f"report [{set_name}]: [3/{steps}] rendering memo.html")
        (staging / "memo.html").write_text(
            notebook_to_html(memo_nb, params.title), encoding="utf-8"
        )
        if pdf:
            say(f"report [{set_name}]: [4/{steps}] printing memo.pdf with headless Chromium")
            print_pdf(staging / "memo.html", staging / "memo.pdf")
    return final
