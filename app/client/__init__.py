"""A Python client of the milcap API, returning the API's own pydantic models.

    from app.client import MilcapClient, NotFound

    with MilcapClient("http://127.0.0.1:8000") as milcap:   # or MILCAP_URL
        for entry in milcap.walk(milcap.country_inventory, "KZ", latest=True):
            print(entry.category, entry.quantity, entry.citations[0].quote)

`AsyncMilcapClient` is the same for asyncio.
"""

from app.client.aio import AsyncMilcapClient
from app.client.errors import (
    MilcapError,
    NotFound,
    ServerError,
    ServiceUnavailable,
    UnexpectedResponse,
    Unreachable,
    ValidationFailed,
)
from app.client.passages import Passage, find_quote, passage_around
from app.client.sync import MilcapClient
from app.client.transport import DEFAULT_URL, NO_RETRIES, URL_VARIABLE, RetryPolicy

__all__ = [
    "DEFAULT_URL",
    "NO_RETRIES",
    "URL_VARIABLE",
    "AsyncMilcapClient",
    "MilcapClient",
    "MilcapError",
    "NotFound",
    "Passage",
    "RetryPolicy",
    "ServerError",
    "ServiceUnavailable",
    "UnexpectedResponse",
    "Unreachable",
    "ValidationFailed",
    "find_quote",
    "passage_around",
]
