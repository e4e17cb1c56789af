"""Benchmark helpers: the synthetic generator and derived vectors (no timing here)."""

from __future__ import annotations

import numpy as np

from bench.synthetic import TODAY, derive_vectors, generate
from retrieval.fakes import KeywordEncoder
from retrieval.filters import Filters
from retrieval.search import HybridSearch


def test_generate_is_deterministic_and_realistic() -> None:
    first, second = generate(300, seed=3), generate(300, seed=3)
    assert [r.summary for r in first] == [r.summary for r in second]
    assert len({r.id for r in first}) == 300
    words = np.mean([len(r.summary.split()) for r in first])
    assert 10 <= words <= 120
    assert any(not r.is_patient_visible(TODAY) for r in first)  # the status filter has work


def test_synthetic_resources_work_with_hybrid_search() -> None:
    resources = generate(200, seed=1)
    engine = HybridSearch.build(resources, KeywordEncoder(["lung", "trial", "support"]))
    response = engine.search("lung cancer support", k=5, filters=Filters(country="GB"), today=TODAY)
    assert response.hits
    for hit in response.hits:
        assert {"GB", "GLOBAL"} & {r.upper() for r in hit.resource.regions}
        assert hit.resource.is_patient_visible(TODAY)


def test_derived_vectors_are_unit_and_near_the_base() -> None:
    rng = np.random.default_rng(0)
    base = rng.standard_normal((50, 16)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    derived = derive_vectors(base, 1000, seed=2)
    assert derived.shape == (1000, 16) and derived.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(derived, axis=1), 1.0, atol=1e-5)
    assert float((derived @ base.T).max(axis=1).mean()) > 0.8
