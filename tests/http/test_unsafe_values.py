"""Values no text column can hold (a NUL, bytes that are not UTF-8) are the client's error: a
422 problem naming where they are, answered before routing, on either engine."""

import pytest
from fastapi.testclient import TestClient

from tests.problems import assert_problem

# (URL, the invalid parameter's name, a word of its reason)
UNSAFE = (
    ("/search?q=%00", "query.q", "NUL"),
    ("/search?q=tank%00s&kind=equipment", "query.q", "NUL"),
    ("/countries?subregion=Central%00Asia", "query.subregion", "NUL"),
    ("/countries/K%00Z", "path", "NUL"),
    ("/countries/KZ/inventory%00", "path", "NUL"),
    ("/nothing%00", "path", "NUL"),  # answered before routing: not a 404
    ("/countries?li%00mit=1", "query.li%00mit", "NUL"),
    ("/search?q=%ED%A0%80", "query.q", "surrogate"),
    ("/search?q=%FF", "query.q", "UTF-8"),
    ("/countries?subregion=Asia%C3", "query.subregion", "UTF-8"),
    ("/countries/%FF", "path", "UTF-8"),
)


@pytest.mark.parametrize(("url", "name", "reason"), UNSAFE)
def test_an_unsafe_value_is_a_422_problem_naming_it(
    client: TestClient, url: str, name: str, reason: str
) -> None:
    response = client.get(url)
    body = assert_problem(response, 422)
    assert body["type"].endswith("/invalid-parameter")
    assert [param["name"] for param in body["invalid_params"]] == [name]
    assert reason in body["invalid_params"][0]["reason"]
    assert name in body["detail"]
    assert "\x00" not in response.text  # the problem shows the value percent-encoded, if at all
    assert body["instance"] == url.partition("?")[0]


def test_every_unsafe_parameter_is_named(client: TestClient) -> None:
    body = assert_problem(client.get("/search?q=%00&kind=%FF&limit=5"), 422)
    assert [param["name"] for param in body["invalid_params"]] == ["query.q", "query.kind"]


def test_the_422_carries_what_every_response_does(client: TestClient) -> None:
    response = client.get("/countries/K%00Z", headers={"X-Request-ID": "unsafe-1"})
    assert response.headers["x-request-id"] == "unsafe-1"
    assert response.headers["x-content-type-options"] == "nosniff"
    head = client.head("/countries/K%00Z")
    assert head.status_code == 422
    assert head.content == b""


SAFE = (
    "/search?q=Qazaqstan%C3%A9",
    "/search?q=%D0%9A%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD",
    "/search?q=tank+s",
    "/countries?subregion=Central%20Asia",
    "/countries/KZ",
)


@pytest.mark.parametrize("url", SAFE)
def test_text_that_is_not_ascii_still_works(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
