"""Ranking metrics over the queries / corpus / relevant_docs shape.

All functions take `ranked` (a list of document ids, best first) and `relevant` (a set of ids)
and return a float in [0, 1].
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence


def recall_at_k(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    """Share of the relevant documents found in the top k, capped by k:
    |relevant ∩ top k| / min(|relevant|, k). Listing alternatives in a label is not punished:
    a query with 4 acceptable answers scores 1.0 at k=1 when the first hit is one of them."""
    if not relevant:
        raise ValueError("relevant must not be empty")
    found = len(relevant & set(ranked[:k]))
    return found / min(len(relevant), k)


def hit_at_k(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    """1.0 when at least one relevant document is in the top k, else 0.0."""
    return 1.0 if relevant & set(ranked[:k]) else 0.0


def mrr_at_k(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    """Reciprocal rank of the first relevant document within the top k (0 if none)."""
    for rank, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    """Binary-relevance nDCG@k."""
    dcg = sum(1.0 / math.log2(i + 2) for i, doc in enumerate(ranked[:k]) if doc in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return dcg / ideal if ideal else 0.0


METRICS = {
    "R@1": lambda r, rel: recall_at_k(r, rel, 1),
    "R@3": lambda r, rel: recall_at_k(r, rel, 3),
    "R@5": lambda r, rel: recall_at_k(r, rel, 5),
    "Hit@3": lambda r, rel: hit_at_k(r, rel, 3),
    "MRR@10": lambda r, rel: mrr_at_k(r, rel, 10),
    "nDCG@10": lambda r, rel: ndcg_at_k(r, rel, 10),
}


def evaluate(
    runs: Mapping[str, Sequence[str]],
    relevant_docs: Mapping[str, set[str]],
    query_ids: Iterable[str] | None = None,
) -> dict[str, float]:
    """Mean of every metric in METRICS over query_ids (default: all of relevant_docs).

    runs maps query id -> ranked doc ids; a query missing from runs counts as an empty ranking.
    """
    ids = list(query_ids if query_ids is not None else relevant_docs)
    if not ids:
        raise ValueError("no queries to evaluate")
    return {
        name: sum(fn(runs.get(q, []), relevant_docs[q]) for q in ids) / len(ids)
        for name, fn in METRICS.items()
    }
