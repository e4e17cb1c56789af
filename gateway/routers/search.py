"""GET /api/v1/search (hybrid search with every filter) and GET /api/v1/resources/{id}."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from gateway.deps import ClientLimitDep, SearchDep, TenantsDep
from gateway.schemas import Audience, ErrorResponse, ResourcePublic, SearchResponsePublic

router = APIRouter(prefix="/api/v1", tags=["search"])


def _contact(resource: Any) -> dict[str, Any] | None:
    contact = getattr(resource, "contact", None)
    if contact is None:
        return None
    data = contact.model_dump(exclude_none=True) if hasattr(contact, "model_dump") else contact
    return data or None


@router.get(
    "/search",
    response_model=SearchResponsePublic,
    responses={404: {"model": ErrorResponse}, 429: {"model": ErrorResponse}},
)
def search(
    _limited: ClientLimitDep,
    search: SearchDep,
    tenants: TenantsDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Free-text query")],
    k: Annotated[int, Query(ge=1, le=50)] = 5,
    biomarker: Annotated[
        list[str] | None,
        Query(max_length=10, description="Biomarker symbol(s), e.g. EGFR (repeatable)"),
    ] = None,
    cancer_type: Annotated[
        str | None, Query(max_length=32, description="OncoTree code, e.g. NSCLC")
    ] = None,
    country: Annotated[
        str | None, Query(max_length=8, description="ISO 3166-1 alpha-2, e.g. GB")
    ] = None,
    audience: Annotated[Audience | None, Query(description="Who the results are for")] = None,
    kind: Annotated[
        list[str] | None,
        Query(max_length=12, description="Resource kind(s), e.g. community (repeatable)"),
    ] = None,
    language: Annotated[str | None, Query(max_length=8, description="ISO 639-1, e.g. en")] = None,
    tenant: Annotated[
        str | None, Query(description="Tenant whose own resources come first")
    ] = None,
) -> SearchResponsePublic:
    """Results carry owner, last-reviewed date, contact and plain-language summary."""
    from retrieval.search import Filters

    owner = tenants.get(tenant)
    if owner is None:
        raise HTTPException(404, detail=f"unknown tenant {tenant!r}")
    filters = Filters(
        biomarkers=biomarker,
        cancer_type=cancer_type,
        country=country.upper() if country else None,
        audience=audience,
        kind=kind,
        language=language,
    )
    response = search.search(q, k=k, filters=filters)  # type: ignore[attr-defined]
    results = []
    for hit in response.hits:
        public = hit.to_public()
        public["summary"] = getattr(hit.resource, "summary", None)
        public["contact"] = _contact(hit.resource)
        if hit.resource.id in owner.boost_resources:
            public["why"] = [f"recommended by {owner.name}", *public["why"]]
        results.append(public)
    if owner.boost_resources:
        boosted = set(owner.boost_resources)
        results.sort(key=lambda r: r["id"] not in boosted)  # stable: keeps relevance order
    return SearchResponsePublic(
        results=results,
        fallback=response.fallback,
        note=response.note,
        abstained=response.abstained,
        reason=response.reason,
    )


@router.get(
    "/resources/{resource_id}",
    response_model=ResourcePublic,
    responses={404: {"model": ErrorResponse}},
)
def resource(resource_id: str, search: SearchDep) -> ResourcePublic:
    """One curated resource; retired or unverified resources are not served (404)."""
    found = search.get(resource_id)  # type: ignore[attr-defined]
    if found is None or not found.is_clinician_visible():
        raise HTTPException(404, detail=f"no resource {resource_id!r}")
    data = found.model_dump(mode="json", exclude={"notes", "also_sources", "boost_tags"})
    data["contact"] = _contact(found)
    data["kind"] = str(data["kind"])
    return ResourcePublic(**{k: v for k, v in data.items() if k in ResourcePublic.model_fields})
