"""Rendering: a payload becomes JSON (orjson) or CSV, chosen by `?format=` or the Accept header."""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal, get_args, get_origin

import orjson
from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

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


def flatten(value: Any, prefix: str, row: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            flatten(inner, f"{prefix}.{key}" if prefix else key, row)
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


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds one of (`EquipmentRef | None`), not a list of."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, tuple, set):
        return None
    for argument in get_args(annotation):
        nested = _nested_model(argument)
        if nested is not None:
            return nested
    return None


def csv_columns(model: type[BaseModel], fields: Sequence[str] = (), prefix: str = "") -> list[str]:
    """The CSV columns of a model, fixed by its schema whatever the rows hold: a nested object
    as dotted columns (`equipment.slug`), a list as one; only `fields` (in their order), if
    given."""
    columns: dict[str, list[str]] = {}
    for name, field in model.model_fields.items():
        nested = _nested_model(field.annotation)
        columns[name] = (
            csv_columns(nested, prefix=f"{prefix}{name}.") if nested else [prefix + name]
        )
    return [column for name in (fields or columns) for column in columns[name]]


def to_csv(items: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> bytes:
    """One row per item; nested objects as dotted columns, lists joined, citations quoted.
    With `columns`, exactly those, a header even for no row; else the columns the rows have."""
    rows: list[dict[str, str]] = []
    found: dict[str, None] = {}
    for item in items:
        row: dict[str, str] = {}
        flatten(item, "", row)
        found.update(dict.fromkeys(row))
        rows.append(row)
    fieldnames: list[str] = list(columns) if columns is not None else []
    # A null object leaves a bare column where its non-null peers have dotted ones:
    # the dotted columns take its place.
    for column in found if columns is None else ():
        children = [c for c in found if c.startswith(column + ".")]
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


def csv_response(
    items: Iterable[dict[str, Any]],
    headers: Mapping[str, str],
    columns: Sequence[str] | None = None,
) -> Response:
    return Response(
        to_csv(items, columns), media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8", headers=headers
    )


def item_route(model: type) -> dict[str, Any]:
    """The decorator arguments of a route that serves one resource by its key."""
    return {"response_model": model, "responses": problem_responses(404, 422)}


def json_or_404(payload: Mapping[str, Any] | None, missing: str) -> Response:
    """One resource as JSON; None is a 404 saying `missing`."""
    if payload is None:
        raise NotFound(missing)
    return json_response(payload)
