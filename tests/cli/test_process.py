"""The installed `milcap` command and `python -m app`, as separate processes: what a shell
user sees, tracebacks included if there were any."""

import os
import subprocess
import sys
from pathlib import Path

from tests.live_server import PROJECT_ROOT, LiveServer, closed_port_url

MILCAP = Path(sys.executable).parent / "milcap"


def run(*command: str, url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MILCAP_URL": url}
    env.pop("COLUMNS", None)
    return subprocess.run(
        list(command), env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )


def test_the_installed_command_prints_the_inventory(live_server: LiveServer) -> None:
    result = run(str(MILCAP), "inventory", "KZ", url=live_server.url)
    assert result.returncode == 0, result.stderr
    assert "Kazakhstan (KZ): inventory, 14 claims" in result.stdout
    assert "kz-gfp-2021-tanks" in result.stdout


def test_an_unknown_country_is_one_line_on_stderr_and_status_1(live_server: LiveServer) -> None:
    result = run(sys.executable, "-m", "app", "inventory", "XX", url=live_server.url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: No country with code 'XX'; use an ISO 3166-1 alpha-2 or alpha-3 code"
    ]


def test_an_unreachable_server_is_one_line_on_stderr_and_status_1() -> None:
    url = closed_port_url()
    result = run(sys.executable, "-m", "app", "countries", url=url)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: cannot reach the milcap API at {url}")
