"""Prometheus metrics at /metrics: request counts and latency histograms by route template.

Built on prometheus_client, the Prometheus project's own instrumentation library, with a thin
ASGI middleware of ours: prometheus-fastapi-instrumentator was measured to cost about as much
per request as serving a cached response (it builds Request and Response objects and matches
every route on every request); here the route template comes from what the router recorded.
"""

import hmac
import os
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from pydantic import SecretStr
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import problem_response

METRICS_PATH = "/metrics"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
MAX_REMEMBERED_PATHS = 10_000


class MetricsMiddleware:
    def __init__(self, app: ASGIApp, routes: FastAPI, registry: CollectorRegistry) -> None:
        self.app = app
        self.routes = routes
        self.requests = Counter(
            "milcap_http_requests",
            "HTTP requests answered, by method, route template and status",
            ["method", "route", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "milcap_http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        self._templates: dict[str, str] = {}
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def template(self, scope: Scope) -> str:
        """The route template (`/countries/{code}`) of the request, for the metric label.

        The router records the route it chose in the scope; a response served from the cache
        never reaches the router, so the template is remembered per path.
        """
        path: str = scope["path"]
        route = scope.get("route")
        template = getattr(route, "path_format", None)
        if template is None:
            return self._templates.get(path, "unmatched")
        if len(self._templates) < MAX_REMEMBERED_PATHS:
            self._templates[path] = template
        return str(template)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == METRICS_PATH:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            key = (scope["method"], self.template(scope), status)
            children = self._children.get(key)
            if children is None:
                children = (
                    self.requests.labels(key[0], key[1], str(status)),
                    self.latency.labels(key[0], key[1]),
                )
                self._children[key] = children
            children[0].inc()
            children[1].observe(time.perf_counter() - started)


def _authorized(request: Request, token: SecretStr) -> bool:
    """`Authorization: Bearer <token>`, compared in constant time."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = token.get_secret_value().encode()
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected)


def install_metrics(app: FastAPI, token: SecretStr | None = None) -> None:
    """/metrics, open to anyone, or with `token` only to a client that presents it."""
    registry = CollectorRegistry()
    app.add_middleware(MetricsMiddleware, routes=app, registry=registry)

    @app.get(METRICS_PATH, include_in_schema=False)
    async def get_metrics(request: Request) -> Response:
        """Prometheus exposition of the request metrics."""
        if token is not None and not _authorized(request, token):
            return problem_response(
                request,
                401,
                "The metrics need `Authorization: Bearer <METRICS_TOKEN>`",
                "unauthorized",
                headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
            )
        if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
            # Several workers: add up what every worker process recorded.
            combined = CollectorRegistry()
            multiprocess.MultiProcessCollector(combined)  # type: ignore[no-untyped-call]
            return Response(generate_latest(combined), media_type=CONTENT_TYPE_LATEST)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
