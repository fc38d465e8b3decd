"""Routes for indicators: one series across countries and years, and the vocabulary."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.filters import PARTIAL_DATE_PATTERN
from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep
from app.indicators import queries
from app.indicators.schemas import IndicatorNameKey, IndicatorNameOut, IndicatorWithCountryOut

router = APIRouter(tags=["indicators"])
NameQuery = Annotated[
    IndicatorNameKey | None,
    Query(description="Only this indicator (see /indicators/names)", examples=["gfp_world_rank"]),
]
CountriesQuery = Annotated[
    str | None,
    Query(
        pattern=r"^[A-Za-z]{2,3}(,[A-Za-z]{2,3})*$",
        max_length=1000,
        description="Only these countries: ISO 3166-1 alpha-2 or alpha-3 codes, any case, "
        "separated by commas",
        examples=["KZ,UZ"],
    ),
]
AsOfQuery = Annotated[
    str | None,
    Query(
        pattern=PARTIAL_DATE_PATTERN,
        description="Only claims dated within this period: `2021` matches `2021-11-12`",
        examples=["2017"],
    ),
]


@router.get("/indicators", **list_route(IndicatorWithCountryOut))
async def list_indicators(
    listing: ListingDep,
    countries: CountriesDep,
    name: NameQuery = None,
    country: CountriesQuery = None,
    as_of: AsOfQuery = None,
) -> Response:
    """Indicators across countries and years, by name, country and date; sources side by side."""
    country_ids: list[int] = []
    for code in (country or "").split(","):
        country_id = await countries.filter_id("query.country", code or None)
        if country_id is not None and country_id not in country_ids:
            country_ids.append(country_id)
    return await listing.page(
        queries.list_indicators, name=name, country_ids=country_ids, as_of=as_of
    )


@router.get("/indicators/names", **list_route(IndicatorNameOut))
async def list_indicator_names(listing: ListingDep) -> Response:
    """The indicator vocabulary: each name's label, unit and definition."""
    return await listing.page(queries.list_indicator_names)
