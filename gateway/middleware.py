"""Pure-ASGI middleware: request body size limit and per-tenant CORS.

Both run before routing, so a refused request costs no parsing and no Rasa call.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


async def _json(send: Send, status: int, body: dict[str, Any], headers: list | None = None) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class BodySizeLimit:
    """Answer 413 when a request body exceeds ``max_bytes``.

    Checks Content-Length first, then counts the bytes actually received, so chunked bodies
    and bodies with a false or missing Content-Length are caught too. Bodies are at most a few
    KB, so the accepted body is buffered and replayed to the app.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        too_large = {"detail": f"request body is larger than {self.max_bytes} bytes"}
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _json(send, 400, {"detail": "invalid Content-Length"})
                    return
                if declared > self.max_bytes:
                    await _json(send, 413, too_large, [(b"connection", b"close")])
                    return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                await _json(send, 413, too_large, [(b"connection", b"close")])
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


def tenant_of(scope: Scope) -> str:
    """Tenant id a request is made for: ``/api/v1/tenants/{id}/...`` or ``?tenant=``."""
    path: str = scope["path"]
    if path.startswith("/api/v1/tenants/"):
        return path.split("/")[4] or "default"
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return (query.get("tenant") or ["default"])[0] or "default"


class TenantCORS:
    """CORS for ``/api/``: an origin is allowed when the tenant of the request lists it.

    The gateway's own origin (demo page, console) is always allowed. A cross-origin request
    from an origin the tenant does not list gets 403 (no CORS headers), so a page elsewhere
    can neither read answers nor spend the tenant's limits. Preflights are answered here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if origin is None:
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host") or ""
        own = f"{scope.get('scheme', 'http')}://{host}".lower()
        tenant_id = tenant_of(scope)
        registry = scope["app"].state.tenants
        tenant = registry.get(tenant_id)
        is_preflight = scope["method"] == "OPTIONS" and _header(
            scope, b"access-control-request-method"
        )
        if origin.lower() != own:
            if tenant is None:
                await _json(send, 404, {"detail": f"unknown tenant {tenant_id!r}"})
                return
            if not tenant.allows_origin(origin):
                await _json(
                    send,
                    403,
                    {"detail": f"origin {origin} is not allowed for tenant {tenant_id!r}"},
                    [(b"vary", b"Origin")],
                )
                return
        cors = [
            (b"access-control-allow-origin", origin.encode("latin-1")),
            (b"vary", b"Origin"),
        ]
        if is_preflight:
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [
                        *cors,
                        (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
                        (b"access-control-allow-headers", b"Content-Type"),
                        (b"access-control-max-age", b"600"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *cors]}
            await send(message)

        await self.app(scope, receive, send_with_cors)
