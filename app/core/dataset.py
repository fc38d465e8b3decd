"""Which dataset release the database holds: the version behind every ETag and cached response."""

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine

from app.core.reader import DatabaseUnavailable, Reader


@dataclass
class Release:
    version: str
    loaded_at: str


def _iso(value: object) -> str:
    """ISO 8601 whether the driver hands back a datetime (psycopg) or text (sqlite3)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    # The loader writes UTC; SQLite hands it back without the offset.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


class DatasetState:
    """The current release, re-read at most once per `ttl` seconds (a load may happen anytime)."""

    def __init__(self, engine: Engine, ttl: float = 1.0) -> None:
        self.reader = Reader(engine)
        self.ttl = ttl
        self._release: Release | None = None
        self._checked_at = float("-inf")

    def current(self) -> Release | None:
        now = time.monotonic()
        if now - self._checked_at >= self.ttl:
            self._checked_at = now
            try:
                row = self.reader.one("SELECT version, loaded_at FROM dataset_release LIMIT 1")
            except DatabaseUnavailable:
                row = None  # served as "unloaded"; the routes themselves answer 503
                self._checked_at = float("-inf")
            self._release = Release(row["version"], _iso(row["loaded_at"])) if row else None
        return self._release

    @property
    def version(self) -> str:
        release = self.current()
        return release.version if release else "unloaded"
