"""Routes for inventories: what a country holds, by category and by type."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.categories.filters import CategoriesQuery
from app.citations.filters import StancesQuery
from app.core.filters import COMMA_SEPARATED, AsOfFromQuery, AsOfQuery, AsOfToQuery, Slug, slug_ids
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountryDep
from app.inventory import queries
from app.inventory.schemas import InventoryEntryOut

router = APIRouter(tags=["inventory"], route_class=StrictQueryRoute)
InventoryListing = Annotated[
    Listing, Depends(listing_of(InventoryEntryOut, queries.DOCUMENTS.sortable))
]
EquipmentQuery = Annotated[
    list[Slug] | None,
    Query(
        min_length=1,
        description="Only these equipment types, comma-separated (see /equipment); "
        "an unknown slug is a 404",
        examples=[["mig-29"]],
    ),
    COMMA_SEPARATED,
]
LatestQuery = Annotated[
    bool,
    Query(
        description="Keep only the newest claim per (category, equipment); "
        "claims of the same date are all kept"
    ),
]


@router.get("/countries/{code}/inventory", **list_route(InventoryEntryOut, 404))
async def get_country_inventory(
    country: CountryDep,
    listing: InventoryListing,
    category: CategoriesQuery = None,
    equipment: EquipmentQuery = None,
    as_of: AsOfQuery = None,
    as_of_from: AsOfFromQuery = None,
    as_of_to: AsOfToQuery = None,
    stance: StancesQuery = None,
    latest: LatestQuery = False,
) -> Response:
    """A country's inventory: category totals and types in service, each with citations."""
    reader = listing.reader
    return await listing.rendered_page(
        queries.list_inventory,
        country["id"],
        category_ids=await slug_ids(reader, "query.category", "category", category, "/categories"),
        equipment_ids=await slug_ids(
            reader, "query.equipment", "equipment", equipment, "/equipment"
        ),
        as_of=as_of,
        as_of_from=as_of_from,
        as_of_to=as_of_to,
        stances=stance,
        latest=latest,
    )
