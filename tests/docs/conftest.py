"""Fixtures of the documentation tests: the live API (shared: tests/live_server.py)."""

from tests.live_server import live_server

__all__ = ["live_server"]
