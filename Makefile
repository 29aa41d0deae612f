PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= demo-store
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run demo test install clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The bundled demo: the seed article (German, published 2024-10-08) and its English translation.
demo: $(STAMP)
	$(BIN)/eventwire ingest examples --store $(STORE) --date 2024-10-08
	$(BIN)/eventwire events --store $(STORE) --format table
	$(BIN)/eventwire claims --store $(STORE)
	$(BIN)/eventwire stats --store $(STORE) --format table

# Codes the demo, prints its events and claims, then serves the dashboard (NO_SERVE=1: summary only).
run: demo
ifeq ($(NO_SERVE),)
	@echo "dashboard: http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/eventwire serve --store $(STORE) --host $(HOST) --port $(PORT)
endif

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/ingest.py both

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache test-artifacts
