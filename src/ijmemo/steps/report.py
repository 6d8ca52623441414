"""Build one memo edition: notebooks → HTML → PDF and Word, published only when all succeed.

load     the parameter set, checked against the processed tables (curated first
         when an input changed) before any notebook runs, while the memo's kernel
         starts and imports what 02 needs (outputs/kernel.py)
process  02 handed to that kernel, and after it the edition's files (brief.md,
         tracker.csv, data/ and the record: outputs/edition_files.py), then 01 (or
         its kept run reused); meanwhile this process has Chromium open a page with
         the memo's head (launched as curating starts, if the build curates);
         02 becomes memo.html (nbconvert), printed to memo.pdf and drawn as the
         chart images (Playwright), then memo.docx (pandoc)
save     everything goes to a staging folder swapped in at the end; then the
         edition's record is written to report/editions/<set>/
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ijmemo.core.atomic import staged_dir
from ijmemo.core.paths import (
    BUILD_DIR,
    CACHE_DIR,
    NOTEBOOKS_DIR,
    PARAMS_DIR,
    PROJECT_ROOT,
    DataPaths,
)
from ijmemo.evidence.manifest import MANIFEST, InputFiles, input_hashes, processed_is_current
from ijmemo.memo.history import write_build_record, write_record
from ijmemo.memo.params import MemoParams, declared_as_of, known_ids, load_params
from ijmemo.outputs.browser import PdfPrinter, find_chromium
from ijmemo.outputs.build_inputs import (
    FORMATS,
    build_key_or_none,
    package_files,
    with_implied,
)
from ijmemo.outputs.edition_files import kernel_code
from ijmemo.outputs.html import head_only_page, notebook_to_html
from ijmemo.outputs.kernel import EarlyKernel
from ijmemo.outputs.notebooks import execute_cached, execute_notebook

if TYPE_CHECKING:  # (the curate step is imported only when the build has to curate)
    from ijmemo.steps.curate import TabulatedFrom

Say = Callable[[str], None]


@dataclass(frozen=True)
class ReportJob:
    """One edition to build: which parameter set, from which data, into which folder.

    `editions_dir`: the memo compares itself with the set's latest record there dated
    before this edition, and this edition's record is written there afterwards (None: a
    draft, neither). `cache_dir` keeps executed runs of 01 for reuse (None: always
    execute). `inputs_sha256`: the build's inputs as hashed before it started
    (`build_inputs`), recorded in edition.json so an unchanged build can be skipped;
    `data_hashes`: the data inputs' hashes it was computed from, so they are read once.
    `overrides`: parameter values that replace the set's file (the next edition's as_of).
    """

    params_path: Path
    data_dir: Path | None = None
    out_root: Path = BUILD_DIR
    formats: tuple[str, ...] = FORMATS
    editions_dir: Path | None = None
    cache_dir: Path | None = CACHE_DIR
    inputs_sha256: str | None = None
    data_hashes: InputFiles | None = None
    overrides: dict | None = None  # parameters given on the command line (AS_OF=...)

    def resolved(self) -> ReportJob:
        """The job with every path absolute (papermill changes this process's directory
        while a kernel runs, and the build does its own work meanwhile) and the formats
        it implies."""

        def absolute(path):
            return None if path is None else Path(path).resolve()

        return replace(
            self,
            formats=with_implied(self.formats),
            params_path=absolute(self.params_path),
            data_dir=absolute(self.data_dir),
            out_root=absolute(self.out_root),
            editions_dir=absolute(self.editions_dir),
            cache_dir=absolute(self.cache_dir),
        )

    @property
    def set_name(self) -> str:
        return Path(self.params_path).stem

    @property
    def folder(self) -> Path:
        return Path(self.out_root).resolve() / self.set_name

    @property
    def label(self) -> str:
        return f"report [{self.set_name}]"

    @property
    def prints(self) -> bool:
        """Is Chromium needed (for the PDF, or for the chart images)?"""
        return "pdf" in self.formats or "figures" in self.formats

    @property
    def steps(self) -> int:
        return 2 + self.prints + ("docx" in self.formats)


def build_report(
    job: ReportJob, say: Say = print, timings: dict | None = None, kernel: EarlyKernel | None = None
) -> Path:
    """Build one edition into its folder (out_root/<parameter set>/) and return the folder.

    `timings` receives the seconds each stage took (the benchmark reads them). `kernel`:
    the memo's kernel, started by the caller before it imported this (one is started
    here otherwise); it is shut down by the time this returns or raises."""
    timings = {} if timings is None else timings
    job = job.resolved()
    handed: list[Path] = []  # curated tables handed to the kernel (removed after)
    try:
        # (on failure the kernel is cancelled first, then Chromium closed)
        with _browser(job) as printer, kernel or EarlyKernel() as kernel:
            with _timed(timings, "curate"):  # (the kernel starting meanwhile)
                hand_over = _hand_over(kernel, job, handed)
                job, params = _checked_job(job, say, hand_over, printer)  # load
            say(f"{job.label}: parameters OK (as of {params.as_of})")
            # The kernel stopped before the staging folder goes: nothing writes into it after.
            with staged_dir(job.folder) as staging, kernel:
                current, memo_sha256 = _build_into(
                    staging, job, params, say, timings, kernel, printer()
                )
    finally:
        for path in handed:
            path.unlink(missing_ok=True)
    if job.editions_dir is not None:  # save: the staged folder is in place; now the record
        record = write_record(job.editions_dir, job.set_name, current, memo_sha256)
        shown = record.relative_to(PROJECT_ROOT) if record.is_relative_to(PROJECT_ROOT) else record
        say(f"{job.label}: edition record {shown} (commit it: the next edition compares with it)")
    return job.folder


def _hand_over(kernel: EarlyKernel, job: ReportJob, handed: list[Path]) -> TabulatedFrom:
    """If the build has to curate: hand the curated tables, as soon as they are made, to
    the memo's kernel, which works out the evidence as of the edition's date while this
    process derives and writes them (`known_kept`; used only if the tables written were
    curated from the same inputs). The file handed over is added to `handed`."""
    day = declared_as_of(job.params_path, job.overrides)
    if day is None:
        return None
    paths = DataPaths.at(job.data_dir)

    def hand_over(tables, inputs) -> None:
        from ijmemo.evidence.known_kept import hand_over_tables  # (pandas: loaded by now)

        try:
            paths.evidence_cache.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                dir=paths.evidence_cache, suffix=".ahead", delete=False
            ) as fh:
                handed.append(Path(fh.name))
                hand_over_tables(tables, inputs, fh)
        except Exception:  # (nowhere to put it, say): work ahead never fails a build
            return
        kernel.run_first(
            "from ijmemo.evidence.known_kept import work_out_ahead\n"
            f"work_out_ahead({fh.name!r}, {str(paths.root)!r}, {day!r})"
        )

    return hand_over


@contextmanager
def _browser(job: ReportJob) -> Iterator[Callable[[], PdfPrinter | None]]:
    """Chromium for the build, if it prints: launched the first time it is asked for,
    closed at the end. The launch is a second's work for both cores; a build that
    curates asks as curating starts, which leaves a core idle for seconds."""
    launched: list[PdfPrinter] = []

    def printer() -> PdfPrinter | None:
        if job.prints and not launched:
            launched.append(PdfPrinter())
        return launched[0] if launched else None

    try:
        yield printer
    finally:
        for each in launched:
            each.close()


def _checked_job(
    job: ReportJob,
    say: Say,
    tabulated: TabulatedFrom = None,
    printer: Callable[[], object] | None = None,
) -> tuple[ReportJob, MemoParams]:
    """The job with its inputs hashed, and its parameters, refused with every problem
    listed before any notebook runs (a missing browser too). `tabulated`: handed the
    curated tables, if the build has to curate (`steps.curate.review`); `printer`:
    called (Chromium launched) as curating starts (`ensure_processed`)."""
    if job.inputs_sha256 is None:
        hashes = input_hashes(DataPaths.at(job.data_dir), keep_read=True)
        key = build_key_or_none(
            Path(job.params_path),
            job.data_dir,
            job.editions_dir,
            job.formats,
            hashes,
            job.overrides,
        )
        job = replace(job, inputs_sha256=key, data_hashes=hashes)
    if job.prints:
        find_chromium()  # no browser: say so before any notebook runs
    params = checked_params(
        Path(job.params_path),
        job.data_dir,
        say,
        job.data_hashes,
        job.overrides,
        tabulated,
        printer,  # (Chromium launched while this process curates on one core)
    )
    return job, params


def _build_into(
    staging: Path,
    job: ReportJob,
    params: MemoParams,
    say: Say,
    timings: dict,
    kernel,
    printer: PdfPrinter | None,
) -> tuple[dict, str]:
    """Every output of the edition in `staging`, Chromium (`printer`, None if the build
    does not print) printing it; returns its record and the memo's sha256."""
    answer = staging / ".edition-files.json"  # the kernel's answer (edition_files.py)
    say(f"{job.label}: [1/{job.steps}] executing notebooks 02_memo and 01_curate")
    started = time.perf_counter()
    memo_run, files_run, curate_run = _start_notebooks(kernel, staging, job, params, say, answer)
    # While the kernel runs: Chromium opening a page with the memo's head where the memo
    # will be (plotly.js compiled before the print), and nbconvert warmed up by writing
    # that page.
    try:
        (staging / "memo.html").write_text(head_only_page(params.title), encoding="utf-8")
        if printer is not None:
            printer.preload(staging / "memo.html")
        memo_nb = memo_run.result()
        timings["notebooks"] = round(time.perf_counter() - started, 3)  # (the memo's)
        html = _write_outputs(staging, memo_nb, params, job, printer, say, timings)
    finally:  # printed, or failed: Chromium done before the staging folder may go
        if printer is not None:
            printer.close()
    files_run.result()  # brief.md, tracker.csv and data/, written by the memo's kernel
    curate_run.result()  # 01, run on the same kernel after them (or its kept run)
    written = json.loads(answer.read_text(encoding="utf-8"))
    answer.unlink()
    for warning in written["warnings"]:
        say(f"{job.label}: warning: {warning}")
    current, previous_as_of = written["record"], written["previous_as_of"]
    memo_sha256 = hashlib.sha256(html.encode("utf-8")).hexdigest()
    write_build_record(staging, current, memo_sha256, previous_as_of, job.inputs_sha256)
    return current, memo_sha256


def _write_outputs(
    staging: Path, memo_nb, params: MemoParams, job: ReportJob, printer, say, timings
) -> str:
    """memo.html, then the figures, then Word while the PDF prints; returns the HTML."""
    steps = job.steps
    say(f"{job.label}: [2/{steps}] rendering memo.html")
    with _timed(timings, "html"):
        html = notebook_to_html(memo_nb, params.title)
        (staging / "memo.html").write_text(html, encoding="utf-8")
    figures: dict[str, Path] | None = {}
    pdf, drawn = "pdf" in job.formats, "figures" in job.formats
    started = time.perf_counter()
    if printer is not None:
        doing = " and ".join(
            [*(["printing memo.pdf"] if pdf else []), *(["the chart images"] if drawn else [])]
        )
        say(f"{job.label}: [3/{steps}] {doing}")
        printer.start(
            staging / "memo.html",
            staging / "memo.pdf" if pdf else None,
            staging / "figures" if drawn else None,
        )
        figures = printer.figures()
    if "docx" in job.formats:  # while Chromium prints the PDF
        say(f"{job.label}: [4/{steps}] writing memo.docx (Word)")
        with _timed(timings, "docx"):
            from ijmemo.outputs.docx import memo_docx

            memo_docx(
                staging / "memo.html", figures, staging / "memo.docx", params.title, params.as_of
            )
    if printer is not None:
        printer.finish()
        timings["pdf"] = round(time.perf_counter() - started, 3)  # (Word's time overlaps)
    return html


def code_and_data(data_dir) -> list[Path]:
    """What an executed notebook depends on besides its parameters: the processed tables
    (their manifest lists every input's sha256), the package's code, the locked packages."""
    manifest = DataPaths.at(data_dir).processed / MANIFEST
    return [manifest, *package_files(), PROJECT_ROOT / "uv.lock"]


def ensure_processed(
    data_dir,
    say: Callable[[str], None],
    hashes: InputFiles | None = None,
    tabulated: TabulatedFrom = None,
    curating: Callable[[], object] | None = None,
) -> None:
    """Rebuild data/processed when its inputs changed since it was written (`curating`:
    called first, if it has to)."""
    paths = DataPaths.at(data_dir)
    if processed_is_current(paths, hashes):
        if hashes is not None:
            hashes.let_go()  # (nothing to curate)
        return
    from ijmemo.steps.curate import curate_to_processed

    if curating is not None:
        curating()
    say("report: processed tables are missing or out of date; running the curate step")
    curate_to_processed(paths.root, hashes=hashes, tabulated=tabulated)


def checked_params(
    params_path: Path,
    data_dir,
    say: Callable[[str], None],
    data_hashes=None,
    overrides=None,
    tabulated: TabulatedFrom = None,
    curating: Callable[[], object] | None = None,
) -> MemoParams:
    """The parameter set (with `overrides`), refused with every problem listed before any
    notebook runs. `data_hashes`: the data inputs' hashes, when the caller has them;
    `tabulated`, `curating`: as for `ensure_processed`."""
    ensure_processed(data_dir, say, data_hashes, tabulated, curating)
    return load_params(params_path, *known_ids(data_dir), overrides=overrides)


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


def _start_notebooks(
    kernel: EarlyKernel,
    staging: Path,
    job: ReportJob,
    params: MemoParams,
    say: Say,
    answer: Path,
) -> tuple[Future, Future, Future]:
    """Hand 02 (the memo) to its kernel, started already, the edition's files after it
    (answering in `answer`), and 01 after them on the same kernel (a second kernel would
    take both cores a second or more to start, while the memo is printed), or 01's kept
    run on the same inputs."""
    data_dir, editions_dir = job.data_dir, job.editions_dir
    data_arg = str(Path(data_dir).resolve()) if data_dir is not None else None
    memo_params = params.notebook_parameters() | {
        "assessment_file": _notebook_assessment(Path(job.params_path), params),
        "data_dir": data_arg,
        "edition_set": job.set_name if editions_dir is not None else None,
        "editions_dir": str(Path(editions_dir).resolve()) if editions_dir is not None else None,
    }
    memo_nb = (NOTEBOOKS_DIR / "02_memo.ipynb", staging / "02_memo.ipynb")
    job_paths = {
        "params_dir": str(Path(job.params_path).parent),
        "data_dir": data_arg,
        "editions_dir": memo_params["editions_dir"],
        "set_name": job.set_name,
    }
    then = kernel_code(params, job_paths, staging, answer)

    def run_memo(manager) -> Path:
        return execute_notebook(*memo_nb, memo_params, kernel_manager=manager)

    # The curate step validated these inputs: 01 shows its tables, it does not redo it.
    # The same data, code and as_of give the same notebook: a kept run is reused.
    curate_params = {
        "data_dir": data_arg,
        "reuse_processed": True,
        "as_of": params.as_of.isoformat(),
    }
    curate_nb = (NOTEBOOKS_DIR / "01_curate.ipynb", staging / "01_curate.ipynb")

    def run_curate(manager) -> Path:
        if job.cache_dir is None:
            return execute_notebook(*curate_nb, curate_params, kernel_manager=manager)
        said = lambda m: say(f"{job.label}: {m}")  # noqa: E731
        depends = code_and_data(data_dir)
        kept = Path(job.cache_dir) / "notebooks"
        return execute_cached(*curate_nb, curate_params, depends, kept, said, manager)

    return kernel.execute(run_memo, then=then, next_run=run_curate)
