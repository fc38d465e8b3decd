"""The `draft` command: an article in, a data file of candidate facts out, for review."""

import json
import re
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from app.cli.options import fail


class DraftFormat(Enum):
    YAML = "yaml"
    JSON = "json"


def draft(
    article: Annotated[
        Path,
        typer.Argument(
            metavar="ARTICLE.txt",
            help="The article as published (UTF-8; title, byline, body), as in seeds/articles/.",
        ),
    ],
    published_on: Annotated[
        str | None,
        typer.Option(
            "--published-on",
            metavar="DATE",
            help="The article's date (YYYY-MM-DD, or YYYY-MM, YYYY) when the text prints "
            "none; relative dates (“last Friday”) resolve against it.",
        ),
    ] = None,
    source_id: Annotated[
        str | None,
        typer.Option(
            "--source-id",
            metavar="ID",
            help="The source's id in the draft (default: author-year-title words).",
        ),
    ] = None,
    format_: Annotated[
        DraftFormat,
        typer.Option(
            "--format",
            help="yaml: a seeds data file, every entry `review: pending`; json: every "
            "candidate with its quote, offsets and score, for scripts.",
        ),
    ] = DraftFormat.YAML,
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write here (default: stdout).")
    ] = None,
) -> None:
    """Draft a data file from an article: every candidate fact, with its verbatim quote."""
    # Imported here: the other commands start faster without the drafting lexicons.
    from app.core.config import get_settings
    from app.drafting.article import ArticleRefused, read_article
    from app.drafting.data_file import render_data_file
    from app.drafting.draft import draft_article
    from app.seeding.files import check_partial_date

    try:
        check_partial_date(published_on)
    except ValueError as error:
        raise fail(f"--published-on: {error}") from None
    if source_id is not None and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", source_id):
        raise fail(f"--source-id: {source_id!r} is not a slug (lowercase words joined by -)")
    try:
        text = read_article(article)
    except ArticleRefused as error:
        raise fail(str(error)) from None
    seeds_dir = get_settings().seeds_dir
    result = draft_article(text, published_on=published_on, seeds_dir=seeds_dir)
    if format_ is DraftFormat.JSON:
        document = result.model_dump(mode="json")
        output = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        output = render_data_file(
            result, article_file=article.name, source=source_id, seeds_dir=seeds_dir
        )
    if out is None:
        typer.echo(output, nl=False)
        return
    try:
        out.write_text(output, encoding="utf-8")
    except OSError as error:
        raise fail(f"{out}: cannot be written: {error.strerror or error}") from None
