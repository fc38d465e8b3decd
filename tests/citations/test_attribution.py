"""Citations: whom a claim is passed on from links to a served resource, and the wire's
vocabularies are the tables'."""

from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient

LISTS = (
    "/countries/KZ/inventory",
    "/agreements",
    "/transfers",
    "/events",
    "/people",
    "/places",
    "/relations",
    "/indicators",
    "/organizations",
    "/equipment",
    "/countries/KZ/timeline",
)
ROUTE_OF_KIND = {"organization": "/organizations", "person": "/people", "source": "/sources"}


def citations_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every citation anywhere in a response, nested ones (a role's, a step's) included."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "citations":
                yield from inner
            else:
                yield from citations_in(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from citations_in(inner)


def test_every_attribution_link_names_a_served_resource(client: TestClient) -> None:
    refs: dict[tuple[str, str], str | None] = {}
    for path in LISTS:
        page = client.get(path, params={"limit": 500}).json()
        for citation in citations_in(page["items"]):
            ref = citation["attributed_to_ref"]
            if ref is None:
                continue
            assert citation["attributed_to"], citation  # a link always has its words
            refs[(ref["kind"], ref["id"])] = citation["attributed_to"]
    assert ("person", "ruslan-shpekbayev") in refs
    assert ("organization", "parliament-of-kazakhstan") in refs
    assert ("organization", "global-firepower") in refs
    for kind, slug in refs:
        assert client.get(f"{ROUTE_OF_KIND[kind]}/{slug}").status_code == 200, (kind, slug)


def test_the_shpekbayev_quote_links_to_the_person(client: TestClient) -> None:
    agreement = client.get("/agreements/kz-kg-2021-military-technical-assistance").json()
    quoted = [c for c in agreement["citations"] if c["attributed_to_ref"]]
    assert quoted
    assert {c["attributed_to_ref"]["id"] for c in quoted} == {"ruslan-shpekbayev"}
