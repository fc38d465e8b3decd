"""Routes for countries: the list, one country with its indicators, and its timeline."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.citations.filters import StancesQuery
from app.core.deps import ReaderDep
from app.core.filters import COMMA_SEPARATED, PartialDate
from app.core.http import item_route, json_response
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries import queries, timeline
from app.countries.deps import CountryDep
from app.countries.schemas import (
    CountryDetail,
    CountryOut,
    IntermediateRegion,
    Region,
    Subregion,
    TimelineItemOut,
    TimelineKind,
)

router = APIRouter(tags=["countries"], route_class=StrictQueryRoute)
CountryListing = Annotated[Listing, Depends(listing_of(CountryOut, queries.COUNTRIES.sortable))]
TimelineListing = Annotated[
    Listing, Depends(listing_of(TimelineItemOut, timeline.TIMELINE.sortable))
]
RegionsQuery = Annotated[
    list[Region] | None,
    Query(min_length=1, description="Only countries of these UN M49 regions", examples=[["Asia"]]),
    COMMA_SEPARATED,
]
SubregionsQuery = Annotated[
    list[Subregion] | None,
    Query(
        min_length=1,
        description="Only countries of these UN M49 sub-regions",
        examples=[["Central Asia"]],
    ),
    COMMA_SEPARATED,
]
IntermediateRegionsQuery = Annotated[
    list[IntermediateRegion] | None,
    Query(min_length=1, description="Only countries of these UN M49 intermediate regions"),
    COMMA_SEPARATED,
]
KindsQuery = Annotated[
    list[TimelineKind] | None,
    Query(min_length=1, description="Only facts of these kinds"),
    COMMA_SEPARATED,
]


@router.get("/countries", **list_route(CountryOut))
async def list_countries(
    listing: CountryListing,
    region: RegionsQuery = None,
    subregion: SubregionsQuery = None,
    intermediate_region: IntermediateRegionsQuery = None,
) -> Response:
    """List every ISO 3166-1 country, by alpha-2 code, with its UN M49 regions."""
    return await listing.page(
        queries.list_countries,
        regions=region,
        subregions=subregion,
        intermediate_regions=intermediate_region,
    )


@router.get("/countries/{code}", **item_route(CountryDetail))
async def get_country(country: CountryDep, reader: ReaderDep) -> Response:
    """One country, with every cited indicator (population, ranks, borders)."""
    return json_response(await queries.country_detail(reader, country))


@router.get("/countries/{code}/timeline", **list_route(TimelineItemOut, 404))
async def get_country_timeline(
    country: CountryDep,
    listing: TimelineListing,
    from_: Annotated[
        PartialDate | None,
        Query(
            alias="from",
            description="Only facts dated on or after this (partial) date, inclusive: "
            "`from=2021-06` keeps a fact dated `2021`",
            examples=["2017"],
        ),
    ] = None,
    to: Annotated[
        PartialDate | None,
        Query(
            description="Only facts dated on or before this (partial) date, inclusive: "
            "`to=2021` keeps `2021-11-12`",
            examples=["2021"],
        ),
    ] = None,
    kind: KindsQuery = None,
    stance: StancesQuery = None,
) -> Response:
    """Every dated fact about a country, of every kind, oldest first."""
    return await listing.page(
        timeline.country_timeline,
        country["id"],
        since=from_,
        until=to,
        kinds=kind,
        stances=stance,
    )
