"""Fixtures of the CLI tests: the live API (shared: tests/live_server.py) and a command runner."""

import pytest
from typer.testing import CliRunner

from tests.live_server import live_server

__all__ = ["live_server"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
