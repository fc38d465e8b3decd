"""The server commands keep their names and options now that `milcap` also reads the API."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import get_settings


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("migrate", []),
        ("seed", ["--prune", "--seeds-dir"]),
        ("serve", ["--host", "--port", "--workers"]),
    ],
)
def test_server_commands_keep_their_options(
    runner: CliRunner, command: str, options: list[str]
) -> None:
    result = runner.invoke(cli, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for option in options:
        assert option in result.stdout


def test_migrate_then_seed_twice_loads_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'milcap.sqlite3'}")
    get_settings.cache_clear()
    try:
        migrated = runner.invoke(cli, ["migrate"])
        assert migrated.exit_code == 0, migrated.output
        first = runner.invoke(cli, ["seed"])
        second = runner.invoke(cli, ["seed"])
    finally:
        get_settings.cache_clear()
    assert first.exit_code == 0, first.output
    assert "loaded: changes written" in first.stdout
    assert "loaded: nothing changed" in second.stdout


def test_help_groups_server_and_reading_commands(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Run the server" in result.stdout
    assert "Read the dataset" in result.stdout
    for command in ("countries", "inventory", "cite", "export", "migrate", "seed", "serve"):
        assert f" {command} " in result.stdout
