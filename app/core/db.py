"""The database engines and the constraint naming convention, for SQLite and PostgreSQL."""

import contextlib
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

# How long a SQLite reader waits for a lock, on the worker's thread: a load's commit takes
# milliseconds, and every other request waits as long.
SQLITE_BUSY_TIMEOUT = 0.25

# Deterministic constraint names, so migrations autogenerate the same on both engines.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)


def normalize_url(url: str) -> str:
    """Use psycopg 3 for plain postgresql:// URLs (SQLAlchemy would pick psycopg2)."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()


def _use_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    """The write-ahead log lets the API read while a load writes (the mode stays with the
    file); a file another process holds open keeps its mode until the next write."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        with contextlib.suppress(sqlite3.OperationalError):
            dbapi_connection.execute("PRAGMA journal_mode = WAL").close()


def make_engine(url: str, *, busy_timeout: float = 5.0, **options: Any) -> Engine:
    """An engine for `url`; `busy_timeout`: seconds a SQLite connection waits for a lock."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        connect_args = {"check_same_thread": False, "timeout": busy_timeout}
        engine = create_engine(url, connect_args=connect_args, **options)
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    return create_engine(url, **({"pool_pre_ping": True} | options))


@lru_cache
def get_engine(url: str) -> Engine:
    """The engine that writes (migrations, the loader): transactions as SQLAlchemy runs them,
    and SQLite files in write-ahead-log mode."""
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _use_write_ahead_log)
    return engine


@lru_cache
def get_read_engine(url: str) -> Engine:
    """The SQLite engine of the read path: each statement on its own (autocommit), and a
    short wait for locks, since a SQLite statement runs on the worker's thread
    (app/core/connections.py). PostgreSQL is read through psycopg's async pool instead."""
    return make_engine(url, busy_timeout=SQLITE_BUSY_TIMEOUT, isolation_level="AUTOCOMMIT")
