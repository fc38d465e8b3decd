"""Paging, in one place: the parameters every list takes, the statement that reads a page and
its total, and the answer (a JSON `Page` or CSV, with the `Link` header to its neighbours).

A list route is one line, `listing.page(queries.list_things, **filters)`: the query gets the
reader and the window of rows and returns its items with the total. Items are dicts shaped by
the query, or, through `listing.rendered_page`, JSON documents rendered when the dataset was
loaded, embedded as they are.
"""

import inspect
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Concatenate, Literal, ParamSpec

import orjson
from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from app.core.deps import ReaderDep
from app.core.errors import InvalidFilter, problem_responses
from app.core.filters import COMMA_SEPARATED
from app.core.http import (
    CSV_RESPONSE,
    Format,
    FormatQuery,
    csv_columns,
    csv_response,
    json_response,
    wants_csv,
)
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
    # The `sort=` keys asked for, in order, `-` for descending: `("-as_of", "quantity")`.
    order: tuple[str, ...] = ()


EVERY_ROW = Window(limit=10**9, offset=0)  # one page that holds every row (the export)


@dataclass(frozen=True)
class ListQuery:
    """The statements of a list: `select` and `count` stop where `WHERE` follows; `count`
    counts the same rows, usually without the joins the page needs for display."""

    select: str
    count: str
    order_by: str
    # The `sort=` keys a list takes and the expression each sorts by; `order_by` then breaks
    # ties, so a sorted page is still in a stable order.
    sortable: Mapping[str, str] = field(default_factory=dict)

    def ordering(self, window: Window) -> str:
        """The ORDER BY of a page: the keys asked for, nulls last on every engine (SQLite puts
        them first, PostgreSQL last), then the natural order."""
        terms = []
        for key in window.order:
            expression = self.sortable[key.removeprefix("-")]
            direction = "DESC" if key.startswith("-") else "ASC"
            terms.append(
                f"CASE WHEN {expression} IS NULL THEN 1 ELSE 0 END, {expression} {direction}"
            )
        return ", ".join([*terms, self.order_by])

    async def rows(self, reader: Reader, where: Where) -> list[Row]:
        """Every matching row, in no particular order (one resource by its key)."""
        return await reader.all(f"{self.select} WHERE {where}", where.params)

    async def page(self, reader: Reader, window: Window, where: Where) -> Found:
        """A page of rows and the total over all pages, in at most two statements: a first
        page that is not full already says how many rows there are."""
        order = self.ordering(window)
        rows = await reader.all(
            f"{self.select} WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset",
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
    """What a list route is asked (its window of rows, its format, the fields to keep) and how
    it answers."""

    request: Request
    reader: Reader
    window: Window
    format: Format | None
    item: type[BaseModel]
    fields: tuple[str, ...] = ()

    async def page(
        self,
        query: Callable[Concatenate[Reader, Window, Filters], Awaitable[Found]],
        /,
        *args: Filters.args,
        **filters: Filters.kwargs,
    ) -> Response:
        """The page `query` finds, as JSON or as CSV rows."""
        total, items = await query(self.reader, self.window, *args, **filters)
        if self.fields:
            items = [self._chosen(item) for item in items]
        if wants_csv(self.request, self.format):
            return csv_response(items, self._headers(total), self._columns())
        return json_response(self._page(total, items), self._headers(total))

    async def rendered_page(
        self,
        query: Callable[Concatenate[Reader, Window, Filters], Awaitable[Rendered]],
        /,
        *args: Filters.args,
        **filters: Filters.kwargs,
    ) -> Response:
        """The page of JSON documents `query` finds, rendered at load time: embedded as they
        are in JSON, decoded only for CSV or to keep some of their fields."""
        total, documents = await query(self.reader, self.window, *args, **filters)
        if self.fields or wants_csv(self.request, self.format):
            items = [self._chosen(orjson.loads(d)) for d in documents]
            if wants_csv(self.request, self.format):
                return csv_response(items, self._headers(total), self._columns())
            return json_response(self._page(total, items), self._headers(total))
        fragments = [orjson.Fragment(document) for document in documents]
        return json_response(self._page(total, fragments), self._headers(total))

    def _columns(self) -> list[str]:
        """CSV's columns: the item model's (or the chosen fields'), whatever the page holds."""
        return csv_columns(self.item, self.fields)

    def _chosen(self, item: Mapping[str, Any]) -> dict[str, Any]:
        """The item with the fields `fields=` asked for, in the order asked (all without)."""
        if not self.fields:
            return dict(item)
        return {name: item[name] for name in self.fields}

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


LimitQuery = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}")]
OffsetQuery = Annotated[
    int, Query(ge=0, le=10_000_000, description="Items to skip before the page")
]


def listing_of(item: type[BaseModel], sortable: Iterable[str] = ()) -> Callable[..., Any]:
    """The dependency of a list of `item`: its window of rows, its format, and `sort=` and
    `fields=`, typed as enums of this list's own keys so that the OpenAPI document names them
    and anything else is a 422. A list with nothing to sort by takes no `sort=`."""
    sort_keys = tuple(key for name in sortable for key in (name, f"-{name}"))
    field_names = tuple(item.model_fields)

    async def listing(
        request: Request,
        reader: Reader,
        limit: int,
        offset: int,
        format_: Format | None,
        fields: list[str] | None = None,
        sort: list[str] | None = None,
    ) -> Listing:
        order = tuple(sort or ())
        # As the schema says (`uniqueItems`): a value given twice is a mistake worth naming.
        for name, values in (("query.sort", order), ("query.fields", tuple(fields or ()))):
            twice = sorted({value for value in values if values.count(value) > 1})
            if twice:
                raise InvalidFilter(name, "given more than once: " + ", ".join(twice))
        window = Window(limit, offset, order)
        return Listing(request, reader, window, format_, item, tuple(fields or ()))

    parameters = [
        _parameter("request", Request),
        _parameter("reader", ReaderDep),
        _parameter("limit", LimitQuery, DEFAULT_LIMIT),
        _parameter("offset", OffsetQuery, 0),
        _parameter("format_", FormatQuery, None),
        _parameter(
            "fields",
            _keys(
                field_names,
                "Only these fields of each item, in this order, comma-separated: "
                "`fields=id,quantity`",
            ),
            None,
        ),
    ]
    if sort_keys:
        description = (
            "Order by these keys, comma-separated, `-` for descending: `sort=-as_of`; ties "
            "keep the list's natural order"
        )
        parameters.append(_parameter("sort", _keys(sort_keys, description), None))
    # FastAPI reads a dependency's parameters from its signature: this one's enums are only
    # known here, from the item model and the list's keys.
    listing.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    return listing


def _keys(values: tuple[str, ...], description: str) -> Any:
    """A comma list of distinct values of `values`, an enum in the OpenAPI document."""
    return Annotated[
        list[Literal[values]] | None,  # type: ignore[valid-type]
        Query(min_length=1, description=description, json_schema_extra={"uniqueItems": True}),
        COMMA_SEPARATED,
    ]


def _parameter(
    name: str, annotation: Any, default: Any = inspect.Parameter.empty
) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def list_route(item: type, *errors: int) -> dict[str, Any]:
    """The decorator arguments of a list route: a `Page` of `item`, its CSV alternative, and
    its errors (422 always: `limit`, `offset` and `format` may be rejected)."""
    return {
        "response_model": Page[item],  # type: ignore[valid-type]
        "responses": CSV_RESPONSE | problem_responses(*sorted({*errors, 422})),
    }
