"""Routes for countries: the list and one country with its indicators."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import problem_responses
from app.core.http import json_response
from app.core.pagination import ListingDep, list_route
from app.countries import queries
from app.countries.deps import CountryDep
from app.countries.schemas import CountryDetail, CountryOut

router = APIRouter(tags=["countries"])


@router.get("/countries", **list_route(CountryOut))
async def list_countries(
    listing: ListingDep,
    reader: ReaderDep,
    region: Annotated[
        str | None, Query(description="Only countries of this region, e.g. `Central Asia`")
    ] = None,
) -> Response:
    """List every ISO 3166-1 country, by alpha-2 code."""
    return listing.respond(queries.list_countries(reader, listing.window, region=region))


@router.get(
    "/countries/{code}",
    response_model=CountryDetail,
    responses=problem_responses(404, 422),
)
async def get_country(country: CountryDep, reader: ReaderDep) -> Response:
    """One country, with every cited indicator (population, ranks, borders)."""
    return json_response(queries.country_detail(reader, country))
