# Anew's everyday commands. `make run` and `make test` are all a newcomer needs.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help

# List the targets with their one-line descriptions.
help:
	@grep -B1 -E '^[a-z-]+:' Makefile | grep -E '^#' | sed 's/^# //'
	@echo "targets: install run test test-fast docs lint audit bench lock clean"

# Create .venv with the app and the dev tools from the lock file; does nothing when nothing changed.
install: $(STAMP)

# The app's install also compiles the WhatsApp scanner (setup.py); a C source edit rebuilds it.
$(STAMP): pyproject.toml requirements.lock setup.py $(wildcard src/anew/chats/formats/*.[ch])
	$(PYTHON) -c 'import sys; sys.exit("Anew needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
# Bytecode for the app's own modules, as pip writes it for an installed package: an editable
# install otherwise compiles them at every start where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

# Migrate the embedded SQLite database and serve the app on http://127.0.0.1:8000.
run: install
	$(BIN)/anew serve

# Run the whole test suite (SQLite, PostgreSQL and the headless-browser tests), a test file per core
# at a time (a file's module fixtures, such as the every-page suite's seeded world, stay on one core).
test: install
	$(BIN)/pytest -n auto --dist loadfile $(PYTEST_ARGS)

# The quick edit-test loop, on both cores: everything but the browser, the server processes and
# schemathesis, on SQLite alone (`make test` runs every test on both databases).
test-fast: install
	ANEW_TEST_BACKENDS=sqlite $(BIN)/pytest -n 2 -m "not browser and not processes and not schemathesis" $(PYTEST_ARGS)

# Write docs/api.md from the OpenAPI document (a test fails while it is stale).
docs: install
	$(BIN)/python tools/api_docs.py

# Lint and type-check.
lint: install
	$(BIN)/ruff check src tests bench fuzz tools
	$(BIN)/ruff format --check src tests bench fuzz tools
	$(BIN)/mypy

# Audit the locked dependencies for known vulnerabilities (needs PyPI's JSON API or OSV online).
audit: install
	$(BIN)/pip-audit --strict --skip-editable

# Run the benchmarks and print their figures for BENCHMARKS.md.
bench: install
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# Re-resolve the pinned dependencies after editing pyproject.toml.
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes --universal -o requirements.lock

# Remove the virtual environment and caches (your data directory is left alone).
clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
	rm -f src/anew/chats/formats/_whatsapp_scan*.so

.PHONY: help install run test test-fast docs lint audit bench lock clean
