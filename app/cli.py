"""The `milcap` command: server commands (migrate, seed, serve)."""

from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from app.core.config import Settings, get_settings
from app.core.db import get_engine
from app.core.migrations import upgrade
from app.seeding.loader import StaleRows, load_seeds
from app.seeding.reading import SeedError

cli = typer.Typer(
    help="milcap: a source-cited dataset of military capability, served as a REST API.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


def load_settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in error.errors()
        )
        raise fail(f"invalid settings: {problems}") from None


@cli.command()
def migrate() -> None:
    """Bring the database schema to the newest migration."""
    settings = load_settings()
    upgrade(settings.database_url)
    typer.echo("database schema is at the newest migration")


@cli.command()
def seed(
    prune: Annotated[bool, typer.Option(help="Delete rows the seed files no longer hold.")] = False,
    seeds_dir: Annotated[
        Path | None, typer.Option(help="Seeds directory (default: the project's seeds/).")
    ] = None,
) -> None:
    """Validate the seed files and load them into the database, all or nothing."""
    settings = load_settings()
    try:
        report = load_seeds(
            get_engine(settings.database_url), seeds_dir or settings.seeds_dir, prune=prune
        )
    except (SeedError, StaleRows) as error:
        raise fail(str(error)) from None
    typer.echo("loaded: " + ("changes written" if report.changed else "nothing changed"))


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind (default: HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: PORT).")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: WORKERS).", min=1)
    ] = None,
) -> None:
    """Serve the API with uvicorn."""
    import uvicorn  # imported here: the other commands do not need the server

    settings = load_settings()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        log_level=settings.log_level,
    )


def main() -> None:
    cli()
