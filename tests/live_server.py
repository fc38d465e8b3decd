"""A live milcap API for tests: uvicorn in a subprocess on a loopback port, serving a SQLite
file built by the real migrations and loaded with the seeds.

Import the `live_server` fixture into a conftest.py (`from tests.live_server import
live_server`): every directory that does shares one server per test session.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from app.core.db import make_engine
from app.core.migrations import upgrade
from app.seeding.loader import load_seeds

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
START_TIMEOUT = 30.0


@dataclass(frozen=True)
class LiveServer:
    url: str
    database_url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def seeded_sqlite(directory: Path) -> str:
    """A SQLite file at the newest migration, holding the seeds."""
    url = f"sqlite:///{directory / 'milcap.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    load_seeds(engine, SEEDS_DIR, progress=lambda _: None)
    engine.dispose()
    return url


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer within {START_TIMEOUT} s:\n{log.read_text()}")


@contextmanager
def running(
    command: list[str],
    env: dict[str, str],
    url: str,
    log: Path,
    pass_fds: tuple[int, ...] = (),
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a server process, wait until `url`/healthz answers, SIGTERM it afterwards.

    Output goes to a file, never to a pipe nobody reads (a full pipe would block the server).
    """
    environment = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}", **env}
    environment.pop("MILCAP_URL", None)
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            pass_fds=pass_fds,
        )
    try:
        _wait_until_ready(process, url, log)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def serve_app(database_url: str, log: Path, **env: str) -> Iterator[LiveServer]:
    """`uvicorn app.main:create_app --factory` on a loopback port, stopped afterwards.

    The socket is bound here and handed over (`--fd`): no other process can take the port
    between choosing it and listening on it."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:create_app",
        "--factory",
        "--fd",
        str(listener.fileno()),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    environment = {"DATABASE_URL": database_url, **env}
    try:
        with running(command, environment, url, log, (listener.fileno(),)):
            listener.close()
            yield LiveServer(url, database_url, log)
    finally:
        listener.close()


_running: LiveServer | None = None


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The API on the seed data, at `live_server.url`: one server for the whole session,
    however many conftest.py files import this fixture. Read-only: do not change its data."""
    global _running
    if _running is not None:
        yield _running
        return
    directory = tmp_path_factory.mktemp("live-server")
    with serve_app(seeded_sqlite(directory), directory / "uvicorn.log") as server:
        _running = server
        try:
            yield server
        finally:
            _running = None


def free_port() -> int:
    """A loopback port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def closed_port_url() -> str:
    """A loopback URL where nothing listens: connections are refused at once."""
    return f"http://127.0.0.1:{free_port()}"
