# jobtrends: `make test` runs lint and the whole suite, `make run` runs the job.
# Both create .venv and install the pinned project when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
REPLAY ?=
PYTEST_ARGS ?=

.PHONY: install run test lint format eval bench bench-scale bench-emerging clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/jobtrends run $(if $(REPLAY),--replay $(REPLAY))

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

eval: $(STAMP)
	$(BIN)/python -m pipeline.eval

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# N postings resampled from the corpus: load, build and report timed apart (N=100000 to try).
N ?= 1000000
STAGES ?= load,build,report
bench-scale: $(STAMP)
	$(BIN)/python -m benchmarks.bench_scale --n $(N) --stages $(STAGES) --write

# The emerging-skills backtest on a warehouse built from the replay corpus (built first when
# missing), its tables written into docs/SKILLS.md. CORPUS_HOME keeps that warehouse apart.
CORPUS_HOME ?= data/corpus-run
bench-emerging: $(STAMP)
	test -f $(CORPUS_HOME)/warehouse.duckdb || $(BIN)/jobtrends run --replay $(or $(REPLAY),../shared/corpus) --home $(CORPUS_HOME)
	$(BIN)/python -m pipeline.eval.emerging --home $(CORPUS_HOME) --write

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache warehouse/target warehouse/logs
