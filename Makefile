# India–Japan partnership memo. `make` (or `make help`) lists the targets.
.DEFAULT_GOAL := help
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:

UV_VERSION := 0.13.9
VENV := .venv
PY := $(VENV)/bin/python
# uv from PATH when it is there; otherwise a pinned copy bootstrapped into .tools/.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
ENV_STAMP := $(VENV)/.synced
# Bytecode: where PYTHONDONTWRITEBYTECODE is set, Python writes none, and each process (the
# build, its kernels) would compile pandas, plotly and the package from source, twice the time
# of a build. Compiled here: the installed packages after each sync, src/ when a source changes.
ENV_READY := $(VENV)/.compiled
SRC_FILES := $(shell find src -name '*.py' 2>/dev/null)
export UV_PYTHON_DOWNLOADS := never
export PYDEVD_DISABLE_FILE_VALIDATION := 1

# The memo: PARAMS picks the parameter set; its build goes to report/build/<set>/.
PARAMS ?= report/params/default.yaml
BUILD ?= report/build
PARAM_SETS := $(basename $(notdir $(wildcard report/params/*.yaml)))
DATA_INPUTS := $(wildcard data/sources/* data/curated/*.yaml data/curated/claims/*.yaml) data/curated/claims
PROCESSED := data/processed/manifest.json

.PHONY: help env browser data validate report reports add-source amend-source accept eval-candidates bench vendor notebooks lab test lint lock clean distclean

help: ## Show this list of targets
	@echo "Usage: make <target>"
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  %-16s %s\n", $$1, $$2}'

.tools/bin/uv:
	@echo "env: bootstrapping uv $(UV_VERSION) into .tools/"
	python3 -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(ENV_STAMP): uv.lock pyproject.toml | $(UV)
	@echo "env: installing the locked environment into $(VENV)/"
	$(UV) sync --frozen --all-groups
	@# The project's kernel, under a name that says what it is (notebooks ask for it).
	$(PY) -m ipykernel install --sys-prefix --name ijmemo --display-name "Python (ijmemo: India–Japan memo)" >/dev/null
	@touch $@

$(ENV_READY): $(ENV_STAMP) $(SRC_FILES)
	@$(if $(filter $(ENV_STAMP),$?),echo "env: compiling the installed packages' bytecode")
	@$(PY) -m compileall -q -j0 $(if $(filter $(ENV_STAMP),$?),$(VENV)/lib) src
	@touch $@

env: $(ENV_READY) ## Create or update the environment (.venv) from uv.lock

# Chromium's headless shell, preferred by src/ijmemo/outputs/browser.py (why: there), is
# installed as root where apt has it, else chromium; if neither installs, `ijmemo browser`
# says what to run.
browser: $(ENV_READY) ## Find headless Chromium for the PDF; as root on Debian, install its headless shell
	@if [ -z "$${IJMEMO_CHROMIUM:-}" ] && ! command -v chromium-headless-shell >/dev/null \
	    && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "browser: installing Debian packages chromium-headless-shell, fonts-dejavu-core, fonts-liberation"; \
	  apt-get update -qq || true; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium-headless-shell fonts-dejavu-core fonts-liberation >/dev/null \
	  || $(PY) -m ijmemo browser >/dev/null 2>&1 \
	  || { echo "browser: no chromium-headless-shell package here; installing chromium"; \
	       DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	         chromium fonts-dejavu-core fonts-liberation >/dev/null; } \
	  || true; \
	fi
	@$(PY) -m ijmemo browser

validate: $(ENV_READY) ## Check sources and curated records; write nothing
	$(PY) -m ijmemo validate

data: $(ENV_READY) ## Validate, then write the processed tables to data/processed/
	$(PY) -m ijmemo curate

$(PROCESSED): $(DATA_INPUTS) | $(ENV_READY)
	$(PY) -m ijmemo curate

# One Python process per `make report`: it checks whether any input changed since the last
# build (contents, not mtimes: see ijmemo/outputs/build_inputs.py), curates if the data changed, and
# builds. When no Chromium is found it exits 3: `make browser` installs one, then it retries.
REPORT = $(PY) -m ijmemo report "$(PARAMS)" --out $(BUILD) --if-changed $(if $(FORMATS),--formats $(FORMATS)) \
  $(if $(AS_OF),--as-of "$(AS_OF)") $(if $(PERIOD_MONTHS),--period-months "$(PERIOD_MONTHS)")

report: $(ENV_READY) ## Build the memo (HTML, PDF, Word, figures); PARAMS=report/params/<set>.yaml, AS_OF=YYYY-MM-DD, FORMATS=html,pdf
	@test -f "$(PARAMS)" || { echo "report: no parameter file $(PARAMS); sets: $(PARAM_SETS)" >&2; exit 2; }
	@$(REPORT) || { status=$$?; [ $$status = 3 ] || exit $$status; \
	  $(MAKE) --no-print-directory browser && $(REPORT); }

reports: $(addprefix report-,$(PARAM_SETS)) ## Build every parameter set (make -j2 reports) and report/build/index.html
	@$(PY) -m ijmemo index --out $(BUILD)

# The data is curated once before the sets build side by side.
report-%: $(PROCESSED) | $(ENV_READY)
	@$(MAKE) --no-print-directory report PARAMS=report/params/$*.yaml BUILD=$(BUILD)

add-source: $(ENV_READY) ## Add an article: make add-source FILE=a.txt|page.html|statement.pdf|note.docx|- [TITLE=.. OUTLET=.. DATE=.. URL=..]
	@test -n "$(FILE)" || { echo "add-source: say which file: make add-source FILE=path/to/article.txt (or .html, .pdf, .docx; FILE=- to paste)" >&2; exit 2; }
	$(PY) -m ijmemo add-source "$(FILE)" $(if $(TITLE),--title "$(TITLE)") $(if $(OUTLET),--outlet "$(OUTLET)") \
	  $(if $(DATE),--date "$(DATE)") $(if $(URL),--url "$(URL)")

amend-source: $(ENV_READY) ## Correct an added source's metadata: make amend-source SOURCE=<id> [DATE=.. TITLE=.. OUTLET=.. URL=..] [IDENTIFIED_BY="how" ON=..]
	@test -n "$(SOURCE)" || { echo "amend-source: say which source: make amend-source SOURCE=<id> DATE=... (see data/sources/)" >&2; exit 2; }
	$(PY) -m ijmemo amend-source "$(SOURCE)" $(if $(TITLE),--title "$(TITLE)") $(if $(OUTLET),--outlet "$(OUTLET)") \
	  $(if $(DATE),--date "$(DATE)") $(if $(URL),--url "$(URL)") \
	  $(if $(IDENTIFIED_BY),--identified-by "$(IDENTIFIED_BY)") $(if $(ON),--on "$(ON)")

accept: $(ENV_READY) ## Turn reviewed candidates into curated claims: make accept SOURCE=<id>
	@test -n "$(SOURCE)" || { echo "accept: say which source: make accept SOURCE=<id> (see data/review/)" >&2; exit 2; }
	$(PY) -m ijmemo accept "$(SOURCE)"

eval-candidates: $(ENV_READY) ## Score add-source's proposals on the gold articles (tests/gold/): bench/eval-candidates.md; GOLD=dir scores your own keyed articles
	@if [ -n "$(GOLD)" ]; then $(PY) -m ijmemo eval-candidates --no-shipped $(GOLD); \
	else $(PY) -m ijmemo eval-candidates | tee bench/eval-candidates.md; fi

bench: $(PROCESSED) browser ## Benchmark (about 15 min; run it alone): bench/results.json and results.md
	$(PY) bench/bench.py

vendor: ## Rebuild the memo's plotly.js from report/vendor/plotly-memo/ (npm ci, esbuild) and check its pinned sha256
	@$(PY) -c 'from ijmemo.outputs.html import PLOTLY_BUNDLE as b; print(b["recipe"], b["file"], b["sha256"])' | { \
	  read -r recipe file sha; tmp=$$(mktemp -d); \
	  cp "$$recipe"/package.json "$$recipe"/package-lock.json "$$recipe"/index.js "$$recipe"/build.js "$$tmp"/ && \
	  (cd "$$tmp" && npm ci --ignore-scripts --no-audit --no-fund --silent && node build.js "$$tmp/plotly.min.js") && \
	  echo "$$sha  $$tmp/plotly.min.js" | sha256sum -c - && \
	  cp "$$tmp/plotly.min.js" "$$file" && cp "$$tmp/node_modules/plotly.js/LICENSE" report/vendor/plotly-LICENSE; \
	  status=$$?; rm -rf "$$tmp"; exit $$status; }

notebooks: $(PROCESSED) ## Re-execute notebooks/*.ipynb in place with their default parameters (then commit)
	$(PY) -m ijmemo notebooks

lab: $(PROCESSED) ## Open the notebooks in JupyterLab on the project's environment
	$(VENV)/bin/jupyter lab notebooks/ --LabApp.news_url= $(if $(filter 0,$(shell id -u)),--allow-root)

test: $(PROCESSED) browser ## Lint, import layers, unit tests, and notebooks checked against their saved outputs (nbval)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache --no-logo
	$(VENV)/bin/pytest tests notebooks --nbval

lint: $(ENV_READY) ## Fix what ruff can fix and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: | $(UV) ## Re-resolve dependencies into uv.lock and regenerate environment.yml
	$(UV) lock
	$(MAKE) environment.yml

environment.yml: uv.lock | $(UV) ## Regenerate the conda environment from uv.lock
	@echo "env: writing $@ from uv.lock"
	@{ echo "# Generated from uv.lock by 'make environment.yml'; do not edit by hand."; \
	   echo "# conda env create -f environment.yml  gives the same packages as 'make env'."; \
	   echo "name: ijmemo"; \
	   echo "channels:"; echo "  - conda-forge"; \
	   echo "dependencies:"; echo "  - python=3.11"; echo "  - pip"; echo "  - pip:"; \
	   $(UV) export --frozen --all-groups --no-hashes --no-header --no-annotate \
	     --no-emit-project --format requirements-txt | sed 's/^/      - /'; \
	   echo "      - -e ."; } > $@

clean: ## Remove generated outputs (processed tables, report builds, caches)
	rm -rf data/processed data/.processed-* data/.cache .cache report/build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

distclean: clean ## Also remove the environment (.venv) and bootstrapped tools (.tools)
	rm -rf $(VENV) .tools
