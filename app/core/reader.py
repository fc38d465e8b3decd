"""The read path's database access: plain SQL on the driver's own cursor.

The API's reads skip the ORM on purpose: building ORM objects and response models costs
ten times the SQL itself (see the README's performance section). Statements are written
once with `:name` parameters and adapted to the driver's parameter style. Rows come back by
name, from the cursor's description: each query aliases its columns to the response model's
field names (`equipment.slug AS "equipment.slug"` nests), so no value is unpacked by position.
"""

import re
import sqlite3
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Self, cast

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


def rows_by_name(names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[Row]:
    """Each row as a dict of its columns, in the order the statement names them.

    A column named `parent.field` goes into a nested `parent` object, placed where its first
    column stands; a nested object whose columns are all null (an outer join that found
    nothing) is None.
    """
    if not any("." in name for name in names):
        return [dict(zip(names, row, strict=True)) for row in rows]
    layout: dict[str, int | list[tuple[str, int]]] = {}
    for index, name in enumerate(names):
        parent, dot, field = name.partition(".")
        if dot:
            nested = layout.setdefault(parent, [])
            assert isinstance(nested, list), f"{parent} is both a column and an object"
            nested.append((field, index))
        else:
            layout[name] = index
    shaped = []
    for row in rows:
        item: Row = {}
        for key, where in layout.items():
            if isinstance(where, int):
                item[key] = row[where]
            else:
                fields = {field: row[index] for field, index in where}
                item[key] = fields if any(v is not None for v in fields.values()) else None
        shaped.append(item)
    return shaped


class Where:
    """A WHERE clause assembled from optional filters: a filter that is not set is left out."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: Params = {}

    def add(self, clause: str | None, **params: Any) -> Self:
        """`clause`, with the values of its `:name` parameters; left out when the clause or any
        of its values is None."""
        if clause is not None and all(value is not None for value in params.values()):
            self.clauses.append(clause)
            self.params |= params
        return self

    def __str__(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1 = 1"


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

    def all(self, sql: str, params: Params | None = None) -> list[Row]:
        rows, names = self._execute(sql, params)
        return rows_by_name(names, rows)

    def one(self, sql: str, params: Params | None = None) -> Row | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        rows, _ = self._execute(sql, params)
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


def json_list(value: Any) -> list[Any]:
    """A JSON column as a list: SQLite hands back text, psycopg the decoded value."""
    if isinstance(value, str | bytes):
        decoded = orjson.loads(value)
        return decoded if isinstance(decoded, list) else []
    return list(value or [])
