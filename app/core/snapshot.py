"""Which release a response's data came from: the version read beside the data, per request.

A load may commit while a request is being answered. The response's ETag and any
`dataset_version` in its body must name the release its rows came from, so the reader notes
the release just before a request's first statement (`Snapshot.release`), and the response
cache compares it with the release read again once the body is made (app/core/caching.py):
equal, and every statement in between saw that release, since a load commits at once.
"""

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Release:
    version: str
    loaded_at: str


@dataclass
class Snapshot:
    """The release one request reads, noted by the reader at its first statement."""

    release: Release | None = None
    read: bool = False


current_snapshot: ContextVar[Snapshot | None] = ContextVar("current_snapshot", default=None)
