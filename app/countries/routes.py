"""Routes for countries: the list and one country with its indicators."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import problem_responses
from app.core.http import CSV_RESPONSE, FormatQuery, json_response, page_response
from app.core.pagination import Page, PageDep, as_page
from app.countries import queries
from app.countries.deps import CountryDep
from app.countries.schemas import CountryDetail, CountryOut

router = APIRouter(tags=["countries"])


@router.get(
    "/countries",
    response_model=Page[CountryOut],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def list_countries(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    format_: FormatQuery = None,
    region: Annotated[
        str | None, Query(description="Only countries of this region, e.g. `Central Asia`")
    ] = None,
) -> Response:
    """List every ISO 3166-1 country, by alpha-2 code."""
    total, items = queries.list_countries(reader, region, page.limit, page.offset)
    return page_response(request, as_page(total, items, page), format_)


@router.get(
    "/countries/{code}",
    response_model=CountryDetail,
    responses=problem_responses(404, 422),
)
async def get_country(country: CountryDep, reader: ReaderDep) -> Response:
    """One country, with every cited indicator (population, ranks, borders)."""
    return json_response(queries.country_detail(reader, country))
