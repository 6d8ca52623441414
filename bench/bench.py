"""Benchmark of the whole pipeline (`make bench`). Measures; it is not a test.

Writes bench/results.json and bench/results.md and prints the tables:
  - `make report` (default set, outputs removed, data warm) against the plain chain a
    user would write (bench/plain_chain.sh), alternating A B A B, medians and the ratio;
    one cold build (no kept notebook runs) beside them;
  - the floor measured in the same run (a kernel importing pandas and plotly, run by
    papermill as it comes; Chromium printing a trivial page) and `make report`'s ratio
    to it; beside it, the same kernel on the build's kernel manager;
  - the default memo's stages in one process (where the time goes);
  - a no-op `make report`;
  - synthetic corpora of 100 ... 100,000 claims, curate + report end to end, cold (no
    kept work: parsed files, checks, shingles, evidence) and warm, with the largest
    broken into stages (parse, checks, tables, memo, PDF) with the peak memory of the
    process tree in each;
  - one article of 20 claims added to the largest corpus (kept work warm), by stage;
    then another, to a new memo with `make report`'s command, as an analyst runs it
    (it curates what changed); then a third, curate and report as separate commands;
  - `make -j2 reports` against the same sets built one after another.
Budgets are checked and reported as met or not; the exit status is 0 either way.
For the budgets on time, the CPU seconds the whole machine spent on that work give the
least wall time it can take on this machine's cores, and so whether better overlap alone
could meet the budget (`ceilings`).
Run it alone: the machine has two cores, and anything beside it skews the figures.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import nbformat
import papermill
from pypdf import PdfReader

from ijmemo.core.paths import BUILD_DIR, CACHE_DIR, PARAMS_DIR, PROJECT_ROOT, DataPaths
from ijmemo.outputs.browser import find_chromium, print_pdf
from ijmemo.outputs.kernel import KERNEL
from ijmemo.outputs.notebooks import execute_notebook
from ijmemo.steps.report import ReportJob, build_report
from ijmemo.tools.synthetic import add_article, generate

RUNS = int(os.environ.get("BENCH_RUNS", 5))
SCALES = [int(n) for n in os.environ.get("BENCH_SCALES", "100,1000,10000,100000").split(",")]
OUT = PROJECT_ROOT / "bench"
PY = sys.executable


def say(message: str) -> None:
    print(f"bench: {message}", flush=True)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def median_cpu(runs: list) -> float | None:
    """The runs' median CPU seconds (None where the machine's CPU time is not known)."""
    cpu = [run.cpu_seconds for run in runs]
    return None if None in cpu else median(cpu)


class Run(NamedTuple):
    seconds: float  # wall
    peak_mb: float  # the largest process's peak RSS
    cpu_seconds: float | None  # the whole machine's busy CPU meanwhile (None: not Linux)


def machine_cpu_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy so far, all cores (/proc/stat; None
    where there is none). Counted machine-wide because Chromium's processes are not all
    reaped by the build, so the build's own rusage misses some of them; hence: run the
    benchmark alone."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq = map(int, fields)
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def run_child(cmd: list[str], cwd: Path = PROJECT_ROOT) -> Run:
    """Run a command; return its wall seconds, the peak RSS of its largest process and the
    CPU seconds the machine spent meanwhile."""
    busy = machine_cpu_seconds()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    cpu = None if busy is None else round(machine_cpu_seconds() - busy, 2)
    return Run(round(seconds, 2), round(usage.ru_maxrss / 1024, 1), cpu)  # (maxrss: KB)


# ---------------------------------------------------------------- the default memo


def make_report_once(formats: str = "html,pdf") -> Run:
    """`make report` from scratch (outputs removed); by default the plain chain's formats."""
    shutil.rmtree(BUILD_DIR / "default", ignore_errors=True)
    return run_child(["make", "-s", "report", f"FORMATS={formats}"])


def plain_chain_once(tmp: Path) -> float:
    out = tmp / "plain"
    shutil.rmtree(out, ignore_errors=True)
    return run_child(["bench/plain_chain.sh", str(out)]).seconds


def memo_against_plain_chain(tmp: Path) -> dict:
    say(f"make report against the plain chain, alternating, {RUNS} runs each")
    make_report_once()  # warm: environment, processed tables, kept notebook run
    plain_chain_once(tmp)
    runs, plain, every = [], [], []
    for _ in range(RUNS):
        runs.append(make_report_once())
        plain.append(plain_chain_once(tmp))
        every.append(make_report_once("html,pdf,docx").seconds)
    shutil.rmtree(CACHE_DIR / "notebooks", ignore_errors=True)
    cold = make_report_once().seconds  # nothing kept from an earlier build
    ours = [run.seconds for run in runs]
    result = {"make_report": median(ours), "plain_chain": median(plain), "cold": cold}
    result |= {"all_formats": median(every), "cpu_seconds": median_cpu(runs)}
    result |= {"runs_make_report": ours, "runs_plain_chain": plain, "runs_all_formats": every}
    result["speedup"] = round(result["plain_chain"] / result["make_report"], 2)
    return result


def default_stages(tmp: Path) -> dict:
    say(f"default memo's stages in one process: {RUNS} runs")
    runs = []
    for n in range(RUNS + 1):
        timings: dict = {}
        build_report(
            ReportJob(PARAMS_DIR / "default.yaml", out_root=tmp / f"stages-{n}"),
            timings=timings,
            say=lambda _: None,
        )
        runs.append(timings)
    runs = runs[1:]  # the first warms the kept notebook run
    return {stage: median([r[stage] for r in runs]) for stage in runs[0]}


def floor(tmp: Path) -> dict:
    say(f"floor: kernel + imports, Chromium printing a trivial page ({RUNS} runs each)")
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("import pandas\nimport plotly.graph_objects")]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    trivial_nb = tmp / "trivial.ipynb"
    nbformat.write(nb, trivial_nb)
    page = tmp / "trivial.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>Hello.</p></body></html>"
    )
    kernel, ours, chromium = [], [], []
    for _ in range(RUNS):
        started = time.perf_counter()  # papermill as it comes, on the project's kernel
        papermill.execute_notebook(
            str(trivial_nb),
            str(tmp / "trivial-out.ipynb"),
            kernel_name=KERNEL,
            progress_bar=False,
            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # (its TCP warning: noise)
        )
        kernel.append(time.perf_counter() - started)
        started = time.perf_counter()  # the build's way: no wait for IOPub's silence
        execute_notebook(trivial_nb, tmp / "trivial-out.ipynb")
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        print_pdf(page, tmp / "trivial.pdf")
        chromium.append(time.perf_counter() - started)
    result = {"kernel_pandas_plotly": median(kernel), "chromium_trivial_pdf": median(chromium)}
    result["kernel_build_manager"] = median(ours)  # (not the floor: shown beside it)
    result["total"] = round(result["kernel_pandas_plotly"] + result["chromium_trivial_pdf"], 3)
    return result


def noop_report() -> dict:
    say("no-op make report")
    subprocess.run(["make", "-s", "report"], cwd=PROJECT_ROOT, check=True, capture_output=True)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        out = subprocess.run(
            ["make", "-s", "report"], cwd=PROJECT_ROOT, check=True, capture_output=True, text=True
        )
        times.append(time.perf_counter() - started)
        assert "nothing changed" in out.stdout, out.stdout
    return {"seconds": median(times)}


# ---------------------------------------------------------------- scale


class TreeMemory:
    """Peak memory (PSS: shared pages split between their users, so Chromium's many
    processes are not counted many times) of this process and all its descendants,
    sampled every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def _pss(pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    @classmethod
    def _tree_rss(cls) -> int:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
        total, todo = 0, [os.getpid()]
        while todo:
            pid = todo.pop()
            total += cls._pss(pid)
            todo += children.get(pid, [])
        return total

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self._tree_rss())

    @contextmanager
    def stage(self, name: str, into: dict):
        self.peak = self._tree_rss()
        started = time.perf_counter()
        yield
        into[name] = {
            "seconds": round(time.perf_counter() - started, 2),
            "peak_mb": round(self.peak / 1e6),
        }

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


def stages_child(data: Path, out: Path) -> dict:
    """Curate and report `data` stage by stage (run in a child: `bench.py stages`)."""
    from ijmemo.core.gc_tuning import tune_gc
    from ijmemo.curation.checks.run import check_curated
    from ijmemo.curation.load import load_curated
    from ijmemo.evidence.derive import derive
    from ijmemo.evidence.manifest import input_hashes
    from ijmemo.evidence.store import write_processed
    from ijmemo.evidence.tabulate import build_tables

    tune_gc()  # as `python -m ijmemo` runs
    memory, result = TreeMemory(), {}
    with memory.stage("parse", result):
        curated, problems = load_curated(data)
    with memory.stage("checks", result):
        checked, more = check_curated(curated)
    assert not problems + more, (problems + more)[:3]
    with memory.stage("tables", result):
        tables = derive(build_tables(curated, checked))
        write_processed(tables, DataPaths.at(data).processed, input_hashes(DataPaths.at(data)))
    del curated, checked, tables
    timings: dict = {}
    with memory.stage("memo", result):
        build_report(
            ReportJob(
                PARAMS_DIR / "default.yaml",
                data_dir=data,
                out_root=out,
                formats=("html",),
                cache_dir=None,
            ),
            timings=timings,
            say=lambda _: None,
        )
    with memory.stage("pdf", result):
        print_pdf(out / "default" / "memo.html", out / "default" / "memo.pdf")
    memory.close()
    return result


def forget_kept_work(data: Path) -> None:
    """Remove every cache kept for `data` (parsed files, checks, shingles, evidence)."""
    for path in DataPaths.at(data).kept_work:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def scale_row(data: Path, out: Path, counts: dict) -> dict:
    """Curate + report end to end in a child process: cold parse cache, then warm."""
    pipeline = (
        f"{PY} -m ijmemo curate --data-dir {data} && "
        f"{PY} -m ijmemo report {PARAMS_DIR / 'default.yaml'} --data-dir {data} --out {out} --no-record"
    )
    forget_kept_work(data)
    shutil.rmtree(data / "processed", ignore_errors=True)
    cold, cold_peak, _ = run_child(["bash", "-c", pipeline])
    shutil.rmtree(data / "processed", ignore_errors=True)
    warm, warm_peak, _ = run_child(["bash", "-c", pipeline])
    memo = out / "default"
    return counts | {
        "seconds": warm,
        "peak_mb": warm_peak,
        "cold_seconds": cold,
        "cold_peak_mb": cold_peak,
        "html_mb": round((memo / "memo.html").stat().st_size / 1e6, 2),
        "pdf_mb": round((memo / "memo.pdf").stat().st_size / 1e6, 2),
        "pdf_pages": len(PdfReader(memo / "memo.pdf").pages),
    }


def scale(tmp: Path) -> tuple[list[dict], dict, dict]:
    rows, stages, added = [], {}, {}
    for n in SCALES:
        data = tmp / f"data-{n}"
        started = time.perf_counter()
        counts = generate(data, n)
        generated = round(time.perf_counter() - started, 1)
        say(f"scale {n:>7,} claims: generated in {generated} s; curate + report, cold then warm")
        row = scale_row(data, tmp / f"build-{n}", counts)
        rows.append(row)
        say(
            f"scale {n:>7,} claims: {row['seconds']} s warm, {row['cold_seconds']} s cold, peak {row['peak_mb']} MB"
        )
        if n == max(SCALES):
            say(f"scale {n:>7,} claims: stages and peak memory")
            shutil.rmtree(data / "processed", ignore_errors=True)
            stages = json.loads(subprocess.run(
                [PY, __file__, "stages", str(data), str(tmp / "stages")],
                check=True, capture_output=True, text=True, cwd=PROJECT_ROOT,
            ).stdout.splitlines()[-1])  # fmt: skip
            added = one_article_added(data, tmp, n)
        shutil.rmtree(data)
    return rows, stages, added


def one_article_added(data: Path, tmp: Path, n: int) -> dict:
    """An article of 20 claims added to a corpus whose kept work is warm: where the time
    goes (stages, in a child); then another, to a new memo with the one command an
    analyst runs (`make report` curates what changed itself, while the memo's kernel
    starts); then a third, with curate and report as separate commands (`make data`, then
    `make report`)."""
    say(f"scale {n:>7,} claims: one article of 20 claims added, by stage")
    add_article(data, 20, seed=1)
    stages = json.loads(subprocess.run(
        [PY, __file__, "stages", str(data), str(tmp / "stages-added")],
        check=True, capture_output=True, text=True, cwd=PROJECT_ROOT,
    ).stdout.splitlines()[-1])  # fmt: skip
    report = [PY, "-m", "ijmemo", "report", str(PARAMS_DIR / "default.yaml"), "--data-dir",
              str(data), "--out", str(tmp / "added"), "--no-record"]  # fmt: skip
    say(f"scale {n:>7,} claims: another article of 20 claims added, make report")
    add_article(data, 20, seed=2)
    one, one_peak, one_cpu = run_child(report)
    say(f"scale {n:>7,} claims: a third article of 20 claims added, curate then report")
    add_article(data, 20, seed=3)
    curate, curate_peak, _ = run_child([PY, "-m", "ijmemo", "curate", "--data-dir", str(data)])
    then, report_peak, _ = run_child(report)
    return {
        "claims": n + 40,
        "seconds": one,
        "peak_mb": one_peak,
        "cpu_seconds": one_cpu,
        "separate": {"claims": n + 60, "curate_seconds": curate, "report_seconds": then,
                     "seconds": round(curate + then, 2), "peak_mb": max(curate_peak, report_peak)},
        "stages": stages,
    }  # fmt: skip


def reports_parallel(tmp: Path) -> dict:
    say(f"make reports: one after another, then make -j2 (alternating, median of {RUNS})")
    runs: dict[str, list[Run]] = {"sequential": [], "parallel_j2": []}
    for n in range(RUNS):
        for label, jobs in (("sequential", "-j1"), ("parallel_j2", "-j2")):
            build = tmp / f"reports-{label}-{n}"
            runs[label].append(run_child(["make", "-s", jobs, "reports", f"BUILD={build}"]))
    result = {label: median([run.seconds for run in each]) for label, each in runs.items()}
    result["speedup"] = round(result["sequential"] / result["parallel_j2"], 2)
    result["cpu_seconds"] = {label: median_cpu(each) for label, each in runs.items()}
    return result


# ---------------------------------------------------------------- budgets and tables


def budgets(r: dict) -> list[dict]:
    """Issue 27's budgets, each against what this run measured."""
    big = max(r["scale"], key=lambda row: row["claims"])
    ratio = round(r["memo"]["make_report"] / r["floor"]["total"], 2)
    share = round(r["memo"]["make_report"] / r["memo"]["plain_chain"], 2)
    added = r["added"].get("seconds")
    rows = [
        (f"one added article at {big['claims']:,} claims < 5 s to a new memo (make report)", f"{added} s",
         added is not None and added < 5),
        (f"{big['claims']:,} claims end to end < 30 s (kept work warm)", f"{big['seconds']} s", big["seconds"] < 30),
        (f"{big['claims']:,} claims < 1.5 GB", f"{big['peak_mb']} MB", big["peak_mb"] < 1536),
        ("default memo HTML+PDF ≤ 1.3× the floor", f"{ratio}×", ratio <= 1.3),
        ("default memo ≤ 0.5× the plain chain", f"{share}×", share <= 0.5),
        ("no-op make report < 0.3 s", f"{r['noop']['seconds']} s", r["noop"]["seconds"] < 0.3),
        ("make -j2 reports ≥ 1.6× faster than one after another", f"{r['reports']['speedup']}×",
         r["reports"]["speedup"] >= 1.6),
    ]  # fmt: skip
    return [{"budget": b, "measured": m, "met": bool(ok)} for b, m, ok in rows]


def ceilings(r: dict) -> list[dict]:
    """For the budgets on time: the CPU seconds the work took (the whole machine, run
    alone), hence the least wall time it can take on this machine's cores, and so the
    best that budget's measure can be with the work as it is. A budget whose best misses
    it needs less work, not better overlap."""
    cores = os.cpu_count() or 1
    memo, reports, added = r["memo"], r["reports"], r["added"]
    rows = []

    def row(budget: str, cpu: float | None, best, shown: str, reachable: bool) -> None:
        rows.append({"budget": budget, "cpu_seconds": cpu, "least_seconds": round(cpu / cores, 2),
                     "best": f"{best}{shown}", "reachable": reachable})  # fmt: skip

    if memo.get("cpu_seconds") is not None:
        best = round(memo["cpu_seconds"] / cores / r["floor"]["total"], 2)
        row("default memo HTML+PDF ≤ 1.3× the floor", memo["cpu_seconds"], best, "× the floor",
            best <= 1.3)  # fmt: skip
    parallel = reports.get("cpu_seconds", {}).get("parallel_j2")
    if parallel is not None:
        best = round(reports["sequential"] / (parallel / cores), 2)
        row("make -j2 reports ≥ 1.6× faster than one after another", parallel, best, "×",
            best >= 1.6)  # fmt: skip
    if added.get("cpu_seconds") is not None:
        best = round(added["cpu_seconds"] / cores, 2)
        row("one added article < 5 s to a new memo", added["cpu_seconds"], best, " s", best < 5)
    return rows


def markdown(r: dict) -> str:
    m, f, s = r["memo"], r["floor"], r["stages"]
    lines = [
        f"# Benchmark ({r['machine']}, printing with {r['browser']})", "",
        f"## Default memo, outputs removed, data warm (median of {RUNS}, alternating)", "",
        "| | seconds |", "| --- | ---: |",
        f"| `make report FORMATS=html,pdf` (what the plain chain makes) | {m['make_report']} |",
        f"| plain chain (bench/plain_chain.sh) | {m['plain_chain']} |",
        f"| `make report FORMATS=html,pdf`, nothing kept from an earlier build | {m['cold']} |",
        f"| `make report` (HTML, PDF, Word, figures) | {m['all_formats']} |",
        f"| floor: kernel + import pandas, plotly (papermill) | {f['kernel_pandas_plotly']} |",
        f"| the same on the build's kernel manager (not part of the floor) | {f.get('kernel_build_manager')} |",
        f"| floor: Chromium printing a trivial page | {f['chromium_trivial_pdf']} |",
        f"| **floor** | **{f['total']}** |", "",
        "Stages in one process (the memo kernel starts first; the parent's own work overlaps it):", "",
        "| stage | seconds |", "| --- | ---: |",
        *[f"| {k} | {v} |" for k, v in s.items()], "",
        f"No-op `make report`: {r['noop']['seconds']} s.", "",
        "## Scale: synthetic corpora, curate + report end to end (a process each)", "",
        "Cold: nothing kept from an earlier run (parsed files, checks, shingles, evidence); "
        "warm: the same inputs again.", "",
        "| claims | sources | seconds (warm) | seconds (cold) | peak MB | HTML MB | PDF MB | PDF pages |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]  # fmt: skip
    for row in r["scale"]:
        lines.append(
            f"| {row['claims']:,} | {row['sources']:,} | {row['seconds']} | {row['cold_seconds']} "
            f"| {row['peak_mb']} | {row['html_mb']} | {row['pdf_mb']} | {row['pdf_pages']} |"
        )
    if r["scale_stages"]:
        lines += ["", "Largest corpus by stage (kept work warm; peak PSS of the process tree, kernels and Chromium included):", "",
                  "| stage | seconds | peak MB |", "| --- | ---: | ---: |"]  # fmt: skip
        lines += [
            f"| {k} | {v['seconds']} | {v['peak_mb']} |" for k, v in r["scale_stages"].items()
        ]
    if r["added"]:
        a, c = r["added"], r["added"]["separate"]
        lines += [
            "",
            f"One article of 20 claims added, kept work warm: `make report` (which curates "
            f"what changed) {a['seconds']} s to a new memo, peak {a['peak_mb']} MB. As separate "
            f"commands (a third article, {c['claims']:,} claims): curate {c['curate_seconds']} s "
            f"+ report {c['report_seconds']} s = {c['seconds']} s. By stage (a first article, "
            "each stage in one process):", "",
            "| stage | seconds | peak MB |", "| --- | ---: | ---: |",
            *[f"| {k} | {v['seconds']} | {v['peak_mb']} |" for k, v in a["stages"].items()],
        ]  # fmt: skip
    p = r["reports"]
    lines += [
        "", f"`make reports` ({len(list(PARAMS_DIR.glob('*.yaml')))} sets): one after another {p['sequential']} s; "
        f"`make -j2` {p['parallel_j2']} s ({p['speedup']}×).", "",
        "## Budgets", "", "| budget | measured | met |", "| --- | ---: | :---: |",
    ]  # fmt: skip
    lines += [
        f"| {b['budget']} | {b['measured']} | {'yes' if b['met'] else '**no**'} |"
        for b in r["budgets"]
    ]
    if r["ceilings"]:
        lines += [
            "", "## What the work allows on this machine", "",
            f"CPU seconds the whole machine spent on each (run alone), so the least wall time "
            f"that work can take on {os.cpu_count()} cores, and the best the budget's measure "
            "can be until the work itself shrinks:", "",
            "| budget | CPU seconds | least seconds | at best | reachable |",
            "| --- | ---: | ---: | ---: | :---: |",
            *[f"| {c['budget']} | {c['cpu_seconds']} | {c['least_seconds']} | {c['best']} "
              f"| {'yes' if c['reachable'] else '**no**'} |" for c in r["ceilings"]],
        ]  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> int:
    if sys.argv[1:2] == ["stages"]:  # the child that measures the largest corpus by stage
        print(json.dumps(stages_child(Path(sys.argv[2]), Path(sys.argv[3]))))
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ijmemo-bench-") as tmp_name:
        tmp = Path(tmp_name)
        results = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "browser": Path(find_chromium()).name,  # (the floor prints with it too)
            "memo": memo_against_plain_chain(tmp),
            "floor": floor(tmp),
            "stages": default_stages(tmp),
            "noop": noop_report(),
        }
        results["scale"], results["scale_stages"], results["added"] = scale(tmp)
        results["reports"] = reports_parallel(tmp)
    results["budgets"] = budgets(results)
    results["ceilings"] = ceilings(results)
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    (OUT / "results.md").write_text(table)
    print(table)
    say(f"done in {results['bench_seconds']} s; results in bench/results.json and bench/results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
