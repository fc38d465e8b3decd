"""The container image, built from this checkout and run by podman: it serves as an unprivileged
user, passes its own HEALTHCHECK, serves PostgreSQL the way compose.yaml runs it, lets an
in-flight request finish on SIGTERM, and holds the locked runtime packages and nothing else."""

import json
import subprocess
import time
import tomllib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import PROJECT_ROOT, Databases, require_postgres
from tests.container.engine import PODMAN, Container, podman, run_once, serving

UID = "10001"
SHUTDOWN_TIMEOUT = 10


@pytest.fixture(scope="module")
def sqlite_container(image: str) -> Iterator[Container]:
    """The image as `docker run` starts it: SQLite inside, seeds loaded on start."""
    with serving(image) as container:
        yield container


def test_image_serves_seeded_sqlite_as_an_unprivileged_user(sqlite_container: Container) -> None:
    url = sqlite_container.url
    assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{url}/readyz").json()["status"] == "ready"
    assert httpx.get(f"{url}/countries").json()["total"] > 0
    # PID 1 is the server itself (the entrypoint `exec`s it), so its ids are the server's.
    status = sqlite_container.exec("cat", "/proc/1/status").stdout
    fields = {line.split(":")[0]: line.split()[1:] for line in status.splitlines()}
    assert fields["Name"] == ["milcap"]
    assert fields["Uid"] == [UID] * 4
    assert fields["Gid"] == [UID] * 4


def test_image_healthcheck_passes_on_a_ready_server(sqlite_container: Container) -> None:
    check = subprocess.run(
        [*PODMAN, "healthcheck", "run", sqlite_container.name],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    health = podman("inspect", "--format", "{{.State.Health.Status}}", sqlite_container.name)
    assert health.strip() == "healthy"


def _lock_waiters(database: str) -> int:
    with psycopg.connect(database, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()
    return int(row[0]) if row else 0


def _wait_for(condition: str, check: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{condition}: not within {timeout} s")
        time.sleep(0.1)


def test_image_serves_postgresql_and_finishes_in_flight_requests_on_sigterm(
    image: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    require_postgres()
    databases = Databases("postgresql", tmp_path_factory)
    try:
        database = databases.new_url()
        # compose.yaml's set-up: PostgreSQL and two workers (JSON logs and seeding on start are
        # the image's defaults).
        environment = {
            "DATABASE_URL": database,
            "WORKERS": "2",
            "SHUTDOWN_TIMEOUT": str(SHUTDOWN_TIMEOUT),
        }
        with serving(image, **environment) as container:
            assert httpx.get(f"{container.url}/readyz").json()["status"] == "ready"
            assert httpx.get(f"{container.url}/equipment").json()["total"] > 0
            processes = podman("top", container.name, "user", "args").splitlines()[1:]
            assert len(processes) >= 3, processes  # the supervisor and its two workers
            assert all(line.split()[0] in {"milcap", UID} for line in processes), processes

            # A request held inside the server: its query waits on a table lock taken here.
            with (
                psycopg.connect(database) as holder,
                ThreadPoolExecutor(max_workers=1) as pool,
            ):
                holder.execute("LOCK TABLE country IN ACCESS EXCLUSIVE MODE")
                pending = pool.submit(httpx.get, f"{container.url}/countries", timeout=60)
                _wait_for("the request reaches the database", lambda: _lock_waiters(database) > 0)

                podman("kill", "--signal", "TERM", container.name)
                signalled = time.monotonic()
                time.sleep(1.0)
                assert container.is_running(), "stopped with a request in flight"
                holder.rollback()  # releases the lock: the request goes on
                response = pending.result()

            assert response.status_code == 200
            assert response.json()["total"] > 0
            exit_code = podman("wait", container.name, timeout=SHUTDOWN_TIMEOUT + 30)
            stopped_after = time.monotonic() - signalled
            assert exit_code.strip() == "0", container.logs()
            assert stopped_after < SHUTDOWN_TIMEOUT
    finally:
        databases.drop_all()


def _runtime_requirements() -> dict[str, str]:
    """What uv.lock pins for the image: its runtime packages for Linux, at their versions."""
    exported = subprocess.run(
        [
            str(PROJECT_ROOT / ".tools" / "bin" / "uv"),
            "export",
            "--frozen",
            "--no-dev",
            "--no-emit-project",
            "--no-hashes",
            "--no-header",
            "--no-annotate",
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pinned = {}
    for line in exported.splitlines():
        if not line.strip() or line.startswith(("#", "-")):
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            pinned[canonicalize_name(requirement.name)] = str(requirement.specifier).lstrip("=")
    return pinned


def test_image_holds_the_locked_runtime_packages_and_no_test_tools(image: str) -> None:
    listing = run_once(
        image,
        "python",
        "-c",
        "import importlib.metadata as m, json, os;"
        "print(json.dumps({"
        "'packages': {d.name: d.version for d in m.distributions()},"
        "'app': sorted(os.listdir('/app'))}))",
    )
    found = json.loads(listing)
    installed = {canonicalize_name(name): version for name, version in found["packages"].items()}

    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    dev_tools = {
        canonicalize_name(Requirement(tool).name) for tool in pyproject["dependency-groups"]["dev"]
    }
    assert not dev_tools & installed.keys()
    assert installed == {**_runtime_requirements(), "milcap": pyproject["project"]["version"]}
    # Root reads every directory; -xdev keeps to the image's own files (not /proc or /sys).
    assert run_once(image, "find", "/", "-xdev", "-name", ".git", user="root") == ""
    assert "tests" not in found["app"]
    assert {"app", "migrations", "seeds", "alembic.ini"} <= set(found["app"])
