"""Routes for indicators: one series across countries and years, and the vocabulary."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.citations.filters import StancesQuery
from app.core.filters import COMMA_SEPARATED, AsOfFromQuery, AsOfQuery, AsOfToQuery
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery
from app.indicators import queries
from app.indicators.schemas import IndicatorNameKey, IndicatorNameOut, IndicatorWithCountryOut

router = APIRouter(tags=["indicators"], route_class=StrictQueryRoute)
IndicatorListing = Annotated[
    Listing, Depends(listing_of(IndicatorWithCountryOut, queries.INDICATORS.sortable))
]
NameListing = Annotated[Listing, Depends(listing_of(IndicatorNameOut))]
NamesQuery = Annotated[
    list[IndicatorNameKey] | None,
    Query(
        min_length=1,
        description="Only these indicators, comma-separated (see /indicators/names)",
        examples=[["gfp_world_rank"]],
    ),
    COMMA_SEPARATED,
]


@router.get("/indicators", **list_route(IndicatorWithCountryOut, 404))
async def list_indicators(
    listing: IndicatorListing,
    countries: CountriesDep,
    name: NamesQuery = None,
    country: CountryCodesQuery = None,
    as_of: AsOfQuery = None,
    as_of_from: AsOfFromQuery = None,
    as_of_to: AsOfToQuery = None,
    stance: StancesQuery = None,
) -> Response:
    """Indicators across countries and years, by name, country and date; sources side by side."""
    return await listing.page(
        queries.list_indicators,
        names=name,
        country_ids=await countries.ids("query.country", country),
        as_of=as_of,
        as_of_from=as_of_from,
        as_of_to=as_of_to,
        stances=stance,
    )


@router.get("/indicators/names", **list_route(IndicatorNameOut))
async def list_indicator_names(listing: NameListing) -> Response:
    """The indicator vocabulary: each name's label, unit and definition."""
    return await listing.page(queries.list_indicator_names)
