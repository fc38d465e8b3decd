"""A release's whole dataset as a stream, in bounded memory however large it is: the facts
valid at the release are read a batch at a time, in (kind, id) order, each batch one awaited
statement, and written out as they come, in one of four formats:

- `json`: one document, as /export always served it (its header, then a list per kind);
- `ndjson`: one line per fact, `{"kind": ..., "id": ..., "fact": {...}}` (a fact's own fields
  may be named `kind`, as an inventory entry's is: the fact is kept whole, beside them);
- `csv`: a zip of one CSV per kind, with the columns of the kind's schema (a header even for
  a kind with no fact);
- `sqlite`: a standalone SQLite file, a table per kind with the same columns and the fact's
  JSON, written to a temporary file (disk, not memory) and sent once complete.

A release's set of facts never changes once the release exists (a later load only closes
versions after it), so a stream that spans a load still sends one release.
"""

import asyncio
import csv
import io
import os
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, get_args

import orjson
from fastapi import Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel

from app.core.caching import accepts_gzip
from app.core.errors import problem_responses
from app.core.http import csv_columns, flatten
from app.core.reader import Reader
from app.meta.schemas import LICENCE, Export
from app.releases.schemas import EXPORT_MEDIA_TYPES, ExportFormat

MEDIA_TYPES = EXPORT_MEDIA_TYPES
SUFFIXES = {"json": "json", "ndjson": "ndjson", "csv": "csv.zip", "sqlite": "sqlite"}
BATCH = 1000  # facts a statement reads; the memory a stream holds is about this many facts
CHUNK = 1 << 16  # bytes sent at a time from the SQLite file
VALID_AT = (
    "since_release_id <= :release AND (until_release_id IS NULL OR until_release_id > :release)"
)
# Keyset paging on (kind, key) as a row value: both engines seek the index to it (spelled
# out with OR, SQLite scans the index from its start for every batch).
AFTER = "(kind, key) > (:kind, :key)"


ExportFormatQuery = Annotated[
    ExportFormat,
    Query(
        alias="format",
        description="`json`: one document; `ndjson`: a fact a line; `csv`: a zip of a CSV per "
        "kind; `sqlite`: a SQLite file",
    ),
]
# The other formats of an export, beside its JSON document.
BINARY: dict[str, Any] = {"schema": {"type": "string", "format": "binary"}}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {media: BINARY for name, media in MEDIA_TYPES.items() if name != "json"}},
    **problem_responses(404, 422),
}


def _kinds() -> dict[str, type[BaseModel]]:
    """Every kind of fact, in the order the stream sends them, with its model."""
    models: dict[str, type[BaseModel]] = {}
    for name, field in sorted(Export.model_fields.items()):
        arguments = get_args(field.annotation)
        if arguments and isinstance(arguments[0], type) and issubclass(arguments[0], BaseModel):
            models[name] = arguments[0]
    return models


KINDS = _kinds()
# Per kind, once: its CSV columns, and the statement that inserts a fact into its SQLite table.
CSV_COLUMNS = {kind: csv_columns(model) for kind, model in KINDS.items()}


def _insert(kind: str, columns: list[str]) -> str:
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in range(len(columns) + 2))
    return f'INSERT INTO "{kind}" (_id, {names}, _json) VALUES ({marks})'


SQLITE_INSERTS = {kind: _insert(kind, columns) for kind, columns in CSV_COLUMNS.items()}


@dataclass(frozen=True)
class ReleaseRef:
    id: int
    version: str
    loaded_at: str


async def facts_at(reader: Reader, release: int) -> AsyncIterator[tuple[str, str, bytes]]:
    """(kind, id, JSON) of every fact valid at `release`, by kind then id, a batch at a time."""
    kind, key = "", ""
    while True:
        rows = await reader.all(
            f"SELECT kind, key, body FROM fact_version WHERE {VALID_AT} AND {AFTER}"
            f" ORDER BY kind, key LIMIT {BATCH}",
            {"release": release, "kind": kind, "key": key},
        )
        for row in rows:
            yield row["kind"], row["key"], bytes(row["body"])
        if len(rows) < BATCH:
            return
        kind, key = rows[-1]["kind"], rows[-1]["key"]
        # Let other requests run between batches: a SQLite read does not suspend, nor does
        # sending to a client that reads as fast as we write, so without this a million
        # facts would stream without the event loop serving anyone else.
        await asyncio.sleep(0)


async def as_json(reader: Reader, release: ReleaseRef) -> AsyncIterator[bytes]:
    header = {"dataset_version": release.version, "loaded_at": release.loaded_at}
    yield orjson.dumps(header | {"licence": LICENCE})[:-1]
    pending = list(KINDS)  # kinds not opened yet: each gets its list, empty or not
    current: str | None = None
    first = True
    async for kind, _, body in facts_at(reader, release.id):
        if kind != current:
            if current is not None:
                yield b"]"
            while pending and pending[0] != kind:
                yield b',"' + pending.pop(0).encode() + b'":[]'
            pending.pop(0)
            yield b',"' + kind.encode() + b'":['
            current, first = kind, True
        yield body if first else b"," + body
        first = False
    if current is not None:
        yield b"]"
    for kind in pending:
        yield b',"' + kind.encode() + b'":[]'
    yield b"}"


async def as_ndjson(reader: Reader, release: ReleaseRef) -> AsyncIterator[bytes]:
    lines: list[bytes] = []
    async for kind, key, body in facts_at(reader, release.id):
        lines.append(orjson.dumps({"kind": kind, "id": key})[:-1] + b',"fact":' + body + b"}\n")
        if len(lines) >= BATCH:
            yield b"".join(lines)
            lines = []
    if lines:
        yield b"".join(lines)


class _Drain(io.RawIOBase):
    """A write-only stream whose bytes are taken out as they come (zipfile writes to it)."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += data
        return len(data)

    def take(self) -> bytes:
        data, self.buffer = bytes(self.buffer), bytearray()
        return data


def _csv_rows(kind: str, documents: list[bytes], header: bool) -> str:
    columns = CSV_COLUMNS[kind]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    if header:
        writer.writeheader()
    for document in documents:
        row: dict[str, str] = {}
        flatten(orjson.loads(document), "", row)
        writer.writerow(row)
    return text.getvalue()


async def as_csv_zip(reader: Reader, release: ReleaseRef) -> AsyncIterator[bytes]:
    sink = _Drain()
    archive = zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED)
    entries: dict[str, Any] = {}

    def write(kind: str, documents: list[bytes]) -> None:
        header = kind not in entries
        if header:
            entries[kind] = archive.open(f"{kind}.csv", mode="w", force_zip64=True)
        entries[kind].write(_csv_rows(kind, documents, header).encode("utf-8"))

    batch: list[bytes] = []
    current: str | None = None
    async for kind, _, body in facts_at(reader, release.id):
        if kind != current or len(batch) >= BATCH:
            if current is not None:
                write(current, batch)
                if kind != current:
                    entries[current].close()
            batch, current = [], kind
            yield sink.take()
        batch.append(body)
    if current is not None:
        write(current, batch)
        entries[current].close()
    for kind in KINDS:
        if kind not in entries:
            write(kind, [])
            entries[kind].close()
    archive.close()
    yield sink.take()


def _sqlite_schema(database: sqlite3.Connection) -> None:
    for kind, kind_columns in CSV_COLUMNS.items():
        columns = ", ".join(f'"{column}"' for column in kind_columns)
        database.execute(f'CREATE TABLE "{kind}" (_id TEXT PRIMARY KEY, {columns}, _json TEXT)')


def _sqlite_insert(database: sqlite3.Connection, facts: list[tuple[str, str, bytes]]) -> None:
    for kind, key, body in facts:
        row: dict[str, str] = {}
        flatten(orjson.loads(body), "", row)
        database.execute(
            SQLITE_INSERTS[kind], [key, *(row.get(c) for c in CSV_COLUMNS[kind]), body.decode()]
        )


async def sqlite_file(reader: Reader, release: ReleaseRef) -> Path:
    """The release as a SQLite file on disk, written in a worker thread a batch at a time."""
    handle, name = tempfile.mkstemp(prefix="milcap-export-", suffix=".sqlite")
    os.close(handle)
    path = Path(name)
    try:
        database = await asyncio.to_thread(sqlite3.connect, path, check_same_thread=False)
        try:
            await asyncio.to_thread(_sqlite_schema, database)
            batch: list[tuple[str, str, bytes]] = []
            async for fact in facts_at(reader, release.id):
                batch.append(fact)
                if len(batch) >= BATCH:
                    await asyncio.to_thread(_sqlite_insert, database, batch)
                    batch = []
            await asyncio.to_thread(_sqlite_insert, database, batch)
            await asyncio.to_thread(database.commit)
        finally:
            await asyncio.to_thread(database.close)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def file_chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes, a chunk at a time, and the file gone once they are sent."""
    try:
        with path.open("rb") as file:
            while chunk := file.read(CHUNK):
                yield chunk
    finally:
        path.unlink(missing_ok=True)


async def _gzipped(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """The stream gzipped as it goes: a chunk in, what the compressor gives back out."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    async for chunk in chunks:
        compressed = compressor.compress(chunk)
        if compressed:
            yield compressed
    yield compressor.flush()


async def export_response(
    request: Request,
    reader: Reader,
    release: ReleaseRef,
    format_: ExportFormat,
    headers: dict[str, str],
) -> Response:
    """The release in `format_`, streamed; a SQLite file is made first, then sent. Its ETag
    names the release and the format (a release's data never changes); text formats are
    gzipped for a client that accepts it, as they stream."""
    name = f"milcap-{release.version[:12]}.{SUFFIXES[format_]}"
    etag = f'W/"{release.version}.{format_}"'
    headers = headers | {
        "Content-Disposition": f'attachment; filename="{name}"',
        "ETag": etag,
        "Vary": "Accept-Encoding",
    }
    tags = [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]
    if etag in tags or etag.removeprefix("W/") in tags or "*" in tags:
        return Response(status_code=304, headers=headers)
    media_type = MEDIA_TYPES[format_]
    if format_ == "sqlite":
        path = await sqlite_file(reader, release)
        headers["Content-Length"] = str(path.stat().st_size)
        return StreamingResponse(file_chunks(path), media_type=media_type, headers=headers)
    streams = {"json": as_json, "ndjson": as_ndjson, "csv": as_csv_zip}
    body = streams[format_](reader, release)
    if format_ != "csv" and accepts_gzip(request.headers.get("accept-encoding", "")):
        body, headers["Content-Encoding"] = _gzipped(body), "gzip"
    return StreamingResponse(body, media_type=media_type, headers=headers)
