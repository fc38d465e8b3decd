"""The server commands: migrate, seed, serve (they need the database, not the API)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError

from app.cli.options import fail
from app.core.config import Settings, get_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.exc import DBAPIError


def load_settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in error.errors()
        )
        raise fail(f"invalid settings: {problems}") from None


# The database and server modules are imported inside the commands that use them: the
# client commands start faster without SQLAlchemy, Alembic and uvicorn.


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _reason(error: "DBAPIError") -> str:
    """The driver's message; PostgreSQL's primary one only, without its SQL excerpt."""
    diag = getattr(error.orig, "diag", None)
    primary = getattr(diag, "message_primary", None)
    return _one_line(primary or error.orig or error)


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@contextmanager
def database_errors(url: str) -> Iterator[None]:
    """A database that cannot be reached or used ends the command on one line.

    The driver's own words say why (refused, unknown host, no such table); the URL is shown
    with its password hidden.
    """
    import sqlite3

    import psycopg
    from alembic.util import CommandError
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    shown = _shown(url)
    try:
        yield
    except DBAPIError as error:
        raise fail(f"the database at {shown} cannot be used: {_reason(error)}") from None
    except (SQLAlchemyError, psycopg.Error, sqlite3.Error, CommandError) as error:
        raise fail(f"the database at {shown} cannot be used: {_one_line(error)}") from None


def _engine(url: str) -> "Engine":
    """The engine of `url`, or one line when it cannot even be made (a SQLite directory that
    cannot be created)."""
    from app.core.db import get_engine

    try:
        return get_engine(url)
    except OSError as error:
        raise fail(f"the database at {_shown(url)} cannot be created: {_one_line(error)}") from None


def migrate() -> None:
    """Bring the database schema to the newest migration."""
    from app.core.migrations import upgrade

    settings = load_settings()
    _engine(settings.database_url)
    with database_errors(settings.database_url):
        upgrade(settings.database_url)
    typer.echo("database schema is at the newest migration")


def seed(
    prune: Annotated[bool, typer.Option(help="Delete rows the seed files no longer hold.")] = False,
    seeds_dir: Annotated[
        Path | None, typer.Option(help="Seeds directory (default: the project's seeds/).")
    ] = None,
    message: Annotated[
        str | None, typer.Option(help="What this load changes, kept with its release.")
    ] = None,
) -> None:
    """Validate the seed files and load them into the database, all or nothing; a load that
    changes a fact is a new release (`/releases`)."""
    from app.core.migrations import current_revision, head_revision
    from app.seeding.loader import StaleRows, load_seeds
    from app.seeding.reading import SeedError

    settings = load_settings()
    engine = _engine(settings.database_url)
    try:
        with database_errors(settings.database_url):
            revision, head = current_revision(engine), head_revision()
            if revision != head:
                state = f"is at revision {revision}" if revision else "has no schema"
                raise fail(f"the database {state}, not {head}: run `milcap migrate` first")
            report = load_seeds(
                engine, seeds_dir or settings.seeds_dir, prune=prune, message=message
            )
    except (SeedError, StaleRows) as error:
        raise fail(str(error)) from None
    except OSError as error:  # the seeds' files, the database's errors being handled above
        raise fail(f"the seeds cannot be read: {_one_line(error)}") from None
    typer.echo("loaded: " + ("changes written" if report.changed else "nothing changed"))


def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (default: HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: PORT).")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: WORKERS).", min=1)
    ] = None,
) -> None:
    """Serve the API with uvicorn (SIGTERM lets in-flight requests finish)."""
    import os
    import tempfile

    import uvicorn

    from app.core.logging import logging_config
    from app.core.protocol import HeaderDeadlineProtocol

    settings = load_settings()
    _engine(settings.database_url)  # a SQLite directory that cannot be made: one line, now
    worker_count = workers or settings.workers
    if worker_count > 1 and "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        # Each worker records its metrics in this directory; /metrics adds them up.
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="milcap-metrics-")
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=worker_count,
        # uvloop: with several workers the asyncio loop measured 720 req/s against uvloop's
        # 8,200 on the same constant route (a 40 ms floor per request); with one, uvloop is
        # 10-15% faster for a tail within noise of asyncio's (README, Performance).
        loop="uvloop",
        log_config=logging_config(settings.log_level, settings.log_format),
        access_log=False,  # milcap.access logs each request once, with its id and duration
        http=HeaderDeadlineProtocol,  # httptools, with a deadline for a request's headers
        server_header=False,  # no `Server: uvicorn`: nothing to tell a scanner which version
        timeout_graceful_shutdown=settings.shutdown_timeout,
    )
