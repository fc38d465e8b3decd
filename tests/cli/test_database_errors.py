"""Every command that touches the database says in one line why it cannot, as a separate
process would show it: no traceback, the password hidden."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, Databases


def closed_port() -> int:
    """A loopback port nothing listens on: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def milcap(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env={"DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    return line


@pytest.mark.parametrize("command", ["migrate", "seed"])
def test_a_postgresql_port_nothing_listens_on_is_one_line(command: str) -> None:
    url = f"postgresql://postgres:s3cret@127.0.0.1:{closed_port()}/milcap"
    line = error_line(milcap(command, database_url=url))
    assert line.startswith("error: the database at postgresql://postgres:***@127.0.0.1:")
    assert "Connection refused" in line
    assert "s3cret" not in line


@pytest.mark.parametrize("command", ["migrate", "seed"])
def test_a_postgresql_host_that_does_not_exist_is_one_line(command: str) -> None:
    url = "postgresql://postgres:s3cret@no-such-host.invalid:5432/milcap"
    line = error_line(milcap(command, database_url=url))
    assert line.startswith("error: the database at postgresql://postgres:***@no-such-host.invalid")
    assert "no-such-host.invalid" in line.split("cannot be used: ")[1]
    assert "s3cret" not in line


def test_seeding_a_database_never_migrated_is_one_line(databases: Databases) -> None:
    url = databases.new_url()
    line = error_line(milcap("seed", database_url=url))
    assert line.startswith("error: the database has no schema, not ")
    assert line.endswith(": run `milcap migrate` first")


def test_a_sqlite_file_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "milcap.sqlite3"
    path.write_text("not a database\n" * 100)
    for command in ("migrate", "seed"):
        line = error_line(milcap(command, database_url=f"sqlite:///{path}"))
        assert line == (
            f"error: the database at sqlite:///{path} cannot be used: file is not a database"
        )


@pytest.mark.parametrize("command", ["migrate", "seed", "serve"])
def test_a_sqlite_directory_that_cannot_be_created_is_one_line(
    command: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    url = f"sqlite:///{blocker}/milcap.sqlite3"
    line = error_line(milcap(command, database_url=url))
    assert line.startswith(f"error: the database at {url} cannot be created: ")
    assert "Not a directory" in line or "File exists" in line
