"""Routes for countries: the list and one country with its indicators."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.http import item_route, json_response
from app.core.pagination import ListingDep, list_route
from app.countries import queries
from app.countries.deps import CountryDep
from app.countries.schemas import CountryDetail, CountryOut

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
