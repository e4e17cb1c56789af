"""HTML pages and the widget script: ``/``, ``/widget.js``, ``/demo/{tenant}``, ``/console``."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib.resources import files

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from gateway.deps import TenantsDep

router = APIRouter(tags=["pages"], include_in_schema=False)

#: Pages served by the gateway run only the gateway's own scripts; bot output is never HTML.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'self'; form-action 'self'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@lru_cache(maxsize=8)
def _asset(name: str) -> str:
    return files("gateway.static").joinpath(name).read_text(encoding="utf-8")


def _page(name: str, **values: str) -> HTMLResponse:
    text = _asset(name)
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return HTMLResponse(text, headers=PAGE_HEADERS)


@router.get("/", response_class=HTMLResponse)
def index() -> HTMLResponse:
    """The bare chat page."""
    return _page("index.html")


@router.get("/widget.js")
def widget_js() -> Response:
    """The embeddable widget: ``<script src=".../widget.js" data-tenant="id" defer>``."""
    return Response(
        _asset("widget.js"),
        media_type="application/javascript; charset=utf-8",
        headers={
            "Cache-Control": "public, max-age=300",
            "X-Content-Type-Options": "nosniff",
            "Cross-Origin-Resource-Policy": "cross-origin",
        },
    )


@router.get("/demo/{tenant_id}", response_class=HTMLResponse)
def demo(tenant_id: str, tenants: TenantsDep) -> HTMLResponse:
    """A partner page that embeds the widget exactly as a partner site would."""
    tenant = tenants.get(tenant_id)
    if tenant is None:
        raise HTTPException(404, detail=f"unknown tenant {tenant_id!r}")
    return _page(
        "demo.html",
        TENANT_ID=html.escape(tenant.id, quote=True),
        TENANT_NAME=html.escape(tenant.name),
    )


@router.get("/console", response_class=HTMLResponse)
def console(request: Request) -> HTMLResponse:
    """Helpline console: search with filters, copyable summaries."""
    from knowledge import vocab

    options = {
        "biomarkers": sorted(vocab.biomarker_symbols()),
        "cancer_types": sorted(
            (c["code"], c.get("name", c["code"]))
            for c in vocab.load_vocab("cancer_types").get("cancer_types") or []
        ),
        "countries": sorted((c["code"], c.get("name", c["code"])) for c in vocab.country_entries()),
    }
    # JSON inside <script type="application/json">: escape "<" so no tag can close the block.
    data = json.dumps(options).replace("<", "\\u003c")
    return _page("console.html", OPTIONS_JSON=data)
