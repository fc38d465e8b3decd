"""Routes for countries: the list, one country with its indicators, and its timeline."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.filters import PARTIAL_DATE_PATTERN
from app.core.http import item_route, json_response
from app.core.pagination import ListingDep, list_route
from app.countries import queries, timeline
from app.countries.deps import CountryDep
from app.countries.schemas import CountryDetail, CountryOut, TimelineItemOut, TimelineKind

router = APIRouter(tags=["countries"])
RegionQuery = Annotated[
    str | None, Query(description="Only countries of this region, e.g. `Central Asia`")
]


@router.get("/countries", **list_route(CountryOut))
async def list_countries(listing: ListingDep, region: RegionQuery = None) -> Response:
    """List every ISO 3166-1 country, by alpha-2 code."""
    return await listing.page(queries.list_countries, region=region)


@router.get("/countries/{code}", **item_route(CountryDetail))
async def get_country(country: CountryDep, reader: ReaderDep) -> Response:
    """One country, with every cited indicator (population, ranks, borders)."""
    return json_response(await queries.country_detail(reader, country))


@router.get("/countries/{code}/timeline", **list_route(TimelineItemOut, 404))
async def get_country_timeline(
    country: CountryDep,
    listing: ListingDep,
    from_: Annotated[
        str | None,
        Query(
            alias="from",
            pattern=PARTIAL_DATE_PATTERN,
            description="Only facts dated on or after this (partial) date, inclusive: "
            "`from=2021-06` keeps a fact dated `2021`",
            examples=["2017"],
        ),
    ] = None,
    to: Annotated[
        str | None,
        Query(
            pattern=PARTIAL_DATE_PATTERN,
            description="Only facts dated on or before this (partial) date, inclusive: "
            "`to=2021` keeps `2021-11-12`",
            examples=["2021"],
        ),
    ] = None,
    kind: Annotated[TimelineKind | None, Query(description="Only facts of this kind")] = None,
) -> Response:
    """Every dated fact about a country, of every kind, oldest first."""
    return await listing.page(
        timeline.country_timeline, country["id"], since=from_, until=to, kind=kind
    )
