"""HTTP behaviour every route shares: ETag and 304, gzip, errors, request ids, CORS."""

import gzip

import psycopg
import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.migrations import upgrade
from app.main import create_app
from tests.conftest import POSTGRES_URL, Databases, require_postgres
from tests.problems import assert_problem

ROUTES = (
    "/countries",
    "/countries/KZ",
    "/countries/KZ/inventory",
    "/countries/KZ/agreements",
    "/countries/KZ/transfers",
    "/equipment",
    "/equipment/mig-29",
    "/agreements",
    "/transfers",
    "/sources",
    "/categories",
    "/organizations",
    "/search?q=tanks",
    "/meta",
    "/export",
)


@pytest.mark.parametrize("path", ROUTES)
def test_every_get_has_an_etag_and_answers_304_when_it_matches(
    client: TestClient, path: str
) -> None:
    first = client.get(path)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public")
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_etag_carries_the_dataset_version(client: TestClient) -> None:
    version = client.get("/meta").json()["dataset_version"]
    assert client.get("/countries/KZ/inventory").headers["etag"].startswith(f'"{version[:12]}-')


def test_csv_and_json_of_one_url_have_different_etags(client: TestClient) -> None:
    json_etag = client.get("/countries/KZ/inventory").headers["etag"]
    csv = client.get("/countries/KZ/inventory", headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.headers["etag"] != json_etag


def test_large_bodies_are_gzipped_when_the_client_accepts_it(client: TestClient) -> None:
    response = client.get("/export", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["dataset_version"]  # httpx decodes it
    plain = client.get("/export", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert len(gzip.compress(plain.content)) < len(plain.content)


def test_unknown_route_and_wrong_method_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/tanks"), 404)
    body = assert_problem(client.post("/countries"), 405)
    assert "POST" in body["detail"]
    assert_problem(client.delete("/countries/KZ"), 405)


def test_every_response_has_a_request_id_and_a_plain_client_id_is_kept(
    client: TestClient,
) -> None:
    generated = client.get("/countries/KZ").headers["x-request-id"]
    assert len(generated) == 32
    assert client.get("/nothing").headers["x-request-id"]
    kept = client.get("/countries/KZ", headers={"X-Request-ID": "abc-123"})
    assert kept.headers["x-request-id"] == "abc-123"
    replaced = client.get("/countries/KZ", headers={"X-Request-ID": "bad id\twith spaces"})
    assert replaced.headers["x-request-id"] != "bad id\twith spaces"


def test_cors_origins_come_from_settings(api_settings: Settings) -> None:
    settings = api_settings.model_copy(update={"cors_origins": ["https://analyst.example"]})
    with TestClient(create_app(settings)) as client:
        allowed = client.get("/countries", headers={"Origin": "https://analyst.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
        other = client.get("/countries", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_an_unreachable_database_is_a_503_problem_not_a_500(tmp_path: object) -> None:
    settings = Settings(database_url="postgresql://nobody@127.0.0.1:1/nothing")
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").status_code == 200
        assert_problem(client.get("/countries/KZ/inventory"), 503)
        assert_problem(client.get("/countries"), 503)


def test_a_head_request_does_not_empty_the_cached_get(client: TestClient) -> None:
    head = client.head("/countries/KZ/inventory")
    assert head.status_code == 200
    assert head.content == b""
    get = client.get("/countries/KZ/inventory")
    assert get.json()["total"] > 0


def test_a_dropped_database_connection_costs_at_most_one_503(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """PostgreSQL only: the server drops the pool's connections (a restart, a failover)."""
    require_postgres()
    postgres = Databases("postgresql", tmp_path_factory)
    url = postgres.new_url()
    try:
        upgrade(url)
        with TestClient(create_app(Settings(database_url=url))) as client:
            assert client.get("/categories", params={"offset": 1}).status_code == 200
            with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    (url.rsplit("/", 1)[1],),
                )
            statuses = [
                client.get("/categories", params={"offset": n}).status_code for n in range(2, 6)
            ]
        assert statuses.count(503) <= 1
        assert statuses[-1] == 200
    finally:
        postgres.drop_all()
