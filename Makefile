# docproc — the two commands a new machine needs: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_INPUT ?= fixtures/seed-000/degraded.pdf
DEMO_OUT ?= demo-out
DEMO_NAME := $(basename $(notdir $(DEMO_INPUT)))
# Debian packages: tesseract + chi_sim is the bench's baseline; poppler-utils for pdftoppm debugging.
DEB_PACKAGES := tesseract-ocr tesseract-ocr-chi-sim

.PHONY: help install demo test lint unit bench clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m docproc.ocr.prepare_models
	touch $(STAMP)

install: $(STAMP)  ## create .venv, install docproc with its dev extras and the Debian packages it needs
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "optional Debian packages missing (bench baseline only):$$missing"; fi; \
	fi

demo: install  ## a bundled scanned notice: its text, then its notice record (JSON + summary)
	$(BIN)/docproc ocr $(DEMO_INPUT) -o $(DEMO_OUT)
	$(BIN)/docproc extract $(DEMO_OUT)/$(DEMO_NAME).document.json -o $(DEMO_OUT) --format md
	@echo; echo "== $(DEMO_OUT)/ =="; ls -l $(DEMO_OUT)
	@echo; echo "== text (first lines) =="; head -n 20 $(DEMO_OUT)/$(DEMO_NAME).txt
	@echo; echo "== notice =="; cat $(DEMO_OUT)/$(DEMO_NAME).notice.md

lint: install  ## ruff and mypy
	$(BIN)/ruff check docproc tests tools bench
	$(BIN)/mypy docproc

unit: install  ## the pytest suite alone
	$(BIN)/python -m pytest -q

test: lint unit  ## lint, then the whole pytest suite

bench: install  ## speed and accuracy over the fixtures (writes bench/results.json)
	$(BIN)/python -m bench.run --out bench/results.json

clean:  ## remove the virtualenv, caches and demo output
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_OUT) build *.egg-info
