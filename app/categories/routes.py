"""Routes for categories."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.categories import queries
from app.categories.schemas import CategoryOut
from app.core.deps import ReaderDep
from app.core.errors import problem_responses
from app.core.http import CSV_RESPONSE, FormatQuery, page_response
from app.core.pagination import Page, PageDep, as_page

router = APIRouter(tags=["categories"])


@router.get(
    "/categories",
    response_model=Page[CategoryOut],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def list_categories(
    request: Request, reader: ReaderDep, page: PageDep, format_: FormatQuery = None
) -> Response:
    """The controlled vocabulary of equipment categories."""
    total, items = queries.list_categories(reader, page.limit, page.offset)
    return page_response(request, as_page(total, items, page), format_)
