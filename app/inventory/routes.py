"""Routes for inventories: what a country holds, by category and by type."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import problem_responses
from app.core.filters import PARTIAL_DATE_PATTERN, SLUG_PATTERN, slug_filter
from app.core.http import CSV_RESPONSE, FormatQuery, page_response
from app.core.pagination import Page, PageDep, as_page
from app.countries.deps import CountryDep
from app.inventory import queries
from app.inventory.schemas import InventoryEntryOut

router = APIRouter(tags=["inventory"])


@router.get(
    "/countries/{code}/inventory",
    response_model=Page[InventoryEntryOut],
    responses=CSV_RESPONSE | problem_responses(404, 422),
)
async def get_country_inventory(
    request: Request,
    country: CountryDep,
    reader: ReaderDep,
    page: PageDep,
    format_: FormatQuery = None,
    category: Annotated[
        str | None,
        Query(pattern=SLUG_PATTERN, description="Only this category (see /categories)"),
    ] = None,
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
    total, items = queries.list_inventory(
        reader,
        country_id=country["id"],
        category_id=slug_filter(reader, "query.category", "category", category),
        equipment_id=slug_filter(reader, "query.equipment", "equipment", equipment, False),
        as_of=as_of,
        latest=latest,
        limit=page.limit,
        offset=page.offset,
    )
    return page_response(request, as_page(total, items, page), format_)
