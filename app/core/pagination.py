"""Paging: the `Page` envelope every list returns, its parameters, and the `Link` header."""

from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query, Request
from pydantic import BaseModel, Field

Item = TypeVar("Item")
MAX_LIMIT = 500


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    total: int = Field(description="Items matching the query, over all pages", ge=0)
    limit: int = Field(description="Page size asked for", ge=1, le=MAX_LIMIT)
    offset: int = Field(description="Items skipped before this page", ge=0)


class PageParams(BaseModel):
    limit: int
    offset: int


async def page_params(
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}")
    ] = 50,
    offset: Annotated[
        int, Query(ge=0, le=10_000_000, description="Items to skip before the page")
    ] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


PageDep = Annotated[PageParams, Depends(page_params)]


def link_header(request: Request, total: int, limit: int, offset: int) -> str | None:
    """RFC 8288 links to the next and previous pages, keeping every other parameter."""
    links = []
    if offset + limit < total:
        url = request.url.include_query_params(limit=limit, offset=offset + limit)
        links.append(f'<{url}>; rel="next"')
    if offset > 0:
        url = request.url.include_query_params(limit=limit, offset=max(offset - limit, 0))
        links.append(f'<{url}>; rel="prev"')
    return ", ".join(links) or None


def as_page(total: int, items: list[Any], params: PageParams) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": params.limit, "offset": params.offset}
