# Reading Conflict Reporting: two commands do everything.
#   make lab    set up (if needed), then open JupyterLab on the first notebook
#   make test   set up (if needed), then run every test
# Setup is idempotent: it runs again only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# Jupyter refuses to run as root unless told; containers and CI often are root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab test bench slides clean help

help:
	@echo "make lab    open JupyterLab on notebooks/00-start.ipynb (sets up .venv first if needed)"
	@echo "make test   run all tests (sets up .venv first if needed)"
	@echo "make bench  run the benchmarks"
	@echo "make slides build offline slide decks of the lessons in build/slides/"
	@echo "make clean  remove .venv and caches"

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=23"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	@touch $(STAMP)
	@echo "Set up: $(VENV) is ready."

lab: $(STAMP)
	$(BIN)/jupyter lab --port=$(PORT) $(ROOT_FLAG) --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/notebooks/00-start.ipynb $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

slides: $(STAMP)
	$(BIN)/python -m conflict_reading.slides --out build/slides

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
