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
export UV_PYTHON_DOWNLOADS := never
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help env data validate lab test lint format lock clean distclean

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
	@touch $@

env: $(ENV_STAMP) ## Create or update the environment (.venv) from uv.lock

validate: $(ENV_STAMP) ## Check sources and curated records; write nothing
	$(PY) -m ijmemo validate

data: $(ENV_STAMP) ## Validate, then write the processed tables to data/processed/
	$(PY) -m ijmemo curate

lab: $(ENV_STAMP) ## Open the notebooks in JupyterLab on the project's environment
	$(VENV)/bin/jupyter lab notebooks/

test: $(ENV_STAMP) ## Lint, unit tests, and notebooks checked against their saved outputs (nbval)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest tests notebooks --nbval

lint: $(ENV_STAMP) ## Fix what ruff can fix and format the code
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
	rm -rf data/processed data/.processed-* report/build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

distclean: clean ## Also remove the environment (.venv) and bootstrapped tools (.tools)
	rm -rf $(VENV) .tools
