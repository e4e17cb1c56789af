"""GET /api/v1/search: hybrid search over the curated repository."""

from __future__ import annotations

from fastapi import APIRouter, Query

from gateway.deps import SearchDep
from gateway.schemas import SearchResponsePublic

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get("/search", response_model=SearchResponsePublic)
def search(
    search: SearchDep,
    q: str = Query(..., min_length=1, max_length=500, description="Free-text query"),
    k: int = Query(5, ge=1, le=50),
) -> SearchResponsePublic:
    response = search.search(q, k=k)  # type: ignore[attr-defined]
    return SearchResponsePublic(
        results=[hit.to_public() for hit in response.hits],
        fallback=response.fallback,
        note=response.note,
        abstained=response.abstained,
        reason=response.reason,
    )
