"""Faults on a real PostgreSQL server, through `milcap serve` on a port: what a user sees when
a table is locked, backends are killed, the server never answers, or a request carries a NUL.

Each asserts the status, the time to answer, and that the rest of the API goes on answering.
"""

import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg
import pytest

from tests.conftest import POSTGRES_URL, Databases, migrate_and_seed, require_postgres
from tests.live_server import BIN, LiveServer, free_port, running
from tests.problems import assert_problem

pytestmark = pytest.mark.postgres
STATEMENT_TIMEOUT = 1.0
# Time for what is not the database: the request, the response, a loaded CI machine.
SLACK = 1.5
FAST = 0.5  # what /healthz and a cached response take at most while the database is stuck


@pytest.fixture(scope="module")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    require_postgres()
    factory = Databases("postgresql", tmp_path_factory)
    yield factory
    factory.drop_all()


@pytest.fixture
def seeded_postgres(postgres: Databases) -> str:
    return migrate_and_seed(postgres.new_url())


@contextmanager
def milcap_serve(database_url: str, log: Path, **env: str) -> Iterator[LiveServer]:
    """`milcap serve` as a user runs it (JSON logs, so each line names its request)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = {
        "DATABASE_URL": database_url,
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "warning",
        "DB_STATEMENT_TIMEOUT": str(STATEMENT_TIMEOUT),
        **env,
    }
    command = [str(BIN / "milcap"), "serve", "--port", str(port)]
    with running(command, settings, url, log):
        yield LiveServer(url, database_url, log)


def timed_get(url: str, **headers: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = httpx.get(url, headers=headers, timeout=30)
    return response, time.monotonic() - started


def log_records(server: LiveServer) -> list[dict[str, object]]:
    records = []
    for line in server.log_text().splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            continue
    return records


def app_backends(connection: psycopg.Connection[tuple[object, ...]], database: str) -> set[int]:
    rows = connection.execute(
        "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
        (database,),
    ).fetchall()
    return {int(str(row[0])) for row in rows}


def test_a_locked_table_is_a_503_within_the_statement_timeout_and_nothing_else_waits(
    seeded_postgres: str, tmp_path: Path
) -> None:
    with (
        milcap_serve(seeded_postgres, tmp_path / "serve.log") as server,
        psycopg.connect(seeded_postgres.replace("+psycopg", "")) as locker,
    ):
        cached = f"{server.url}/countries/KZ/inventory"
        assert httpx.get(cached).status_code == 200  # now cached
        locker.execute(
            "LOCK TABLE agreement, dataset_release, inventory_entry_document "
            "IN ACCESS EXCLUSIVE MODE"
        )
        with ThreadPoolExecutor(max_workers=1) as pool:
            blocked = pool.submit(timed_get, f"{server.url}/agreements?year=2017")
            time.sleep(0.2)  # the blocked request is waiting on the lock now
            while not blocked.done():
                for url in (f"{server.url}/healthz", cached, f"{server.url}/metrics"):
                    response, seconds = timed_get(url)
                    assert response.status_code == 200, url
                    assert seconds < FAST, (url, seconds)
                time.sleep(0.05)
            response, seconds = blocked.result()
        body = assert_problem(response, 503)
        assert "did not answer within" in body["detail"]
        assert response.headers["Retry-After"].isdigit()
        assert STATEMENT_TIMEOUT * 0.9 <= seconds < STATEMENT_TIMEOUT + SLACK
        locker.rollback()  # the lock is released
        assert httpx.get(f"{server.url}/agreements?year=2017").status_code == 200
    request_id = response.headers["X-Request-ID"]
    logged = [r for r in log_records(server) if r.get("request_id") == request_id]
    assert any("database error" in str(r.get("message")) for r in logged), logged
    assert not any("Traceback" in str(r) for r in logged)


def test_terminated_backends_are_replaced_without_an_error_reaching_the_user(
    seeded_postgres: str, tmp_path: Path
) -> None:
    database = seeded_postgres.rsplit("/", 1)[1]
    with (
        milcap_serve(seeded_postgres, tmp_path / "serve.log", RESPONSE_CACHE="false") as server,
        psycopg.connect(POSTGRES_URL, autocommit=True) as admin,
    ):
        for offset in range(5):  # warm the pool
            assert httpx.get(f"{server.url}/countries?offset={offset}").status_code == 200
        before = app_backends(admin, database)
        assert before
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (database,),
        )
        statuses = [httpx.get(f"{server.url}/countries?offset={n}").status_code for n in range(10)]
        assert statuses == [200] * 10
        assert not before & app_backends(admin, database)  # every connection is a new one


class SilentDatabase:
    """A listener that accepts connections and never says a word (a hung server, a black
    hole behind a firewall that completes the handshake)."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port: int = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self) -> None:
        self.listener.close()
        for connection in self.accepted:
            connection.close()


def test_a_database_that_never_answers_is_a_503_in_bounded_time(tmp_path: Path) -> None:
    silent = SilentDatabase()
    url = f"postgresql://postgres@127.0.0.1:{silent.port}/milcap"
    try:
        with milcap_serve(
            url, tmp_path / "serve.log", DB_CONNECT_TIMEOUT="2", DB_POOL_TIMEOUT="2"
        ) as server:
            with ThreadPoolExecutor(max_workers=1) as pool:
                stuck = pool.submit(timed_get, f"{server.url}/countries")
                time.sleep(0.2)
                while not stuck.done():
                    response, seconds = timed_get(f"{server.url}/healthz")
                    assert response.status_code == 200
                    assert seconds < FAST, seconds
                    time.sleep(0.1)
                response, seconds = stuck.result()
            assert_problem(response, 503)
            assert seconds < 2 + SLACK
            readiness, seconds = timed_get(f"{server.url}/readyz")
            assert_problem(readiness, 503)
            assert seconds < 2 + SLACK
        assert silent.accepted  # it was really asked
        assert "Traceback" not in server.log_text()
    finally:
        silent.close()


def test_a_nul_in_a_parameter_is_a_422_that_costs_no_connection(
    seeded_postgres: str, tmp_path: Path
) -> None:
    database = seeded_postgres.rsplit("/", 1)[1]
    with (
        milcap_serve(seeded_postgres, tmp_path / "serve.log") as server,
        psycopg.connect(POSTGRES_URL, autocommit=True) as admin,
    ):
        assert httpx.get(f"{server.url}/search?q=tanks").status_code == 200
        before = app_backends(admin, database)
        for n in range(50):
            response = httpx.get(f"{server.url}/search?q=tank%00{n}")
            body = assert_problem(response, 422)
            assert body["invalid_params"][0]["name"] == "query.q"
        assert httpx.get(f"{server.url}/agreements?type=a%00b").status_code == 422
        assert app_backends(admin, database) == before  # no connection was discarded
        assert httpx.get(f"{server.url}/search?q=tanks").status_code == 200
