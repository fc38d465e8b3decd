"""Retries, backoff and error mapping, on answers scripted with httpx.MockTransport."""

import asyncio
import time

import httpx
import pytest

from app.client import (
    AsyncMilcapClient,
    MilcapClient,
    MilcapError,
    NotFound,
    RetryPolicy,
    ServerError,
    ServiceUnavailable,
    UnexpectedResponse,
    Unreachable,
)
from app.core.schemas import Page
from app.countries.schemas import CountryOut
from app.meta.schemas import Health

BASE = "http://milcap.test"


def healthy() -> httpx.Response:
    return httpx.Response(200, json={"status": "ok"})


def unavailable() -> httpx.Response:
    problem = {
        "type": "https://milcap.example/problems/service-unavailable",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "The database is unreachable",
    }
    return httpx.Response(503, headers={"content-type": "application/problem+json"}, json=problem)


Answer = httpx.Response | Exception


class Script:
    """Answers requests in order, and keeps each request."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


@pytest.fixture
def slept(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the clients wait, recorded instead of slept."""
    delays: list[float] = []

    async def async_sleep(delay: float) -> None:
        delays.append(delay)

    monkeypatch.setattr(time, "sleep", delays.append)
    monkeypatch.setattr(asyncio, "sleep", async_sleep)
    return delays


def client(script: Script, retry: RetryPolicy = RetryPolicy()) -> MilcapClient:
    return MilcapClient(BASE, retry=retry, transport=httpx.MockTransport(script))


def refused() -> httpx.ConnectError:
    return httpx.ConnectError("[Errno 111] Connection refused")


def test_503_is_retried_with_exponential_backoff(slept: list[float]) -> None:
    script = Script(unavailable(), unavailable(), healthy())
    assert client(script).health().status == "ok"
    assert len(script.requests) == 3
    assert slept == [0.5, 1.0]


@pytest.mark.parametrize("status", [502, 504])
def test_gateway_errors_are_retried(slept: list[float], status: int) -> None:
    script = Script(httpx.Response(status, text="<html>Bad gateway</html>"), healthy())
    assert client(script).health().status == "ok"
    assert len(slept) == 1


def test_connection_errors_are_retried(slept: list[float]) -> None:
    script = Script(refused(), httpx.RemoteProtocolError("server hung up"), healthy())
    assert client(script).health().status == "ok"
    assert slept == [0.5, 1.0]


def test_lasting_503_ends_in_service_unavailable_with_its_problem(slept: list[float]) -> None:
    script = Script(unavailable(), unavailable(), unavailable(), unavailable())
    with pytest.raises(ServiceUnavailable) as caught:
        client(script, RetryPolicy(retries=3, backoff=0.1)).health()
    assert len(script.requests) == 4
    assert slept == [0.1, 0.2, 0.4]
    assert (caught.value.status, caught.value.detail) == (503, "The database is unreachable")
    assert isinstance(caught.value, ServerError)


def test_lasting_connection_failure_ends_in_unreachable(slept: list[float]) -> None:
    script = Script(refused(), refused(), refused())
    with pytest.raises(Unreachable, match=r"cannot reach the milcap API at http://milcap\.test"):
        client(script).health()
    assert len(script.requests) == 3


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (httpx.Response(500, text="boom"), ServerError),
        (httpx.Response(404, json={"detail": "not a problem document"}), NotFound),
        (httpx.ReadTimeout("slow"), Unreachable),
    ],
)
def test_other_failures_are_not_retried(
    slept: list[float], answer: Answer, error: type[MilcapError]
) -> None:
    script = Script(answer)
    with pytest.raises(error):
        client(script).health()
    assert len(script.requests) == 1
    assert slept == []


def test_retry_after_is_honoured_within_the_cap(slept: list[float]) -> None:
    busy = httpx.Response(503, headers={"Retry-After": "3"})
    too_busy = httpx.Response(503, headers={"Retry-After": "3600"})
    script = Script(busy, too_busy, healthy())
    client(script, RetryPolicy(retries=2, backoff=0.5, max_backoff=10)).health()
    assert slept == [3.0, 10.0]


def test_backoff_doubles_up_to_its_cap() -> None:
    policy = RetryPolicy(retries=6, backoff=1, max_backoff=5)
    assert [policy.delay(n) for n in range(5)] == [1, 2, 4, 5, 5]


def test_an_error_that_is_not_a_problem_document_keeps_an_excerpt_of_its_body() -> None:
    page = "<html><body>" + "Bad gateway " * 50 + "</body></html>"
    script = Script(httpx.Response(502, text=page))
    with pytest.raises(ServerError) as caught:
        client(script, RetryPolicy(retries=0)).health()
    message = str(caught.value)
    assert message.startswith("502 Bad Gateway from http://milcap.test/healthz: <html>")
    assert len(message) < 300
    assert caught.value.problem is None


def test_a_200_that_is_not_the_model_is_an_unexpected_response() -> None:
    script = Script(httpx.Response(200, text="<html>captive portal</html>"))
    with pytest.raises(UnexpectedResponse, match="did not answer as the milcap API does"):
        client(script).health()


def page_of(codes: list[str], total: int, offset: int, link: str | None) -> httpx.Response:
    items = [
        {
            "iso2": c,
            "iso3": c + "X",
            "name": c,
            "official_name": None,
            "region": "Asia",
            "subregion": "Central Asia",
            "intermediate_region": None,
        }
        for c in codes
    ]
    headers = {"Link": f'<{link}>; rel="next"'} if link else {}
    body = {"items": items, "total": total, "limit": 2, "offset": offset}
    return httpx.Response(200, json=body, headers=headers)


def test_walk_stays_on_the_clients_base_url_behind_a_proxy() -> None:
    # Behind a proxy the server builds links with its own host and without the path prefix.
    script = Script(
        page_of(["AA", "BB"], 3, 0, "http://internal:8000/countries?region=Asia&limit=2&offset=2"),
        page_of(["CC"], 3, 2, None),
    )
    with MilcapClient(BASE + "/api", transport=httpx.MockTransport(script)) as milcap:
        codes = [c.iso2 for c in milcap.walk(milcap.countries, region="Asia", limit=2)]
    assert codes == ["AA", "BB", "CC"]
    assert [str(r.url) for r in script.requests] == [
        "http://milcap.test/api/countries?region=Asia&limit=2&offset=0",
        "http://milcap.test/api/countries?region=Asia&limit=2&offset=2",
    ]


def test_walk_counts_offsets() -> None:
    script = Script(page_of(["AA", "BB"], 3, 0, None), page_of(["CC"], 3, 2, None))
    with MilcapClient(BASE, transport=httpx.MockTransport(script)) as milcap:
        assert [c.iso2 for c in milcap.walk(milcap.countries, limit=2)] == ["AA", "BB", "CC"]
    assert script.requests[1].url.params["offset"] == "2"


def test_async_client_retries_alike(slept: list[float]) -> None:
    script = Script(refused(), unavailable(), page_of(["AA"], 1, 0, None))

    async def scenario() -> Page[CountryOut]:
        async with AsyncMilcapClient(BASE, transport=httpx.MockTransport(script)) as milcap:
            return await milcap.countries()

    assert [c.iso2 for c in asyncio.run(scenario()).items] == ["AA"]
    assert slept == [0.5, 1.0]


def test_async_client_gives_up_alike(slept: list[float]) -> None:
    script = Script(unavailable(), unavailable(), unavailable())

    async def scenario() -> Health:
        async with AsyncMilcapClient(BASE, transport=httpx.MockTransport(script)) as milcap:
            return await milcap.health()

    with pytest.raises(ServiceUnavailable):
        asyncio.run(scenario())
    assert len(script.requests) == 3
