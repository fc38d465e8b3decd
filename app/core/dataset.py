"""Which dataset release the database holds, as far as this worker knows: the version its
response cache is keyed by.

Answering from the cache must not wait for the database, so the release is re-read in the
background, at most once per `ttl` seconds (a load may happen at any time), and learnt at
once from any response computed under a newer one (app/core/caching.py).
"""

import asyncio
import time

from app.core.connections import DatabaseUnavailable
from app.core.reader import Reader
from app.core.snapshot import Release


class DatasetState:
    def __init__(self, reader: Reader, ttl: float = 1.0) -> None:
        self.reader = reader
        self.ttl = ttl
        self.release: Release | None = None
        self._checked_at = float("-inf")
        self._refreshing: asyncio.Task[None] | None = None

    @property
    def version(self) -> str:
        return self.release.version if self.release else "unloaded"

    def known_version(self) -> str:
        """The version to look responses up by: the one known, refreshed in the background
        when it is older than `ttl`. Never waited for: until a release is known, responses
        are computed (and teach it, through `observe`), not looked up."""
        if time.monotonic() - self._checked_at >= self.ttl and self._refreshing is None:
            self._refreshing = asyncio.create_task(self._refresh())
            self._refreshing.add_done_callback(self._refreshed)
        return self.version

    def observe(self, release: Release | None) -> None:
        """A release a response was computed under: adopted when it is newer than the known one
        (a request that began before a load may finish after one that began after it)."""
        if release is not None and (
            self.release is None or release.loaded_at > self.release.loaded_at
        ):
            self.release = release

    async def _refresh(self) -> None:
        self._checked_at = time.monotonic()
        try:
            release = await self.reader.latest_release()
        except DatabaseUnavailable:
            return  # kept as it was; the routes themselves answer 503
        self.release = release  # read just now: the newest there is

    def _refreshed(self, task: "asyncio.Task[None]") -> None:
        self._refreshing = None
        if not task.cancelled():
            task.exception()  # retrieved, so that asyncio does not report it again
