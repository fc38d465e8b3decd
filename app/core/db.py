"""The database engines and the constraint naming convention, for SQLite and PostgreSQL."""

import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

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


def make_engine(url: str, **options: Any) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    return create_engine(url, **({"pool_pre_ping": True} | options))


@lru_cache
def get_engine(url: str) -> Engine:
    """The engine that writes (the loader): transactions as SQLAlchemy runs them."""
    return make_engine(url)


@lru_cache
def get_read_engine(url: str) -> Engine:
    """The engine of the read path: each statement on its own (autocommit), no ping.

    The API only reads, one statement at a time, so a transaction around it would only add
    round trips (BEGIN, ROLLBACK) and the pool's pre-ping a third; a connection that fails
    is discarded by the reader instead (app/core/reader.py).
    """
    return make_engine(url, isolation_level="AUTOCOMMIT", pool_pre_ping=False)
