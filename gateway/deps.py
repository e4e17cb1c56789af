"""Dependencies shared by the routers, as ``Annotated`` aliases so signatures stay short."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Query, Request

from gateway.rasa_client import RasaClient
from gateway.ratelimit import RateLimiter
from gateway.sessions import SessionIssuer
from gateway.settings import Settings
from gateway.tenants import Tenant, TenantRegistry


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def get_rasa(request: Request) -> RasaClient:
    return request.app.state.rasa


def get_sessions(request: Request) -> SessionIssuer:
    return request.app.state.sessions


def get_search(request: Request):  # -> retrieval.search.HybridSearch
    services = request.app.state.services
    if services is None:
        raise HTTPException(503, detail="the search index is still loading; try again shortly")
    return services.search


def get_tenants(request: Request) -> TenantRegistry:
    return request.app.state.tenants


def get_limiter(request: Request) -> RateLimiter:
    return request.app.state.limiter


def client_address(request: Request) -> str:
    """The peer address (behind a proxy, run uvicorn with --proxy-headers)."""
    return request.client.host if request.client else "unknown"


def get_query_tenant(
    tenants: Annotated[TenantRegistry, Depends(get_tenants)],
    tenant: Annotated[str | None, Query(description="Tenant id (default: `default`)")] = None,
) -> Tenant:
    """The tenant named by ``?tenant=``; 404 when unknown."""
    found = tenants.get(tenant)
    if found is None:
        raise HTTPException(404, detail=f"unknown tenant {tenant!r}")
    return found


def limit_client(
    request: Request,
    limiter: Annotated[RateLimiter, Depends(get_limiter)],
    tenants: Annotated[TenantRegistry, Depends(get_tenants)],
    x_api_key: Annotated[str | None, Header(description="Server-to-server API key")] = None,
) -> str | None:
    """Per-address rate limit. A valid tenant API key (a partner's server, relaying many
    people) skips it; an invalid key is refused. Returns the authenticated tenant id or None."""
    if x_api_key is not None:
        tenant = tenants.get(request.query_params.get("tenant"))
        if tenant is None or not tenant.check_api_key(x_api_key):
            raise HTTPException(401, detail="invalid API key for this tenant")
        return tenant.id
    limiter.check_client(client_address(request))
    return None


SettingsDep = Annotated[Settings, Depends(get_settings)]
RasaDep = Annotated[RasaClient, Depends(get_rasa)]
SessionsDep = Annotated[SessionIssuer, Depends(get_sessions)]
SearchDep = Annotated[object, Depends(get_search)]
TenantsDep = Annotated[TenantRegistry, Depends(get_tenants)]
LimiterDep = Annotated[RateLimiter, Depends(get_limiter)]
QueryTenantDep = Annotated[Tenant, Depends(get_query_tenant)]
ClientLimitDep = Annotated[str | None, Depends(limit_client)]
