"""Schemathesis drives the live app from its own /openapi.json with every check it has: no
server error, no response outside its schema, no undocumented status code, every
schema-valid request accepted and every schema-invalid one refused, on every operation."""

import os
import subprocess
from pathlib import Path

import httpx

from tests.live_server import BIN, serve_app

CHECKS = "all"


def test_schemathesis_finds_no_failure_on_any_operation(
    api_database_url: str, tmp_path: Path
) -> None:
    with serve_app(api_database_url, tmp_path / "uvicorn.log") as server:
        # A release's version is a hash of its data: schemathesis is told the loaded one, as
        # it could never guess it (every `since` and `{version}` it made up would be a 404).
        version = httpx.get(f"{server.url}/releases").json()["items"][0]["version"]
        config = tmp_path / "schemathesis.toml"
        config.write_text(
            f'[parameters]\n"query.since" = "{version}"\n"path.version" = "{version}"\n'
        )
        result = subprocess.run(
            [
                str(BIN / "schemathesis"),
                "--config-file",
                str(config),
                "run",
                f"{server.url}/openapi.json",
                "--checks",
                CHECKS,
                "--max-examples",
                os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "25"),
                "--seed",
                "1",
                "--workers",
                "2",
                "--no-color",
            ],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
