"""What the sync and async clients share: base URL, retry policy, query parameters, parsing."""

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from app.client.errors import error_for, unexpected

DEFAULT_URL = "http://127.0.0.1:8000"
URL_VARIABLE = "MILCAP_URL"
DEFAULT_TIMEOUT = 10.0
USER_AGENT = "milcap-client/0.1.0"
# Statuses a proxy or a restarting server answers with: the same GET may well succeed later.
RETRY_STATUSES = frozenset({502, 503, 504})
# Failures to connect or to keep the connection: every call is a GET, so resending is safe.
# A read timeout is not among them: the server got the request and is slow, and a retry
# would only add to its load.
RETRY_ERRORS = (httpx.NetworkError, httpx.ConnectTimeout, httpx.RemoteProtocolError)

Model = TypeVar("Model", bound=BaseModel)
# A filter that takes several values takes them as an iterable: `country=["KZ", "UZ"]`.
ParamValue = str | int | bool | Iterable[str] | None
Params = dict[str, str | int]


@dataclass(frozen=True)
class RetryPolicy:
    """Up to `retries` resends, waiting `backoff`, then twice as long each time (capped at
    `max_backoff`); a longer `Retry-After` from the server is honoured, within the same cap."""

    retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 10.0

    def delay(self, retry: int, retry_after: str | None = None) -> float:
        """Seconds to wait before resend number `retry` (counted from 0)."""
        delay = min(self.max_backoff, self.backoff * 2.0**retry)
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), self.max_backoff))
        return delay


NO_RETRIES = RetryPolicy(retries=0)


def resolve_base_url(url: str | None) -> str:
    """The argument, else `MILCAP_URL`, else the local default; an http(s) URL or ValueError."""
    resolved = (url or os.environ.get(URL_VARIABLE) or DEFAULT_URL).strip().rstrip("/")
    if not resolved.startswith(("http://", "https://")):
        raise ValueError(f"the milcap API URL must start with http:// or https://: {resolved!r}")
    return resolved


def default_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    # JSON always: the API answers CSV to an Accept header that prefers it.
    return {"Accept": "application/json", "User-Agent": USER_AGENT, **(headers or {})}


def segment(value: str) -> str:
    """A code, slug or id as one path segment: `../meta` cannot escape to another route."""
    return quote(value, safe="")


def query(**params: ParamValue) -> Params:
    """Query parameters without the unset ones, as the API spells them: booleans `true` or
    `false`, several values one comma-separated value (`country=KZ,UZ`; the API rejects a
    parameter given twice)."""
    return {name: spelled(value) for name, value in params.items() if value is not None}


def spelled(value: str | int | bool | Iterable[str]) -> str | int:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int):
        return value
    return ",".join(value)


def parse(response: httpx.Response, model: type[Model]) -> Model:
    """The response as `model`, or the typed error it stands for."""
    if response.is_error:
        raise error_for(response)
    if response.status_code != 200:
        raise unexpected(response, f"status {response.status_code}")
    try:
        return model.model_validate_json(response.content)
    except ValidationError as error:
        raise unexpected(
            response, f"not a {model.__name__}: {error.error_count()} error(s)"
        ) from None


def retry_after(response: httpx.Response) -> str | None:
    value: str | None = response.headers.get("retry-after")
    return value
