"""Routes for places: the list, and one place with the events there."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.filters import COMMA_SEPARATED
from app.core.http import item_route, json_or_404
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery
from app.places import queries
from app.places.schemas import PlaceDetail, PlaceKind, PlaceOut

router = APIRouter(tags=["places"], route_class=StrictQueryRoute)
PlaceSlug = Annotated[str, Path(description="The place's slug", examples=["otar"])]


PlaceListing = Annotated[Listing, Depends(listing_of(PlaceOut, queries.PLACES.sortable))]
KindsQuery = Annotated[
    list[PlaceKind] | None,
    Query(min_length=1, description="Only places of these kinds"),
    COMMA_SEPARATED,
]


@router.get("/places", **list_route(PlaceOut, 404))
async def list_places(
    listing: PlaceListing,
    countries: CountriesDep,
    country: CountryCodesQuery = None,
    kind: KindsQuery = None,
) -> Response:
    """Every place the articles name: cities, regions, stations, valleys."""
    return await listing.page(
        queries.list_places, country_ids=await countries.ids("query.country", country), kinds=kind
    )


@router.get("/places/{slug}", **item_route(PlaceDetail))
async def get_place(slug: PlaceSlug, reader: ReaderDep) -> Response:
    """One place, with the events the articles place there."""
    place = await queries.get_place(reader, slug)
    return json_or_404(place, f"No place with slug {slug!r}; see /places")
