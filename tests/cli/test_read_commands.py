"""The commands that read the API, run in-process against the live server on the seed data."""

import csv
import io
import json
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner, Result

from app.cli import cli
from app.cli.export import TABLES
from app.meta.schemas import Export
from tests.live_server import LiveServer, closed_port_url

LISTINGS = [
    ["countries"],
    ["inventory", "KZ"],
    ["agreements"],
    ["transfers"],
    ["equipment"],
    ["sources"],
    ["categories"],
    ["organizations"],
    ["search", "Kazakhstan"],
    ["events"],
    ["timeline", "KZ"],
    ["indicators", "population"],
    ["indicators"],
]


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retries back off without sleeping: an unreachable server fails at once."""
    monkeypatch.setattr(time, "sleep", lambda _: None)


def run(
    runner: CliRunner, live_server: LiveServer, *args: str, columns: int | None = None
) -> Result:
    """The command, its stdout not a terminal: every line whole, as in a pipe, unless
    `columns` (COLUMNS) sets the width."""
    env = {"COLUMNS": None if columns is None else str(columns)}
    return runner.invoke(cli, [*args, "--url", live_server.url], env=env)


def ok(runner: CliRunner, live_server: LiveServer, *args: str, columns: int | None = None) -> str:
    result = run(runner, live_server, *args, columns=columns)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def error_line(result: Result) -> str:
    """The one line a failing command prints: on stderr, status 1, no traceback."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def test_inventory_table_reads_without_the_docs(runner: CliRunner, live_server: LiveServer) -> None:
    out = ok(runner, live_server, "inventory", "KZ")
    assert "Kazakhstan (KZ): inventory, 14 claims" in out
    header = next(line for line in out.splitlines() if "Category" in line)
    for column in ("Category", "Equipment", "Quantity", "As of", "Kind", "Source", "ID"):
        assert column in header
    tanks = next(line for line in out.splitlines() if line.startswith(" Tanks"))
    assert tanks.split() == [
        *("Tanks", "all", "types", "300", "2021", "total", "Abbasova", "2021"),
        "kz-gfp-2021-tanks",
    ]
    mig = next(line for line in out.splitlines() if "MiG-29" in line)
    assert "not stated" in mig
    assert "in service" in mig
    assert "citing Global Firepower 2021" in out
    assert "kz-gfp-2021-tanks" in out
    # The legend names the article and says how to read the columns and cite a row.
    assert "“Kazakhstan Pledges Military Aid to Central Asian Allies" in out
    assert "Quantity: as the source words it" in out
    assert "milcap cite <ID>" in out


def test_inventory_filters(runner: CliRunner, live_server: LiveServer) -> None:
    out = ok(runner, live_server, "inventory", "kaz", "--category", "tanks", "--latest")
    assert "inventory, 1 claim" in out
    assert "kz-gfp-2021-tanks" in out
    assert "MiG-29" not in out
    entries = json.loads(ok(runner, live_server, "inventory", "KZ", "--as-of", "2021", "--json"))
    assert entries
    assert all(entry["as_of"].startswith("2021") for entry in entries)


def test_inventory_json_and_csv_are_what_the_api_serves(
    runner: CliRunner, live_server: LiveServer
) -> None:
    url = f"{live_server.url}/countries/KZ/inventory?limit=500"
    entries = json.loads(ok(runner, live_server, "inventory", "KZ", "--json"))
    assert entries == httpx.get(url).json()["items"]
    result = run(runner, live_server, "inventory", "KZ", "--csv")
    assert result.stdout_bytes == httpx.get(url + "&format=csv").content


@pytest.mark.parametrize("command", LISTINGS, ids=lambda command: command[0])
def test_every_listing_prints_json_and_csv_for_pipes(
    runner: CliRunner, live_server: LiveServer, command: list[str]
) -> None:
    items = json.loads(ok(runner, live_server, *command, "--json"))
    assert isinstance(items, list)
    assert items
    rows = list(csv.DictReader(io.StringIO(ok(runner, live_server, *command, "--csv"))))
    assert len(rows) == len(items)
    for key in items[0]:  # a nested object becomes dotted columns (`equipment.slug`)
        assert any(column.split(".")[0] == key for column in rows[0]), key


def test_limit_caps_a_listing(runner: CliRunner, live_server: LiveServer) -> None:
    assert len(json.loads(ok(runner, live_server, "countries", "--limit", "3", "--json"))) == 3


def test_countries_of_a_region(runner: CliRunner, live_server: LiveServer) -> None:
    out = ok(runner, live_server, "countries", "--subregion", "Central Asia")
    assert "5 countries" in out
    for name in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"):
        assert name in out


def test_country_shows_disagreeing_sources_side_by_side(
    runner: CliRunner, live_server: LiveServer
) -> None:
    out = ok(runner, live_server, "country", "KZ")
    assert "Kazakhstan (KZ / KAZ), Republic of Kazakhstan; Central Asia, Asia" in out
    assert "about 16,000,000 people" in out
    assert "slightly more than" in out
    assert "Yeniseyev 2017" in out
    assert "14 inventory entries" in out
    detail = json.loads(ok(runner, live_server, "country", "kaz", "--json"))
    assert detail["iso2"] == "KZ"
    assert len(detail["indicators"]) >= 5


def test_agreements_and_transfers_of_a_country(runner: CliRunner, live_server: LiveServer) -> None:
    out = ok(runner, live_server, "agreements", "--country", "KZ")
    total = httpx.get(f"{live_server.url}/agreements?country=KZ").json()["total"]
    assert total >= 5
    assert f"{total} agreement(s)" in out
    assert "uz-kz-2017-military-cooperation-plan" in out
    assert "(provider)" in out
    transfers = json.loads(ok(runner, live_server, "transfers", "--recipient", "KZ", "--json"))
    assert {t["recipient"] for t in transfers} == {"KZ"}
    assert "ru-kz-mig-29" in {t["id"] for t in transfers}
    delivered = ok(runner, live_server, "transfers", "--supplier", "RU", "--status", "delivered")
    assert "MiG-29" in delivered


def test_equipment_list_and_detail(runner: CliRunner, live_server: LiveServer) -> None:
    assert "Kazakhstan Paramount Engineering" in ok(runner, live_server, "equipment")
    out = ok(runner, live_server, "equipment", "mig-29")
    assert "MiG-29 (mig-29)" in out
    assert "Kazakhstan (KZ)" in out
    assert "lightweight MiG-29 fighters" in out
    detail = json.loads(ok(runner, live_server, "equipment", "mig-29", "--json"))
    assert detail["operators"] == [{"code": "KZ", "name": "Kazakhstan"}]


def test_sources_search_categories_organizations_meta(
    runner: CliRunner, live_server: LiveServer
) -> None:
    assert "eurasianet-2011-kazakhstan-sending-troops-to-afghanistan" in ok(
        runner, live_server, "sources"
    )
    hits = json.loads(ok(runner, live_server, "search", "Arlan", "--json"))
    assert "arlan" in {hit["id"] for hit in hits}
    assert "I. Battle tanks" in ok(runner, live_server, "categories")
    assert "Collective Security Treaty Organization" in ok(runner, live_server, "organizations")
    version = httpx.get(f"{live_server.url}/meta").json()["dataset_version"]
    assert version in ok(runner, live_server, "meta")


def test_cite_shows_a_claims_quote_inside_its_sentence(
    runner: CliRunner, live_server: LiveServer
) -> None:
    out = ok(runner, live_server, "cite", "kz-gfp-2021-tanks")
    assert "KZ tanks (all types): 300, as of 2021" in out
    assert "Abbasova 2021, citing Global Firepower 2021" in out
    assert (
        "«According to Global Firepower data, Kazakhstan’s army is equipped with 300 tanks»" in out
    )
    assert "1,200 armored fighting vehicles" in out  # the rest of the sentence
    cited = json.loads(ok(runner, live_server, "cite", "kz-in-service-btr-80a", "--json"))
    assert cited["kind"] == "inventory entry"
    assert len(cited["citations"]) == 2
    for citation in cited["citations"]:
        assert citation["sentence"] == citation["before"] + citation["quote"] + citation["after"]
        assert citation["quote"] in citation["sentence"]


@pytest.mark.parametrize(
    "claim_id",
    [
        "kz-population-2021",
        "ru-kz-mig-29",
        "kz-kg-2021-military-technical-assistance",
        "arlan",
        "csto",
        "kassym-jomart-tokayev",
        "otar",
        "kz-isaf-troop-contribution-decision",
        "ru-kz-basing",
    ],
)
def test_cite_knows_every_kind_of_claim(
    runner: CliRunner, live_server: LiveServer, claim_id: str
) -> None:
    cited = json.loads(ok(runner, live_server, "cite", claim_id, "--json"))
    assert cited["id"] == claim_id
    assert cited["citations"]


def test_cite_keeps_a_hedge_in_the_claims_summary(
    runner: CliRunner, live_server: LiveServer
) -> None:
    shown = ok(runner, live_server, "cite", "kz-isaf-troop-contribution-decision")
    assert "[hedged: “apparently”]" in shown


def test_cite_a_source_lists_what_it_backs_or_finds_a_quote(
    runner: CliRunner, live_server: LiveServer
) -> None:
    source = "abbasova-2021-kazakhstan-pledges-military-aid"
    out = ok(runner, live_server, "cite", source)
    assert "Abbasova 2021" in out
    assert "kz-gfp-2021-tanks" in out
    found = json.loads(ok(runner, live_server, "cite", source, "--quote", "300  TANKS", "--json"))
    assert found["quote"] == "300 tanks"
    assert "army is equipped with" in found["before"]
    assert "«300 tanks»" in ok(runner, live_server, "cite", source, "--quote", "300 tanks")


def test_cite_of_an_unknown_id_is_one_line(runner: CliRunner, live_server: LiveServer) -> None:
    line = error_line(run(runner, live_server, "cite", "no-such-claim"))
    assert "no claim or source with ID 'no-such-claim'" in line
    source = "abbasova-2021-kazakhstan-pledges-military-aid"
    assert "does not say" in error_line(run(runner, live_server, "cite", source, "--quote", "zz"))


def test_export_as_json_and_as_csv_tables(
    runner: CliRunner, live_server: LiveServer, tmp_path: Path
) -> None:
    document = Export.model_validate_json(ok(runner, live_server, "export"))
    assert len(document.inventory) == 14
    result = run(runner, live_server, "export", "--format", "csv", "--output", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"wrote {len(TABLES)} tables" in result.stderr
    assert {"people.csv", "events.csv"} <= {p.name for p in tmp_path.rglob("*.csv")}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    with (tmp_path / "inventory.csv").open(newline="", encoding="utf-8") as file:
        assert len(list(csv.DictReader(file))) == 14
    one = ok(runner, live_server, "export", "--format", "csv", "--table", "countries")
    assert len(list(csv.DictReader(io.StringIO(one)))) == 249
    assert "--output DIR" in error_line(run(runner, live_server, "export", "--format", "csv"))


def test_csv_tables_cover_every_list_of_the_export() -> None:
    lists = [name for name, field in Export.model_fields.items() if "list" in str(field.annotation)]
    assert sorted(lists) == sorted(TABLES)


def test_unknown_country_is_one_line_and_status_1(
    runner: CliRunner, live_server: LiveServer
) -> None:
    for command in (["country", "XX"], ["inventory", "XX"]):
        line = error_line(run(runner, live_server, *command))
        assert line == "error: No country with code 'XX'; use an ISO 3166-1 alpha-2 or alpha-3 code"


def test_a_rejected_filter_names_it_and_its_valid_values(
    runner: CliRunner, live_server: LiveServer
) -> None:
    # The vocabulary is the command's own: refused before any request, with its values.
    refused = run(runner, live_server, "inventory", "KZ", "--category", "space-lasers")
    assert refused.exit_code == 2
    message = " ".join(refused.output.replace("│", " ").split())
    assert "Invalid value for '--category': 'space-lasers' is not one of 'tanks'," in message
    line = error_line(run(runner, live_server, "inventory", "KZ", "--equipment", "mig-99"))
    assert line.startswith("error: query.equipment: no equipment 'mig-99'")
    assert "no-such-thing" in error_line(run(runner, live_server, "equipment", "no-such-thing"))


def test_an_unreachable_server_is_one_line(runner: CliRunner) -> None:
    url = closed_port_url()
    result = runner.invoke(cli, ["countries", "--url", url])
    line = error_line(result)
    assert line.startswith(f"error: cannot reach the milcap API at {url}")
    assert "milcap serve" in line
    bad_url = runner.invoke(cli, ["countries", "--url", "localhost:8000"])
    assert "must start with http://" in error_line(bad_url)


def test_json_and_csv_together_is_an_error(runner: CliRunner, live_server: LiveServer) -> None:
    assert "--json" in error_line(run(runner, live_server, "countries", "--json", "--csv"))


def test_the_url_comes_from_milcap_url(runner: CliRunner, live_server: LiveServer) -> None:
    result = runner.invoke(cli, ["meta", "--json"], env={"MILCAP_URL": live_server.url})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["inventory_entry"] == 14
