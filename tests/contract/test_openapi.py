"""The OpenAPI contract: every route typed, summarised, named cleanly, its errors documented."""

from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app

API_PATHS = {
    "/countries",
    "/countries/{code}",
    "/countries/{code}/inventory",
    "/countries/{code}/agreements",
    "/countries/{code}/transfers",
    "/countries/{code}/timeline",
    "/equipment",
    "/equipment/{slug}",
    "/agreements",
    "/agreements/{agreement_id}",
    "/transfers",
    "/sources",
    "/sources/{source_id}",
    "/categories",
    "/people",
    "/people/{slug}",
    "/events",
    "/events/{event_id}",
    "/places",
    "/places/{slug}",
    "/relations",
    "/indicators",
    "/indicators/names",
    "/search",
    "/meta",
    "/healthz",
    "/export",
}


@pytest.fixture(scope="module")
def openapi(api_settings: Settings) -> dict[str, Any]:
    with TestClient(create_app(api_settings)) as client:
        document: dict[str, Any] = client.get("/openapi.json").json()
        return document


def api_routes(api_settings: Settings) -> list[APIRoute]:
    app = create_app(api_settings)
    return [r for r in app.routes if isinstance(r, APIRoute) and r.include_in_schema]


def test_every_contract_endpoint_is_served(openapi: dict[str, Any]) -> None:
    assert set(openapi["paths"]) >= API_PATHS


def test_every_route_declares_a_response_model_and_a_summary(api_settings: Settings) -> None:
    for route in api_routes(api_settings):
        assert route.response_model is not None, route.path
        assert route.description or route.endpoint.__doc__, route.path


def test_operation_ids_are_the_function_names(openapi: dict[str, Any]) -> None:
    ids = [op["operationId"] for path in openapi["paths"].values() for op in path.values()]
    assert "get_country_inventory" in ids
    assert len(ids) == len(set(ids))
    assert all("__" not in operation_id for operation_id in ids)


def test_lists_are_pages_with_bounded_limit_and_csv(openapi: dict[str, Any]) -> None:
    for path, item in openapi["paths"].items():
        operation = item["get"]
        schema_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]
        if not schema_ref.get("$ref", "").split("/")[-1].startswith("Page_"):
            continue
        params = {p["name"]: p for p in operation["parameters"]}
        assert params["limit"]["schema"]["maximum"] == 500, path
        assert "offset" in params, path
        assert "format" in params, path
        assert "text/csv" in operation["responses"]["200"]["content"], path


def test_errors_are_documented_as_problem_documents(openapi: dict[str, Any]) -> None:
    for path, item in openapi["paths"].items():
        operation = item["get"]
        has_parameters = bool(operation.get("parameters"))
        errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
        if "{" in path:
            assert "404" in errors, path
        if has_parameters:
            assert errors, path
        for code in errors:
            assert "application/problem+json" in operation["responses"][code]["content"], path


def test_every_parameter_is_described(openapi: dict[str, Any]) -> None:
    for path, item in openapi["paths"].items():
        for parameter in item["get"].get("parameters", []):
            assert parameter.get("description"), (path, parameter["name"])


def test_parameter_examples_name_served_data(
    openapi: dict[str, Any], api_settings: Settings
) -> None:
    """Each example in the reference works: its path answers, each query example finds items."""
    with TestClient(create_app(api_settings)) as client:
        # A release's version is a hash of the data: no document can name one in advance.
        loaded = {"version": client.get("/releases").json()["items"][0]["version"]}
        for template, item in openapi["paths"].items():
            parameters = item["get"].get("parameters", [])
            examples = {p["name"]: p["schema"].get("examples", [None])[0] for p in parameters}
            examples |= {
                name: loaded[name] for name in examples if examples[name] is None and name in loaded
            }
            path = template
            for parameter in parameters:
                if parameter["in"] == "path":
                    path = path.replace(f"{{{parameter['name']}}}", examples[parameter["name"]])
            required = {
                p["name"]: examples[p["name"]] or loaded["version"]
                for p in parameters
                if p["in"] == "query" and p.get("required")
            }
            response = client.get(path, params=required)
            assert response.status_code == 200, (path, response.text)
            for parameter in parameters:
                example = examples[parameter["name"]]
                if parameter["in"] != "query" or example is None or parameter.get("required"):
                    continue
                # A list parameter is one comma-separated value (style form, explode false).
                if isinstance(example, list):
                    assert parameter["explode"] is False, (path, parameter["name"])
                    example = ",".join(map(str, example))
                response = client.get(path, params=required | {parameter["name"]: example})
                assert response.status_code == 200, (path, parameter["name"], response.text)
                assert response.json()["items"], (path, parameter["name"])


def test_the_inventory_example_is_an_entry_the_api_serves(
    openapi: dict[str, Any], api_settings: Settings
) -> None:
    (example,) = openapi["components"]["schemas"]["InventoryEntryOut"]["examples"]
    with TestClient(create_app(api_settings)) as client:
        served = client.get("/countries/KZ/inventory", params={"category": "tanks"}).json()
    (entry,) = [item for item in served["items"] if item["id"] == example["id"]]
    assert set(example) == set(entry)
    assert {k: v for k, v in example.items() if v != entry[k]} == {}


def test_each_error_example_is_a_document_of_its_own_status(openapi: dict[str, Any]) -> None:
    for path, item in openapi["paths"].items():
        for status, response in item["get"]["responses"].items():
            if not status.startswith(("4", "5")):
                continue
            assert list(response["content"]) == ["application/problem+json"], (path, status)
            example = response["content"]["application/problem+json"].get("example")
            if example is not None:
                assert example["status"] == int(status), (path, status)
                assert example["type"].endswith(("not-found", "invalid-parameter", "unavailable"))


def test_optional_parameters_are_their_type_and_lists_are_comma_separated(
    openapi: dict[str, Any],
) -> None:
    for path, item in openapi["paths"].items():
        for parameter in item["get"].get("parameters", []):
            schema = parameter["schema"]
            assert "anyOf" not in schema, (path, parameter["name"])  # no `string | null`
            if schema.get("type") == "array":
                assert (parameter["style"], parameter["explode"]) == ("form", False)
                assert schema["minItems"] == 1


def test_each_operation_is_under_one_tag(openapi: dict[str, Any]) -> None:
    for path, item in openapi["paths"].items():
        assert len(item["get"]["tags"]) == 1, path
