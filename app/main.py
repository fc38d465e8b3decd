"""Assembles the application: settings, database, routers, middleware and error handlers."""

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.core.config import Settings, get_settings
from app.core.errors import install_error_handlers
from app.meta.routes import router as meta_router


def operation_id(route: APIRoute) -> str:
    """Clean OpenAPI operation ids: the route function's name (`get_country_inventory`)."""
    return route.name


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="milcap",
        summary="An open, source-cited dataset of military capability.",
        version="0.1.0",
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(meta_router)
    return app
