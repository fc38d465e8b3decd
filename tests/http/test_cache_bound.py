"""The response cache under a flood of unique URLs: its memory bound holds, equivalent requests
share an entry, and what it serves is what the app computes."""

import gc
import random
import tracemalloc
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.core.caching import HttpCacheMiddleware, ResponseCache
from app.core.config import Settings
from app.main import create_app

# The cache holds no database state: one engine is enough.
pytestmark = pytest.mark.parametrize("databases", ["sqlite"], indirect=True)

BOUND = 256 << 10
# No entry costs less than this in Python objects (the key tuple, the CachedResponse, its
# header list, the OrderedDict slot...), so a bounded cache holds a bounded number of them.
SMALLEST_ENTRY = 400
# Lists of small pages (bodies of a few hundred bytes: the objects around them weigh most),
# a document, and a larger list (over 1 KiB: gzipped too, the cache growing by it).
FLOOD_URLS = (
    "/categories?limit=1",
    "/countries?limit=1",
    "/equipment?limit=1",
    "/sources?limit=1",
    "/organizations?limit=1",
    "/countries/KZ/inventory?limit=5",
)


def response_cache(app: FastAPI) -> ResponseCache:
    """The cache of the app's HttpCacheMiddleware (built when the app first starts)."""
    layer = app.middleware_stack
    while not isinstance(layer, HttpCacheMiddleware):
        layer = layer.app  # type: ignore[union-attr]
    return layer.cache


@pytest.fixture
def bounded(api_settings: Settings) -> Iterator[tuple[TestClient, ResponseCache]]:
    """The real app with a cache bounded to BOUND bytes, and that cache."""
    settings = api_settings.model_copy(update={"response_cache_max_bytes": BOUND})
    app = create_app(settings)
    with TestClient(app) as client:
        client.get("/healthz")  # builds the middleware stack
        yield client, response_cache(app)


def test_a_flood_of_unique_urls_stays_within_the_bound(
    bounded: tuple[TestClient, ResponseCache],
) -> None:
    client, cache = bounded
    rng = random.Random(20)
    most_entries = 0

    def flood(first: int, last: int) -> None:
        nonlocal most_entries
        for n in range(first, last):
            url = rng.choice(FLOOD_URLS)
            url += f"&offset={n}"  # a new page, and a new cache entry, for every request
            accept = rng.choice(
                (f"application/json;v={n}", f"*/*;x={n}", f"text/csv;q=0.{n % 9 + 1}", f"x/{n}")
            )
            response = client.get(url, headers={"Accept": accept})
            assert response.status_code == 200, url
            assert cache.size <= BOUND
            most_entries = max(most_entries, len(cache.entries))

    flood(0, 5_000)
    assert cache.size > BOUND // 2  # the flood filled the cache: the bound was what held
    assert most_entries <= BOUND // SMALLEST_ENTRY
    # The memory really held, as the allocator sees it (sys.getsizeof misses a bytes object's
    # unused capacity): traced while the cache is refilled with entries none of which it held
    # before, then freed by emptying it.
    before = set(cache.entries)
    gc.collect()
    tracemalloc.start()
    try:
        flood(5_000, 6_000)
        assert not before & set(cache.entries)
        del before
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        cache.entries.clear()
        gc.collect()
        held -= tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held <= 1.25 * BOUND


def test_reordered_parameters_share_one_entry(
    bounded: tuple[TestClient, ResponseCache],
) -> None:
    client, cache = bounded
    first = client.get("/equipment?limit=2&offset=1")
    entries = len(cache.entries)
    # The same parameters in another order, and with an escaped name (`%6C` is `l`).
    for url in ("/equipment?offset=1&limit=2", "/equipment?offset=1&%6Cimit=2"):
        again = client.get(url)
        assert (again.content, again.headers["etag"]) == (first.content, first.headers["etag"])
    assert len(cache.entries) == entries
    assert len(first.json()["items"]) == 2
    other = client.get("/equipment?limit=2&offset=2")
    assert other.content != first.content
    assert len(cache.entries) == entries + 1


def test_accept_values_meaning_json_share_an_entry_and_csv_has_its_own(
    bounded: tuple[TestClient, ResponseCache],
) -> None:
    client, cache = bounded
    url = "/countries/KZ/inventory"
    first = client.get(url, headers={"Accept": "application/json"})
    entries = len(cache.entries)
    for accept in ("*/*", "application/json, text/plain;q=0.5", "text/csv, application/json"):
        again = client.get(url, headers={"Accept": accept})
        assert again.headers["content-type"] == "application/json"
        assert (again.content, again.headers["etag"]) == (first.content, first.headers["etag"])
    assert len(cache.entries) == entries
    csv = client.get(url, headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.headers["etag"] != first.headers["etag"]
    assert len(cache.entries) == entries + 1
    weighted = client.get(url, headers={"Accept": "text/csv;q=0.9"})
    assert (weighted.content, weighted.headers["etag"]) == (csv.content, csv.headers["etag"])
    assert len(cache.entries) == entries + 1


ANSWERED_ALIKE = (
    "/countries",
    "/countries?limit=3&offset=2",
    "/countries?offset=2&limit=3",
    "/countries/KZ/inventory?format=csv",
    "/equipment?limit=1",
    "/search?q=tanks",
    "/export",
)


def test_cached_answers_are_what_the_app_computes(
    api_settings: Settings, bounded: tuple[TestClient, ResponseCache]
) -> None:
    client, _ = bounded
    uncached_settings = api_settings.model_copy(update={"response_cache": False})
    with TestClient(create_app(uncached_settings)) as uncached:
        for url in ANSWERED_ALIKE:
            for encoding in ("gzip", "identity"):
                headers = {"Accept-Encoding": encoding}
                expected = uncached.get(url, headers=headers)
                for _ in range(2):  # computed, then from the cache
                    got = client.get(url, headers=headers)
                    assert got.status_code == expected.status_code == 200
                    assert got.content == expected.content, url
                    for name in ("etag", "content-type", "content-encoding", "link"):
                        assert got.headers.get(name) == expected.headers.get(name), (url, name)


def test_links_are_not_served_to_another_host(bounded: tuple[TestClient, ResponseCache]) -> None:
    client, _ = bounded
    poisoned = client.get("/equipment?limit=1", headers={"Host": "evil.example"})
    assert poisoned.headers["link"].startswith("<http://evil.example/")
    assert client.get("/equipment?limit=1").headers["link"].startswith("<http://testserver/")


def test_a_response_too_large_to_keep_leaves_room_for_the_others(
    bounded: tuple[TestClient, ResponseCache],
) -> None:
    client, cache = bounded
    export = client.get("/export", headers={"Accept-Encoding": "gzip"})
    assert len(export.content) > BOUND // 4  # too large to keep, gzipped each time
    for _ in range(30):
        assert client.get("/export", headers={"Accept-Encoding": "gzip"}).status_code == 200
    assert cache.size == 0
    for url in FLOOD_URLS:
        assert client.get(url).status_code == 200
    assert len(cache.entries) == len(FLOOD_URLS)


def test_a_bound_of_zero_keeps_nothing(api_settings: Settings) -> None:
    settings = api_settings.model_copy(update={"response_cache_max_bytes": 0})
    app = create_app(settings)
    with TestClient(app) as client:
        first = client.get("/countries")
        assert first.status_code == 200
        again = client.get("/countries", headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304
        cache = response_cache(app)
        assert (len(cache.entries), cache.size) == (0, 0)
