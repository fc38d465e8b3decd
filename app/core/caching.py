"""HTTP caching as ASGI middleware: ETag and 304, Cache-Control, gzip, and a response cache.

The dataset changes only when it is loaded, so a GET's response is a function of the dataset
version and the URL: it is computed once, kept (bounded by bytes), and revalidated by an
ETag that carries the version. A new load changes the version and empties the cache.
"""

import gzip
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.dataset import DatasetState

GZIP_MIN_BYTES = 1024
CACHE_CONTROL = "public, max-age=60"
# Answers about the process, not the dataset: never cached.
UNCACHED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


@dataclass
class CachedResponse:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    gzipped: bytes | None = None

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


@dataclass
class ResponseCache:
    max_bytes: int
    entries: OrderedDict[tuple[str, str, bytes], CachedResponse] = field(
        default_factory=OrderedDict
    )
    version: str = ""
    size: int = 0

    def get(self, version: str, key: tuple[str, str, bytes]) -> CachedResponse | None:
        if version != self.version:
            self.entries.clear()
            self.size = 0
            self.version = version
            return None
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple[str, str, bytes], entry: CachedResponse) -> None:
        if entry.size > self.max_bytes // 4:
            return
        self.entries[key] = entry
        self.size += entry.size
        while self.size > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.size -= dropped.size

    def grow(self, added: int) -> None:
        self.size += added


def _etag(version: str, body: bytes) -> bytes:
    # The version names the data; a checksum and the length tell bodies of one version apart
    # (CRC-32 is a twentieth of a cryptographic hash's cost, and no secret depends on it).
    return f'"{version[:12]}-{zlib.crc32(body):08x}{len(body):x}"'.encode()


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether `Accept-Encoding` allows gzip: named (or `*`) with a weight above zero.

    `gzip;q=0` is a refusal (RFC 9110, 12.5.3), as is `*;q=0` when gzip is not named.
    """
    weights: dict[str, float] = {}
    for item in accept_encoding.lower().split(","):
        coding, *parameters = (part.strip() for part in item.split(";"))
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if coding == "x-gzip":
            coding = "gzip"
        if coding:
            weights[coding] = weight
    return weights.get("gzip", weights.get("*", 0.0)) > 0


def _matches(if_none_match: str | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag.decode() in tags


class HttpCacheMiddleware:
    def __init__(
        self, app: ASGIApp, dataset: DatasetState, enabled: bool, max_bytes: int = 32 << 20
    ) -> None:
        self.app = app
        self.dataset = dataset
        self.enabled = enabled
        self.cache = ResponseCache(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] in UNCACHED_PATHS:
            await self.app(scope, receive, send)
            return
        # HEAD arrives as GET: app/core/hygiene.py answers it as the GET, without the body.
        headers = Headers(scope=scope)
        gzip_accepted = accepts_gzip(headers.get("accept-encoding", ""))
        if_none_match = headers.get("if-none-match")
        version = self.dataset.version
        key = (scope["path"], headers.get("accept", ""), scope["query_string"])
        entry = self.cache.get(version, key) if self.enabled else None
        if entry is None:
            entry = await self._compute(scope, receive, send, version)
            if entry is None:
                return  # not cacheable: already sent as it was
            if self.enabled:
                self.cache.put(key, entry)
        await self._send(entry, send, gzip_accepted, if_none_match)

    async def _compute(
        self, scope: Scope, receive: Receive, send: Send, version: str
    ) -> CachedResponse | None:
        start: Message | None = None
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message: Message) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                start = message
                passthrough = message["status"] != 200
                if passthrough:
                    await send(message)
            elif passthrough:
                await send(message)
            else:
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        if passthrough or start is None:
            return None
        body = b"".join(chunks)
        headers = [
            (name, value)
            for name, value in start.get("headers", [])
            if name.lower() not in (b"content-length", b"etag", b"cache-control")
        ]
        return CachedResponse(200, headers, body, _etag(version, body))

    async def _send(
        self,
        entry: CachedResponse,
        send: Send,
        gzip_accepted: bool,
        if_none_match: str | None,
    ) -> None:
        headers = MutableHeaders(raw=list(entry.headers))
        headers["ETag"] = entry.etag.decode()
        headers["Cache-Control"] = CACHE_CONTROL
        headers["Vary"] = "Accept, Accept-Encoding"
        if _matches(if_none_match, entry.etag):
            for name in ("content-type", "content-length"):
                if name in headers:
                    del headers[name]
            await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
            await send({"type": "http.response.body", "body": b""})
            return
        body = entry.body
        if gzip_accepted and len(body) >= GZIP_MIN_BYTES:
            if entry.gzipped is None:
                entry.gzipped = gzip.compress(body, compresslevel=6)
                self.cache.grow(len(entry.gzipped))
            body = entry.gzipped
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        await send({"type": "http.response.start", "status": 200, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})
