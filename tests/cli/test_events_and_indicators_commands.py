"""`milcap person`, `events`, `timeline` and `indicators`, against the live server."""

import json

import httpx
from rich.console import Console
from typer.testing import CliRunner

from app.cli.indicators import _series_table
from app.indicators.schemas import IndicatorWithCountryOut
from tests.cli.test_read_commands import error_line, ok, run
from tests.live_server import LiveServer


def test_person_shows_spellings_roles_and_events(
    runner: CliRunner, live_server: LiveServer
) -> None:
    out = ok(runner, live_server, "person", "kassym-jomart-tokayev")
    assert "Kassym-Jomart Tokayev (kassym-jomart-tokayev), KZ" in out
    assert "Also spelled: Kasym-Jomart Tokayev" in out
    assert "President of Kazakhstan" in out
    order = next(line for line in out.splitlines() if "kz-2021-08-21-mobilization-order" in line)
    assert order.split()[:2] == ["2021-08-21", "order"]
    assert "ordered" in order
    assert "Abbasova 2021" in out  # the sources legend
    detail = json.loads(ok(runner, live_server, "person", "joshua-kucera", "--json"))
    assert detail == httpx.get(f"{live_server.url}/people/joshua-kucera").json()
    assert "from" in detail["roles"][0]


def test_events_filtered_by_person_type_and_year(
    runner: CliRunner, live_server: LiveServer
) -> None:
    out = ok(runner, live_server, "events", "--person", "kassym-jomart-tokayev")
    assert "kz-2021-08-21-mobilization-order" in out
    assert "Kassym-Jomart Tokayev" in out
    events = json.loads(
        ok(runner, live_server, "events", "--person", "kassym-jomart-tokayev", "--json")
    )
    roles = {
        (e["id"], p["role"]) for e in events for p in e["participants"] if p["kind"] == "person"
    }
    assert ("kz-2021-08-21-mobilization-order", "ordered") in roles
    votes = json.loads(ok(runner, live_server, "events", "--type", "vote", "--json"))
    assert {event["type"] for event in votes} == {"vote"}
    in_2011 = ok(runner, live_server, "events", "--year", "2011", "--country", "KZ")
    assert "kz-2011-05-18-majilis-vote-isaf-notes" in in_2011
    every = json.loads(ok(runner, live_server, "events", "--json"))
    assert every == httpx.get(f"{live_server.url}/events?limit=500").json()["items"]


def test_timeline_of_a_country(runner: CliRunner, live_server: LiveServer) -> None:
    out = ok(runner, live_server, "timeline", "KZ", "--from", "2021", "--to", "2021")
    assert "Kazakhstan (KZ): timeline" in out
    step = next(
        line for line in out.splitlines() if line.startswith(" 2021-11-10   ratification step")
    )
    assert "Kazakhstan–Kyrgyzstan agreement" in step or "Kazakhstan–Tajikistan" in step
    assert "kz-kg-2021-military-technical-assistance.0" in out
    assert "2017" not in out.split("Sources:")[0]
    items = json.loads(ok(runner, live_server, "timeline", "kaz", "--kind", "indicator", "--json"))
    assert {item["kind"] for item in items} == {"indicator"}
    assert "kz-population-2017" in {item["id"] for item in items}


def test_indicators_a_row_per_country_and_a_column_per_year(
    runner: CliRunner, live_server: LiveServer
) -> None:
    out = ok(runner, live_server, "indicators", "population", "KZ", "uz")
    assert out.startswith("Population (people): 2 countries, by year (as of)")
    header = next(line for line in out.splitlines() if "Country" in line)
    assert header.split() == ["Country", "2017", "2021"]
    kz = next(line for line in out.splitlines() if line.startswith(" Kazakhstan (KZ)"))
    assert "about 16,000,000" in kz
    assert kz.rstrip().endswith("slightly more than 19,000,000")
    uz = next(line for line in out.splitlines() if line.startswith(" Uzbekistan (UZ)"))
    assert "about 30,000,000" in uz
    assert "Yeniseyev 2017" in out
    ranks = ok(runner, live_server, "indicators", "gfp_world_rank")
    assert "Global Firepower world rank, world" in ranks
    vocabulary = ok(runner, live_server, "indicators")
    assert "border_length_km" in vocabulary
    assert "XX" in error_line(run(runner, live_server, "indicators", "population", "XX"))


def test_disagreeing_claims_of_one_year_share_a_cell_each_with_its_id() -> None:
    def claim(key: str, value: int, qualifier: str | None) -> IndicatorWithCountryOut:
        return IndicatorWithCountryOut(
            id=key,
            name="population",
            value=value,
            unit="people",
            qualifier=qualifier,
            as_of="2021-11-12" if qualifier else "2021",
            scope=None,
            stance="stated",
            hedge=None,
            note=None,
            citations=[],
            country="KZ",
        )

    claims = [
        claim("kz-population-2021", 19_000_000, "slightly more than"),
        claim("kz-population-2021-b", 18_900_000, None),
        claim("kz-population-2021-c", 18_900_000, None),
    ]
    listing, scopes = _series_table(claims, {"KZ": "Kazakhstan"})
    assert scopes == {None}
    console = Console(width=200, record=True)
    console.print(listing)
    lines = [line.strip() for line in console.export_text().splitlines()]
    row = next(number for number, line in enumerate(lines) if "(KZ)" in line)
    # Each value once, the claims that say it under it.
    assert lines[row : row + 5] == [
        "Kazakhstan (KZ)   slightly more than 19,000,000",
        "kz-population-2021",
        "18,900,000",
        "kz-population-2021-b",
        "kz-population-2021-c",
    ]
