"""Shared fixtures: real databases (a SQLite file, a PostgreSQL server) built by the migrations."""

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.core.db import make_engine
from app.core.migrations import upgrade
from app.main import create_app
from app.seeding.loader import load_seeds

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = PROJECT_ROOT / "seeds"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
POSTGRES_REQUIRED = os.environ.get("MILCAP_REQUIRE_POSTGRES") == "1"


def _postgres_available() -> bool:
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


def quiet(_: str) -> None:
    """A progress callback that prints nothing."""


class Databases:
    """Creates throwaway databases on one engine kind; each test gets its own."""

    def __init__(self, kind: str, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.kind = kind
        self.tmp = tmp_path_factory.mktemp(f"db-{kind}")
        self.created: list[str] = []

    def new_url(self) -> str:
        name = f"milcap_test_{uuid.uuid4().hex[:12]}"
        if self.kind == "sqlite":
            return f"sqlite:///{self.tmp / name}.sqlite3"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return POSTGRES_URL.rsplit("/", 1)[0] + "/" + name

    def copy_url(self, url: str) -> str:
        """A new database holding what `url` holds (no connection to `url` may be open)."""
        name = f"milcap_test_{uuid.uuid4().hex[:12]}"
        if self.kind == "sqlite":
            target = self.tmp / f"{name}.sqlite3"
            shutil.copyfile(url.removeprefix("sqlite:///"), target)
            return f"sqlite:///{target}"
        template = url.rsplit("/", 1)[1]
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self.created.append(name)
        return POSTGRES_URL.rsplit("/", 1)[0] + "/" + name

    def drop_all(self) -> None:
        if self.kind != "postgresql" or not self.created:
            return
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            for name in self.created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def require_postgres() -> None:
    """Skip when PostgreSQL is unreachable; fail instead where it is required (CI)."""
    if not _postgres_available():
        message = f"PostgreSQL is not reachable at {POSTGRES_URL}"
        if POSTGRES_REQUIRED:
            pytest.fail(message + " and MILCAP_REQUIRE_POSTGRES=1")
        pytest.skip(message)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def databases(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Databases]:
    kind: str = request.param
    if kind == "postgresql":
        require_postgres()
    factory = Databases(kind, tmp_path_factory)
    yield factory
    factory.drop_all()


def migrate_and_seed(url: str) -> str:
    """`url`'s database migrated to head and loaded with the seeds."""
    upgrade(url)
    engine = make_engine(url)
    load_seeds(engine, SEEDS_DIR, progress=quiet)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def seeded_template(databases: Databases) -> str:
    """A database migrated to head and loaded with the seeds, once per engine kind."""
    return migrate_and_seed(databases.new_url())


@pytest.fixture
def empty_engine(databases: Databases) -> Iterator[Engine]:
    """A database of its own, migrated to head, with nothing loaded."""
    url = databases.new_url()
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded_engine(databases: Databases, seeded_template: str) -> Iterator[Engine]:
    """A database of its own holding the loaded seeds; the test may change it freely."""
    engine = make_engine(databases.copy_url(seeded_template))
    yield engine
    engine.dispose()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A copy of seeds/ a test may corrupt."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


@pytest.fixture(scope="session")
def api_database_url(databases: Databases, seeded_template: str) -> str:
    """A seeded database the read-only API tests share (a copy: the template stays unused)."""
    return databases.copy_url(seeded_template)


@pytest.fixture(scope="session")
def api_settings(api_database_url: str) -> Settings:
    return Settings(database_url=api_database_url)


@pytest.fixture
def client(api_settings: Settings) -> Iterator[TestClient]:
    """The real app, over httpx, on the shared seeded database of each engine kind."""
    with TestClient(create_app(api_settings)) as test_client:
        yield test_client
