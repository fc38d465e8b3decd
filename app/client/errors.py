"""The client's exceptions: every problem document (RFC 9457) becomes a typed error."""

from http import HTTPStatus

import httpx
from pydantic import ValidationError

from app.core.schemas import PROBLEM_MEDIA_TYPE, InvalidParam, Problem

# How much of a body that is not a problem document an error message quotes.
BODY_EXCERPT = 200


def phrase(status: int | None) -> str | None:
    """The reason phrase of a status code, if it is a registered one."""
    try:
        return HTTPStatus(status).phrase if status else None
    except ValueError:
        return None


class MilcapError(Exception):
    """Anything that kept a call from returning its model. `str(error)` is one line."""

    def __init__(
        self,
        detail: str,
        *,
        status: int | None = None,
        title: str | None = None,
        problem: Problem | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status
        self.title = title or phrase(status) or type(self).__name__
        self.problem = problem
        self.url = url

    @property
    def type(self) -> str | None:
        """The problem's stable `type` URI, when the server sent a problem document."""
        return self.problem.type if self.problem else None

    def __str__(self) -> str:
        return self.detail

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, detail={self.detail!r})"


class NotFound(MilcapError):
    """404: no resource with that code, slug or id."""


class ValidationFailed(MilcapError):
    """422: a parameter was rejected; `field` names the first, `invalid_params` lists all."""

    @property
    def invalid_params(self) -> list[InvalidParam]:
        return list(self.problem.invalid_params or []) if self.problem else []

    @property
    def field(self) -> str | None:
        """The first rejected parameter, without its location: `category`, not `query.category`."""
        if not self.invalid_params:
            return None
        return self.invalid_params[0].name.split(".", 1)[-1]

    def __str__(self) -> str:
        valid = next((p.valid_values for p in self.invalid_params if p.valid_values), None)
        return self.detail + (f" (valid: {', '.join(valid)})" if valid else "")


class ServerError(MilcapError):
    """5xx: the server failed; retried first when it is 502, 503 or 504."""


class ServiceUnavailable(ServerError):
    """503: the server is up but cannot answer now (its database is down, a deploy...)."""


class Unreachable(MilcapError):
    """No HTTP answer at all: connection refused, DNS failure, timeout, dropped connection."""


class UnexpectedResponse(MilcapError):
    """A 2xx answer that is not the model the route declares (a proxy page, another API...)."""


def _excerpt(response: httpx.Response) -> str:
    text = " ".join(response.text.split())
    return text[:BODY_EXCERPT] + ("…" if len(text) > BODY_EXCERPT else "")


def _problem(response: httpx.Response) -> Problem | None:
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if media_type != PROBLEM_MEDIA_TYPE:
        return None
    try:
        return Problem.model_validate_json(response.content)
    except ValidationError:
        return None


def error_for(response: httpx.Response) -> MilcapError:
    """The typed error of a 4xx or 5xx answer, keeping its problem document when it has one."""
    status = response.status_code
    problem = _problem(response)
    title: str | None
    if problem:
        detail, title = problem.detail, problem.title
    else:
        title = phrase(status)
        detail = f"{status} {title or 'error'} from {response.request.url}"
        if response.text.strip():
            detail += f": {_excerpt(response)}"
    kind: type[MilcapError] = MilcapError
    if status == 404:
        kind = NotFound
    elif status == 422:
        kind = ValidationFailed
    elif status == 503:
        kind = ServiceUnavailable
    elif status >= 500:
        kind = ServerError
    return kind(detail, status=status, title=title, problem=problem, url=str(response.request.url))


def unexpected(response: httpx.Response, reason: str) -> UnexpectedResponse:
    return UnexpectedResponse(
        f"{response.request.url} did not answer as the milcap API does ({reason}): "
        f"{_excerpt(response)}",
        status=response.status_code,
        url=str(response.request.url),
    )


def unreachable(base_url: str, error: httpx.TransportError) -> Unreachable:
    if isinstance(error, httpx.TimeoutException):
        reason = f"no answer in time ({type(error).__name__})"
    else:
        reason = str(error) or type(error).__name__
    return Unreachable(f"cannot reach the milcap API at {base_url}: {reason}", url=base_url)
