"""Routes for categories."""

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from app.categories import queries
from app.categories.schemas import CategoryOut
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute

router = APIRouter(tags=["categories"], route_class=StrictQueryRoute)
CategoryListing = Annotated[Listing, Depends(listing_of(CategoryOut, queries.CATEGORIES.sortable))]


@router.get("/categories", **list_route(CategoryOut))
async def list_categories(listing: CategoryListing) -> Response:
    """The controlled vocabulary of equipment categories."""
    return await listing.page(queries.list_categories)
