"""Paging, in one place: the parameters every list takes, the statement that reads a page and
its total, and the answer (a JSON `Page` or CSV, with the `Link` header to its neighbours).

A list route is one line, `listing.page(queries.list_things, **filters)`: the query gets the
reader and the window of rows and returns its items with the total. Items are dicts shaped by
the query, or, through `listing.rendered_page`, JSON documents rendered when the dataset was
loaded, embedded as they are.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Concatenate, ParamSpec

import orjson
from fastapi import Depends, Query, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import problem_responses
from app.core.http import CSV_RESPONSE, Format, FormatQuery, csv_response, json_response, wants_csv
from app.core.reader import Reader, Row, Where
from app.core.schemas import DEFAULT_LIMIT, MAX_LIMIT, Page

# What a list query returns: the total over all pages, and this page's items.
Found = tuple[int, list[Row]]
Rendered = tuple[int, list[bytes]]
Filters = ParamSpec("Filters")


@dataclass(frozen=True)
class Window:
    """Which of the matching rows a page holds."""

    limit: int
    offset: int


EVERY_ROW = Window(limit=10**9, offset=0)  # one page that holds every row (the export)


@dataclass(frozen=True)
class ListQuery:
    """The statements of a list: `select` and `count` stop where `WHERE` follows; `count`
    counts the same rows, usually without the joins the page needs for display."""

    select: str
    count: str
    order_by: str

    async def rows(self, reader: Reader, where: Where) -> list[Row]:
        """Every matching row, in no particular order (one resource by its key)."""
        return await reader.all(f"{self.select} WHERE {where}", where.params)

    async def page(self, reader: Reader, window: Window, where: Where) -> Found:
        """A page of rows and the total over all pages, in at most two statements: a first
        page that is not full already says how many rows there are."""
        rows = await reader.all(
            f"{self.select} WHERE {where} ORDER BY {self.order_by} LIMIT :limit OFFSET :offset",
            where.params | {"limit": window.limit, "offset": window.offset},
        )
        if (window.offset == 0 or rows) and len(rows) < window.limit:
            return window.offset + len(rows), rows
        return int(await reader.scalar(f"{self.count} WHERE {where}", where.params) or 0), rows


def link_header(request: Request, total: int, window: Window) -> str | None:
    """RFC 8288 links to the next and previous pages, keeping every other parameter."""
    limit, offset = window.limit, window.offset
    links = []
    if offset + limit < total:
        url = request.url.include_query_params(limit=limit, offset=offset + limit)
        links.append(f'<{url}>; rel="next"')
    if offset > 0:
        url = request.url.include_query_params(limit=limit, offset=max(offset - limit, 0))
        links.append(f'<{url}>; rel="prev"')
    return ", ".join(links) or None


@dataclass(frozen=True)
class Listing:
    """What a list route is asked (its window of rows, its format) and how it answers."""

    request: Request
    reader: Reader
    window: Window
    format: Format | None

    async def page(
        self,
        query: Callable[Concatenate[Reader, Window, Filters], Awaitable[Found]],
        /,
        *args: Filters.args,
        **filters: Filters.kwargs,
    ) -> Response:
        """The page `query` finds, as JSON or as CSV rows."""
        total, items = await query(self.reader, self.window, *args, **filters)
        if wants_csv(self.request, self.format):
            return csv_response(items, self._headers(total))
        return json_response(self._page(total, items), self._headers(total))

    async def rendered_page(
        self,
        query: Callable[Concatenate[Reader, Window, Filters], Awaitable[Rendered]],
        /,
        *args: Filters.args,
        **filters: Filters.kwargs,
    ) -> Response:
        """The page of JSON documents `query` finds, rendered at load time: embedded as they
        are in JSON, decoded only for CSV."""
        total, documents = await query(self.reader, self.window, *args, **filters)
        if wants_csv(self.request, self.format):
            return csv_response([orjson.loads(d) for d in documents], self._headers(total))
        fragments = [orjson.Fragment(document) for document in documents]
        return json_response(self._page(total, fragments), self._headers(total))

    def _page(self, total: int, items: list[Any]) -> dict[str, Any]:
        return {
            "items": items,
            "total": total,
            "limit": self.window.limit,
            "offset": self.window.offset,
        }

    def _headers(self, total: int) -> dict[str, str]:
        link = link_header(self.request, total, self.window)
        return ({"Link": link} if link else {}) | {"X-Total-Count": str(total)}


async def listing(
    request: Request,
    reader: ReaderDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}")
    ] = DEFAULT_LIMIT,
    offset: Annotated[
        int, Query(ge=0, le=10_000_000, description="Items to skip before the page")
    ] = 0,
    format_: FormatQuery = None,
) -> Listing:
    return Listing(request, reader, Window(limit, offset), format_)


ListingDep = Annotated[Listing, Depends(listing)]


def list_route(item: type, *errors: int) -> dict[str, Any]:
    """The decorator arguments of a list route: a `Page` of `item`, its CSV alternative, and
    its errors (422 always: `limit`, `offset` and `format` may be rejected)."""
    return {
        "response_model": Page[item],  # type: ignore[valid-type]
        "responses": CSV_RESPONSE | problem_responses(*sorted({*errors, 422})),
    }
