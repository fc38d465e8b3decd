"""Swagger UI at /docs and ReDoc at /redoc, every asset served by the application itself.

FastAPI's stock pages load their JavaScript, CSS and favicon from a CDN (and ReDoc its fonts
from Google), so on a machine without internet they stay blank. The assets come instead from
the `fastapi-offline` package, which ships swagger-ui-dist 5 and redoc 2 as package data;
the pages are built the way FastAPI documents it:
https://fastapi.tiangolo.com/how-to/custom-docs-ui-assets/
"""

from functools import cache
from pathlib import Path
from typing import NamedTuple, TypedDict

import fastapi_offline
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, Response

from app.core.errors import NotFound

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
ASSETS_URL = "/docs/assets"
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
# The browser itself keeps the pages from loading anything from another host. Needed for
# ReDoc 2, whose menu always shows its vendor's logo from cdn.redoc.ly (no option turns it
# off; blocked, the image hides itself); a guard for whatever a later asset version adds.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",  # each page starts its UI from an inline script
        "style-src 'self' 'unsafe-inline'",  # both UIs set inline styles
        "img-src 'self' data:",
        "worker-src 'self' blob:",  # ReDoc builds its search index in a worker
        "frame-ancestors 'none'",  # no other site may show the pages in a frame
    )
)


class Asset(NamedTuple):
    path: Path
    media_type: str


ASSETS = {
    "swagger-ui-bundle.js": Asset(ASSETS_DIR / "swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": Asset(ASSETS_DIR / "swagger-ui.css", "text/css"),
    "redoc.standalone.js": Asset(ASSETS_DIR / "redoc.standalone.js", "text/javascript"),
    "favicon.png": Asset(ASSETS_DIR / "favicon.png", "image/png"),
}

router = APIRouter(include_in_schema=False)


def _prefix(request: Request) -> str:
    """The path the application is mounted under (behind a proxy), so the pages' URLs resolve."""
    root_path: str = request.scope.get("root_path", "")
    return root_path.rstrip("/")


def _openapi_url(request: Request) -> str:
    app: FastAPI = request.app
    if app.openapi_url is None:
        raise NotFound("The OpenAPI document is disabled, so there is nothing to document")
    return _prefix(request) + app.openapi_url


class _PageBasics(TypedDict):
    openapi_url: str
    title: str


def _basics(request: Request, ui: str) -> _PageBasics:
    """What each docs page is given: the OpenAPI document's URL and the page's title."""
    app: FastAPI = request.app
    return {"openapi_url": _openapi_url(request), "title": f"{app.title} - {ui}"}


def _asset_url(request: Request, name: str) -> str:
    return f"{_prefix(request)}{ASSETS_URL}/{name}"


def _confined(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page


@cache
def _asset_bytes(name: str) -> bytes:
    return ASSETS[name].path.read_bytes()


@router.get(DOCS_URL, response_class=HTMLResponse)
async def get_swagger_ui(request: Request) -> HTMLResponse:
    """The Swagger UI page: try every operation from the browser."""
    page = get_swagger_ui_html(
        **_basics(request, "Swagger UI"),
        oauth2_redirect_url=_prefix(request) + OAUTH2_REDIRECT_URL,
        swagger_js_url=_asset_url(request, "swagger-ui-bundle.js"),
        swagger_css_url=_asset_url(request, "swagger-ui.css"),
        swagger_favicon_url=_asset_url(request, "favicon.png"),
        swagger_ui_parameters=request.app.swagger_ui_parameters,
    )
    return _confined(page)


@router.get(OAUTH2_REDIRECT_URL, response_class=HTMLResponse)
async def get_swagger_ui_oauth2_redirect() -> HTMLResponse:
    """Where an OAuth2 provider sends the browser back to Swagger UI."""
    return _confined(get_swagger_ui_oauth2_redirect_html())


@router.get(REDOC_URL, response_class=HTMLResponse)
async def get_redoc(request: Request) -> HTMLResponse:
    """The ReDoc page: the reference, read as one document."""
    page = get_redoc_html(
        **_basics(request, "ReDoc"),
        redoc_js_url=_asset_url(request, "redoc.standalone.js"),
        redoc_favicon_url=_asset_url(request, "favicon.png"),
        with_google_fonts=False,
    )
    return _confined(page)


# Routes over a fixed set of files rather than a StaticFiles mount: a mount answers HEAD with
# an empty body, which HttpCacheMiddleware (keyed by path, not method) would then serve to
# every later GET of that asset.
@router.get(f"{ASSETS_URL}/{{name}}")
async def get_docs_asset(name: str) -> Response:
    """One of the docs pages' JavaScript, CSS or favicon files."""
    asset = ASSETS.get(name)
    if asset is None:
        raise NotFound(f"No documentation asset named {name!r}")
    return Response(_asset_bytes(name), media_type=asset.media_type)


def install_docs(app: FastAPI) -> None:
    """Serve the docs pages; the app must be created with `docs_url=None, redoc_url=None`."""
    if app.docs_url is not None or app.redoc_url is not None:
        raise ValueError("create the app with docs_url=None and redoc_url=None")
    app.include_router(router)
