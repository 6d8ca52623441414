"""Benchmark of the whole pipeline (`make bench`). Measures; it is not a test.

Writes bench/results.json and bench/results.md and prints the table:
  - the default memo on a warm environment, per stage, median of RUNS runs;
  - the floor measured in the same run (a kernel importing pandas and plotly;
    Chromium printing a trivial page) and our total's ratio to it;
  - a no-op `make report`;
  - synthetic corpora of 100 ... 100,000 claims through the whole pipeline
    (curate, then report): wall time, peak memory, HTML and PDF size;
  - `make -j2 reports` against the same sets built one after another.
Budgets are checked and reported as met or not; the exit status is 0 either way.
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
import time
from pathlib import Path

import nbformat
from pypdf import PdfReader

from ijmemo.browser import print_pdf
from ijmemo.curate import curate_to_processed
from ijmemo.notebook import execute_notebook
from ijmemo.paths import DATA_DIR, PARAMS_DIR, PROJECT_ROOT
from ijmemo.render import build_report
from ijmemo.synthetic import generate

RUNS = int(os.environ.get("BENCH_RUNS", 5))
SCALES = [int(n) for n in os.environ.get("BENCH_SCALES", "100,1000,10000,100000").split(",")]
OUT = PROJECT_ROOT / "bench"


def say(message: str) -> None:
    print(f"bench: {message}", flush=True)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def run_child(cmd: list[str], cwd: Path = PROJECT_ROOT) -> tuple[float, float]:
    """Run a command; return wall seconds and the peak RSS (MB) of its process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return round(seconds, 2), round(usage.ru_maxrss / 1024, 1)  # ru_maxrss is in KB on Linux


def default_memo(tmp: Path) -> dict:
    say(f"default memo, warm: 1 warm-up + {RUNS} runs")
    build_report(PARAMS_DIR / "default.yaml", out_root=tmp / "warm", say=lambda _: None)
    runs = []
    for _ in range(RUNS):
        timings: dict = {}
        started = time.perf_counter()
        curate_to_processed(DATA_DIR, tmp / "processed")  # the validate/curate stage, timed apart
        timings["validate_curate"] = round(time.perf_counter() - started, 3)
        build_report(
            PARAMS_DIR / "default.yaml", out_root=tmp / "runs", timings=timings, say=lambda _: None
        )
        timings["total"] = round(sum(v for k, v in timings.items() if k != "curate"), 3)
        runs.append(timings)
    stages = ["validate_curate", "notebooks", "html", "pdf", "total"]
    return {stage: median([r[stage] for r in runs]) for stage in stages} | {"runs": runs}


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
    kernel, chromium = [], []
    for _ in range(RUNS):
        started = time.perf_counter()
        execute_notebook(trivial_nb, tmp / "trivial-out.ipynb")
        kernel.append(time.perf_counter() - started)
        started = time.perf_counter()
        print_pdf(page, tmp / "trivial.pdf")
        chromium.append(time.perf_counter() - started)
    result = {"kernel_pandas_plotly": median(kernel), "chromium_trivial_pdf": median(chromium)}
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


def scale(tmp: Path) -> list[dict]:
    rows = []
    for n in SCALES:
        data = tmp / f"data-{n}"
        started = time.perf_counter()
        counts = generate(data, n)
        generated = round(time.perf_counter() - started, 1)
        say(f"scale {n:>7,} claims: generated in {generated} s; curate + report ...")
        out = tmp / f"build-{n}"
        pipeline = (
            f"{sys.executable} -m ijmemo curate --data-dir {data} && "
            f"{sys.executable} -m ijmemo report {PARAMS_DIR / 'default.yaml'} --data-dir {data} --out {out}"
        )
        seconds, peak = run_child(["bash", "-c", pipeline])
        memo = out / "default"
        rows.append(
            {
                "claims": n,
                "sources": counts["sources"],
                "initiatives": counts["initiatives"],
                "events": counts["events"],
                "seconds": seconds,
                "peak_mb": peak,
                "html_mb": round((memo / "memo.html").stat().st_size / 1e6, 2),
                "pdf_mb": round((memo / "memo.pdf").stat().st_size / 1e6, 2),
                "pdf_pages": len(PdfReader(memo / "memo.pdf").pages),
                "generate_seconds": generated,
            }
        )
        say(f"scale {n:>7,} claims: {seconds} s, peak {peak} MB")
        shutil.rmtree(data)
    return rows


def reports_parallel(tmp: Path) -> dict:
    say("make reports: one after another, then make -j2")
    result = {}
    for label, jobs in (("sequential", "-j1"), ("parallel_j2", "-j2")):
        build = tmp / f"reports-{label}"
        seconds, _ = run_child(["make", "-s", jobs, "reports", f"BUILD={build}"])
        result[label] = seconds
    result["speedup"] = round(result["sequential"] / result["parallel_j2"], 2)
    return result


def budgets(results: dict) -> list[dict]:
    default, fl = results["default_memo"], results["floor"]
    rows = {r["claims"]: r for r in results["scale"]}
    big = rows[max(rows)]
    mid = rows.get(max(rows) // 10, big)
    growth = round(big["seconds"] / mid["seconds"], 2)
    ratio = round((default["notebooks"] + default["html"] + default["pdf"]) / fl["total"], 2)
    return [
        {
            "budget": "default memo HTML+PDF within 1.5x the floor",
            "measured": f"{ratio}x",
            "met": ratio <= 1.5,
        },
        {
            "budget": "no-op make report under 0.5 s",
            "measured": f"{results['noop']['seconds']} s",
            "met": results["noop"]["seconds"] < 0.5,
        },
        {
            "budget": "100,000 claims end to end under 60 s",
            "measured": f"{big['seconds']} s",
            "met": big["seconds"] < 60,
        },
        {
            "budget": "100,000 claims under 2 GB peak memory",
            "measured": f"{big['peak_mb']} MB",
            "met": big["peak_mb"] < 2048,
        },
        {
            "budget": "time no worse than linear from 10,000 to 100,000 (<= 10x)",
            "measured": f"{growth}x",
            "met": growth <= 10,
        },
        {
            "budget": "memo HTML under 3 MB at 100,000 claims",
            "measured": f"{big['html_mb']} MB",
            "met": big["html_mb"] < 3,
        },
    ]


def markdown(results: dict) -> str:
    d, f = results["default_memo"], results["floor"]
    lines = [
        f"# Benchmark ({results['machine']})",
        "",
        f"## Default memo, warm environment (median of {RUNS})",
        "",
        "| stage | seconds |",
        "| --- | ---: |",
        f"| validate/curate (`make data`) | {d['validate_curate']} |",
        f"| execute notebooks 01 + 02 (in parallel) | {d['notebooks']} |",
        f"| HTML (nbconvert) | {d['html']} |",
        f"| PDF (Chromium) | {d['pdf']} |",
        f"| **total** | **{d['total']}** |",
        "",
        "| floor, same run | seconds |",
        "| --- | ---: |",
        f"| kernel start + import pandas, plotly | {f['kernel_pandas_plotly']} |",
        f"| Chromium printing a trivial page | {f['chromium_trivial_pdf']} |",
        f"| **floor** | **{f['total']}** |",
        "",
        f"No-op `make report`: {results['noop']['seconds']} s.",
        "",
        "## Scale: synthetic corpora, curate + report end to end",
        "",
        "| claims | sources | initiatives | events | seconds | peak MB | HTML MB | PDF MB | PDF pages |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results["scale"]:
        lines.append(
            f"| {r['claims']:,} | {r['sources']:,} | {r['initiatives']:,} | {r['events']:,} | {r['seconds']} "
            f"| {r['peak_mb']} | {r['html_mb']} | {r['pdf_mb']} | {r['pdf_pages']} |"
        )
    p = results["reports"]
    lines += [
        "",
        f"`make reports` ({len(list(PARAMS_DIR.glob('*.yaml')))} sets): one after another {p['sequential']} s; "
        f"`make -j2` {p['parallel_j2']} s ({p['speedup']}x).",
        "",
        "## Budgets",
        "",
        "| budget | measured | met |",
        "| --- | ---: | :---: |",
    ]
    lines += [
        f"| {b['budget']} | {b['measured']} | {'yes' if b['met'] else '**no**'} |"
        for b in results["budgets"]
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ijmemo-bench-") as tmp_name:
        tmp = Path(tmp_name)
        results = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "default_memo": default_memo(tmp),
            "floor": floor(tmp),
            "noop": noop_report(),
            "scale": scale(tmp),
            "reports": reports_parallel(tmp),
        }
    results["budgets"] = budgets(results)
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
