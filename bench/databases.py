"""The benchmark's databases: built once, reused while the migrations, seeds and generator match.

SQLite files live in bench/work/ (git-ignored). PostgreSQL databases are dropped and created
on the server the URL names; only databases whose name contains `bench` are ever dropped.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from app.core.config import PROJECT_ROOT
from app.core.db import make_engine
from app.core.migrations import current_revision, head_revision
from app.meta.models import DatasetRelease
from bench.scaled import (
    build_scaled_database,
    build_seed_database,
    scaled_version,
    seed_version,
    table,
)

WORK_DIR = PROJECT_ROOT / "bench" / "work"
SEEDS_DIR = PROJECT_ROOT / "seeds"
DEFAULT_POSTGRES_DATABASE = "milcap_bench"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BenchDatabases:
    seed_url: str  # the curated seeds only: measurement (b)
    scaled_url: str  # seeds plus synthetic rows: measurements (c) and (e)
    scaled_sqlite_path: Path  # what Datasette serves, whatever milcap runs on: (d)


def release_version(url: str) -> str | None:
    """The dataset version the database holds, or None if it is missing, stale or unreadable."""
    engine = make_engine(url)
    try:
        if current_revision(engine) != head_revision():
            return None
        with engine.connect() as connection:
            version: str | None = connection.execute(
                select(table(DatasetRelease).c.version)
            ).scalar()
            return version
    except (SQLAlchemyError, psycopg.Error):
        return None
    finally:
        engine.dispose()


def _sqlite_database(
    path: Path, scaled: bool, expected: str, rebuild: bool, progress: Progress
) -> str:
    url = f"sqlite:///{path}"
    if not rebuild and path.exists() and release_version(url) == expected:
        progress(f"reusing {path.relative_to(PROJECT_ROOT)}")
        return url
    progress(f"building {path.relative_to(PROJECT_ROOT)}")
    building = path.with_name(path.name + ".building")
    building.unlink(missing_ok=True)
    _build(f"sqlite:///{building}", scaled)
    os.replace(building, path)  # a half-built file is never taken for a cached one
    return url


def _build(url: str, scaled: bool) -> None:
    if scaled:
        build_scaled_database(url, SEEDS_DIR)
    else:
        build_seed_database(url, SEEDS_DIR)


def _postgres_url(server_url: str, database: str) -> str:
    return make_url(server_url).set(database=database).render_as_string(hide_password=False)


def _recreate_postgres_database(server_url: str, database: str) -> None:
    if "bench" not in database:
        raise ValueError(f"refusing to drop {database!r}: benchmark databases contain 'bench'")
    admin = make_url(server_url).set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        name = sql.Identifier(database)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def postgres_database(
    server_url: str, database: str, scaled: bool, expected: str, rebuild: bool, progress: Progress
) -> str:
    """The URL of `database` on `server_url`, built unless it holds the `expected` release."""
    url = _postgres_url(server_url, database)
    if not rebuild and release_version(url) == expected:
        progress(f"reusing PostgreSQL database {database}")
        return url
    progress(f"building PostgreSQL database {database}")
    _recreate_postgres_database(server_url, database)
    _build(url, scaled)
    return url


def prepare(postgres_url: str | None, rebuild: bool, progress: Progress) -> BenchDatabases:
    """The seed and scaled databases (SQLite, or PostgreSQL when a URL is given)."""
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    seeds = seed_version(SEEDS_DIR)
    scaled = scaled_version(seeds)
    scaled_path = WORK_DIR / "scaled.sqlite3"
    scaled_sqlite = _sqlite_database(scaled_path, True, scaled, rebuild, progress)
    if postgres_url is None:
        seed_sqlite = _sqlite_database(WORK_DIR / "seed.sqlite3", False, seeds, rebuild, progress)
        return BenchDatabases(seed_sqlite, scaled_sqlite, scaled_path)
    database = make_url(postgres_url).database or DEFAULT_POSTGRES_DATABASE
    return BenchDatabases(
        seed_url=postgres_database(
            postgres_url, f"{database}_seed", False, seeds, rebuild, progress
        ),
        scaled_url=postgres_database(postgres_url, database, True, scaled, rebuild, progress),
        scaled_sqlite_path=scaled_path,
    )
