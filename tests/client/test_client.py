"""The client against the real app served by uvicorn, on the seed data."""

import asyncio
import inspect
import math
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from app.agreements.schemas import AgreementOut
from app.categories.schemas import CategoryOut
from app.client import (
    DEFAULT_URL,
    NO_RETRIES,
    AsyncMilcapClient,
    MilcapClient,
    MilcapError,
    NotFound,
    Unreachable,
    ValidationFailed,
)
from app.core.schemas import Page, Problem
from app.countries.schemas import CountryDetail, CountryOut, TimelineItemOut
from app.equipment.schemas import EquipmentDetail, EquipmentOut
from app.events.schemas import EventOut
from app.indicators.schemas import IndicatorNameOut, IndicatorWithCountryOut
from app.inventory.schemas import InventoryEntryOut
from app.meta.schemas import Export, Health, Meta
from app.organizations.schemas import OrganizationOut
from app.people.schemas import PersonDetail, PersonOut
from app.places.schemas import PlaceDetail, PlaceOut
from app.relations.schemas import RelationOut
from app.releases.schemas import ChangeOut, ReleaseOut
from app.search.schemas import SearchHit
from app.sources.schemas import SourceDetail, SourceOut
from app.transfers.schemas import TransferOut
from tests.live_server import LiveServer, closed_port_url

# What the server needs and a client does not.
SERVER_PACKAGES = {"fastapi", "starlette", "sqlalchemy", "sqlmodel", "alembic", "uvicorn"}


class Recording(httpx.BaseTransport):
    """The real transport, keeping every request it sends."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.inner.handle_request(request)


def test_each_method_returns_the_model_its_route_declares(
    milcap: MilcapClient, tmp_path: Path
) -> None:
    version = milcap.meta().dataset_version
    calls = {
        "health": (milcap.health(), Health),
        "meta": (milcap.meta(), Meta),
        "countries": (milcap.countries(), Page[CountryOut]),
        "country": (milcap.country("KZ"), CountryDetail),
        "country_inventory": (milcap.country_inventory("KZ"), Page[InventoryEntryOut]),
        "country_agreements": (milcap.country_agreements("KZ"), Page[AgreementOut]),
        "country_transfers": (milcap.country_transfers("KZ"), Page[TransferOut]),
        "timeline": (milcap.timeline("KZ"), Page[TimelineItemOut]),
        "indicators": (milcap.indicators(), Page[IndicatorWithCountryOut]),
        "indicator_names": (milcap.indicator_names(), Page[IndicatorNameOut]),
        "people": (milcap.people(), Page[PersonOut]),
        "person": (milcap.person("kassym-jomart-tokayev"), PersonDetail),
        "events": (milcap.events(), Page[EventOut]),
        "event": (milcap.event("kz-2021-08-21-mobilization-order"), EventOut),
        "places": (milcap.places(), Page[PlaceOut]),
        "place": (milcap.place("otar"), PlaceDetail),
        "relations": (milcap.relations(), Page[RelationOut]),
        "equipment": (milcap.equipment(), Page[EquipmentOut]),
        "equipment_type": (milcap.equipment_type("mig-29"), EquipmentDetail),
        "agreements": (milcap.agreements(), Page[AgreementOut]),
        "agreement": (
            milcap.agreement("uz-kz-2017-military-cooperation-plan"),
            AgreementOut,
        ),
        "transfers": (milcap.transfers(), Page[TransferOut]),
        "sources": (milcap.sources(), Page[SourceOut]),
        "source": (milcap.source("abbasova-2021-kazakhstan-pledges-military-aid"), SourceDetail),
        "categories": (milcap.categories(), Page[CategoryOut]),
        "organizations": (milcap.organizations(), Page[OrganizationOut]),
        "organization": (milcap.organization("csto"), OrganizationOut),
        "search": (milcap.search("tanks"), Page[SearchHit]),
        "export": (milcap.export(), Export),
        "download_export": (milcap.download_export(tmp_path / "export.json"), type(tmp_path)),
        "releases": (milcap.releases(), Page[ReleaseOut]),
        "release": (milcap.release(version), ReleaseOut),
        "release_changes": (milcap.release_changes(version), Page[ChangeOut]),
        "changes": (milcap.changes(version), Page[ChangeOut]),
    }
    for name, (result, model) in calls.items():
        assert type(result) is model, name
    endpoints = {
        name
        for name, member in inspect.getmembers(MilcapClient, inspect.isfunction)
        if not name.startswith("_") and name not in ("close", "walk")
    }
    assert endpoints == set(calls)


def test_inventory_of_kazakhstan_is_typed_and_cited(milcap: MilcapClient) -> None:
    page = milcap.country_inventory("kaz")
    tanks = next(e for e in page.items if e.id == "kz-gfp-2021-tanks")
    assert (tanks.country, tanks.category, tanks.quantity, tanks.kind) == (
        "KZ",
        "tanks",
        300,
        "holding",
    )
    assert tanks.equipment is None
    assert tanks.citations[0].attributed_to == "Global Firepower 2021"
    assert "300 tanks" in tanks.citations[0].quote


def test_inventory_filters_reach_the_api(milcap: MilcapClient) -> None:
    assert {e.category for e in milcap.country_inventory("KZ", category="tanks").items} == {"tanks"}
    mig = milcap.country_inventory("KZ", equipment="mig-29").items
    assert [e.equipment.slug for e in mig if e.equipment] == ["mig-29"]
    assert all(
        e.as_of and e.as_of.startswith("2021")
        for e in milcap.walk(milcap.country_inventory, "KZ", as_of="2021")
    )
    assert milcap.country_inventory("KZ", latest=True).total <= milcap.country_inventory("KZ").total


def test_transfers_by_direction(milcap: MilcapClient) -> None:
    imports = list(milcap.walk(milcap.country_transfers, "KZ", direction="imports"))
    exports = list(milcap.walk(milcap.country_transfers, "KZ", direction="exports"))
    assert imports
    assert all(t.recipient == "KZ" for t in imports)
    assert exports
    assert all(t.supplier == "KZ" for t in exports)
    assert [t.id for t in milcap.walk(milcap.transfers, recipient="KZ")] == [t.id for t in imports]


def test_agreement_filters(milcap: MilcapClient) -> None:
    for_kz = {a.id for a in milcap.walk(milcap.agreements, country="KZ")}
    assert for_kz == {a.id for a in milcap.walk(milcap.country_agreements, "KZ")}
    in_2017 = list(milcap.walk(milcap.agreements, year=2017))
    assert in_2017
    assert all(a.signed_on and a.signed_on.startswith("2017") for a in in_2017)


def test_people_events_and_where_they_happened(milcap: MilcapClient) -> None:
    tokayev = milcap.person("kassym-jomart-tokayev")
    assert tokayev.aliases == ["Kasym-Jomart Tokayev"]
    writer = next(r for r in milcap.person("joshua-kucera").roles if r.title == "writer")
    assert writer.from_ == "2007"
    ordered = list(milcap.walk(milcap.events, person="kassym-jomart-tokayev", type_="order"))
    assert {e.id for e in ordered} == {e.id for e in tokayev.events if e.type == "order"}
    in_2017 = list(milcap.walk(milcap.events, country="UZ", year=2017))
    assert in_2017
    assert all(e.date and e.date.startswith("2017") for e in in_2017)
    otar = milcap.place("otar")
    assert otar.subdivision == "KZ-31"
    assert otar.slug in {p.slug for p in milcap.walk(milcap.places, country="KZ")}
    basing = list(milcap.walk(milcap.relations, country="KZ", type_="basing"))
    assert [(r.subject.code, r.object.code) for r in basing] == [("RU", "KZ")]


def test_timeline_and_indicator_series(milcap: MilcapClient) -> None:
    dates = [i.date for i in milcap.walk(milcap.timeline, "KZ", from_="2017", to="2017")]
    assert dates
    assert all(date.startswith("2017") for date in dates)
    steps = list(milcap.walk(milcap.timeline, "KZ", kind="ratification"))
    assert "kz-kg-2021-military-technical-assistance.0" in {s.id for s in steps}
    as_list = milcap.indicators(name="population", country=["KZ", "UZ"])
    assert as_list == milcap.indicators(name="population", country="kz,uz")
    assert {(i.country, i.value) for i in as_list.items} >= {("KZ", 16_000_000), ("UZ", 30_000_000)}
    names = {n.name: n.unit for n in milcap.walk(milcap.indicator_names)}
    assert names["population"] == "people"
    with pytest.raises(NotFound, match="'XX'"):
        milcap.indicators(country=["KZ", "XX"])


def test_walk_fetches_every_page_once_in_order(live_server: LiveServer) -> None:
    transport = Recording()
    with MilcapClient(live_server.url, transport=transport) as milcap:
        total = milcap.countries(limit=1).total
        transport.requests.clear()
        codes = [country.iso2 for country in milcap.walk(milcap.countries, limit=100)]
    assert len(codes) == len(set(codes)) == total
    assert len(transport.requests) == math.ceil(total / 100)
    offsets = [request.url.params["offset"] for request in transport.requests]
    assert offsets == [str(n * 100) for n in range(len(offsets))]


def test_walk_keeps_the_filters_on_every_page(milcap: MilcapClient) -> None:
    one_by_one = [
        e.id
        for e in milcap.walk(milcap.country_inventory, "KZ", category="fighter-aircraft", limit=1)
    ]
    assert len(one_by_one) == 3
    assert one_by_one == [
        e.id for e in milcap.country_inventory("KZ", category="fighter-aircraft").items
    ]


def test_unknown_country_is_not_found_with_the_problem_document(milcap: MilcapClient) -> None:
    with pytest.raises(NotFound) as caught:
        milcap.country("XX")
    error = caught.value
    assert (error.status, error.title) == (404, "Not Found")
    assert "XX" in error.detail
    assert str(error) == error.detail
    assert isinstance(error.problem, Problem)
    assert error.problem.instance == "/countries/XX"
    assert error.type == "https://milcap.example/problems/not-found"


@pytest.mark.parametrize(
    ("method", "key"),
    [
        ("country_inventory", "XX"),
        ("equipment_type", "no-such-thing"),
        ("agreement", "no-such-agreement"),
        ("source", "no-such-source"),
        ("organization", "no-such-org"),
        ("person", "no-such-person"),
        ("event", "no-such-event"),
        ("place", "no-such-place"),
        ("timeline", "XX"),
    ],
)
def test_unknown_keys_are_not_found(milcap: MilcapClient, method: str, key: str) -> None:
    with pytest.raises(NotFound):
        getattr(milcap, method)(key)


def test_a_code_cannot_escape_its_path_segment(milcap: MilcapClient) -> None:
    with pytest.raises(NotFound, match=r"\.\./meta"):
        milcap.country("../meta")


def test_rejected_parameter_is_validation_failed_naming_the_field(milcap: MilcapClient) -> None:
    with pytest.raises(ValidationFailed) as caught:
        milcap.country_inventory("KZ", category="space-lasers")  # type: ignore[arg-type]
    error = caught.value
    assert error.status == 422
    assert error.field == "category"
    assert error.invalid_params[0].name == "query.category"
    assert "tanks" in (error.invalid_params[0].valid_values or [])
    assert "(valid: tanks, armoured-fighting-vehicles, " in str(error)
    with pytest.raises(ValidationFailed) as caught:
        milcap.countries(limit=0)
    assert caught.value.field == "limit"


def test_unreachable_server_is_one_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    url = closed_port_url()
    with MilcapClient(url, retry=NO_RETRIES) as milcap, pytest.raises(Unreachable) as caught:
        milcap.health()
    assert caught.value.status is None
    assert str(caught.value).startswith(f"cannot reach the milcap API at {url}")
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, MilcapError)


def test_base_url_comes_from_the_argument_then_milcap_url_then_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MILCAP_URL", raising=False)
    assert MilcapClient().base_url == DEFAULT_URL
    monkeypatch.setenv("MILCAP_URL", "http://api.example:9000/")
    assert MilcapClient().base_url == "http://api.example:9000"
    assert MilcapClient("https://other.example").base_url == "https://other.example"
    with pytest.raises(ValueError, match="http"):
        MilcapClient("localhost:8000")


def test_async_client_answers_as_the_sync_client(
    live_server: LiveServer, milcap: MilcapClient
) -> None:
    async def scenario() -> tuple[object, ...]:
        async with AsyncMilcapClient(live_server.url) as client:
            inventory = await client.country_inventory("KZ")
            codes = [c.iso2 async for c in client.walk(client.countries, limit=100)]
            hits = await client.search("Arlan")
            with pytest.raises(NotFound):
                await client.country("XX")
            with pytest.raises(ValidationFailed):
                await client.country_inventory("KZ", category="space-lasers")  # type: ignore[arg-type]
            return inventory, codes, hits

    inventory, codes, hits = asyncio.run(scenario())
    assert inventory == milcap.country_inventory("KZ")
    assert codes == [c.iso2 for c in milcap.walk(milcap.countries)]
    assert hits == milcap.search("Arlan")


def test_the_client_loads_no_server_code() -> None:
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, app.client; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "httpx" in imported
    assert not [name for name in imported if name.split(".")[0] in SERVER_PACKAGES]


def test_async_client_has_every_method_of_the_sync_client_with_the_same_parameters() -> None:
    def public(cls: type) -> dict[str, inspect.Signature]:
        return {
            name: inspect.signature(member)
            for name, member in vars(cls).items()
            if callable(member) and not name.startswith("_")
        }

    def shape(signature: inspect.Signature) -> list[tuple[object, ...]]:
        return [(p.name, p.kind, p.default) for p in signature.parameters.values()]

    sync, aio = public(MilcapClient), public(AsyncMilcapClient)
    assert sync.keys() == aio.keys()
    for name, signature in sync.items():
        assert shape(signature) == shape(aio[name]), name
        if name != "walk":  # walk's list method is awaited in one and called in the other
            assert signature.parameters == aio[name].parameters, name
