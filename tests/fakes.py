"""Small test doubles shared by unit tests (real Resources, fake services)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge import load_repository


def real_resources():
    """The real curated repository (no model needed)."""
    return load_repository().all()


@dataclass
class RecordingSearch:
    """Returns the given resources in order as hits and records every call."""

    resources: list[Any]
    calls: list[dict[str, Any]] = field(default_factory=list)

    def search(self, query: str, k: int = 5, filters: Any = None):
        from retrieval.search import Hit, SearchResponse

        self.calls.append({"query": query, "k": k, "filters": filters})
        hits = [
            Hit(resource=r, score=1.0 - i / 10, why=["test"])
            for i, r in enumerate(self.resources[:k])
        ]
        return SearchResponse(
            hits=hits,
            fallback=False,
            note=None,
            abstained=not hits,
            reason=None if hits else "nothing relevant",
        )

    def get(self, resource_id: str):
        return next((r for r in self.resources if r.id == resource_id), None)
