"""The read path's connections: statements with deadlines, and what a failure tells the client.

PostgreSQL is read through psycopg's asyncio pool: while a statement waits for the server
(a locked table, a server that never answers) the worker goes on serving every other
request. Each connection sets `statement_timeout`, opens within `connect_timeout`, and a
request waits at most `pool_timeout` for one; a deadline of our own covers a server that
stops answering altogether. A statement that fails leaves its connection in the pool; only a
broken connection is discarded (and the statement tried once more, on a new one).

SQLite runs in the worker itself: a statement on a local file costs microseconds, less than
handing it to a thread (the README's performance section). A progress handler interrupts a
statement at the statement timeout, and a short busy timeout bounds the wait for a lock
(a load's commit; with the write-ahead log, which the loader sets, readers never wait).
"""

import asyncio
import logging
import math
import sqlite3
import time
from decimal import Decimal
from typing import Any, Protocol, cast

import psycopg
from psycopg.abc import Buffer
from psycopg.types.numeric import NumericBinaryLoader, NumericLoader
from psycopg_pool import AsyncConnectionPool, PoolTimeout
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from app.core.errors import ServiceUnavailable

logger = logging.getLogger("milcap.database")


def _number(value: Decimal) -> int | float:
    """PostgreSQL's `numeric` as the number it holds: an int when whole (a population), a
    float otherwise (a power index), as SQLite hands them back. A Decimal would reach the
    JSON as a type orjson refuses; a float everywhere would serve 19000000.0."""
    return int(value) if value == value.to_integral_value() else float(value)


class _NumberLoader(NumericLoader):
    def load(self, data: Buffer) -> int | float:  # type: ignore[override]
        return _number(super().load(data))


class _NumberBinaryLoader(NumericBinaryLoader):
    def load(self, data: Buffer) -> int | float:  # type: ignore[override]
        return _number(super().load(data))


# Process-wide, in text and binary results: the read path's pool and the loader's engine.
psycopg.adapters.register_loader("numeric", _NumberLoader)
psycopg.adapters.register_loader("numeric", _NumberBinaryLoader)

Params = dict[str, Any]
Result = tuple[list[tuple[Any, ...]], list[str]]
# SQLite calls the progress handler every this many virtual-machine steps (about 0.1 ms).
SQLITE_PROGRESS_STEPS = 10_000
# Beyond the statement timeout, what a statement may take to come back with its rows.
DEADLINE_MARGIN = 1.0


class DatabaseUnavailable(ServiceUnavailable):
    """The database is unreachable, too busy or not migrated: a 503, never a 500."""


class StatementTimeout(DatabaseUnavailable):
    """A statement ran out of time (a lock held elsewhere, a server that stopped answering)."""


def unavailable() -> DatabaseUnavailable:
    return DatabaseUnavailable("The database cannot answer right now; try again shortly.")


def timed_out(seconds: float) -> StatementTimeout:
    return StatementTimeout(f"The database did not answer within {seconds:g} s; try again shortly.")


def log_failure(error: BaseException) -> None:
    """Once per failure, its kind and the driver's first line: no parameters, no password
    (neither psycopg nor sqlite3 puts either in its messages)."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    logger.warning("database error: %s: %s", type(error).__name__, message)


class Connections(Protocol):
    dialect: str

    async def execute(self, sql: str, params: Params) -> Result: ...

    async def close(self) -> None: ...


class SqliteConnections:
    """sqlite3 connections from the engine's pool, each statement under a deadline."""

    dialect = "sqlite"

    def __init__(self, engine: Engine, statement_timeout: float) -> None:
        self.engine = engine
        self.statement_timeout = statement_timeout

    async def execute(self, sql: str, params: Params) -> Result:
        try:
            connection = self.engine.raw_connection()
        except (SQLAlchemyError, sqlite3.Error) as error:
            log_failure(error)
            raise unavailable() from error
        driver = cast(sqlite3.Connection, connection.driver_connection)
        deadline = time.monotonic() + self.statement_timeout
        driver.set_progress_handler(lambda: time.monotonic() > deadline, SQLITE_PROGRESS_STEPS)
        try:
            cursor = driver.execute(sql, params)
            names = [column[0] for column in cursor.description or ()]
            rows = cursor.fetchall()
            cursor.close()
        except sqlite3.OperationalError as error:
            log_failure(error)
            if "interrupted" in str(error):
                raise timed_out(self.statement_timeout) from error
            raise unavailable() from error
        except sqlite3.Error as error:
            log_failure(error)
            connection.invalidate()
            raise unavailable() from error
        finally:
            driver.set_progress_handler(None, 0)
            connection.close()
        return rows, names

    async def close(self) -> None:
        self.engine.dispose()


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL (`postgresql+psycopg://`) as the libpq URI psycopg connects with."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresConnections:
    """An asyncio pool of autocommit psycopg connections, opened on first use.

    A pool belongs to one event loop; a new loop (a test client's) gets a pool of its own.
    """

    dialect = "postgresql"

    def __init__(
        self,
        url: str,
        *,
        connect_timeout: float,
        statement_timeout: float,
        pool_size: int,
        pool_timeout: float,
    ) -> None:
        self.conninfo = libpq_url(url)
        self.statement_timeout = statement_timeout
        self.pool_size = pool_size
        self.pool_timeout = pool_timeout
        self.connect_options = {
            "autocommit": True,
            # libpq takes whole seconds, at least 2.
            "connect_timeout": max(2, math.ceil(connect_timeout)),
            "options": f"-c statement_timeout={round(statement_timeout * 1000)}",
        }
        self._pool: AsyncConnectionPool | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def _pool_of_this_loop(self) -> AsyncConnectionPool:
        loop = asyncio.get_running_loop()
        if self._pool is None or self._loop is not loop:
            pool = AsyncConnectionPool(
                self.conninfo,
                min_size=1,
                max_size=self.pool_size,
                timeout=self.pool_timeout,
                kwargs=self.connect_options,
                name="milcap-read",
                open=False,
            )
            # Not waiting: a server that is down must not hold the request past its timeout.
            await pool.open(wait=False)
            self._pool, self._loop = pool, loop
        return self._pool

    async def execute(self, sql: str, params: Params) -> Result:
        pool = await self._pool_of_this_loop()
        try:
            async with asyncio.timeout(
                self.pool_timeout + self.statement_timeout + DEADLINE_MARGIN
            ):
                try:
                    return await self._attempt(pool, sql, params)
                except _BrokenConnection:
                    # A server restart or terminated backends: the pool has dropped that
                    # connection; its idle peers likely died with it, so they are checked
                    # (and the dead ones dropped) before the read, safe to repeat, runs again.
                    await pool.check()
                    return await self._attempt(pool, sql, params)
        except _BrokenConnection as broken:
            raise unavailable() from broken.__cause__
        except PoolTimeout as error:
            log_failure(error)
            raise unavailable() from error
        except TimeoutError as error:
            logger.warning("database error: no answer within the deadline")
            raise timed_out(self.statement_timeout) from error

    async def _attempt(self, pool: AsyncConnectionPool, sql: str, params: Params) -> Result:
        async with pool.connection() as connection:
            try:
                # Binary results spare PostgreSQL hex-encoding the bytea documents and Python
                # decoding them (half the time of the inventory's one statement).
                async with connection.cursor(binary=True) as cursor:
                    await cursor.execute(sql, params)
                    names = [column.name for column in cursor.description or ()]
                    return await cursor.fetchall(), names
            except psycopg.errors.QueryCanceled as error:
                log_failure(error)
                raise timed_out(self.statement_timeout) from error
            except psycopg.Error as error:
                log_failure(error)
                if connection.broken:
                    raise _BrokenConnection from error
                raise unavailable() from error

    async def close(self) -> None:
        if self._pool is not None and self._loop is asyncio.get_running_loop():
            await self._pool.close()
        self._pool = None


class _BrokenConnection(Exception):
    """The connection died under the statement (its cause says how)."""
