"""The bare chat page at ``/``."""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def index() -> HTMLResponse:
    html = files("gateway.static").joinpath("index.html").read_text(encoding="utf-8")
    return HTMLResponse(html, headers={"Content-Security-Policy": "default-src 'self'; "
                                       "script-src 'self' 'unsafe-inline'; style-src 'self' "
                                       "'unsafe-inline'; object-src 'none'; base-uri 'none'"})
