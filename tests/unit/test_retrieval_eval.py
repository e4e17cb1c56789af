"""Retrieval evaluation: metric definitions and the labelled set's shape."""

from __future__ import annotations

import math

import pytest

from eval.retrieval.__main__ import PERSONA_AUDIENCE, load_dataset, write_docs
from eval.retrieval.metrics import evaluate, hit_at_k, mrr_at_k, ndcg_at_k, recall_at_k


def test_recall_is_capped_by_k() -> None:
    assert recall_at_k(["a", "x", "y"], {"a", "b", "c", "d"}, 1) == 1.0
    assert recall_at_k(["x", "a", "b"], {"a", "b", "c", "d"}, 3) == pytest.approx(2 / 3)
    assert recall_at_k(["x", "y", "a"], {"a"}, 3) == 1.0
    assert recall_at_k(["x", "y", "z", "a"], {"a"}, 3) == 0.0
    with pytest.raises(ValueError):
        recall_at_k(["a"], set(), 1)


def test_hit_mrr_ndcg() -> None:
    assert hit_at_k(["x", "a"], {"a"}, 1) == 0.0
    assert hit_at_k(["x", "a"], {"a"}, 2) == 1.0
    assert mrr_at_k(["x", "y", "a"], {"a", "b"}) == pytest.approx(1 / 3)
    assert mrr_at_k(["x"] * 10 + ["a"], {"a"}, 10) == 0.0
    assert ndcg_at_k(["a", "b"], {"a", "b"}) == pytest.approx(1.0)
    assert ndcg_at_k(["x", "a"], {"a"}) == pytest.approx(1 / math.log2(3))


def test_evaluate_averages_and_counts_missing_runs_as_empty() -> None:
    result = evaluate({"q1": ["a"]}, {"q1": {"a"}, "q2": {"b"}})
    assert result["R@1"] == 0.5
    assert result["MRR@10"] == 0.5


def test_labelled_set_has_at_least_200_queries_with_valid_shape() -> None:
    queries, off_topic = load_dataset()
    assert len(queries) >= 200
    assert len({q.qid for q in queries}) == len(queries)
    assert len({q.text.lower() for q in queries}) == len(queries), "duplicate query text"
    assert {q.persona for q in queries} == set(PERSONA_AUDIENCE)
    allowed = {"country", "biomarkers", "cancer_type", "kind", "language"}
    for q in queries:
        assert q.relevant
        assert set(q.filters) <= allowed, q.qid
    assert len(off_topic) >= 10


def test_write_docs_replaces_only_the_retrieval_block(tmp_path) -> None:
    path = tmp_path / "evaluation.md"
    path.write_text("# Evaluation\n\n## NLU\n\nnlu numbers\n")
    write_docs("<!-- retrieval-eval:start -->\nfirst\n<!-- retrieval-eval:end -->", path)
    write_docs("<!-- retrieval-eval:start -->\nsecond\n<!-- retrieval-eval:end -->", path)
    text = path.read_text()
    assert "nlu numbers" in text
    assert "second" in text and "first" not in text
    assert text.count("## Retrieval") == 1
