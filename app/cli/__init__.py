"""The `milcap` command: the server's commands, and commands that read the API as a client."""

from collections.abc import Callable

import typer

from app.cli import browse, cite, countries, draft, events, export, indicators, releases, server

cli = typer.Typer(
    help="milcap: a source-cited dataset of military capability, served as a REST API.\n\n"
    "migrate, seed and serve run the server. The other commands ask a running server "
    "(--url or MILCAP_URL, default http://127.0.0.1:8000) and print tables, or JSON and "
    "CSV for pipes: start with `milcap country KZ` and `milcap inventory KZ`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

SERVER_PANEL = "Run the server"
READ_PANEL = "Read the dataset (ask a running server)"

SERVER_COMMANDS: tuple[Callable[..., None], ...] = (server.migrate, server.seed, server.serve)
READ_COMMANDS: tuple[Callable[..., None], ...] = (
    browse.countries,
    countries.country,
    countries.inventory,
    countries.timeline,
    indicators.indicators,
    events.events,
    events.person,
    browse.agreements,
    browse.transfers,
    browse.equipment,
    browse.sources,
    cite.cite,
    browse.search,
    browse.categories,
    browse.organizations,
    browse.meta,
    releases.releases,
    releases.changes,
    export.export,
)
for command in SERVER_COMMANDS:
    cli.command(rich_help_panel=SERVER_PANEL)(command)
for command in READ_COMMANDS:
    cli.command(rich_help_panel=READ_PANEL)(command)
cli.command(rich_help_panel="Add an article (draft its data file for review)")(draft.draft)


def main() -> None:
    # Typer already ends quietly when the reader of a pipe leaves (`milcap countries | head`).
    cli()
