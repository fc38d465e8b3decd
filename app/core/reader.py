"""The read path's database access: plain SQL on the driver's own cursor.

The API's reads skip the ORM on purpose: building ORM objects and response models costs
ten times the SQL itself (see the README's performance section). Statements are written
once with `:name` parameters and adapted to the driver's parameter style; rows come back
as tuples (or dicts, where convenience beats speed) and each query shapes its own output.
"""

import re
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, cast

import orjson
import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import ServiceUnavailable

Row = dict[str, Any]
Params = dict[str, Any]
_NAMED_PARAMETER = re.compile(r"(?<!:):([a-z_][a-z0-9_]*)")


@lru_cache(maxsize=512)
def _pyformat(sql: str) -> str:
    """`:name` to psycopg's `%(name)s` (literal % doubled)."""
    return _NAMED_PARAMETER.sub(r"%(\1)s", sql.replace("%", "%%"))


def expand_list(name: str, values: Sequence[Any]) -> tuple[str, Params]:
    """`IN (...)` for a list: one placeholder per value, so any driver accepts it."""
    if not values:
        return "(NULL)", {}
    params = {f"{name}_{i}": value for i, value in enumerate(values)}
    return "(" + ", ".join(f":{key}" for key in params) + ")", params


class DatabaseUnavailable(ServiceUnavailable):
    """The database is unreachable or not migrated: a 503, never a 500."""


class Reader:
    """Runs read-only SQL on a pooled connection of the engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.statements = 0  # statements run, for tests that check there is no N+1

    def tuples(self, sql: str, params: Params | None = None) -> list[tuple[Any, ...]]:
        rows, _ = self._execute(sql, params)
        return rows

    def all(self, sql: str, params: Params | None = None) -> list[Row]:
        rows, names = self._execute(sql, params)
        return [dict(zip(names, values, strict=True)) for values in rows]

    def one(self, sql: str, params: Params | None = None) -> Row | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        rows = self.tuples(sql, params)
        return rows[0][0] if rows else None

    def _execute(self, sql: str, params: Params | None) -> tuple[list[tuple[Any, ...]], list[str]]:
        statement = sql if self.dialect == "sqlite" else _pyformat(sql)
        try:
            connection = self.engine.raw_connection()
        except (SQLAlchemyError, sqlite3.Error, psycopg.Error) as error:
            raise self._unavailable() from error
        try:
            # psycopg: binary results, which spare PostgreSQL hex-encoding the bytea documents
            # and Python decoding them (half the time of the inventory's one statement).
            driver = connection.driver_connection
            cursor = (
                driver.cursor(binary=True)
                if isinstance(driver, psycopg.Connection)
                else connection.cursor()
            )
            cursor.execute(statement, params or {})
            names = [column[0] for column in cursor.description or ()]
            rows = cast(list[tuple[Any, ...]], cursor.fetchall())
            cursor.close()
        except (sqlite3.Error, psycopg.Error) as error:
            # The connection may be broken (a restarted server): never hand it out again.
            connection.invalidate()
            raise self._unavailable() from error
        finally:
            connection.close()
        self.statements += 1
        return rows, names

    @staticmethod
    def _unavailable() -> DatabaseUnavailable:
        return DatabaseUnavailable("The database cannot answer right now; try again shortly.")


def page_of(
    reader: Reader,
    *,
    select: str,
    count: str,
    params: Params,
    order_by: str,
    limit: int,
    offset: int,
) -> tuple[int, list[tuple[Any, ...]]]:
    """A page of rows and the total over all pages, in at most two statements.

    `select` is `SELECT ... FROM ... WHERE ...`; `count` counts the same rows, usually
    without the joins the page needs for display. A first page that is not full already
    says how many rows there are, so the count runs only when it must.
    """
    rows = reader.tuples(
        f"{select} ORDER BY {order_by} LIMIT :limit OFFSET :offset",
        params | {"limit": limit, "offset": offset},
    )
    if (offset == 0 or rows) and len(rows) < limit:
        return offset + len(rows), rows
    return int(reader.scalar(count, params) or 0), rows


def json_list(value: Any) -> list[Any]:
    """A JSON column as a list: SQLite hands back text, psycopg the decoded value."""
    if isinstance(value, str | bytes):
        decoded = orjson.loads(value)
        return decoded if isinstance(decoded, list) else []
    return list(value or [])


def conditions(clauses: Sequence[str]) -> str:
    return " AND ".join(clauses) if clauses else "1 = 1"
