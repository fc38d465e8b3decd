"""The OpenAPI document, made to say what the API does where FastAPI's default says less:

- an optional parameter is its type, not `anyOf [type, null]` (Swagger UI would render
  `string | (string | null)`, and no client can send a null in a query string);
- a list parameter is one comma-separated value (`style: form, explode: false`), as the API
  reads it, not the repeated parameter (`?c=KZ&c=UZ`) that OpenAPI assumes by default;
- a list's items may be cut down to the fields `fields=` names: each item is its model, or
  that model with every field optional;
- an error's example is a document of its own status.
"""

import re
from collections.abc import Iterable
from copy import deepcopy
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from app.core.schemas import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE

JSON = "application/json"
REF_PREFIX = "#/components/schemas/"
# What each documented error says, as the API words it.
PROBLEM_EXAMPLES: dict[int, tuple[str, str, dict[str, Any]]] = {
    404: ("not-found", "", {}),
    422: (
        "invalid-parameter",
        "query.limit: Input should be less than or equal to 500",
        {
            "invalid_params": [
                {"name": "query.limit", "reason": "Input should be less than or equal to 500"}
            ]
        },
    ),
    503: (
        "service-unavailable",
        "The database did not answer in time; try again shortly",
        {},
    ),
}


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """`anyOf [X, null]` as X, keeping the annotations beside it."""
    options = schema.get("anyOf")
    if not isinstance(options, list):
        return schema
    kept = [option for option in options if option.get("type") != "null"]
    if len(kept) != 1 or len(kept) == len(options):
        return schema
    return {**{k: v for k, v in schema.items() if k != "anyOf"}, **kept[0]}


def _query_parameter(parameter: dict[str, Any]) -> None:
    schema = parameter["schema"] = _without_null(parameter["schema"])
    if schema.get("type") == "array":
        parameter["style"], parameter["explode"] = "form", False
    if "examples" in schema:
        parameter["example"] = schema["examples"][0]


def _partial_items(document: dict[str, Any], operation: dict[str, Any]) -> None:
    """A list with `fields=`: its page's items are the model or the model in part."""
    content = operation["responses"].get("200", {}).get("content", {}).get(JSON, {})
    page_name = content.get("schema", {}).get("$ref", "").removeprefix(REF_PREFIX)
    schemas = document["components"]["schemas"]
    page = schemas.get(page_name)
    if page is None:
        return
    items = page["properties"]["items"]["items"]
    item_ref = items.get("$ref") or items["anyOf"][0]["$ref"]
    item_name = item_ref.removeprefix(REF_PREFIX)
    partial_name = f"{item_name}Fields"
    if partial_name not in schemas:
        partial = deepcopy(schemas[item_name])
        partial.pop("required", None)
        partial["title"] = f"{schemas[item_name].get('title', item_name)}, chosen fields"
        partial["description"] = "The fields `fields=` asked for, in the order asked."
        schemas[partial_name] = partial
    page["properties"]["items"]["items"] = {
        "anyOf": [{"$ref": item_ref}, {"$ref": REF_PREFIX + partial_name}]
    }


def _not_found(path: str) -> str:
    if path.startswith("/countries/{code}"):
        return "No country with code 'XX'; use an ISO 3166-1 alpha-2 or alpha-3 code"
    listing = "/" + path.strip("/").split("/")[0]
    return f"Nothing with the id 'XX'; see {listing} for what the dataset holds"


def _problem_examples(operation: dict[str, Any], path: str) -> None:
    for status, response in operation["responses"].items():
        if not status.isdigit() or int(status) < 400:
            continue
        content = response.get("content", {})
        content.pop(JSON, None)  # an error is only ever application/problem+json
        slug, detail, extra = PROBLEM_EXAMPLES.get(int(status), ("", "", {}))
        if int(status) == 404:
            detail = _not_found(path)
        if PROBLEM_MEDIA_TYPE in content and slug:
            content[PROBLEM_MEDIA_TYPE]["example"] = {
                "type": PROBLEM_TYPE_BASE + slug,
                "title": HTTPStatus(int(status)).phrase,
                "status": int(status),
                "detail": detail,
                "instance": re.sub(r"\{[^}]+\}", "XX", path),
                **extra,
            }


def refine(document: dict[str, Any]) -> dict[str, Any]:
    for path, operations in document["paths"].items():
        for operation in operations.values():
            names = set()
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    _query_parameter(parameter)
                    names.add(parameter["name"])
            if "fields" in names:
                _partial_items(document, operation)
            _problem_examples(operation, path)
    return document


def install_openapi(app: FastAPI, examples_of: Iterable[type[BaseModel]] = ()) -> None:
    """The app's document, refined; `examples_of` are models whose examples are whole
    resources, put back as they are (FastAPI drops every null from the document, and a null
    in an example says as much as a value: `equipment: null` is a category total)."""
    default = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = refine(default())
            schemas = document["components"]["schemas"]
            for model in examples_of:
                schemas[model.__name__]["examples"] = model.model_json_schema()["examples"]
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
