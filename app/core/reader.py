"""The read path's database access: plain SQL on the driver's own cursor, awaited.

The API's reads skip the ORM on purpose: building ORM objects and response models costs
ten times the SQL itself (see the README's performance section). Statements are written
once with `:name` parameters and adapted to the driver's parameter style. Rows come back by
name, from the cursor's description: each query aliases its columns to the response model's
field names (`equipment.slug AS "equipment.slug"` nests), so no value is unpacked by position.
"""

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Self

import orjson

from app.core.config import Settings
from app.core.connections import Connections, PostgresConnections, SqliteConnections
from app.core.db import get_read_engine, normalize_url
from app.core.snapshot import Release, current_snapshot

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

    def add_in(self, column: str, name: str, values: Sequence[Any] | None) -> Self:
        """`column IN (values)`, a list filter; left out when `values` is None."""
        if values is not None:
            placeholders, params = expand_list(name, values)
            self.clauses.append(f"{column} IN {placeholders}")
            self.params |= params
        return self

    def add_linked(
        self, template: str, name: str, values: Sequence[Any] | None, every: bool = False
    ) -> Self:
        """`template`, a clause with `{values}` where a list goes (`x IN {values}`): once for
        the list, matching any of its values, or with `every`, once per value, matching all
        of them. Left out when `values` is None."""
        if values is not None:
            groups = [[value] for value in values] if every else [list(values)]
            for position, group in enumerate(groups):
                placeholders, params = expand_list(f"{name}{position}", group)
                self.clauses.append(template.format(values=placeholders))
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


def id_list(ids: Iterable[int]) -> str:
    """`IN (...)` for ids the database gave, written as integer literals: thousands of bound
    parameters cost more to bind (SQLAlchemy's and the driver's work for each placeholder)
    than the lookup they serve. `(NULL)` for none, which matches no row."""
    return "(" + (", ".join(str(int(i)) for i in ids) or "NULL") + ")"


class Reader:
    """Runs read-only SQL, one statement at a time, without holding the worker (connections.py).

    Inside a request the response cache keeps a `Snapshot`: before the request's first
    statement the reader notes the dataset release, which names the data in the response.
    """

    def __init__(self, connections: Connections) -> None:
        self.connections = connections
        self.dialect = connections.dialect
        self.statements = 0  # statements run, for tests that check there is no N+1

    async def all(self, sql: str, params: Params | None = None) -> list[Row]:
        rows, names = await self._execute(sql, params)
        return rows_by_name(names, rows)

    async def one(self, sql: str, params: Params | None = None) -> Row | None:
        rows = await self.all(sql, params)
        return rows[0] if rows else None

    async def scalar(self, sql: str, params: Params | None = None) -> Any:
        rows, _ = await self._execute(sql, params)
        return rows[0][0] if rows else None

    async def latest_release(self) -> Release | None:
        """The release the database holds now (a statement of its own, outside any snapshot)."""
        rows, _ = await self._run(RELEASE, None)
        return Release(rows[0][0], iso_moment(rows[0][1])) if rows else None

    async def release(self) -> Release | None:
        """The release this request reads: noted before its first statement, then the same."""
        snapshot = current_snapshot.get()
        if snapshot is None:
            return await self.latest_release()
        if not snapshot.read:
            snapshot.release, snapshot.read = await self.latest_release(), True
        return snapshot.release

    async def _execute(
        self, sql: str, params: Params | None
    ) -> tuple[list[tuple[Any, ...]], list[str]]:
        snapshot = current_snapshot.get()
        if snapshot is not None and not snapshot.read:
            await self.release()
        return await self._run(sql, params)

    async def _run(
        self, sql: str, params: Params | None
    ) -> tuple[list[tuple[Any, ...]], list[str]]:
        statement = sql if self.dialect == "sqlite" else _pyformat(sql)
        result = await self.connections.execute(statement, params or {})
        self.statements += 1
        return result

    async def close(self) -> None:
        await self.connections.close()


RELEASE = "SELECT version, loaded_at FROM dataset_release LIMIT 1"


def iso_moment(value: object) -> str:
    """ISO 8601 whether the driver hands back a datetime (psycopg) or text (sqlite3)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    # The loader writes UTC; SQLite hands it back without the offset.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def open_reader(settings: Settings) -> Reader:
    """The reader of the database `settings` name, with its timeouts and pool size."""
    url = normalize_url(settings.database_url)
    connections: Connections
    if url.startswith("sqlite"):
        connections = SqliteConnections(get_read_engine(url), settings.db_statement_timeout)
    else:
        connections = PostgresConnections(
            url,
            connect_timeout=settings.db_connect_timeout,
            statement_timeout=settings.db_statement_timeout,
            pool_size=settings.db_pool_size,
            pool_timeout=settings.db_pool_timeout,
        )
    return Reader(connections)


def json_list(value: Any) -> list[Any]:
    """A JSON column as a list: SQLite hands back text, psycopg the decoded value."""
    if isinstance(value, str | bytes):
        decoded = orjson.loads(value)
        return decoded if isinstance(decoded, list) else []
    return list(value or [])
