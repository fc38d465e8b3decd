"""Assembles the application: settings, database, routers, middleware and error handlers."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.middleware.cors import CORSMiddleware

from app.agreements.routes import router as agreements_router
from app.categories.routes import router as categories_router
from app.core.caching import HttpCacheMiddleware
from app.core.config import Settings, get_settings
from app.core.dataset import DatasetState
from app.core.errors import install_error_handlers
from app.core.hygiene import install_hygiene
from app.core.metrics import install_metrics
from app.core.migrations import head_revision
from app.core.openapi import install_openapi
from app.core.reader import open_reader
from app.core.request_context import RequestContextMiddleware
from app.core.unsafe_values import UnsafeValuesMiddleware
from app.countries.directory import CountryDirectory
from app.countries.routes import router as countries_router
from app.docs.routes import install_docs
from app.equipment.routes import router as equipment_router
from app.events.routes import router as events_router
from app.indicators.routes import router as indicators_router
from app.inventory.routes import router as inventory_router
from app.inventory.schemas import InventoryEntryOut
from app.meta.routes import router as meta_router
from app.organizations.routes import router as organizations_router
from app.people.routes import router as people_router
from app.places.routes import router as places_router
from app.relations.routes import router as relations_router
from app.releases.routes import router as releases_router
from app.search.routes import router as search_router
from app.sources.routes import router as sources_router
from app.transfers.routes import router as transfers_router

ROUTERS = (
    countries_router,
    inventory_router,
    agreements_router,
    transfers_router,
    equipment_router,
    organizations_router,
    people_router,
    events_router,
    places_router,
    relations_router,
    indicators_router,
    sources_router,
    categories_router,
    search_router,
    releases_router,
    meta_router,
)

DESCRIPTION = """
An open, source-cited dataset of military capability. Every figure carries the verbatim
quote of the article it comes from (`citations`); sources that disagree are served side by
side; what no article says is `null`.

Lists return a `Page` (`items`, `total`, `limit`, `offset`) with a `Link` header, and CSV
with `?format=csv` or `Accept: text/csv`. Every error is an RFC 9457 problem document.
Responses carry an `ETag` bound to the dataset version (see `/meta`).
"""


def operation_id(route: APIRoute) -> str:
    """Clean OpenAPI operation ids: the route function's name (`get_country_inventory`)."""
    return route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    reader = open_reader(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await reader.close()

    app = FastAPI(
        title="milcap",
        summary="An open, source-cited dataset of military capability.",
        description=DESCRIPTION,
        version="0.1.0",
        generate_unique_id_function=operation_id,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.reader = reader
    app.state.dataset = DatasetState(reader)
    app.state.countries = CountryDirectory(reader)
    app.state.schema_head = head_revision()
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    install_docs(app)
    install_openapi(app, examples_of=[InventoryEntryOut])
    # Added innermost first: the request id wraps everything, so even a 304 carries it.
    app.add_middleware(
        HttpCacheMiddleware,
        dataset=app.state.dataset,
        enabled=settings.response_cache,
        max_bytes=settings.response_cache_max_bytes,
    )
    app.add_middleware(UnsafeValuesMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "OPTIONS"],
            allow_headers=["*"],
            expose_headers=["ETag", "Link", "X-Request-ID", "X-Total-Count"],
        )
    install_hygiene(app)
    install_metrics(app, settings.metrics_token)
    app.add_middleware(RequestContextMiddleware)
    return app
