"""What every response owes a client, whatever the route: security headers, HEAD wherever GET
is served, and no redirect built from the `Host` header.

The API serves JSON and CSV to any client, and two HTML pages (the docs) to browsers. The
headers keep a browser from reading a response as something else (nosniff), from showing any
of them inside another site's frame (clickjacking), and from telling other sites which URL of
the API linked to them. A response that sets its own Content-Security-Policy (the docs pages)
keeps it.
"""

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
CSP = b"content-security-policy"
DEFAULT_CSP = (CSP, b"frame-ancestors 'none'")


class HygieneMiddleware:
    """Adds the security headers; answers HEAD as the GET it stands for, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # FastAPI routes declare GET only (Starlette's own would add HEAD): every layer below
        # this one sees a GET, so HEAD gets the GET's status, headers and Content-Length.
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message["headers"] = list(message.get("headers", ()))
                if not any(name.lower() == CSP for name, _ in headers):
                    headers.append(DEFAULT_CSP)
                headers.extend(SECURITY_HEADERS)
            elif head and message["type"] == "http.response.body":
                message["body"] = b""
            await send(message)

        await self.app(scope, receive, send_secured)


def install_hygiene(app: FastAPI) -> None:
    # Starlette redirects `/countries/` to `/countries` with an absolute URL built from the
    # request's Host header, which any client sets: `Host: evil.example` made the API send
    # its users to evil.example. Paths end without a slash; one with a slash is a 404 problem
    # that names the path to use (app/core/errors.py).
    app.router.redirect_slashes = False
    app.add_middleware(HygieneMiddleware)
