"""VectorIndex: exact search equals brute-force cosine, masks, manifest persistence, staleness."""

from __future__ import annotations

import json

import numpy as np
import pytest

from retrieval.embedder import normalise
from retrieval.index import MANIFEST, VECTORS, IndexLoadError, VectorIndex


def _vectors(n: int, dim: int = 32, seed: int = 7) -> np.ndarray:
    return normalise(np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32))


def _ids(n: int) -> list[str]:
    return [f"r{i}" for i in range(n)]


def test_flat_top_k_equals_brute_force_cosine() -> None:
    vectors = _vectors(500)
    queries = _vectors(20, seed=11)
    index = VectorIndex.build(vectors, _ids(500), "m", "h", index_type="flat")
    scores, rows = index.search(queries, 10)
    brute = queries @ vectors.T
    expected = np.argsort(-brute, axis=1)[:, :10]
    np.testing.assert_array_equal(rows, expected)
    np.testing.assert_allclose(scores, np.take_along_axis(brute, expected, axis=1), atol=1e-5)


def test_allowed_mask_restricts_results_to_brute_force_over_allowed_rows() -> None:
    vectors = _vectors(300)
    query = _vectors(1, seed=3)
    allowed = np.zeros(300, dtype=bool)
    allowed[::7] = True
    index = VectorIndex.build(vectors, _ids(300), "m", "h", index_type="flat")
    _, rows = index.search(query, 5, allowed=allowed)
    candidates = np.flatnonzero(allowed)
    expected = candidates[np.argsort(-(vectors[candidates] @ query[0]))[:5]]
    np.testing.assert_array_equal(rows[0], expected)


def test_fewer_allowed_rows_than_k_pads_with_minus_one() -> None:
    index = VectorIndex.build(_vectors(50), _ids(50), "m", "h")
    allowed = np.zeros(50, dtype=bool)
    allowed[[4, 9]] = True
    scores, rows = index.search(_vectors(1, seed=1), 5, allowed=allowed)
    assert sorted(rows[0][:2].tolist()) == [4, 9]
    assert rows[0][2:].tolist() == [-1, -1, -1]
    assert np.isneginf(scores[0][2:]).all()


def _clustered(n: int, dim: int = 32, seed: int = 7) -> np.ndarray:
    """Vectors around 40 centres: neighbourhoods exist, as in real embeddings."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((40, dim))
    return normalise(centres[rng.integers(0, 40, n)] + 0.3 * rng.standard_normal((n, dim)))


@pytest.mark.parametrize("ann", ["hnsw", "ivf"])
def test_auto_switches_to_ann_at_threshold_and_recall_is_high(ann: str) -> None:
    vectors = _clustered(3000)
    queries = _clustered(50, seed=5)
    flat = VectorIndex.build(vectors, _ids(3000), "m", "h", ann_threshold=5000, ann=ann)
    approx_index = VectorIndex.build(
        vectors, _ids(3000), "m", "h", ann_threshold=1000, ann=ann, nprobe=16
    )
    assert flat.index_type == "flat"
    assert approx_index.index_type == ann
    _, exact = flat.search(queries, 10)
    _, approx = approx_index.search(queries, 10)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact, strict=True)])
    assert recall >= 0.9


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_reconstruct_returns_stored_vectors(kind: str) -> None:
    vectors = _vectors(64)
    index = VectorIndex.build(vectors, _ids(64), "m", "h", index_type=kind, nlist=4)
    rows = np.array([5, 0, 63])
    np.testing.assert_allclose(index.reconstruct(rows), vectors[rows], atol=1e-6)


@pytest.mark.parametrize("kind", ["hnsw", "ivf"])
def test_selective_filter_on_ann_index_is_exact(kind: str) -> None:
    vectors = _clustered(2000)
    query = _clustered(1, seed=9)
    allowed = np.zeros(2000, dtype=bool)
    allowed[np.random.default_rng(1).choice(2000, 150, replace=False)] = True
    index = VectorIndex.build(
        vectors, _ids(2000), "m", "h", index_type=kind, nprobe=1, exact_subset_max=500
    )
    scores, rows = index.search(query, 10, allowed=allowed)
    candidates = np.flatnonzero(allowed)
    sims = vectors[candidates] @ query[0]
    np.testing.assert_array_equal(rows[0], candidates[np.argsort(-sims)[:10]])
    np.testing.assert_allclose(scores[0], np.sort(sims)[::-1][:10], atol=1e-5)


def test_ivf_round_trip_keeps_parameters(tmp_path) -> None:
    vectors = _clustered(500)
    index = VectorIndex.build(vectors, _ids(500), "m", "h", index_type="ivf", nlist=16, nprobe=4)
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path)
    assert loaded.index_type == "ivf"
    assert loaded.params["nlist"] == 16 and loaded.params["nprobe"] == 4
    q = _clustered(5, seed=3)
    np.testing.assert_array_equal(loaded.search(q, 5)[1], index.search(q, 5)[1])
    np.testing.assert_allclose(loaded.reconstruct(np.array([7])), vectors[[7]], atol=1e-6)


def test_save_load_round_trip_with_manifest(tmp_path) -> None:
    vectors = _vectors(30)
    index = VectorIndex.build(vectors, _ids(30), "mini", "abc123")
    index.save(tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    assert manifest["model"] == "mini"
    assert manifest["dimension"] == 32
    assert manifest["content_hash"] == "abc123"
    assert manifest["ids"] == _ids(30)
    assert manifest["index_type"] == "flat"
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST, VECTORS]
    assert not (tmp_path / VECTORS).read_bytes().startswith(b"\x80")  # not a pickle
    loaded = VectorIndex.load(tmp_path)
    assert loaded.ids == index.ids
    q = _vectors(3, seed=2)
    np.testing.assert_array_equal(loaded.search(q, 5)[1], index.search(q, 5)[1])


def test_is_current_detects_model_and_hash_changes(tmp_path) -> None:
    VectorIndex.build(_vectors(5), _ids(5), "mini", "h1").save(tmp_path)
    assert VectorIndex.is_current(tmp_path, "mini", "h1")
    assert not VectorIndex.is_current(tmp_path, "mini", "h2")
    assert not VectorIndex.is_current(tmp_path, "other-model", "h1")
    assert not VectorIndex.is_current(tmp_path / "missing", "mini", "h1")


def test_load_rejects_manifest_that_does_not_match_vectors(tmp_path) -> None:
    VectorIndex.build(_vectors(5), _ids(5), "mini", "h1").save(tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["ids"] = manifest["ids"][:3]
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexLoadError, match="manifest"):
        VectorIndex.load(tmp_path)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"ids": ["a", "a"]}, "unique"),
        ({"ids": ["a"]}, "1 ids for 2 vectors"),
        ({"index_type": "lsh"}, "index_type"),
        ({"index_type": "ivf", "nlist": 10}, "IVF needs at least"),
        ({"ann": "pq"}, "ann must be"),
        ({"ann_threshold": 0}, "ann_threshold"),
    ],
)
def test_build_validates_arguments(kwargs: dict, message: str) -> None:
    args = {"vectors": _vectors(2), "ids": ["a", "b"], "model": "m", "content_hash": "h"}
    args.update(kwargs)
    with pytest.raises(ValueError, match=message):
        VectorIndex.build(**args)


def test_search_rejects_bad_k_and_dimension() -> None:
    index = VectorIndex.build(_vectors(5), _ids(5), "m", "h")
    with pytest.raises(ValueError, match="k must be > 0"):
        index.search(_vectors(1), 0)
    with pytest.raises(ValueError, match="shape"):
        index.search(_vectors(1, dim=8), 3)


def test_embedder_validates_threads_without_loading_the_model() -> None:
    from retrieval.embedder import Embedder

    with pytest.raises(ValueError, match="threads must be > 0"):
        Embedder(threads=0)
    assert Embedder().model_name == "all-MiniLM-L6-v2"


def test_ivf_filtered_search_above_the_exact_bound_keeps_recall() -> None:
    vectors = _clustered(6000)
    queries = _clustered(20, seed=4)
    allowed = np.random.default_rng(2).random(6000) < 0.5  # ~3000 rows: above the IVF bound
    index = VectorIndex.build(vectors, _ids(6000), "m", "h", index_type="ivf")
    assert allowed.sum() > index.params["exact_subset_max"]
    _, approx = index.search(queries, 10, allowed=allowed)
    rows = np.flatnonzero(allowed)
    exact = rows[np.argsort(-(queries @ vectors[rows].T), axis=1)[:, :10]]
    assert all(set(a) <= set(rows) for a in approx)
    recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(approx, exact, strict=True)])
    assert recall >= 0.9


@pytest.mark.parametrize("storage", ["flat", "sq8"])
def test_ivf_storage_scores_are_exact_inner_products_and_round_trip(storage: str, tmp_path) -> None:
    vectors = _clustered(3000)
    queries = _clustered(15, seed=5)
    allowed = np.random.default_rng(3).random(3000) < 0.6
    index = VectorIndex.build(
        vectors, _ids(3000), "m", "h", index_type="ivf", nlist=32, nprobe=32, ivf_storage=storage
    )
    assert index.params["storage"] == storage
    assert ("rerank" in index.params) == (storage == "sq8")
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    for mask in (None, allowed):
        scores, rows = index.search(queries, 10, allowed=mask)
        # every list probed: sq8 codes only propose candidates, the returned scores are the
        # float32 inner products, so the ranking is the exact one
        np.testing.assert_allclose(
            scores, np.einsum("qd,qkd->qk", queries, vectors[rows]), atol=1e-5
        )
        if mask is None:
            recall = np.mean([len(set(a) & set(e)) / 10 for a, e in zip(rows, exact, strict=True)])
            assert recall >= 0.99
        else:
            assert mask[rows].all()
    np.testing.assert_array_equal(index.reconstruct(np.array([5, 17])), vectors[[5, 17]])
    loaded = VectorIndex.load(index.save(tmp_path / storage))
    assert loaded.params == index.params and loaded.refined == (storage == "sq8")
    np.testing.assert_array_equal(loaded.search(queries, 10)[1], index.search(queries, 10)[1])


def test_ivf_storage_is_validated() -> None:
    with pytest.raises(ValueError, match="ivf_storage"):
        VectorIndex.build(_vectors(100), _ids(100), "m", "h", index_type="ivf", ivf_storage="pq")
