"""`milcap releases`, `milcap changes` and `milcap export` in each format, run against the
live server on the seed data (one release)."""

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import httpx
import pytest
from rich.console import Console
from typer.testing import CliRunner

from app.cli.export import TABLES, progress_bar
from app.meta.schemas import Export
from tests.cli.test_read_commands import error_line, ok, run
from tests.cli.test_table_widths import Case, assert_readable, each, in_a_terminal
from tests.live_server import LiveServer

UNKNOWN_VERSION = "0" * 64
RELEASE_LABELS = ("Version", "Loaded at", "Parent", "Message", "Added", "Changed", "Removed")


@pytest.fixture(scope="module")
def version(live_server: LiveServer) -> str:
    """The seed data's release, the only one."""
    (release,) = httpx.get(f"{live_server.url}/releases").raise_for_status().json()["items"]
    return str(release["version"])


def source_ids(live_server: LiveServer) -> set[str]:
    items = httpx.get(f"{live_server.url}/sources?limit=500").raise_for_status().json()["items"]
    return {source["id"] for source in items}


@pytest.mark.parametrize("width", [80, 200])
def test_releases_shows_each_whole_version_and_its_counts(
    runner: CliRunner, live_server: LiveServer, version: str, width: int
) -> None:
    screen = ok(runner, live_server, "releases", columns=width)
    case = Case(("releases",), RELEASE_LABELS, each("version", "loaded_at"))
    printed = json.loads(ok(runner, live_server, "releases", "--json"))
    assert_readable(screen, width, case, printed)
    assert version in screen.split()
    assert "1 release(s), newest first" in screen
    assert "424" in screen


def test_releases_prints_json_and_csv_for_pipes(
    runner: CliRunner, live_server: LiveServer, version: str
) -> None:
    served = httpx.get(f"{live_server.url}/releases").json()["items"]
    assert json.loads(ok(runner, live_server, "releases", "--json")) == served
    rows = list(csv.DictReader(io.StringIO(ok(runner, live_server, "releases", "--csv"))))
    assert [(row["version"], row["changes.added"]) for row in rows] == [(version, "424")]


def test_changes_since_the_current_release_are_none(
    runner: CliRunner, live_server: LiveServer, version: str
) -> None:
    assert f"No change since {version}" in ok(runner, live_server, "changes", "--since", version)
    assert json.loads(ok(runner, live_server, "changes", "--since", version, "--json")) == []


@pytest.mark.parametrize("width", [80, 200])
def test_changes_of_a_release_list_each_fact_by_kind_and_id(
    runner: CliRunner, live_server: LiveServer, version: str, width: int
) -> None:
    command = ("changes", "--release", version)
    changes = json.loads(ok(runner, live_server, *command, "--json"))
    assert len(changes) == 424
    assert {change["change"] for change in changes} == {"added"}
    screen = ok(runner, live_server, *command, columns=width)
    assert_readable(screen, width, Case(command, ("Kind", "ID", "Change"), each("id")), changes)
    if width == 200:  # a table; at 80 columns, a block per change (an ID is 68 characters)
        tanks = next(line for line in screen.splitlines() if "kz-gfp-2021-tanks" in line)
        assert tanks.split() == ["inventory", "kz-gfp-2021-tanks", "added"]


@pytest.mark.parametrize(
    "command",
    [
        ("changes", "--since", UNKNOWN_VERSION),
        ("changes", "--release", UNKNOWN_VERSION),
        ("export", "--release", UNKNOWN_VERSION),
    ],
    ids=lambda command: "-".join(command[:2]),
)
def test_an_unknown_version_is_one_line_and_status_1(
    runner: CliRunner, live_server: LiveServer, command: tuple[str, ...]
) -> None:
    line = error_line(run(runner, live_server, *command))
    assert line == f"error: No release with version {UNKNOWN_VERSION!r}; see /releases"


def test_changes_takes_one_of_since_and_release(
    runner: CliRunner, live_server: LiveServer, version: str
) -> None:
    for given in ([], ["--since", version, "--release", version]):
        assert "--since VERSION" in error_line(run(runner, live_server, "changes", *given))


def test_export_writes_the_json_document_to_a_file(
    runner: CliRunner, live_server: LiveServer, version: str, tmp_path: Path
) -> None:
    target = tmp_path / "milcap.json"
    result = run(runner, live_server, "export", "--output", str(target))
    assert result.exit_code == 0, result.output
    # Not a terminal: no progress bar, only what was written.
    assert result.stderr.startswith(f"wrote {target} (")
    assert len(result.stderr.splitlines()) == 1
    document = Export.model_validate_json(target.read_bytes())
    assert document.dataset_version == version
    assert {source.id for source in document.sources} == source_ids(live_server)
    assert list(tmp_path.iterdir()) == [target]


def test_export_of_a_release_is_that_release(
    runner: CliRunner, live_server: LiveServer, version: str
) -> None:
    document = json.loads(ok(runner, live_server, "export", "--release", version))
    assert document["dataset_version"] == version
    assert len(document["inventory"]) == 14


def test_export_of_an_unknown_release_writes_nothing(
    runner: CliRunner, live_server: LiveServer, tmp_path: Path
) -> None:
    target = tmp_path / "milcap.json"
    error_line(run(runner, live_server, "export", "--release", UNKNOWN_VERSION, "-o", str(target)))
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_what_its_format_cannot_do(
    runner: CliRunner, live_server: LiveServer, tmp_path: Path
) -> None:
    a_file = tmp_path / "tables.csv"
    a_file.write_text("kept\n")
    csv_into_a_file = run(runner, live_server, "export", "--format", "csv", "-o", str(a_file))
    assert "is a file" in error_line(csv_into_a_file)
    assert a_file.read_text() == "kept\n"
    assert "--table goes with --format csv" in error_line(
        run(runner, live_server, "export", "--table", "countries")
    )
    assert "--output PATH" in error_line(run(runner, live_server, "export", "--format", "sqlite"))
    refused = run(runner, live_server, "export", "--format", "xml")
    assert refused.exit_code == 2
    message = " ".join(refused.output.replace("│", " ").split())
    assert "'xml' is not one of 'json', 'ndjson', 'csv', 'sqlite'" in message


def test_export_as_ndjson_to_stdout_is_a_fact_a_line(
    runner: CliRunner, live_server: LiveServer, version: str
) -> None:
    out = ok(runner, live_server, "export", "--format", "ndjson", "--release", version)
    lines = [json.loads(line) for line in out.splitlines()]
    assert {line["id"] for line in lines if line["kind"] == "sources"} == source_ids(live_server)
    assert {line["kind"] for line in lines} <= set(TABLES)


def test_export_as_csv_is_the_servers_zip_or_its_tables(
    runner: CliRunner, live_server: LiveServer, tmp_path: Path
) -> None:
    archive = tmp_path / "milcap.csv.zip"
    result = run(runner, live_server, "export", "--format", "csv", "--output", str(archive))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(archive) as tables:
        assert sorted(tables.namelist()) == sorted(f"{table}.csv" for table in TABLES)
        inventory = tables.read("inventory.csv")
    directory = tmp_path / "tables"
    result = run(runner, live_server, "export", "--format", "csv", "--output", str(directory))
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {len(TABLES)} tables to {directory}/\n"
    assert (directory / "inventory.csv").read_bytes() == inventory
    one = run(runner, live_server, "export", "--format", "csv", "--table", "inventory")
    assert one.stdout_bytes == inventory
    assert sorted(p.name for p in tmp_path.iterdir()) == ["milcap.csv.zip", "tables"]


def test_export_as_sqlite_is_a_database_of_the_dataset(
    runner: CliRunner, live_server: LiveServer, tmp_path: Path
) -> None:
    target = tmp_path / "milcap.sqlite"
    result = run(runner, live_server, "export", "--format", "sqlite", "--output", str(target))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as database:
        sources = {row[0] for row in database.execute("SELECT _id FROM sources")}
    assert sources == source_ids(live_server)


def test_a_terminal_sees_the_download_progress(live_server: LiveServer, tmp_path: Path) -> None:
    target = tmp_path / "milcap.sqlite"
    screen = in_a_terminal(
        ("export", "--format", "sqlite", "--output", str(target)), 80, live_server.url
    )
    assert "100%" in screen  # a SQLite file's size is announced
    assert f"wrote {target}" in screen


def test_the_progress_bar_shows_bytes_and_the_percent_once_the_size_is_known() -> None:
    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80, color_system=None)
    with progress_bar("export (json)", terminal) as progress:
        assert progress is not None
        progress(1_500, None)
        progress(2_000, 4_000)
    drawn = screen.getvalue()
    assert "export (json)" in drawn
    assert "2.0/4.0 kB" in drawn
    assert "50%" in drawn
    with progress_bar("export", Console(file=io.StringIO(), force_terminal=False)) as progress:
        assert progress is None
