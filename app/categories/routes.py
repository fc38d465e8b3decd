"""Routes for categories."""

from fastapi import APIRouter
from fastapi.responses import Response

from app.categories import queries
from app.categories.schemas import CategoryOut
from app.core.pagination import ListingDep, list_route

router = APIRouter(tags=["categories"])


@router.get("/categories", **list_route(CategoryOut))
async def list_categories(listing: ListingDep) -> Response:
    """The controlled vocabulary of equipment categories."""
    return await listing.page(queries.list_categories)
