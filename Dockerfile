# milcap API image: dependencies from uv.lock, run as a non-root user, migrations and seeds
# loaded on start by docker/entrypoint.sh (the same script the tests run).
#
# Build arguments:
#   BASE_IMAGE    a Debian-based image with python3 (3.11) and its venv module
#   DEPENDENCIES  index: packages from PyPI (a normal build);
#                 wheelhouse: only from docker/wheelhouse/ (`make wheelhouse`), no network.
#   Either way uv installs the versions and hashes uv.lock pins, exported from the lock here.

ARG BASE_IMAGE=python:3.11-slim-bookworm

FROM ${BASE_IMAGE} AS build
ARG DEPENDENCIES=index
ARG UV_VERSION=0.13.9
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    VIRTUAL_ENV=/app/.venv \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
COPY docker/uv.sh /usr/local/bin/uv
COPY docker/wheelhouse/ /wheelhouse/
WORKDIR /app
# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY pyproject.toml uv.lock README.md ./
RUN uv export --locked --no-dev --no-emit-project --quiet --output-file /tmp/requirements.txt \
    && python3 -m venv --without-pip /app/.venv \
    && uv pip sync --require-hashes /tmp/requirements.txt
COPY app ./app
RUN uv pip install --no-deps --editable .

FROM ${BASE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 milcap \
    && useradd --system --uid 10001 --gid milcap --home-dir /app --no-create-home milcap
WORKDIR /app
COPY --from=build /app/.venv ./.venv
COPY --from=build /app/app ./app
COPY alembic.ini ./
COPY migrations ./migrations
COPY seeds ./seeds
COPY docker/entrypoint.sh /usr/local/bin/milcap-entrypoint
RUN mkdir -p /app/data && chown milcap:milcap /app/data
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000 \
    LOG_FORMAT=json \
    SEED_ON_START=true \
    DATABASE_URL=sqlite:////app/data/milcap.sqlite3
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/readyz', timeout=2)"]
ENTRYPOINT ["milcap-entrypoint"]
