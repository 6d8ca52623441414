"""Build one memo edition: notebooks → HTML → PDF, published only when all succeed.

build_report()   parameters checked (before anything heavy is imported), then the
                 memo notebook's kernel started at once, 01 beside it (or reused);
                 while they run, this process derives the edition's record and starts
                 Chromium; 02 becomes memo.html (nbconvert, project template), printed
                 to memo.pdf (Playwright); everything goes to a staging folder that is
                 swapped in at the end; then the edition's record is written to
                 report/editions/<set>/.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import yaml

from ijmemo.core.atomic import staged_dir
from ijmemo.core.paths import (
    BUILD_DIR,
    CACHE_DIR,
    NOTEBOOKS_DIR,
    PARAMS_DIR,
    PROJECT_ROOT,
    TEMPLATES_DIR,
    VENDOR_DIR,
    DataPaths,
)
from ijmemo.evidence.manifest import MANIFEST, input_hashes, processed_is_current
from ijmemo.memo.history import previous_record, write_record
from ijmemo.memo.params import MemoParams, known_ids, load_params
from ijmemo.metadata.datapackage import write_tables
from ijmemo.outputs.browser import PdfPrinter, find_chromium
from ijmemo.outputs.build_inputs import FORMATS, build_key, package_files
from ijmemo.outputs.notebooks import execute_cached, execute_notebook

# plotly.js for the memo: the official "cartesian" partial bundle (bar, scatter, heatmap: every
# trace type the memo draws) of the same version the plotly package embeds, 1.5 MB instead
# of 4.8 MB. Vendored from the npm package named here; `make vendor` re-fetches and checks it.
PLOTLY_BUNDLE = {
    "npm": "plotly.js-cartesian-dist-min@4.1.1",
    "file": VENDOR_DIR / "plotly-cartesian-4.1.1.min.js",
    "sha256": "79542150855a52c567260e3137095dbe2b744e6d702a5cabe67da246942fba7a",
}


def plotly_js() -> str:
    """The vendored plotly.js bundle, verified against its pinned hash."""
    path = PLOTLY_BUNDLE["file"]
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != PLOTLY_BUNDLE["sha256"]:
        raise RuntimeError(f"{path}: sha256 {digest} is not the pinned one; run make vendor")
    return data.decode("utf-8")


def notebook_to_html(notebook: Path, title: str) -> str:
    """The executed memo notebook as a self-contained page (plotly.js inlined once)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="memo", extra_template_basedirs=[str(TEMPLATES_DIR)])
    nb = nbformat.read(notebook, as_version=4)
    resources = {"memo_title": title, "plotly_js": plotly_js()}
    html, _ = exporter.from_notebook_node(nb, resources=resources)
    return html


def code_and_data(data_dir) -> list[Path]:
    """What an executed notebook depends on besides its parameters: the processed tables
    (their manifest lists every input's sha256), the package's code, the locked packages."""
    manifest = DataPaths.at(data_dir).processed / MANIFEST
    return [manifest, *package_files(), PROJECT_ROOT / "uv.lock"]


def ensure_processed(data_dir, say: Callable[[str], None], hashes=None) -> None:
    """Rebuild data/processed when its inputs changed since it was written."""
    paths = DataPaths.at(data_dir)
    if processed_is_current(paths, hashes):
        return
    from ijmemo.steps.curate import curate_to_processed

    say("report: processed tables are missing or out of date; running the curate step")
    curate_to_processed(paths.root)


def checked_params(
    params_path: Path, data_dir, say: Callable[[str], None], data_hashes=None
) -> MemoParams:
    """The parameter set, refused with every problem listed before any notebook runs.

    `data_hashes`: the data inputs' hashes, when the caller has them (hashed once per build)."""
    ensure_processed(data_dir, say, data_hashes)
    return load_params(params_path, *known_ids(data_dir))


def _notebook_assessment(params_path: Path, params: MemoParams) -> str | None:
    """The assessment file as the notebook finds it (relative to report/params/ when there)."""
    if not params.assessment_file:
        return None
    target = (params_path.parent / params.assessment_file).resolve()
    try:
        return str(target.relative_to(PARAMS_DIR.resolve()))
    except ValueError:
        return str(target)


@contextmanager
def _timed(timings: dict, stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    timings[stage] = round(time.perf_counter() - started, 3)


def build_report(
    params_path: str | Path,
    data_dir=None,
    out_root: Path = BUILD_DIR,
    pdf: bool = True,
    say: Callable[[str], None] = print,
    timings: dict | None = None,
    editions_dir: Path | None = None,
    cache_dir: Path | None = CACHE_DIR,
    inputs_sha256: str | None = None,
    formats: tuple[str, ...] | None = None,
    data_hashes: dict[str, str] | None = None,
) -> Path:
    """Build one edition into out_root/<parameter-set>/ and return that folder.

    The memo compares itself with the set's latest record in `editions_dir` dated
    before this edition, and this edition's record is written there afterwards
    (None: neither). `timings` receives the seconds each stage took (benchmark);
    `cache_dir` keeps executed runs of 01 for reuse (None: always execute).
    `inputs_sha256`: the build's inputs as hashed before it started (`build_inputs`),
    recorded in edition.json so an unchanged build can be skipped; `data_hashes`: the
    data inputs' hashes it was computed from, so they are not read twice.
    """
    timings = {} if timings is None else timings
    params_path = Path(params_path)
    set_name = params_path.stem
    formats = formats or (FORMATS if pdf else ("html",))
    pdf, docx = "pdf" in formats, "docx" in formats
    with _timed(timings, "curate"):
        if inputs_sha256 is None:
            data_hashes = input_hashes(DataPaths.at(data_dir))
            inputs_sha256 = _inputs_key(params_path, data_dir, editions_dir, formats, data_hashes)
        if pdf or docx:
            find_chromium()  # no browser: say so before any notebook runs
        params = checked_params(params_path, data_dir, say, data_hashes)
    say(f"report [{set_name}]: parameters OK (as of {params.as_of})")
    final = Path(out_root).resolve() / set_name
    steps = 2 + (pdf or docx) + docx
    with staged_dir(final) as staging, ThreadPoolExecutor(max_workers=2) as pool:
        say(f"report [{set_name}]: [1/{steps}] executing notebooks 01_curate and 02_memo")
        started = time.perf_counter()
        memo_run, curate_run = _start_notebooks(
            pool, staging, params_path, params, data_dir, editions_dir, cache_dir, say
        )
        # While the kernels run: this process's own work, then Chromium, warmed up.
        memo, previous = _edition(params, data_dir, editions_dir, set_name)
        current = memo.record()
        printer = PdfPrinter() if pdf or docx else None
        try:
            memo_nb = memo_run.result()
            curate_run.result()
            timings["notebooks"] = round(time.perf_counter() - started, 3)
            label = f"report [{set_name}]"
            html = _write_outputs(
                staging, memo_nb, memo, params, printer, formats, label, say, timings
            )
        finally:
            if printer is not None:
                printer.close()
        memo_sha256 = hashlib.sha256(html.encode("utf-8")).hexdigest()
        edition = {
            **current,
            "memo_sha256": memo_sha256,
            "previous_as_of": (previous or {}).get("as_of"),
            "inputs_sha256": inputs_sha256,
        }
        (staging / "edition.json").write_text(
            json.dumps(edition, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    if editions_dir is not None:
        record = write_record(editions_dir, set_name, current, memo_sha256)
        shown = record.relative_to(PROJECT_ROOT) if record.is_relative_to(PROJECT_ROOT) else record
        say(
            f"report [{set_name}]: edition record {shown} (commit it: the next edition compares with it)"
        )
    return final


def _write_outputs(
    staging: Path, memo_nb, memo, params: MemoParams, printer, formats, label, say, timings
) -> str:
    """memo.html and the data export, then the PDF and figures, then Word; returns the HTML."""
    pdf, docx = "pdf" in formats, "docx" in formats
    steps = 2 + (pdf or docx) + docx
    say(f"{label}: [2/{steps}] rendering memo.html and the data export")
    with _timed(timings, "html"):
        html = notebook_to_html(memo_nb, params.title)
        (staging / "memo.html").write_text(html, encoding="utf-8")
        write_tables(memo.tables, staging / "data")  # the evidence known on as_of
    figures: dict[str, Path] = {}
    if printer is not None:
        say(
            f"{label}: [3/{steps}] "
            + ("printing memo.pdf and the chart images" if pdf else "the chart images")
        )
        with _timed(timings, "pdf"):
            pdf_path = staging / "memo.pdf" if pdf else None
            figures = printer.print(staging / "memo.html", pdf_path, staging / "figures")
    if docx:
        say(f"{label}: [4/{steps}] writing memo.docx (Word)")
        with _timed(timings, "docx"):
            from ijmemo.outputs.docx import memo_docx

            memo_docx(
                staging / "memo.html", figures, staging / "memo.docx", params.title, params.as_of
            )
    return html


def _inputs_key(params_path: Path, data_dir, editions_dir, formats, data_hashes) -> str | None:
    """The build's input hash, or None when the inputs cannot be read yet (a bad
    parameter file is then refused by the parameter check, with every problem)."""
    try:
        return build_key(params_path, data_dir, editions_dir, formats, data_hashes)
    except (OSError, ValueError, yaml.YAMLError):
        return None


def _start_notebooks(
    pool, staging, params_path, params, data_dir, editions_dir, cache_dir, say
) -> tuple[Future, Future]:
    """Start 02 (the memo) at once and 01 beside it, or reuse 01's run on the same inputs."""
    data_arg = str(Path(data_dir).resolve()) if data_dir is not None else None
    memo_params = params.notebook_parameters() | {
        "assessment_file": _notebook_assessment(params_path, params),
        "data_dir": data_arg,
        "edition_set": params_path.stem if editions_dir is not None else None,
        "editions_dir": str(Path(editions_dir).resolve()) if editions_dir is not None else None,
    }
    memo_nb = (NOTEBOOKS_DIR / "02_memo.ipynb", staging / "02_memo.ipynb")
    memo_run = pool.submit(execute_notebook, *memo_nb, memo_params)
    # The curate step validated these inputs: 01 shows its tables, it does not redo it.
    # The same data, code and as_of give the same notebook: a kept run is reused.
    curate_params = {
        "data_dir": data_arg,
        "reuse_processed": True,
        "as_of": params.as_of.isoformat(),
    }
    curate_nb = (NOTEBOOKS_DIR / "01_curate.ipynb", staging / "01_curate.ipynb")
    if cache_dir is None:
        return memo_run, pool.submit(execute_notebook, *curate_nb, curate_params)
    said = lambda m: say(f"report [{params_path.stem}]: {m}")  # noqa: E731
    depends = code_and_data(data_dir)
    kept = Path(cache_dir) / "notebooks"
    return memo_run, pool.submit(execute_cached, *curate_nb, curate_params, depends, kept, said)


def _edition(params: MemoParams, data_dir, editions_dir, set_name: str):
    """The edition's memo model (its evidence known on as_of) and the previous record."""
    from ijmemo.evidence.store import load_processed  # pandas: imported while kernels start
    from ijmemo.memo.edition import Edition

    previous = previous_record(editions_dir, set_name, params.as_of.isoformat())
    return Edition(load_processed(data_dir), params), previous
