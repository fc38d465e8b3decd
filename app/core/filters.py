"""Query parameters shared by several lists, validated once: comma-separated lists of codes,
slugs and vocabulary values; dates and their ranges.

A filter takes several values as one comma-separated list (`country=KZ,UZ`), typed in the
OpenAPI document as an array with `explode: false` (app/core/openapi.py); the same parameter
given twice is refused (app/core/strict.py), so no value is ever silently dropped.
"""

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator, StringConstraints

from app.core.errors import NotFound
from app.core.reader import Reader, expand_list

PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CODE_PATTERN = r"^[A-Za-z]{2,3}$"


def split_commas(value: Any) -> Any:
    """`KZ,UZ` is the list `[KZ, UZ]`: FastAPI hands a list parameter over as the list of its
    occurrences, and there is only one (the second is refused before this runs)."""
    if isinstance(value, list):
        return [part for item in value for part in str(item).split(",")]
    return value


COMMA_SEPARATED = BeforeValidator(split_commas)
CountryCode = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=120)]
PartialDate = Annotated[str, StringConstraints(pattern=PARTIAL_DATE_PATTERN)]

YearQuery = Annotated[int | None, Query(ge=1000, le=9999, description="A year, e.g. 2021")]
YearFromQuery = Annotated[
    int | None,
    Query(ge=1000, le=9999, description="Only facts of this year or later", examples=[2017]),
]
YearToQuery = Annotated[
    int | None,
    Query(ge=1000, le=9999, description="Only facts of this year or earlier", examples=[2021]),
]
AsOfQuery = Annotated[
    PartialDate | None,
    Query(
        description="Only claims dated within this period: `2021` matches `2021-11-12`",
        examples=["2021"],
    ),
]
AsOfFromQuery = Annotated[
    PartialDate | None,
    Query(
        description="Only claims dated on or after this (partial) date, inclusive: "
        "`as_of_from=2021-06` keeps a claim dated `2021`",
        examples=["2017"],
    ),
]
AsOfToQuery = Annotated[
    PartialDate | None,
    Query(
        description="Only claims dated on or before this (partial) date, inclusive: "
        "`as_of_to=2021` keeps `2021-11-12`",
        examples=["2021"],
    ),
]


def on_or_after(column: str, name: str) -> str:
    """A (partial) date column on or after the (partial) date `:name`, inclusive at either
    precision: `2021` is on or after `2021-06`, as the period it names reaches into it."""
    return f"({column} >= :{name} OR :{name} LIKE ({column} || '%'))"


def on_or_before(column: str, name: str) -> str:
    """A (partial) date column on or before the (partial) date `:name`, inclusive at either
    precision: `2021-11-12` is on or before `2021`."""
    return f"({column} <= :{name} OR {column} LIKE (:{name} || '%'))"


def within(column: str, name: str) -> str:
    """A (partial) date column within the period `:name` names: `2021` holds `2021-11-12`."""
    return f"({column} = :{name} OR {column} LIKE (:{name} || '-%'))"


def year_bound(year: int | None) -> str | None:
    """A year as the partial date the range clauses compare."""
    return None if year is None else f"{year:04d}"


async def slug_ids(
    reader: Reader, name: str, table: str, slugs: Sequence[str] | None, listed_at: str
) -> list[int] | None:
    """The ids of the rows a slug filter names (None when it is not set). A slug that names
    nothing is a 404 naming it, as it is in a path: the question is about something the
    dataset does not hold."""
    if slugs is None:
        return None
    placeholders, params = expand_list("slug", slugs)
    rows = await reader.all(f"SELECT id, slug FROM {table} WHERE slug IN {placeholders}", params)
    found = {row["slug"]: int(row["id"]) for row in rows}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise NotFound(f"{name}: no {table} {', '.join(map(repr, unknown))}; see {listed_at}")
    return [found[slug] for slug in slugs]
