"""What only the server process itself decides, checked on `milcap serve` on a loopback port:
no `Server` banner, a deadline for slow request headers, log lines no client can forge."""

import select
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.live_server import BIN, LiveServer, running, seeded_sqlite

HEADER_TIMEOUT = 1.0
TOKEN = "scrape-me"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    directory = tmp_path_factory.mktemp("served")
    database_url = seeded_sqlite(directory)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "LOG_FORMAT": "text",
        "LOG_LEVEL": "info",
        "HEADER_TIMEOUT": str(HEADER_TIMEOUT),
        "METRICS_TOKEN": TOKEN,
    }
    log = directory / "server.log"
    with running([str(BIN / "milcap"), "serve"], env, url, log):
        yield LiveServer(url, database_url, log)


def connect(server: LiveServer) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)))
    connection.settimeout(HEADER_TIMEOUT * 10)  # a bound on the test, not what it measures
    return connection


def read_until_closed(connection: socket.socket) -> bytes:
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received


def read_response(connection: socket.socket) -> bytes:
    """One whole response (headers and a Content-Length body) off a kept-alive connection."""
    received = b""
    while b"\r\n\r\n" not in received:
        received += connection.recv(65536)
    head, _, body = received.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":")[1])
        for line in head.split(b"\r\n")
        if line.startswith(b"content-length:")
    )
    while len(body) < length:
        body += connection.recv(65536)
    return head + b"\r\n\r\n" + body


def test_no_server_banner(served: LiveServer) -> None:
    response = httpx.get(f"{served.url}/healthz")
    assert response.status_code == 200
    assert "server" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_connection_that_sends_nothing_gets_a_408_and_is_closed(served: LiveServer) -> None:
    with connect(served) as connection:
        answer = read_until_closed(connection)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408 Request Timeout\r\n")
    assert b"content-type: application/problem+json" in head
    assert b"connection: close" in head
    assert b'"status":408' in body


def test_headers_sent_a_line_at_a_time_are_cut_off(served: LiveServer) -> None:
    """A Slowloris client: one more header line every 0.2 s, for up to 20 s."""
    answer = b""
    with connect(served) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n")
        for sent in range(100):
            readable, _, _ = select.select([connection], [], [], 0.2)
            if readable:  # the server answered before the headers were complete
                answer = read_until_closed(connection)
                break
            connection.sendall(f"X-Slow-{sent}: 1\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n")


def test_a_kept_alive_connection_serves_requests_then_times_out_when_idle(
    served: LiveServer,
) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n"
    with connect(served) as connection:
        for _ in range(3):
            connection.sendall(request)
            assert read_response(connection).startswith(b"HTTP/1.1 200 OK\r\n")
            time.sleep(HEADER_TIMEOUT / 4)
        answer = read_until_closed(connection)
    assert answer.startswith(b"HTTP/1.1 408 Request Timeout\r\n")


def test_a_control_character_in_the_path_cannot_forge_a_log_line(served: LiveServer) -> None:
    forged = "2030-01-01 00:00:00,000 INFO    milcap.access [admin] GET /admin 200"
    path = "/countries%0A" + forged.replace(" ", "%20") + "%0D%1B[2J"
    with connect(served) as connection:
        connection.sendall(
            f"GET {path} HTTP/1.1\r\nHost: test\r\nX-Request-ID: forge-1\r\n\r\n".encode()
        )
        assert read_response(connection).startswith(b"HTTP/1.1 404 Not Found\r\n")
    deadline = time.monotonic() + 10
    while "forge-1" not in served.log_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = served.log_text().splitlines()
    (logged,) = [line for line in lines if "[forge-1]" in line]
    assert logged.endswith("GET /countries\\x0a" + forged + "\\x0d\\x1b[2J 404")
    assert not any(line.startswith("2030-01-01") for line in lines)
    assert "Traceback" not in served.log_text()


def test_head_and_the_metrics_token_over_the_wire(served: LiveServer) -> None:
    head = httpx.head(f"{served.url}/healthz")
    assert head.status_code == 200
    assert head.headers["content-length"] == "15"
    assert head.content == b""
    assert httpx.get(f"{served.url}/metrics").status_code == 401
    metrics = httpx.get(f"{served.url}/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert metrics.status_code == 200
    assert (
        httpx.head(
            f"{served.url}/metrics", headers={"Authorization": f"Bearer {TOKEN}"}
        ).status_code
        == 200
    )
