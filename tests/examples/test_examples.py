"""The example scripts, run as a user runs them, against the live server on the seed data."""

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.live_server import PROJECT_ROOT, LiveServer

EXAMPLES = PROJECT_ROOT / "examples"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def example(
    name: str, *args: str, url: str | None = None, cwd: Path = PROJECT_ROOT
) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "MILCAP_URL"}
    if url:
        env["MILCAP_URL"] = url
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_export_kazakhstans_inventory_to_csv(live_server: LiveServer, tmp_path: Path) -> None:
    output = tmp_path / "kz.csv"
    # Run from elsewhere, with the URL from MILCAP_URL: nothing depends on the working directory.
    result = example(
        "export_inventory_csv.py", "--output", str(output), url=live_server.url, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote 14 claims to {output}\n"
    with output.open(newline="", encoding="utf-8") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert len(rows) == 14
    tanks = rows["kz-gfp-2021-tanks"]
    assert (tanks["category"], tanks["quantity"], tanks["kind"]) == ("tanks", "300", "holding")
    assert tanks["attributed_to"] == "Global Firepower 2021"
    assert "300 tanks" in tanks["quotes"]
    assert rows["kz-in-service-mig-29"]["quantity"] == ""


def test_export_of_an_unknown_country_is_one_line(live_server: LiveServer, tmp_path: Path) -> None:
    output = tmp_path / "xx.csv"
    result = example(
        "export_inventory_csv.py",
        "--country",
        "XX",
        "--output",
        str(output),
        "--url",
        live_server.url,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: No country with code 'XX'; use an ISO 3166-1 alpha-2 or alpha-3 code"
    ]
    assert not output.exists()


def test_agreements_network_of_central_asia(live_server: LiveServer, tmp_path: Path) -> None:
    png = tmp_path / "ca.png"
    result = example("agreements_network.py", "--png", str(png), "--url", live_server.url)
    assert result.returncode == 0, result.stderr
    source = result.stdout
    assert source.startswith("graph agreements {")
    assert "subgraph cluster_region" in source
    for code in ("KZ", "KG", "TJ", "TM", "UZ"):
        assert f'"{code}" [label=' in source
    # One edge per two-party agreement, one per party of a larger one: as the API serves them.
    agreements = httpx.get(f"{live_server.url}/agreements", params={"limit": 500}).json()["items"]
    edges = sum(1 if len(a["parties"]) == 2 else len(a["parties"]) for a in agreements)
    assert edges >= 4
    assert source.count(" -- ") == edges
    assert '"KZ" -- "KG" [label="military-technical assistance' in source
    assert '"UZ" -- "KZ" [label="military co-operation plan\\nsigned 2017-08-19"' in source
    assert '"nato" [label="North Atlantic Treaty Organization", shape=ellipse]' in source
    if shutil.which("dot") is None:
        assert "not installed" in result.stderr
        pytest.skip("Graphviz's dot is not installed: the PNG is not rendered")
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_compare_two_countries_side_by_side(live_server: LiveServer) -> None:
    result = example("compare_inventories.py", "KZ", "uzb", "--url", live_server.url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("Category"))
    assert header.split()[-4:] == ["Kazakhstan", "(KZ)", "Uzbekistan", "(UZ)"]
    tanks = next(line for line in lines if line.startswith("Tanks"))
    assert tanks.split() == ["Tanks", "all", "types", "300", "(2021)", "—"]
    population = next(line for line in lines if line.startswith("Population"))
    assert "slightly more than 19,000,000 people (2021-11-12)" in population
    assert "about 30,000,000 people (2017)" in population
