"""The search route: full text over articles and entity names."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import InvalidFilter, problem_responses
from app.core.http import CSV_RESPONSE, FormatQuery, page_response
from app.core.pagination import Page, PageDep, as_page
from app.search import queries
from app.search.schemas import SearchHit, SearchKind

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=Page[SearchHit],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def search(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Words to find (all of them); stemmed: `tank` finds `tanks`",
            examples=["Arlan"],
        ),
    ],
    kind: Annotated[SearchKind | None, Query(description="Only hits of this kind")] = None,
    format_: FormatQuery = None,
) -> Response:
    """Search article text and the names of countries, equipment, agreements, organizations."""
    terms = queries.search_terms(q)
    if not terms:
        raise InvalidFilter("query.q", "must contain at least one word")
    total, items = queries.search(reader, terms, kind, page.limit, page.offset)
    return page_response(request, as_page(total, items, page), format_)
