# Everything installs into .venv from the hashed lock; nothing is installed by hand.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck format bench lock clean browser

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/gestae code examples/ --db demo.duckdb --format table

test: $(STAMP) lint browser
	$(BIN)/python -m pytest -q

# tests/test_browser.py drives Debian's chromium. Install it when we can (root with apt-get);
# otherwise say so and go on: those tests then skip, the build does not fail.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the browser tests"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
		|| { apt-get update -qq >/dev/null 2>&1 \
		     && apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; } \
		|| echo "could not install chromium: browser tests will be skipped"; \
	else \
		echo "no /usr/bin/chromium and no way to install it (needs root and apt-get): browser tests will be skipped"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Re-pin: edit requirements.in, then run this (needs pip-tools, installed on the fly).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras -q -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) demo.duckdb .mypy_cache .ruff_cache .pytest_cache
