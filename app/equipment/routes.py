"""Routes for equipment: the list and one model with its operators."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import NotFound, problem_responses
from app.core.filters import SLUG_PATTERN, CountryCodeQuery, country_id_filter, slug_filter
from app.core.http import CSV_RESPONSE, FormatQuery, json_response, page_response
from app.core.pagination import Page, PageDep, as_page
from app.equipment import queries
from app.equipment.schemas import EquipmentDetail, EquipmentOut

router = APIRouter(tags=["equipment"])


@router.get(
    "/equipment",
    response_model=Page[EquipmentOut],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def list_equipment(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    format_: FormatQuery = None,
    category: Annotated[
        str | None,
        Query(pattern=SLUG_PATTERN, description="Only this category (see /categories)"),
    ] = None,
    origin: CountryCodeQuery = None,
    operator: CountryCodeQuery = None,
) -> Response:
    """Every equipment model the articles name. `origin`: made in; `operator`: held by."""
    total, items = queries.list_equipment(
        reader,
        category_id=slug_filter(reader, "query.category", "category", category),
        origin_id=country_id_filter(reader, "query.origin", origin),
        operator_id=country_id_filter(reader, "query.operator", operator),
        limit=page.limit,
        offset=page.offset,
    )
    return page_response(request, as_page(total, items, page), format_)


@router.get(
    "/equipment/{slug}",
    response_model=EquipmentDetail,
    responses=problem_responses(404, 422),
)
async def get_equipment(
    slug: Annotated[str, Path(description="The model's slug", examples=["mig-29"])],
    reader: ReaderDep,
) -> Response:
    """One equipment model, with the countries that operate it."""
    equipment = queries.get_equipment(reader, slug)
    if equipment is None:
        raise NotFound(f"No equipment with slug {slug!r}; see /equipment")
    return json_response(equipment)
