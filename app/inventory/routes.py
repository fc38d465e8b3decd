"""Routes for inventories: what a country holds, by category and by type."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.filters import PARTIAL_DATE_PATTERN, SLUG_PATTERN, CategoryQuery, slug_filter
from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountryDep
from app.inventory import queries
from app.inventory.schemas import InventoryEntryOut

router = APIRouter(tags=["inventory"])


@router.get("/countries/{code}/inventory", **list_route(InventoryEntryOut, 404))
async def get_country_inventory(
    country: CountryDep,
    listing: ListingDep,
    category: CategoryQuery = None,
    equipment: Annotated[
        str | None,
        Query(pattern=SLUG_PATTERN, description="Only this equipment type (see /equipment)"),
    ] = None,
    as_of: Annotated[
        str | None,
        Query(
            pattern=PARTIAL_DATE_PATTERN,
            description="Only claims dated within this period: `2021` matches `2021-11-12`",
            examples=["2021"],
        ),
    ] = None,
    latest: Annotated[
        bool,
        Query(
            description="Keep only the newest claim per (category, equipment); "
            "claims of the same date are all kept"
        ),
    ] = False,
) -> Response:
    """A country's inventory: category totals and types in service, each with citations."""
    return await listing.rendered_page(
        queries.list_inventory,
        country["id"],
        category_id=await slug_filter(listing.reader, "query.category", "category", category),
        equipment_id=await slug_filter(
            listing.reader, "query.equipment", "equipment", equipment, False
        ),
        as_of=as_of,
        latest=latest,
    )
