"""The read path's database access: plain SQL on the driver's own cursor, rows as dicts.

The API's reads skip the ORM on purpose: building ORM objects and response models costs
ten times the SQL itself (see the README's performance section). Statements are written
once with `:name` parameters and adapted to the driver's parameter style.
"""

import re
import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import orjson
import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import ServiceUnavailable

Row = dict[str, Any]
_NAMED_PARAMETER = re.compile(r"(?<!:):([a-z_][a-z0-9_]*)")


@lru_cache(maxsize=512)
def _pyformat(sql: str) -> str:
    """`:name` to psycopg's `%(name)s` (literal % doubled)."""
    return _NAMED_PARAMETER.sub(r"%(\1)s", sql.replace("%", "%%"))


def expand_list(name: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
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

    def _sql(self, sql: str) -> str:
        return sql if self.dialect == "sqlite" else _pyformat(sql)

    def all(self, sql: str, params: dict[str, Any] | None = None) -> list[Row]:
        try:
            return self._all(sql, params)
        except (SQLAlchemyError, sqlite3.Error, psycopg.Error) as error:
            raise DatabaseUnavailable(
                "The database cannot answer right now; try again shortly."
            ) from error

    def _all(self, sql: str, params: dict[str, Any] | None) -> list[Row]:
        connection = self.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(self._sql(sql), params or {})
            names = [column[0] for column in cursor.description or ()]
            rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
            cursor.close()
            connection.rollback()  # end the read transaction; nothing is ever written here
        finally:
            connection.close()
        self.statements += 1
        return rows

    def one(self, sql: str, params: dict[str, Any] | None = None) -> Row | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        row = self.one(sql, params)
        return next(iter(row.values())) if row else None


def fetch_page(
    reader: Reader,
    columns: str,
    from_where: str,
    params: dict[str, Any],
    order_by: str,
    limit: int,
    offset: int,
) -> tuple[int, list[Row]]:
    """A page of rows and the total over all pages: two statements, whatever the page size."""
    total = int(reader.scalar(f"SELECT count(*) AS total FROM {from_where}", params) or 0)
    if offset >= total:
        return total, []
    rows = reader.all(
        f"SELECT {columns} FROM {from_where} ORDER BY {order_by} LIMIT :limit OFFSET :offset",
        params | {"limit": limit, "offset": offset},
    )
    return total, rows


def json_list(value: Any) -> list[Any]:
    """A JSON column as a list: SQLite hands back text, psycopg the decoded value."""
    if isinstance(value, str | bytes):
        decoded = orjson.loads(value)
        return decoded if isinstance(decoded, list) else []
    return list(value or [])


def nest(row: Row, prefix: str, *fields: str) -> dict[str, Any] | None:
    """Fold `prefix_field` columns into one object, or None when the first is null."""
    values = {field: row.pop(f"{prefix}_{field}") for field in fields}
    return values if values[fields[0]] is not None else None
