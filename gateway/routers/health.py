"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from gateway.deps import RasaDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is alive."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request, rasa: RasaDep) -> JSONResponse:
    """Ready when the search index is loaded and Rasa answers."""
    checks = {
        "search": getattr(request.app.state, "services", None) is not None,
        "rasa": await rasa.ready(),
    }
    status = 200 if all(checks.values()) else 503
    return JSONResponse({"ready": status == 200, "checks": checks}, status_code=status)
