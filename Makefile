PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= demo-store
STAMP := $(VENV)/.installed

.PHONY: run test install clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/eventwire ingest examples --store $(STORE)
	$(BIN)/eventwire events --store $(STORE) --format table
	$(BIN)/eventwire stats --store $(STORE) --format table

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/pipeline.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
