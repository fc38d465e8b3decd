"""Query parameters shared by several lists, validated once."""

from typing import Annotated

from fastapi import Query

from app.core.errors import InvalidFilter
from app.core.reader import Reader

PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

YearQuery = Annotated[int | None, Query(ge=1000, le=9999, description="A year, e.g. 2021")]
CategoryQuery = Annotated[
    str | None,
    Query(pattern=SLUG_PATTERN, description="Only this category (see /categories)"),
]


async def slug_filter(
    reader: Reader, name: str, table: str, slug: str | None, list_valid: bool = True
) -> int | None:
    """The id of the row a slug filter names; an unknown slug is a 422 (with the valid ones)."""
    if slug is None:
        return None
    row = await reader.one(f"SELECT id FROM {table} WHERE slug = :slug", {"slug": slug})
    if row is None:
        valid = None
        if list_valid:
            valid = [r["slug"] for r in await reader.all(f"SELECT slug FROM {table} ORDER BY slug")]
        raise InvalidFilter(name, f"unknown {table} {slug!r}", valid)
    return int(row["id"])
