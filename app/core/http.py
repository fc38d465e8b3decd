"""Rendering: a payload becomes JSON (orjson) or CSV, chosen by `?format=` or the Accept header."""

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal

import orjson
from fastapi import Query, Request
from fastapi.responses import Response

from app.core.errors import NotFound, problem_responses

JSON_MEDIA_TYPE = "application/json"
CSV_MEDIA_TYPE = "text/csv"
Format = Literal["json", "csv"]
FormatQuery = Annotated[
    Format | None,
    Query(
        alias="format",
        description="Output format; `csv` gives one row per item. "
        "Also chosen by `Accept: text/csv`.",
    ),
]

# Documents the CSV alternative of a list route's 200 response.
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {CSV_MEDIA_TYPE: {"schema": {"type": "string"}}}}
}


def wants_csv(request: Request, format_: Format | None) -> bool:
    if format_ is not None:
        return format_ == "csv"
    accept = request.headers.get("accept", "")
    return CSV_MEDIA_TYPE in accept and JSON_MEDIA_TYPE not in accept


def json_response(payload: Mapping[str, Any], headers: Mapping[str, str] | None = None) -> Response:
    """Serialized once, by orjson; the queries shape items in their response model's order."""
    return Response(orjson.dumps(payload), media_type=JSON_MEDIA_TYPE, headers=headers)


def _nested(value: Any) -> bool:
    return isinstance(value, dict | list)


def _flatten(value: Any, prefix: str, row: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}.{key}" if prefix else key, row)
    elif isinstance(value, list):
        if prefix.endswith("citations"):
            row[prefix] = " | ".join(
                f"{c.get('source_id')}: “{c.get('quote')}”"
                + (f" (attributed to {c['attributed_to']})" if c.get("attributed_to") else "")
                for c in value
            )
        elif all(isinstance(item, dict) for item in value):
            # One cell per list: each item's own values; what nests deeper (a role's
            # citations) stays in the JSON.
            row[prefix] = "; ".join(
                ", ".join(f"{k}={v}" for k, v in item.items() if v is not None and not _nested(v))
                for item in value
            )
        else:
            row[prefix] = "; ".join(str(item) for item in value)
    else:
        row[prefix] = "" if value is None else str(value)


def to_csv(items: Iterable[dict[str, Any]]) -> bytes:
    """One row per item; nested objects as dotted columns, lists joined, citations quoted."""
    rows: list[dict[str, str]] = []
    columns: dict[str, None] = {}
    for item in items:
        row: dict[str, str] = {}
        _flatten(item, "", row)
        columns.update(dict.fromkeys(row))
        rows.append(row)
    # A null object leaves a bare column where its non-null peers have dotted ones:
    # the dotted columns take its place.
    fieldnames: list[str] = []
    for column in columns:
        children = [c for c in columns if c.startswith(column + ".")]
        for name in children or [column]:
            if name not in fieldnames:
                fieldnames.append(name)
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=fieldnames, lineterminator="\r\n", extrasaction="ignore"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_response(items: Iterable[dict[str, Any]], headers: Mapping[str, str]) -> Response:
    return Response(to_csv(items), media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8", headers=headers)


def item_route(model: type) -> dict[str, Any]:
    """The decorator arguments of a route that serves one resource by its key."""
    return {"response_model": model, "responses": problem_responses(404, 422)}


def json_or_404(payload: Mapping[str, Any] | None, missing: str) -> Response:
    """One resource as JSON; None is a 404 saying `missing`."""
    if payload is None:
        raise NotFound(missing)
    return json_response(payload)
