"""Strict query strings: a parameter a route does not take, or one given twice, is a 422 that
names it. Ignored, `?sort=quantity` or a misspelt `?contry=KZ` would answer another question
than the one asked, and `?country=KG&country=UZ` would keep one of the two without a word."""

from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from app.core.errors import AppError
from app.core.route_params import query_parameters
from app.core.schemas import InvalidParam


class InvalidQueryString(AppError):
    status = 422
    slug = "invalid-parameter"


def check_query_string(request: Request, accepted: frozenset[str]) -> None:
    """Refuses unknown and repeated parameters, all of them in one answer."""
    counts = Counter(name for name, _ in request.query_params.multi_items())
    problems = [
        InvalidParam(
            name=f"query.{name}",
            reason="not a parameter of this route",
            valid_values=sorted(accepted),
        )
        for name in counts
        if name not in accepted
    ] + [
        InvalidParam(
            name=f"query.{name}",
            reason=f"given {count} times; give it once, with several values as one "
            f"comma-separated list where it takes them: {name}=A,B",
        )
        for name, count in counts.items()
        if count > 1 and name in accepted
    ]
    if problems:
        raise InvalidQueryString(
            "; ".join(f"{p.name}: {p.reason}" for p in problems), invalid_params=problems
        )


class StrictQueryRoute(APIRoute):
    """An API route that takes only the query parameters it declares, each at most once."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        accepted = frozenset(query_parameters(self.dependant))

        async def strict_handler(request: Request) -> Response:
            check_query_string(request, accepted)
            return await handler(request)

        return strict_handler
