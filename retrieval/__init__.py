"""Hybrid retrieval over the curated knowledge repository.

Dense (sentence-transformers + FAISS) and keyword (BM25) search, fused, then filtered by
metadata (biomarker, cancer type, region, audience, kind, language, status).

Importing this package is cheap: torch, faiss and bm25s are imported inside the functions that
need them. Public names are exported lazily.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "Embedder",
    "Filters",
    "Hit",
    "HybridSearch",
    "SearchConfig",
    "SearchResponse",
    "VectorIndex",
]

_EXPORTS = {
    "Embedder": "retrieval.embedder",
    "VectorIndex": "retrieval.index",
    "Filters": "retrieval.filters",
    "Hit": "retrieval.search",
    "HybridSearch": "retrieval.search",
    "SearchConfig": "retrieval.search",
    "SearchResponse": "retrieval.search",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'retrieval' has no attribute {name!r}")
