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

.PHONY: run test lint format typecheck migrate seed bench clean image image-offline wheelhouse

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

# The environment is synced from the lock file whenever it changes: for serving, with the
# runtime dependencies only; for the gates, with the development group (pytest, mypy,
# schemathesis, playwright...) too. Each sync is exact, so the last one named is what is there.
$(BIN)/.runtime: uv.lock pyproject.toml | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --no-dev --python $(PYTHON)
	rm -f $(BIN)/.development
	touch $@

$(BIN)/.development: uv.lock pyproject.toml | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --python $(PYTHON)
	rm -f $(BIN)/.runtime
	touch $@

migrate: $(BIN)/.runtime
	$(BIN)/milcap migrate

seed: migrate
	$(BIN)/milcap seed

run: seed
	$(BIN)/milcap serve --host $(HOST) --port $(PORT)

# The sync client is generated from the async one: lint fails when it is stale.
lint: $(BIN)/.development
	$(BIN)/python scripts/unasync.py --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app
	$(BIN)/hadolint Dockerfile

format: $(BIN)/.development
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
bench: $(BIN)/.development
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --all-groups
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# The container image, built by podman or docker (whichever is installed): `make image` on
# python:3.11-slim-bookworm with dependencies from PyPI. Where builds reach no registry,
# `make image-offline` builds on a Debian base made here (docker/debian-base.sh, mmdebstrap)
# with dependencies from the wheelhouse. Both install what uv.lock pins.
ifndef ENGINE
ENGINE := $(shell command -v podman || command -v docker)
endif
IMAGE ?= milcap
BASE_IMAGE ?= python:3.11-slim-bookworm
DEPENDENCIES ?= index
WHEELHOUSE := docker/wheelhouse
# podman writes OCI images unless told otherwise, and OCI images drop the HEALTHCHECK.
IMAGE_FORMAT = $(if $(findstring podman,$(ENGINE)),--format docker)

image: $(if $(filter wheelhouse,$(DEPENDENCIES)),$(WHEELHOUSE)/.made)
	$(if $(ENGINE),,$(error neither podman nor docker is installed))
	$(ENGINE) build $(IMAGE_FORMAT) --build-arg BASE_IMAGE=$(BASE_IMAGE) \
		--build-arg DEPENDENCIES=$(DEPENDENCIES) --build-arg UV_VERSION=$(UV_VERSION) \
		--tag $(IMAGE) .

image-offline: $(WHEELHOUSE)/.made
	base="$$(ENGINE='$(ENGINE)' docker/debian-base.sh)" \
		&& $(MAKE) image DEPENDENCIES=wheelhouse BASE_IMAGE="$$base"

# Wheels for every runtime package uv.lock pins (hashes checked), plus uv and the build backend
# (with editables, which hatchling asks for to make the image's editable install), for
# CPython 3.11 on this machine's architecture. pip matches a manylinux platform by its exact
# name only, so every glibc up to bookworm's 2.36 is named (manylinux2014 brings 2010 and 1).
ARCH ?= $(shell uname -m)
WHEEL_TARGET = --only-binary=:all: --python-version 3.11 --implementation cp --abi cp311 \
	--platform manylinux2014_$(ARCH) \
	$(foreach glibc,$(shell seq 17 36),--platform manylinux_2_$(glibc)_$(ARCH))
BUILD_BACKEND = $$($(TOOLS)/bin/python -c 'import tomllib; \
	print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"])') editables

wheelhouse: $(WHEELHOUSE)/.made

$(WHEELHOUSE)/.made: uv.lock pyproject.toml | $(UV)
	rm -f $@ $(WHEELHOUSE)/*.whl
	$(UV) export --frozen --no-dev --no-emit-project --quiet \
		--output-file $(WHEELHOUSE)/requirements.txt
	$(TOOLS)/bin/pip download --quiet --disable-pip-version-check --dest $(WHEELHOUSE) \
		$(WHEEL_TARGET) --require-hashes --no-deps --requirement $(WHEELHOUSE)/requirements.txt
	$(TOOLS)/bin/pip download --quiet --disable-pip-version-check --dest $(WHEELHOUSE) \
		$(WHEEL_TARGET) uv==$(UV_VERSION) $(BUILD_BACKEND)
	touch $@
