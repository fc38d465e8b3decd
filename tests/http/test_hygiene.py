"""HTTP hygiene through the real app: security headers on every response, HEAD wherever GET
works, `Accept-Encoding` weights honoured, no redirect built from `Host`, /metrics behind a
token when one is set."""

import gzip
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.core.caching import accepts_gzip
from app.core.config import Settings
from app.main import create_app
from tests.problems import assert_problem

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}
# What each kind of response is: a JSON document, a list, CSV, a problem, a 304, the service
# routes, the docs page and its assets.
ANSWERS = (
    ("/countries/KZ/inventory", 200),
    ("/countries?format=csv", 200),
    ("/countries/XX", 404),
    ("/nothing", 404),
    ("/countries?limit=0", 422),
    ("/healthz", 200),
    ("/readyz", 200),
    ("/metrics", 200),
    ("/openapi.json", 200),
    ("/docs", 200),
    ("/docs/assets/swagger-ui.css", 200),
)
TOKEN = "correct-horse-battery-staple"


@pytest.mark.parametrize(("path", "status"), ANSWERS)
def test_every_response_carries_the_security_headers(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert {name: response.headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_a_304_and_a_405_carry_them_too(client: TestClient) -> None:
    etag = client.get("/countries").headers["etag"]
    not_modified = client.get("/countries", headers={"If-None-Match": etag})
    refused = client.post("/countries")
    for response, status in ((not_modified, 304), (refused, 405)):
        assert response.status_code == status
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_docs_page_keeps_its_own_policy_and_may_not_be_framed(client: TestClient) -> None:
    policy = client.get("/docs").headers.get_list("content-security-policy")
    assert len(policy) == 1
    assert "default-src 'self'" in policy[0]
    assert "frame-ancestors 'none'" in policy[0]


@pytest.mark.parametrize(
    "path",
    [
        "/healthz",
        "/readyz",
        "/metrics",
        "/countries/KZ",
        "/countries/KZ/inventory?format=csv",
        "/openapi.json",
        "/docs",
        "/docs/assets/favicon.png",
    ],
)
def test_head_answers_wherever_get_does_with_the_gets_headers(
    client: TestClient, path: str
) -> None:
    get = client.get(path, headers={"Accept-Encoding": "identity"})
    head = client.head(path, headers={"Accept-Encoding": "identity"})
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    if path != "/metrics":  # the metrics change with every request, so does their length
        assert head.headers["content-length"] == str(len(get.content))
    assert head.headers["x-content-type-options"] == "nosniff"


def test_head_of_an_unknown_path_is_a_404_without_a_body(client: TestClient) -> None:
    head = client.head("/nothing")
    assert head.status_code == 404
    assert head.content == b""
    assert client.get("/nothing").json()["status"] == 404


@pytest.mark.parametrize(
    ("accept_encoding", "gzipped"),
    [
        ("gzip", True),
        ("GZIP", True),
        ("gzip, deflate, br", True),
        ("gzip;q=0.5, identity", True),
        ("x-gzip", True),
        ("*", True),
        ("gzip;q=0", False),
        ("gzip; q=0.000", False),
        ("br, gzip;q=0", False),
        ("*;q=0", False),
        ("*, gzip;q=0", False),
        ("identity", False),
        ("br", False),
        ("", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_accept_encoding_weights_decide_gzip(accept_encoding: str, gzipped: bool) -> None:
    assert accepts_gzip(accept_encoding) is gzipped


def test_gzip_refused_with_q_0_is_not_sent(client: TestClient) -> None:
    refused = client.get("/export", headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers
    assert refused.json()["dataset_version"]
    accepted = client.get("/export", headers={"Accept-Encoding": "gzip;q=0.8"})
    assert accepted.headers["content-encoding"] == "gzip"
    assert len(gzip.compress(refused.content)) < len(refused.content)


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        ("/countries/", "No resource at /countries/; the path without the slash is /countries"),
        (
            "/countries/KZ/inventory/",
            "No resource at /countries/KZ/inventory/; "
            "the path without the slash is /countries/KZ/inventory",
        ),
        ("/countries//", "No resource at /countries//; the path without the slash is /countries"),
        ("/tanks/", "No resource at /tanks/; see /docs for the API's routes"),
    ],
)
def test_a_trailing_slash_is_a_404_problem_never_a_redirect_to_the_host_header(
    client: TestClient, path: str, detail: str
) -> None:
    response = client.get(path, headers={"Host": "evil.example"}, follow_redirects=False)
    body = assert_problem(response, 404)
    assert body["detail"] == detail
    assert "location" not in response.headers
    assert "evil.example" not in response.text


def test_a_protocol_relative_path_is_not_redirected_anywhere(client: TestClient) -> None:
    response = client.get("//evil.example/", follow_redirects=False)
    assert_problem(response, 404)
    assert "location" not in response.headers


def test_metrics_are_open_when_no_token_is_set(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 200


@pytest.fixture(scope="module")
def guarded(api_settings: Settings) -> Iterator[TestClient]:
    settings = api_settings.model_copy(update={"metrics_token": SecretStr(TOKEN)})
    # One event loop for the client's life, closed with its pool, as a server runs.
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer wrong", f"Bearer {TOKEN}x", f"Basic {TOKEN}", TOKEN],
)
def test_metrics_without_the_token_are_a_401_problem(
    guarded: TestClient, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = guarded.get("/metrics", headers=headers)
    body = assert_problem(response, 401)
    assert body["detail"] == "The metrics need `Authorization: Bearer <METRICS_TOKEN>`"
    assert response.headers["www-authenticate"] == 'Bearer realm="metrics"'
    assert TOKEN not in response.text
    assert "milcap_http_requests" not in response.text
    assert guarded.head("/metrics", headers=headers).status_code == 401


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_metrics_with_the_token_are_served(guarded: TestClient, scheme: str) -> None:
    guarded.get("/countries")
    response = guarded.get("/metrics", headers={"Authorization": f"{scheme} {TOKEN}"})
    assert response.status_code == 200
    assert "milcap_http_requests_total" in response.text
    # Everything else stays open.
    assert guarded.get("/healthz").status_code == 200


def test_an_empty_metrics_token_leaves_metrics_open() -> None:
    assert Settings(metrics_token="").metrics_token is None  # type: ignore[arg-type]
