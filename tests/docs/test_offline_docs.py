"""The docs pages work offline: a real Chromium, every outside host blocked, renders them."""

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, Request, Route, sync_playwright

from app.core.config import Settings
from app.core.db import make_engine
from app.core.migrations import upgrade
from app.docs.routes import ASSETS
from app.main import create_app
from app.seeding.loader import load_seeds
from tests.conftest import SEEDS_DIR, quiet

CHROMIUM = Path("/usr/bin/chromium")
# CI sets MILCAP_REQUIRE_POSTGRES=1: there a missing browser is a failure, not a skip.
IN_CI = os.environ.get("MILCAP_REQUIRE_POSTGRES") == "1"
LOOPBACK = "127.0.0.1"
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Below Playwright's routing: a name that is not loopback does not even resolve.
    f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {LOOPBACK}",
]
RENDER_TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app, on a seeded SQLite database, served by uvicorn on a free loopback port."""
    url = f"sqlite:///{tmp_path_factory.mktemp('docs') / 'milcap.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    load_seeds(engine, SEEDS_DIR, progress=quiet)
    engine.dispose()

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((LOOPBACK, 0))
    port = listener.getsockname()[1]
    app = create_app(Settings(database_url=url))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start serving the app")
        time.sleep(0.02)
    yield f"http://{LOOPBACK}:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    listener.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        reason = f"headless Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(reason + ", and CI must run the browser tests")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Offline:
    """A page that may reach only the loopback server, and what it tried to reach."""

    page: Page
    blocked: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    failed: list[tuple[str, str | None]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def offline(browser: Browser) -> Iterator[Offline]:
    context = browser.new_context()
    page = context.new_page()
    offline = Offline(page)

    def guard(route: Route) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("data", "blob") or parts.hostname == LOOPBACK:
            route.continue_()
        else:
            offline.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    def record_failure(request: Request) -> None:
        offline.failed.append((request.url, request.failure))

    # On the context, not just the page: its routes also see workers' and popups' requests.
    context.route("**/*", guard)
    page.on("request", lambda request: offline.requested.append(request.url))
    page.on("requestfailed", record_failure)
    page.on("pageerror", lambda error: offline.errors.append(str(error)))
    yield offline
    context.close()


def assert_served_locally(offline: Offline, *assets: str) -> None:
    """Nothing left for another host, nothing failed, and the pages' assets came from the app.

    A request the page's own Content-Security-Policy refused never reaches the network (no
    name lookup, no connection): Chromium reports it failed with "csp". Only those may name
    another host; without the policy they would reach `guard` and be listed as blocked.
    """
    assert offline.blocked == [], f"requests to other hosts: {offline.blocked}"
    refused = {url for url, reason in offline.failed if reason == "csp"}
    failed = [(url, reason) for url, reason in offline.failed if url not in refused]
    assert failed == [], f"failed requests: {failed}"
    outside = {url for url in offline.requested if urlsplit(url).hostname not in (LOOPBACK, None)}
    assert outside <= refused
    assert offline.errors == [], f"page errors: {offline.errors}"
    paths = {urlsplit(url).path for url in offline.requested}
    assert {f"/docs/assets/{name}" for name in assets} <= paths


@pytest.mark.browser
def test_swagger_ui_renders_every_operation_with_the_network_blocked(
    base_url: str, offline: Offline
) -> None:
    page = offline.page
    page.goto(f"{base_url}/docs", wait_until="networkidle")
    page.wait_for_selector(".opblock", timeout=RENDER_TIMEOUT_MS)

    operation = page.locator("#operations-inventory-get_country_inventory")
    assert operation.count() == 1
    assert operation.locator(".opblock-summary-path").get_attribute("data-path") == (
        "/countries/{code}/inventory"
    )
    # Swagger UI shows an operation under each of its tags, as `operations-<tag>-<id>`.
    schema = httpx.get(f"{base_url}/openapi.json").json()
    expected = {
        f"operations-{tag}-{operation['operationId']}"
        for methods in schema["paths"].values()
        for operation in methods.values()
        for tag in operation["tags"]
    }
    rendered = page.locator(".opblock").evaluate_all("blocks => blocks.map(block => block.id)")
    assert sorted(rendered) == sorted(expected)
    assert_served_locally(offline, "swagger-ui-bundle.js", "swagger-ui.css", "favicon.png")


@pytest.mark.browser
def test_redoc_renders_the_operations_with_the_network_blocked(
    base_url: str, offline: Offline
) -> None:
    page = offline.page
    page.goto(f"{base_url}/redoc", wait_until="networkidle")
    section = page.locator('[data-section-id="operation/get_country_inventory"]')
    section.wait_for(timeout=RENDER_TIMEOUT_MS)

    assert section.get_by_role("heading", name="Get Country Inventory").count() == 1
    assert "/countries/{code}/inventory" in section.inner_text()
    assert_served_locally(offline, "redoc.standalone.js", "favicon.png")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Settings(database_url="sqlite:///:memory:")))


def test_docs_pages_reference_no_other_host(client: TestClient) -> None:
    for page in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        html = client.get(page).text
        assert "http://" not in html
        assert "https://" not in html.replace("https://swagger.io", "")
        assert "fonts.googleapis.com" not in html


def test_docs_assets_are_served_with_their_media_type(client: TestClient) -> None:
    for name, asset in ASSETS.items():
        response = client.get(f"/docs/assets/{name}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(asset.media_type)
        assert response.content == asset.path.read_bytes()


def test_an_asset_answered_to_head_first_is_still_whole_on_get(client: TestClient) -> None:
    client.head("/docs/assets/swagger-ui.css")
    response = client.get("/docs/assets/swagger-ui.css")
    assert response.content == ASSETS["swagger-ui.css"].path.read_bytes()


def test_an_unknown_asset_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/docs/assets/swagger-ui-bundle.js.map")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_docs_routes_stay_out_of_the_openapi_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert [path for path in paths if path.startswith(("/docs", "/redoc"))] == []
