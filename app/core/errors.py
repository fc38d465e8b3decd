"""RFC 9457 problem details: the one error shape of the API, and the handlers that produce it."""

import logging
from collections.abc import Mapping
from http import HTTPStatus
from types import MappingProxyType
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.core.route_params import query_parameters, vocabulary
from app.core.schemas import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, InvalidParam, Problem

logger = logging.getLogger("milcap.errors")


class AppError(Exception):
    status: int = 500
    slug: str = "internal-error"
    headers: Mapping[str, str] | None = None

    def __init__(self, detail: str, invalid_params: list[InvalidParam] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.invalid_params = invalid_params


class NotFound(AppError):
    status = 404
    slug = "not-found"


class InvalidFilter(AppError):
    """A query parameter well formed but naming nothing known (an unknown category...)."""

    status = 422
    slug = "invalid-parameter"

    def __init__(self, name: str, reason: str, valid_values: list[str] | None = None) -> None:
        super().__init__(
            f"{name}: {reason}", [InvalidParam(name=name, reason=reason, valid_values=valid_values)]
        )


class ServiceUnavailable(AppError):
    status = 503
    slug = "service-unavailable"
    # A 503 is temporary: clients (ours included) wait this long before trying again.
    headers: Mapping[str, str] | None = MappingProxyType({"Retry-After": "5"})


def problem_response(
    request: Request,
    status: int,
    detail: str,
    slug: str | None = None,
    invalid_params: list[InvalidParam] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    phrase = HTTPStatus(status).phrase
    problem = Problem(
        type=PROBLEM_TYPE_BASE + (slug or phrase.lower().replace(" ", "-")),
        title=phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        invalid_params=invalid_params,
    )
    body = orjson.dumps(problem.model_dump(exclude_none=True))
    return Response(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _location_name(location: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in location)


async def _app_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, AppError)
    return problem_response(
        request, error.status, error.detail, error.slug, error.invalid_params, error.headers
    )


def _invalid_param(detail: Mapping[str, Any], types: Mapping[str, Any]) -> InvalidParam:
    """A rejected value, named by its parameter (in a list, `?type=a,b`, the parameter and the
    value, not the value's position), with the values it takes where they are a vocabulary."""
    location = tuple(detail["loc"])
    in_list = len(location) > 2 and isinstance(location[-1], int)
    if in_list:
        location = location[:-1]
    valid = None
    if location[0] == "query" and detail["type"] in ("literal_error", "enum"):
        valid = vocabulary(types.get(str(location[1])))
    if valid is not None:
        reason = f"{detail['input']!r} is not one of its values: {', '.join(valid)}"
    elif in_list:
        reason = f"{detail['input']!r}: {detail['msg']}"
    else:
        reason = detail["msg"]
    return InvalidParam(name=_location_name(location), reason=reason, valid_values=valid)


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    route = request.scope.get("route")
    types = query_parameters(route.dependant) if isinstance(route, APIRoute) else {}
    params = [_invalid_param(detail, types) for detail in error.errors()]
    detail = "; ".join(f"{p.name}: {p.reason}" for p in params)
    return problem_response(request, 422, detail, "invalid-parameter", params)


def _without_trailing_slash(request: Request) -> str | None:
    """The path without its trailing slash, when a route serves it (`/countries/`)."""
    path = request.url.path
    if path == "/" or not path.endswith("/"):
        return None
    scope = {**request.scope, "path": request.scope["path"].rstrip("/")}
    for route in request.app.router.routes:
        match, _ = route.matches(scope)
        if match != Match.NONE:
            return path.rstrip("/")
    return None


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    detail = str(error.detail)
    if error.status_code == 404 and detail == "Not Found":
        slashless = _without_trailing_slash(request)
        if slashless:
            detail = f"No resource at {request.url.path}; the path without the slash is {slashless}"
        else:
            detail = f"No resource at {request.url.path}; see /docs for the API's routes"
    elif error.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    return problem_response(request, error.status_code, detail, headers=error.headers)


async def _unexpected_error(request: Request, error: Exception) -> Response:
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(request, 500, "The server failed to answer; the error was logged.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: each error status documented as a problem document."""
    return {
        status: {
            "model": Problem,
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
