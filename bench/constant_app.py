"""The framework ceiling: one `async def` route answering a small constant JSON document.

Served by the same uvicorn command as milcap, it measures what FastAPI, uvicorn and the
loopback cost without any work of our own; milcap's cached route is compared with it.
"""

from fastapi import FastAPI

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.get("/")
async def constant() -> dict[str, str]:
    """A constant document, the same on every request."""
    return {"status": "ok", "service": "constant"}
