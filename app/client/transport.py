"""What the sync and async clients share: base URL, retry policy, query parameters, parsing,
and the reading of a download into its file."""

import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ValidationError

from app.client.errors import MilcapError, error_for, unexpected
from app.releases.schemas import EXPORT_MEDIA_TYPES

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

# How much of a download is read, and written, at a time.
CHUNK_SIZE = 1 << 16
# Told the bytes written so far and the size the server announced (None when it did not).
Progress = Callable[[int, int | None], None]

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


class Chunks:
    """A streamed response's body, decoded, a chunk at a time: `for` it in the sync client,
    `async for` it in the async one. One spelling for both, so that the sync client is still
    generated from the async one line by line."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    def __iter__(self) -> Iterator[bytes]:
        return self.response.iter_bytes(CHUNK_SIZE)

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self.response.aiter_bytes(CHUNK_SIZE)


def download_refusal(response: httpx.Response, format_: str) -> str | None:
    """Why a streamed answer is not the export asked for (an error, a proxy's page...), or
    None when it is one. Its body is not read yet."""
    if response.is_error:
        return "error"
    if response.status_code != 200:
        return f"status {response.status_code}"
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if media_type != EXPORT_MEDIA_TYPES[format_]:
        return f"{media_type or 'no media type'}, not {EXPORT_MEDIA_TYPES[format_]}"
    return None


def refused(response: httpx.Response, body: bytes, reason: str) -> MilcapError:
    """The typed error of a streamed answer `download_refusal` refused, its body read."""
    # The body is decoded already: the copy must not decode it a second time.
    headers = [(k, v) for k, v in response.headers.multi_items() if k != "content-encoding"]
    read = httpx.Response(
        response.status_code, headers=headers, content=body, request=response.request
    )
    return error_for(read) if read.is_error else unexpected(read, reason)


def announced_size(response: httpx.Response) -> int | None:
    """The size of an answer's body once decoded, if it says: its Content-Length, unless the
    body is compressed on the way (that length is then the compressed one)."""
    length: str = response.headers.get("content-length", "")
    if response.headers.get("content-encoding", "identity") != "identity":
        return None
    return int(length) if length.isdigit() else None


@contextmanager
def partial_file(target: Path) -> Iterator[IO[bytes]]:
    """A file to write `target` into: a new one beside it, renamed to it once the block ends,
    removed if the block fails. A failed download leaves no half-written file."""
    # Made by open(), not tempfile: the file gets the permissions the umask gives, not 0600.
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        with partial.open("xb") as file:
            yield file
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
