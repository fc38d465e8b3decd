"""List filters through the client, against the real app: several values, ranges, sorting,
vocabularies, and every filter of every list route reachable from its method."""

import inspect
import re
from collections.abc import Iterable
from typing import Any, Literal, get_args, get_origin

import httpx
import pytest

from app.categories.schemas import CategorySlug
from app.citations.schemas import Stance
from app.client import MilcapClient, NotFound, ValidationFailed
from app.core.schemas import Page
from app.countries.schemas import Subregion
from tests.client.test_client import Recording
from tests.live_server import LiveServer

# Query parameters the client leaves out: it always asks for JSON, and always for whole items
# (with `fields` they would no longer be the models it returns).
NOT_EXPOSED = {"format", "fields"}


def query_name(parameter: str) -> str:
    """The query parameter a method's argument is sent as: `type_` as `type`, `from_` as `from`."""
    return parameter.removesuffix("_")


def vocabulary(annotation: Any) -> tuple[str, ...] | None:
    """The values of the `Literal` an argument is typed with, if any."""
    for member in (annotation, *get_args(annotation)):
        if get_origin(member) is Literal:
            return get_args(member)
    return None


def takes_several(annotation: Any) -> bool:
    return any(get_origin(member) is Iterable for member in get_args(annotation))


def test_each_list_method_takes_every_filter_of_its_route_typed_with_its_vocabulary(
    live_server: LiveServer,
) -> None:
    paths = httpx.get(f"{live_server.url}/openapi.json").raise_for_status().json()["paths"]
    checked = 0
    for name, method in inspect.getmembers(MilcapClient, inspect.isfunction):
        returned = inspect.signature(method).return_annotation
        if getattr(returned, "__pydantic_generic_metadata__", {}).get("origin") is not Page:
            continue
        checked += 1
        route = re.match(r"GET (\S+):", inspect.getdoc(method) or "")
        assert route, f"{name}: its docstring does not open with its route"
        declared = paths[route[1]]["get"].get("parameters", [])
        queried = {p["name"]: p["schema"] for p in declared if p["in"] == "query"}
        path_names = {p["name"] for p in declared if p["in"] == "path"}
        arguments = {
            query_name(parameter.name): parameter.annotation
            for parameter in inspect.signature(method).parameters.values()
            if parameter.name != "self" and parameter.name not in path_names
        }
        assert arguments.keys() == queried.keys() - NOT_EXPOSED, name
        for parameter, schema in queried.items():
            if parameter in NOT_EXPOSED:
                continue
            items = schema.get("items", {})
            if schema.get("type") == "array":
                assert takes_several(arguments[parameter]), f"{name}({parameter})"
            values = (items or schema).get("enum")
            if values and parameter != "sort":
                assert vocabulary(arguments[parameter]) == tuple(values), f"{name}({parameter})"
    assert checked >= 18


def test_several_values_go_as_one_comma_separated_parameter(live_server: LiveServer) -> None:
    transport = Recording()
    with MilcapClient(live_server.url, transport=transport) as milcap:
        milcap.agreements(country=["KG", "UZ"], type_=("treaty", "protocol"), sort=["-title"])
        milcap.agreements(country="KG")
    several, one = (request.url.params for request in transport.requests)
    assert several.get_list("country") == ["KG,UZ"]
    assert several.get_list("type") == ["treaty,protocol"]
    assert several.get_list("sort") == ["-title"]
    assert one.get_list("country") == ["KG"]


def test_several_countries_give_the_agreements_of_any_of_them(milcap: MilcapClient) -> None:
    kyrgyz = {a.id for a in milcap.walk(milcap.agreements, country="KG")}
    uzbek = {a.id for a in milcap.walk(milcap.agreements, country="UZ")}
    either = {a.id for a in milcap.walk(milcap.agreements, country=["KG", "UZ"])}
    assert kyrgyz
    assert uzbek
    assert either == kyrgyz | uzbek
    assert either == {a.id for a in milcap.walk(milcap.agreements, country="kg,uzb")}


def test_parties_give_only_the_agreements_every_one_is_party_to(milcap: MilcapClient) -> None:
    everything = list(milcap.walk(milcap.agreements))
    between = [a for a in everything if {"KZ", "UZ"} <= {p.code for p in a.parties}]
    both = [a.id for a in milcap.walk(milcap.agreements, parties=["KZ", "UZ"])]
    assert between
    assert both == [a.id for a in between]
    assert len(both) < len(list(milcap.walk(milcap.agreements, country=["KZ", "UZ"])))


def test_year_ranges_are_inclusive(milcap: MilcapClient) -> None:
    events = {e.id: int(e.date[:4]) for e in milcap.walk(milcap.events) if e.date}
    assert 2017 in events.values()
    for year_from, year_to in [(2017, 2017), (2017, 2021), (None, 2016), (2018, None)]:
        within = {
            event
            for event, year in events.items()
            if (year_from is None or year >= year_from) and (year_to is None or year <= year_to)
        }
        found = milcap.walk(milcap.events, year_from=year_from, year_to=year_to)
        assert {e.id for e in found} == within, (year_from, year_to)
    in_2017 = {a.id for a in milcap.walk(milcap.agreements, year_from=2017, year_to=2017)}
    assert in_2017
    assert in_2017 == {a.id for a in milcap.walk(milcap.agreements, year=2017)}
    assert not list(milcap.walk(milcap.agreements, year_from=2018, year_to=2020))


def test_as_of_ranges_are_inclusive_at_either_precision(milcap: MilcapClient) -> None:
    dated = {e.id: e.as_of for e in milcap.walk(milcap.country_inventory, "KZ")}
    of_the_year = {entry for entry, as_of in dated.items() if as_of == "2021"}
    of_the_day = {entry for entry, as_of in dated.items() if as_of == "2021-11-12"}
    assert of_the_year
    assert of_the_day

    def between(as_of_from: str | None, as_of_to: str | None) -> set[str]:
        found = milcap.walk(
            milcap.country_inventory, "KZ", as_of_from=as_of_from, as_of_to=as_of_to
        )
        return {e.id for e in found}

    assert between("2021-11-12", "2021-11-12") == of_the_year | of_the_day
    assert between(None, "2021-11-11") == of_the_year
    assert between("2021-11-13", None) == of_the_year  # the year 2021 reaches past the 12th
    assert between("2022", None) == set()
    assert between(None, "2020") == set()
    population = {(i.country, i.as_of) for i in milcap.walk(milcap.indicators, name="population")}
    narrowed = milcap.walk(milcap.indicators, name="population", as_of_from="2021", as_of_to="2021")
    assert {(i.country, i.as_of) for i in narrowed} == {
        (country, as_of) for country, as_of in population if as_of and as_of.startswith("2021")
    }


def test_sort_by_quantity_descending_puts_unknown_quantities_last(milcap: MilcapClient) -> None:
    quantities = [e.quantity for e in milcap.walk(milcap.country_inventory, "KZ", sort="-quantity")]
    known = [quantity for quantity in quantities if quantity is not None]
    assert None in quantities
    assert known
    assert quantities == [*sorted(known, reverse=True), *[None] * (len(quantities) - len(known))]
    titles = [a.title for a in milcap.walk(milcap.agreements, sort=["title"])]
    assert titles == sorted(titles)


def test_countries_by_m49_region_carry_their_subregion(milcap: MilcapClient) -> None:
    european = list(milcap.walk(milcap.countries, region="Europe"))
    assert {"DE", "FR", "UA"} <= {c.iso2 for c in european}
    assert {c.region for c in european} == {"Europe"}
    assert all(c.subregion in get_args(Subregion) for c in european)
    central = {c.iso2 for c in milcap.walk(milcap.countries, subregion="Central Asia")}
    assert central == {"KG", "KZ", "TJ", "TM", "UZ"}
    both = {c.iso2 for c in milcap.walk(milcap.countries, region=["Europe", "Oceania"])}
    oceanian = {c.iso2 for c in milcap.walk(milcap.countries, region="Oceania")}
    assert both == {c.iso2 for c in european} | oceanian


def test_stance_filters_keep_facts_stated_so(milcap: MilcapClient) -> None:
    relations = list(milcap.walk(milcap.relations))
    wanted: list[Stance] = ["hedged", "opinion"]
    found = list(milcap.walk(milcap.relations, stance=wanted))
    assert found
    assert [r.id for r in found] == [r.id for r in relations if r.stance in wanted]


def test_an_unknown_code_in_a_filter_is_not_found_a_malformed_one_invalid(
    milcap: MilcapClient,
) -> None:
    with pytest.raises(NotFound) as unknown:
        milcap.agreements(country=["KZ", "XX"])
    assert "'XX'" in unknown.value.detail
    with pytest.raises(NotFound):
        milcap.events(person="no-such-person")
    with pytest.raises(ValidationFailed) as malformed:
        milcap.agreements(parties=["KZ", "K1"])
    assert malformed.value.field == "parties"


def test_a_value_outside_a_vocabulary_lists_the_vocabulary_in_order(
    milcap: MilcapClient,
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        milcap.transfers(category=["tanks", "space-lasers"])  # type: ignore[list-item]
    assert caught.value.field == "category"
    assert caught.value.invalid_params[0].valid_values == list(get_args(CategorySlug))
