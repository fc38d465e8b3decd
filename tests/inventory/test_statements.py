"""No N+1: the number of SQL statements per response does not grow with the rows served."""

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.reader import Reader
from app.main import create_app

LISTS = (
    "/countries/KZ/inventory",
    "/countries/KZ/agreements",
    "/countries/KZ/transfers",
    "/agreements",
    "/transfers",
    "/equipment",
    "/organizations",
    "/countries",
    "/search?q=Kazakhstan",
    "/people",
    "/events",
    "/events?country=KZ",
    "/places",
    "/relations",
    "/countries/KZ/timeline",
    "/indicators",
    "/indicators/names",
)


def statements(client: TestClient, path: str) -> int:
    reader: Reader = client.app.state.reader  # type: ignore[attr-defined]
    before = reader.statements
    assert client.get(path).status_code == 200
    return reader.statements - before


@pytest.mark.parametrize("path", LISTS)
def test_statements_per_list_do_not_depend_on_the_page_size(
    api_settings: Settings, path: str
) -> None:
    uncached = api_settings.model_copy(update={"response_cache": False})
    with TestClient(create_app(uncached)) as client:
        separator = "&" if "?" in path else "?"
        client.get(path)  # the country directory is read once per release, here
        one = statements(client, f"{path}{separator}limit=1")
        many = statements(client, f"{path}{separator}limit=500")
        assert client.get(f"{path}{separator}limit=500").json()["total"] > 1
        # The release read before the first statement and again after the last (the ETag
        # names the data's release), the page, its count when the page is full, and at most
        # three statements completing the items (parties, ratification steps, citations;
        # participants, places, citations...); a bigger page never costs more.
        assert many <= one <= 7


def test_cached_responses_run_no_statement_at_all(client: TestClient) -> None:
    client.get("/countries/KZ/inventory")
    assert statements(client, "/countries/KZ/inventory") == 0
