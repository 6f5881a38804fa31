# Two commands set everything up on a fresh machine with Python 3.11, pip and make:
#   make demo   - create .venv, install, and analyze the seed article
#   make test   - create .venv, install, compile, lint, type-check and run the tests
# and for the harness:
#   make eval         - the regression gate: every registered model vs eval/baselines/default.json
#   make bench        - the pytest-benchmark suites in eval/benchmarks (saved for --compare)
#   make bench-smoke  - the same suites run once, untimed, so they cannot rot
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# torch is pinned in the same pip command: that CPU wheel is the one to use; unpinned, pip
# would pull a multi-GB CUDA build.
TORCH := torch==2.13.0
SEED := fixtures/seed/us-ukraine-belgorod.json
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

# The quote extractor, compiled in place with mypyc (setup.py lists the modules): rebuilt
# whenever one of its sources changes, so the tests never run a stale extension.
QUOTES_SOURCES := $(wildcard stance/quotes/*.py)
COMPILED := stance/quotes/.compiled

.PHONY: install compile clean-compiled demo test lint eval bench bench-smoke clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet "$(TORCH)" -e ".[transformer,dev]"
	touch $@

compile: $(COMPILED)

$(COMPILED): $(VENV)/.installed setup.py $(QUOTES_SOURCES)
	STANCE_COMPILE=1 $(BIN)/python setup.py --quiet build_ext --inplace --force
	touch $@

clean-compiled:
	rm -rf build $(COMPILED) stance/quotes/*.so stance/quotes__mypyc*.so

demo: compile
	$(BIN)/python -c "import json, sys; sys.stdout.write(json.load(open('$(SEED)', encoding='utf-8'))['text'])" \
		| $(BIN)/stance analyze -

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check stance tests eval
	$(BIN)/mypy

test: lint compile
	$(BIN)/pytest -m "not slow"

eval: compile
	$(BIN)/stance eval --suite default --baseline eval/baselines/default.json --no-progress

bench: compile
	$(BIN)/stance bench

bench-smoke: compile
	$(BIN)/stance bench --smoke

clean: clean-compiled
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .benchmarks
