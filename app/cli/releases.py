"""`milcap releases` and `milcap changes`: the dataset's history, a release per load that
changed a fact, and the facts each changed."""

from functools import partial
from typing import Annotated

import typer
from rich.markup import escape

from app.cli.options import CsvOption, JsonOption, LimitOption, UrlOption, fail, output_of
from app.cli.output import ID, Column, Listing, emit_list, text
from app.client import MilcapClient
from app.releases.schemas import ChangeKind, ChangeOut, ReleaseOut

CHANGE_STYLES: dict[ChangeKind, str] = {"added": "green", "changed": "yellow", "removed": "red"}


def releases(
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List the releases, newest first: every load that changed a fact, and how many."""
    emit_list(url, output_of(json_, csv_), limit, _releases_table, MilcapClient.releases)


def _releases_table(rows: list[ReleaseOut]) -> Listing:
    listing = Listing(
        Column("Version", whole=True),
        Column("Loaded at", whole=True),
        Column("Parent", whole=True),
        Column("Message"),
        Column("Added", whole=True, justify="right"),
        Column("Changed", whole=True, justify="right"),
        Column("Removed", whole=True, justify="right"),
        title=f"{len(rows)} release(s), newest first",
        caption="What one changed: milcap changes --release <VERSION>\n"
        "What changed since: milcap changes --since <VERSION>\n"
        "Its data: milcap export --release <VERSION>",
    )
    for release in rows:
        listing.add_row(
            escape(release.version),
            escape(release.loaded_at),
            text(release.parent),
            text(release.message),
            f"{release.changes.added:,}",
            f"{release.changes.changed:,}",
            f"{release.changes.removed:,}",
        )
    return listing


def changes(
    since: Annotated[
        str | None,
        typer.Option(
            metavar="VERSION",
            help="Every fact that differs now from release VERSION: what a copy synced then "
            "needs to be current.",
        ),
    ] = None,
    release: Annotated[
        str | None,
        typer.Option(
            metavar="VERSION", help="The facts release VERSION changed, since its parent."
        ),
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List the facts added, changed and removed since a release, or by one.

    `--json` gives each fact as it was (`before`) and as it is (`after`): null where it did
    not exist.
    """
    if (since is None) == (release is None):
        raise fail("give one of --since VERSION and --release VERSION (see milcap releases)")
    output = output_of(json_, csv_)
    if since is not None:
        render = partial(_changes_table, f"since {since}")
        emit_list(url, output, limit, render, MilcapClient.changes, since)
    elif release is not None:
        render = partial(_changes_table, f"in release {release}")
        emit_list(url, output, limit, render, MilcapClient.release_changes, release)


def _changes_table(when: str, rows: list[ChangeOut]) -> Listing:
    listing = Listing(
        Column("Kind", whole=True),
        ID,
        Column("Change", whole=True),
        title=f"{len(rows)} change(s) {escape(when)}" if rows else f"No change {escape(when)}",
        caption="Each fact as it was and as it is: --json" if rows else None,
    )
    for change in rows:
        style = CHANGE_STYLES[change.change]
        listing.add_row(change.kind, escape(change.id), f"[{style}]{change.change}[/]")
    return listing
