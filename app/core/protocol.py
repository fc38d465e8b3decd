"""The HTTP protocol `milcap serve` runs: uvicorn's httptools protocol with a deadline for
each request's headers (HEADER_TIMEOUT), so a slow or silent client cannot hold a connection.

uvicorn has no such timeout (https://github.com/Kludex/uvicorn/issues/157, the
`--timeout-request-start` it lists was never added): its keep-alive timeout starts only
after a response and is reset by every byte received, and a new connection has none at all.
A client that sends nothing, or its headers a byte at a time, keeps its connection as long as
it likes, and a few hundred such clients hold every connection the server has (Slowloris).

The deadline runs whenever the connection waits for a request's headers: from the moment it
is accepted, and again after each response. Headers complete in time disarm it; a client
still short of them gets a 408 problem and the connection is closed. The request body and
the response are not bounded by it (the API only serves GET).
"""

import asyncio
import logging
from typing import Any

import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.core.config import get_settings
from app.core.schemas import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE

logger = logging.getLogger("milcap.protocol")


def request_timeout_response(seconds: float) -> bytes:
    """The whole 408 answer, written straight to the socket: no request reached the app."""
    body = orjson.dumps(
        {
            "type": PROBLEM_TYPE_BASE + "request-timeout",
            "title": "Request Timeout",
            "status": 408,
            "detail": f"The request's headers did not arrive within {seconds:g} s",
        }
    )
    head = (
        "HTTP/1.1 408 Request Timeout\r\n"
        f"content-type: {PROBLEM_MEDIA_TYPE}\r\n"
        f"content-length: {len(body)}\r\n"
        "x-content-type-options: nosniff\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class HeaderDeadlineProtocol(HttpToolsProtocol):
    """HttpToolsProtocol, closing a connection whose request headers are late."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = get_settings().header_timeout
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # A pipelined request already queued has its headers; otherwise wait for the next.
        if not self.transport.is_closing() and not self.pipeline:
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.header_timeout, self._headers_late)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _headers_late(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:
            # A response is still being sent: finish it, then close instead of waiting.
            self.cycle.keep_alive = False
            return
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
        logger.info(
            "%s sent no complete request headers within %g s: 408, closed",
            client,
            self.header_timeout,
        )
        self.transport.write(request_timeout_response(self.header_timeout))
        self.transport.close()
