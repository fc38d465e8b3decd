"""Routes for equipment: the list and one model with its operators."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response

from app.categories.filters import CategoriesQuery
from app.core.deps import ReaderDep
from app.core.filters import slug_ids
from app.core.http import item_route, json_or_404
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery
from app.equipment import queries
from app.equipment.schemas import EquipmentDetail, EquipmentOut

router = APIRouter(tags=["equipment"], route_class=StrictQueryRoute)
EquipmentListing = Annotated[Listing, Depends(listing_of(EquipmentOut, queries.EQUIPMENT.sortable))]
EquipmentSlug = Annotated[str, Path(description="The model's slug", examples=["mig-29"])]


@router.get("/equipment", **list_route(EquipmentOut, 404))
async def list_equipment(
    listing: EquipmentListing,
    countries: CountriesDep,
    category: CategoriesQuery = None,
    origin: CountryCodesQuery = None,
    operator: CountryCodesQuery = None,
) -> Response:
    """Every equipment model the articles name. `origin`: made in; `operator`: held by."""
    return await listing.page(
        queries.list_equipment,
        category_ids=await slug_ids(
            listing.reader, "query.category", "category", category, "/categories"
        ),
        origin_ids=await countries.ids("query.origin", origin),
        operator_ids=await countries.ids("query.operator", operator),
    )


@router.get("/equipment/{slug}", **item_route(EquipmentDetail))
async def get_equipment(slug: EquipmentSlug, reader: ReaderDep) -> Response:
    """One equipment model, with the countries that operate it."""
    equipment = await queries.get_equipment(reader, slug)
    return json_or_404(equipment, f"No equipment with slug {slug!r}; see /equipment")
