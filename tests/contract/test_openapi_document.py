"""The OpenAPI document itself is valid OpenAPI (openapi-spec-validator)."""

from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from app.core.config import Settings
from app.main import create_app


def test_openapi_document_validates(api_settings: Settings) -> None:
    with TestClient(create_app(api_settings)) as client:
        document = client.get("/openapi.json").json()
    validate(document)  # raises on any violation
    assert document["openapi"].startswith("3.")
