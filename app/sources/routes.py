"""Routes for sources: the articles, and one article with its full text."""

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import NotFound, problem_responses
from app.core.http import CSV_RESPONSE, FormatQuery, json_response, page_response
from app.core.pagination import Page, PageDep, as_page
from app.sources import queries
from app.sources.schemas import SourceDetail, SourceOut

router = APIRouter(tags=["sources"])


@router.get(
    "/sources",
    response_model=Page[SourceOut],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def list_sources(
    request: Request, reader: ReaderDep, page: PageDep, format_: FormatQuery = None
) -> Response:
    """Every article the dataset cites, with its metadata and hash."""
    total, items = queries.list_sources(reader, page.limit, page.offset)
    return page_response(request, as_page(total, items, page), format_)


@router.get(
    "/sources/{source_id}",
    response_model=SourceDetail,
    responses=problem_responses(404, 422),
)
async def get_source(
    source_id: Annotated[
        str,
        Path(
            description="The source's id",
            examples=["abbasova-2021-kazakhstan-pledges-military-aid"],
        ),
    ],
    reader: ReaderDep,
) -> Response:
    """One article, with its full text (citation offsets index into it)."""
    source = queries.get_source(reader, source_id)
    if source is None:
        raise NotFound(f"No source with id {source_id!r}; see /sources")
    return json_response(source)
