"""Fixtures of the client tests: the live API (shared: tests/live_server.py) and a client of it."""

from collections.abc import Iterator

import pytest

from app.client import MilcapClient, RetryPolicy
from tests.live_server import LiveServer, live_server

__all__ = ["live_server"]


@pytest.fixture
def milcap(live_server: LiveServer) -> Iterator[MilcapClient]:
    """A client of the live API; retries kept short, so that a failure shows at once."""
    with MilcapClient(live_server.url, retry=RetryPolicy(retries=1, backoff=0.01)) as client:
        yield client
