"""The container's start path (docker/entrypoint.sh): migrate, seed, serve, stop gracefully,
on SQLite and PostgreSQL, exactly as the image runs it."""

import json
import signal
import socket
from pathlib import Path

import httpx

from tests.conftest import PROJECT_ROOT, Databases
from tests.live_server import running

ENTRYPOINT = PROJECT_ROOT / "docker" / "entrypoint.sh"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_entrypoint_migrates_seeds_serves_and_stops_gracefully(
    databases: Databases, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        "DATABASE_URL": databases.new_url(),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "SEED_ON_START": "true",
        "LOG_FORMAT": "json",
        "WORKERS": "2",
    }
    log = tmp_path / "server.log"
    with running(["sh", str(ENTRYPOINT)], env, url, log) as process:
        assert httpx.get(f"{url}/readyz").status_code == 200
        inventory = httpx.get(f"{url}/countries/KZ/inventory", headers={"X-Request-ID": "t-1"})
        assert inventory.json()["total"] >= 14
        assert "server" not in inventory.headers  # no `Server: uvicorn` banner
        metrics = httpx.get(f"{url}/metrics").text
        assert 'route="/countries/{code}/inventory"' in metrics
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0

    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line.get("logger") == "milcap.access"]
    request = next(line for line in access if line["request_id"] == "t-1")
    assert request["path"] == "/countries/KZ/inventory"
    assert request["status"] == 200
    assert request["duration_ms"] > 0
    assert any("Shutting down" in line["message"] for line in lines)


def test_entrypoint_without_seeding_serves_an_empty_dataset(
    databases: Databases, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"DATABASE_URL": databases.new_url(), "PORT": str(port), "SEED_ON_START": "false"}
    with running(["sh", str(ENTRYPOINT)], env, url, tmp_path / "server.log"):
        assert httpx.get(f"{url}/readyz").status_code == 200
        assert httpx.get(f"{url}/sources").json()["total"] == 0
