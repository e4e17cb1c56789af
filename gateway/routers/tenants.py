"""GET /api/v1/tenants/{id}/config: the public part of a tenant (branding, greeting, helpline)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response

from gateway.deps import TenantsDep
from gateway.schemas import ErrorResponse
from gateway.tenants import TenantPublic

router = APIRouter(prefix="/api/v1", tags=["tenants"])


@router.get(
    "/tenants/{tenant_id}/config",
    response_model=TenantPublic,
    responses={404: {"model": ErrorResponse}},
)
def tenant_config(tenant_id: str, tenants: TenantsDep, response: Response) -> TenantPublic:
    """Never includes allowed origins, boosted resources or the API key hash."""
    tenant = tenants.get(tenant_id)
    if tenant is None:
        raise HTTPException(404, detail=f"unknown tenant {tenant_id!r}")
    response.headers["Cache-Control"] = "public, max-age=300"
    return tenant.public()
