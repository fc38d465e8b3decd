"""HTTP caching as ASGI middleware: ETag and 304, Cache-Control, gzip, and a response cache.

The dataset changes only when it is loaded, so a GET's response is a function of the dataset
version and the URL: it is computed once, kept (bounded by the memory it holds), and
revalidated by an ETag that carries the version. A new load changes the version and empties
the cache.
"""

import gzip
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from operator import itemgetter
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.connections import DatabaseUnavailable
from app.core.dataset import DatasetState
from app.core.errors import AppError, problem_response
from app.core.http import CSV_MEDIA_TYPE, JSON_MEDIA_TYPE
from app.core.snapshot import Snapshot, current_snapshot

GZIP_MIN_BYTES = 1024
CACHE_CONTROL = "public, max-age=60"
# Answers about the process, not the dataset: never cached.
UNCACHED_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def _uncached(path: str) -> bool:
    """Probes, metrics, and the exports, which stream: held here, a million facts would be
    held in memory."""
    return (
        path in UNCACHED_PATHS
        or path == "/export"
        or (path.startswith("/releases/") and path.endswith("/export"))
    )


# What a kept response costs in Python objects beyond the bytes counted by length (key, header
# names and values, ETag, bodies). Measured with tracemalloc on CPython 3.11, adding 5,000 to
# 80,000 entries of small bodies: the key tuple and its objects, the CachedResponse, its header
# list, ETag and body objects and its share of the OrderedDict come to 476 bytes an entry (515
# just after the table doubles); each header adds its tuple and two bytes objects, 133 to 154
# bytes. Rounded up for the allocator's rounding. Counting bodies alone, a flood of unique URLs
# with small bodies held several times the bound.
ENTRY_OVERHEAD = 512
HEADER_OVERHEAD = 160

# (scheme, host, path, representation, query): what a cached response depends on.
CacheKey = tuple[str, bytes, str, str, bytes]
# Bytes searched for by their value: `38 in query` takes a fifth of the time `b"&" in query`
# does on CPython 3.11.
AMPERSAND, PERCENT, PLUS = b"&%+"


def _parameter_name(parameter: bytes) -> bytes:
    return parameter.partition(b"=")[0]


def normalized_query(query: bytes) -> bytes:
    """The query string with its parameters sorted by name, so their order makes no new entry.

    The sort is stable, so the values of one name keep their order. Literal names (the common
    case) are sorted as sent, in about a microsecond; a name with an escape is decoded first
    (parse_qsl, five times slower), decoding as Latin-1 so each byte maps to one character and
    back. Either way a key reads as the same parameters as the query it came from, so two
    queries share a key only when they mean the same. Values are not decoded: `a=%41` and
    `a=A` are two entries, each correct.
    """
    if AMPERSAND not in query:
        return query  # one parameter (or none): nothing to reorder
    parameters = query.split(b"&")
    if PERCENT in query or PLUS in query:
        names = b"&".join([_parameter_name(parameter) for parameter in parameters])
        if PERCENT in names or PLUS in names:  # `%61` or `a+b`: decoded, it may equal another
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
            pairs.sort(key=itemgetter(0))
            return urlencode(pairs, encoding="latin-1").encode("ascii")
    parameters.sort(key=_parameter_name)
    return b"&".join(parameters)


def cache_key(scope: Scope, headers: Headers) -> CacheKey:
    """The key of a GET in the cache: what its response depends on, and nothing else.

    The Accept header counts only by the representation it chooses (as `wants_csv` does in
    app/core/http.py; `?format=` is in the query), so a client varying it makes no new entry.
    Scheme and Host count because `Link` headers are absolute URLs built from them: without
    them one client's `Host: evil.example` was served in the links of every other client.
    """
    query: bytes = scope["query_string"]
    if AMPERSAND in query:  # checked here too: most queries hold one parameter or none
        query = normalized_query(query)
    accept = headers.get("accept", "")
    representation = "csv" if CSV_MEDIA_TYPE in accept and JSON_MEDIA_TYPE not in accept else "json"
    host = b""
    for name, value in scope["headers"]:  # the first Host, as Starlette's URL reads it
        if name == b"host":
            host = value
            break
    return (scope.get("scheme", "http"), host, scope["path"], representation, query)


def _text_size(text: str) -> int:
    # A str holds one to four bytes a character, the widest of its characters deciding.
    return len(text) if text.isascii() else 4 * len(text)


def _key_size(key: CacheKey) -> int:
    scheme, host, path, _, query = key  # the representation is one of two shared constants
    return len(scheme) + len(host) + _text_size(path) + len(query)


@dataclass(slots=True)
class CachedResponse:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    gzipped: bytes | None = None

    @property
    def size(self) -> int:
        """The memory the entry holds, as the cache accounts it (its key aside)."""
        return (
            ENTRY_OVERHEAD
            + sum(len(name) + len(value) + HEADER_OVERHEAD for name, value in self.headers)
            + len(self.etag)
            + len(self.body)
            + len(self.gzipped or b"")
        )


@dataclass
class ResponseCache:
    """Least recently used entries go first once the accounted size passes `max_bytes`."""

    max_bytes: int
    entries: OrderedDict[CacheKey, CachedResponse] = field(default_factory=OrderedDict)
    version: str = ""
    size: int = 0

    def switch(self, version: str) -> None:
        """Hold the responses of `version` from now on: those of another are dropped."""
        if version != self.version:
            self.entries.clear()
            self.size = 0
            self.version = version

    def get(self, version: str, key: CacheKey) -> CachedResponse | None:
        self.switch(version)
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: CacheKey, entry: CachedResponse) -> bool:
        """Keep `entry` under `key` unless it alone passes a quarter of the bound: whether kept."""
        cost = _key_size(key) + entry.size
        if cost > self.max_bytes // 4:
            return False
        dropped = self.entries.pop(key, None)
        if dropped is not None:
            self.size -= _key_size(key) + dropped.size
        self.entries[key] = entry
        self.size += cost
        self._evict()
        return True

    def grow(self, added: int) -> None:
        """Account `added` bytes more for the most recently used entry (its gzipped body)."""
        self.size += added
        self._evict()

    def _evict(self) -> None:
        while self.size > self.max_bytes and self.entries:
            key, dropped = self.entries.popitem(last=False)
            self.size -= _key_size(key) + dropped.size


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
        if scope["type"] != "http" or scope["method"] != "GET" or _uncached(scope["path"]):
            await self.app(scope, receive, send)
            return
        # HEAD arrives as GET: app/core/hygiene.py answers it as the GET, without the body.
        headers = Headers(scope=scope)
        gzip_accepted = accepts_gzip(headers.get("accept-encoding", ""))
        if_none_match = headers.get("if-none-match")
        version = self.dataset.known_version()
        key = cache_key(scope, headers)
        entry = self.cache.get(version, key) if self.enabled else None
        kept = entry is not None
        if entry is None:
            computed = await self._compute_in_one_release(scope, receive, send, version)
            if computed is None:
                return  # not cacheable: already sent as it was
            entry, computed_in = computed
            # Kept under the release it was computed in, once that is the newest known (a
            # response of an older release, finishing after a load, is not kept).
            if self.enabled and computed_in == self.dataset.version:
                self.cache.switch(computed_in)
                kept = self.cache.put(key, entry)
        await self._send(entry, send, gzip_accepted, if_none_match, kept)

    async def _compute_in_one_release(
        self, scope: Scope, receive: Receive, send: Send, known_version: str
    ) -> tuple[CachedResponse, str] | None:
        """The response, with its ETag naming the release its rows came from.

        The reader notes the release before the response's first statement
        (app/core/snapshot.py); read again once the body is made, the same release means every
        statement in between read it (a load commits at once). A load that committed in
        between makes the response again, once; after a second, the client is asked to retry.
        """
        for _ in range(2):
            snapshot = Snapshot()
            token = current_snapshot.set(snapshot)
            try:
                entry = await self._compute(scope, receive, send)
            finally:
                current_snapshot.reset(token)
            if entry is None:
                return None
            if not snapshot.read:  # no statement ran (the docs): the data played no part
                entry.etag = _etag(known_version, entry.body)
                return entry, known_version
            try:
                confirmed = await self.dataset.reader.latest_release() == snapshot.release
            except DatabaseUnavailable as error:
                await self._send_problem(scope, send, error)
                return None
            if confirmed:
                self.dataset.observe(snapshot.release)
                version = snapshot.release.version if snapshot.release else "unloaded"
                entry.etag = _etag(version, entry.body)
                return entry, version
        await self._send_problem(
            scope, send, DatabaseUnavailable("The dataset is being loaded; try again shortly.")
        )
        return None

    async def _send_problem(self, scope: Scope, send: Send, error: AppError) -> None:
        response = problem_response(
            Request(scope), error.status, error.detail, error.slug, headers=error.headers
        )
        await send(
            {
                "type": "http.response.start",
                "status": response.status_code,
                "headers": response.raw_headers,
            }
        )
        await send({"type": "http.response.body", "body": response.body})

    async def _compute(self, scope: Scope, receive: Receive, send: Send) -> CachedResponse | None:
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
        # One chunk is the renderer's own bytes object, and orjson's keeps the whole buffer it
        # was written in (orjson 3.13: 4 KiB for a 20-byte document, 32 KiB for 700 bytes,
        # 500 KiB for 9 KB; https://github.com/ijl/orjson/issues/483): kept as it is, a body
        # held up to fifty times its length. The cache keeps an exact copy.
        body = bytes(memoryview(chunks[0])) if len(chunks) == 1 else b"".join(chunks)
        headers = [
            (name, value)
            for name, value in start.get("headers", [])
            if name.lower() not in (b"content-length", b"etag")
        ]
        return CachedResponse(200, headers, body, etag=b"")

    async def _send(
        self,
        entry: CachedResponse,
        send: Send,
        gzip_accepted: bool,
        if_none_match: str | None,
        kept: bool,
    ) -> None:
        headers = MutableHeaders(raw=list(entry.headers))
        headers["ETag"] = entry.etag.decode()
        # A route may say more (a past release's data never changes: immutable).
        headers.setdefault("Cache-Control", CACHE_CONTROL)
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
                # Only what the cache holds counts: an entry it refused grew nothing in it.
                if kept:
                    self.cache.grow(len(entry.gzipped))
            body = entry.gzipped
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(body))
        await send({"type": "http.response.start", "status": 200, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})
