# Reading Conflict Reporting: two commands do everything.
#   make lab        set up (if needed), then open JupyterLab on the first notebook
#   make test       set up (if needed), then run every test (the browser tests need Chromium, see below)
#   make test-fast  the same without the browser and hub tests: needs only python3 and make
# Setup is idempotent: it runs again only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# Jupyter refuses to run as root unless told; containers and CI often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Setup uses uv when it is on PATH (seconds instead of about a minute), pip otherwise.
# INSTALLER=pip forces pip; UV=/path/to/uv picks a uv that is not on PATH.
ifeq ($(origin UV),undefined)
UV := $(shell command -v uv 2>/dev/null)
endif
INSTALLER ?= $(if $(UV),uv,pip)

# $(shell) does not see variables set on make's command line (make test CONFLICT_READING_CHROMIUM=...).
CHROMIUM_ENV = $(if $(CONFLICT_READING_CHROMIUM),CONFLICT_READING_CHROMIUM='$(CONFLICT_READING_CHROMIUM)')
# `make -n` still expands recipes: the Chromium check then only checks.
DRY_RUN = $(if $(findstring n,$(firstword -$(MAKEFLAGS))),--dry-run,)

.PHONY: setup lab test test-fast chromium bench bench-hub slides clean help binder-link binder-readme

help:
	@echo "make lab        open JupyterLab on notebooks/00-start.ipynb (sets up .venv first if needed)"
	@echo "make test       run all tests (sets up .venv first if needed); the browser tests need Chromium:"
	@echo "                as root with apt-get it is installed when missing, otherwise make test stops"
	@echo "                at once and says how to install it (or set CONFLICT_READING_CHROMIUM); the hub"
	@echo "                test needs Node.js and npm (installed the same way), and its proxy goes into .venv/hub-proxy"
	@echo "make test-fast  run every test except the browser and hub ones (no Chromium, no Node.js needed)"
	@echo "make bench      run the benchmarks"
	@echo "make bench-hub  size a class: 1, 10 and 30 learners running lesson 02 on a real JupyterHub (minutes)"
	@echo "make slides     build offline slide decks of the lessons in build/slides/"
	@echo "make binder-link    print this copy's Binder link, from its git remote (binder-readme: into README.md)"
	@echo "make clean      remove .venv and caches"
	@echo "Setup uses uv if it is on PATH, pip otherwise (INSTALLER=pip forces pip)."

setup: $(STAMP)

$(STAMP): pyproject.toml
ifeq ($(INSTALLER),uv)
	$(if $(UV),,$(error INSTALLER=uv but uv is not on PATH: install uv, or use INSTALLER=pip))
	@test -x $(BIN)/python || "$(UV)" venv --quiet --seed --allow-existing \
		--python "$$($(PYTHON) -c 'import sys; print(sys.executable)')" $(VENV)
	"$(UV)" pip install --quiet --python $(BIN)/python -e ".[test]"
else ifeq ($(INSTALLER),pip)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --upgrade --default-pip >/dev/null
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
else
	$(error INSTALLER must be uv or pip, not '$(INSTALLER)')
endif
	@touch $(STAMP)
	@echo "Set up: $(VENV) is ready ($(INSTALLER))."

lab: $(STAMP)
	$(BIN)/jupyter lab --port=$(PORT) $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/notebooks/00-start.ipynb $(LAB_ARGS)

# Chromium for the browser tests, before anything else: scripts/ensure_chromium.sh installs it as root
# with apt-get; otherwise it prints one line (how to install it, or make test-fast), and make stops
# with that line before setting up or running anything.
chromium:
	$(eval CHROMIUM_PROBLEM := $(shell $(CHROMIUM_ENV) bash scripts/ensure_chromium.sh $(DRY_RUN)))
	$(if $(CHROMIUM_PROBLEM),$(error $(CHROMIUM_PROBLEM)))
	$(if $(filter-out 0,$(.SHELLSTATUS)),$(error scripts/ensure_chromium.sh failed (exit $(.SHELLSTATUS)): \
		see above, or run the tests without the browser with 'make test-fast'))

# configurable-http-proxy (npm) for the hub test and make bench-hub, in .venv/hub-proxy: needs Node.js and npm
# (scripts/ensure_hub_proxy.sh installs Debian's as root with apt-get, like Chromium; otherwise it says how).
HUB_PROXY := $(VENV)/hub-proxy/node_modules/.bin/configurable-http-proxy

$(HUB_PROXY):
	@bash scripts/ensure_hub_proxy.sh "$(VENV)/hub-proxy"

test: chromium $(STAMP) $(HUB_PROXY)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not hub"

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

bench-hub: $(STAMP) $(HUB_PROXY)
	$(BIN)/python benchmarks/hub_class.py

binder-link:  # the Binder link of this copy, from its git remote (scripts/binder_link.py)
	@$(PYTHON) scripts/binder_link.py

binder-readme:  # write that link into README.md's badge
	@$(PYTHON) scripts/binder_link.py --readme

slides: $(STAMP)
	$(BIN)/python -m conflict_reading.slides --out build/slides

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
