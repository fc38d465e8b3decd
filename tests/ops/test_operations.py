"""Operations: readiness reflects the database and its schema; metrics by route template."""

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.core.migrations import downgrade, upgrade
from app.main import create_app
from tests.conftest import Databases
from tests.problems import assert_problem


def test_readyz_is_ready_at_the_newest_migration(client: TestClient) -> None:
    body = client.get("/readyz").json()
    assert body["status"] == "ready"
    assert body["schema_revision"] == client.app.state.schema_head  # type: ignore[attr-defined]


def test_readyz_is_a_503_problem_behind_the_newest_migration(databases: Databases) -> None:
    url = databases.new_url()
    upgrade(url, "0001")
    with TestClient(create_app(Settings(database_url=url))) as client:
        body = assert_problem(client.get("/readyz"), 503)
        assert "milcap migrate" in body["detail"]
        assert client.get("/healthz").status_code == 200


def test_readyz_is_a_503_problem_when_the_database_is_gone(empty_engine: Engine) -> None:
    url = empty_engine.url.render_as_string(hide_password=False)
    downgrade(url, "base")
    with TestClient(create_app(Settings(database_url=url))) as client:
        assert_problem(client.get("/readyz"), 503)


def test_metrics_count_requests_by_route_template(api_settings: Settings) -> None:
    with TestClient(create_app(api_settings)) as client:
        for code in ("KZ", "UZ", "KZ"):
            client.get(f"/countries/{code}/inventory")
        client.get("/countries/XX")
        text = client.get("/metrics").text
    inventory = 'method="GET",route="/countries/{code}/inventory",status="200"'
    assert f"milcap_http_requests_total{{{inventory}}} 3.0" in text
    assert 'route="/countries/{code}",status="404"' in text
    assert "milcap_http_request_duration_seconds_bucket" in text
