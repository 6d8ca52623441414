#!/usr/bin/env bash
# The chain a user would write without this project's pipeline, measured against
# `make report` by bench/bench.py: papermill on both notebooks, nbconvert without the
# input cells, Playwright printing the page. Usage: bench/plain_chain.sh OUT_DIR
set -euo pipefail
out=${1:?output folder}
mkdir -p "$out"
.venv/bin/papermill -k ijmemo --no-progress-bar notebooks/01_curate.ipynb "$out/01_curate.ipynb" 2>/dev/null
.venv/bin/papermill -k ijmemo --no-progress-bar notebooks/02_memo.ipynb "$out/02_memo.ipynb" 2>/dev/null
.venv/bin/jupyter nbconvert --to html --no-input --output-dir "$out" "$out/02_memo.ipynb" 2>/dev/null
.venv/bin/python - "$out" <<'PY'
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from ijmemo.outputs.browser import find_chromium

out = Path(sys.argv[1])
args = ["--no-sandbox"] if os.geteuid() == 0 else []
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=find_chromium(), args=args)
    page = browser.new_page()
    page.goto((out / "02_memo.html").resolve().as_uri(), wait_until="load")
    page.pdf(path=str(out / "memo.pdf"), format="A4")
    browser.close()
PY
