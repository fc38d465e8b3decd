# milcap: `make run` serves the API, `make test` runs every gate. Only Python 3.11+ and make needed.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: run test lint format typecheck migrate seed bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

# The environment is rebuilt whenever the lock file changes.
$(BIN)/.synced: uv.lock pyproject.toml | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --python $(PYTHON)
	touch $@

migrate: $(BIN)/.synced
	$(BIN)/milcap migrate

seed: migrate
	$(BIN)/milcap seed

run: seed
	$(BIN)/milcap serve --host $(HOST) --port $(PORT)

# The sync client is generated from the async one: lint fails when it is stale.
lint: $(BIN)/.synced
	$(BIN)/python scripts/unasync.py --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app
	$(BIN)/hadolint Dockerfile

format: $(BIN)/.synced
	$(BIN)/python scripts/unasync.py
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Every gate: lint and types, then the suite on SQLite and PostgreSQL (schemathesis, the
# headless browser and the container entrypoint included) with line coverage of app/.
test: lint
	$(BIN)/pytest --cov=app --cov-report=term-missing:skip-covered --cov-fail-under=90

clean:
	rm -rf $(VENV) $(TOOLS) data .pytest_cache .mypy_cache .ruff_cache

# The read-path benchmark (bench/README.md); needs wrk. Deployment numbers, e.g.:
# make bench BENCH_ARGS="--database-url postgresql://postgres@127.0.0.1:5432/milcap_bench --workers 2"
bench: $(BIN)/.synced
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --all-groups
	$(BIN)/python -m bench.run $(BENCH_ARGS)
