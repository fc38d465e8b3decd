"""Routes for places: the list, and one place with the events there."""

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.http import item_route, json_or_404
from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep, CountryCodeQuery
from app.places import queries
from app.places.schemas import PlaceDetail, PlaceOut

router = APIRouter(tags=["places"])
PlaceSlug = Annotated[str, Path(description="The place's slug", examples=["otar"])]


@router.get("/places", **list_route(PlaceOut))
async def list_places(
    listing: ListingDep, countries: CountriesDep, country: CountryCodeQuery = None
) -> Response:
    """Every place the articles name: cities, regions, stations, valleys."""
    country_id = await countries.filter_id("query.country", country)
    return await listing.page(queries.list_places, country_id=country_id)


@router.get("/places/{slug}", **item_route(PlaceDetail))
async def get_place(slug: PlaceSlug, reader: ReaderDep) -> Response:
    """One place, with the events the articles place there."""
    place = await queries.get_place(reader, slug)
    return json_or_404(place, f"No place with slug {slug!r}; see /places")
