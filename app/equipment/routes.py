"""Routes for equipment: the list and one model with its operators."""

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.filters import CategoryQuery, slug_filter
from app.core.http import item_route, json_or_404
from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep, CountryCodeQuery
from app.equipment import queries
from app.equipment.schemas import EquipmentDetail, EquipmentOut

router = APIRouter(tags=["equipment"])
EquipmentSlug = Annotated[str, Path(description="The model's slug", examples=["mig-29"])]


@router.get("/equipment", **list_route(EquipmentOut))
async def list_equipment(
    listing: ListingDep,
    countries: CountriesDep,
    category: CategoryQuery = None,
    origin: CountryCodeQuery = None,
    operator: CountryCodeQuery = None,
) -> Response:
    """Every equipment model the articles name. `origin`: made in; `operator`: held by."""
    return await listing.page(
        queries.list_equipment,
        category_id=await slug_filter(listing.reader, "query.category", "category", category),
        origin_id=await countries.filter_id("query.origin", origin),
        operator_id=await countries.filter_id("query.operator", operator),
    )


@router.get("/equipment/{slug}", **item_route(EquipmentDetail))
async def get_equipment(slug: EquipmentSlug, reader: ReaderDep) -> Response:
    """One equipment model, with the countries that operate it."""
    equipment = await queries.get_equipment(reader, slug)
    return json_or_404(equipment, f"No equipment with slug {slug!r}; see /equipment")
