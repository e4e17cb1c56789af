"""ONNX backend with the real packaged MiniLM: same vectors as torch, cached export reused."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        importlib.util.find_spec("onnxruntime") is None,
        reason="onnxruntime not installed",
    ),
]

TEXTS = [
    "EGFR lung cancer patient community",
    "somewhere my mum can talk to people with the same mutation",
    "ESMO scale for clinical actionability of molecular targets",
    "NTRK",
    "clinical trials for KRAS G12C in the UK " * 40,  # > 256 tokens: truncated like torch
]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("onnx")


@pytest.fixture(scope="module")
def onnx_encoder(cache_dir: Path):
    from retrieval.onnx_embedder import OnnxEmbedder

    encoder = OnnxEmbedder(threads=1, cache_dir=cache_dir)
    encoder.encode(["warm up"])  # exports into cache_dir
    return encoder


@pytest.fixture(scope="module")
def torch_encoder():
    from retrieval.embedder import Embedder

    return Embedder(threads=1)


def test_vectors_match_torch_in_a_batch_and_one_by_one(onnx_encoder, torch_encoder) -> None:
    expected = torch_encoder.encode(TEXTS)
    batch = onnx_encoder.encode(TEXTS, batch_size=3)  # mixed lengths: padding inside batches
    single = np.vstack([onnx_encoder.encode([t]) for t in TEXTS])
    for got in (batch, single):
        assert got.dtype == np.float32 and got.shape == expected.shape
        np.testing.assert_allclose(got, expected, atol=1e-5)
        assert (got * expected).sum(axis=1).min() >= 0.9999
    assert onnx_encoder.model_name == torch_encoder.model_name
    assert onnx_encoder.dimension == torch_encoder.dimension == 384


def test_a_second_encoder_reuses_the_cached_export(
    onnx_encoder, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from retrieval import onnx_embedder
    from retrieval.onnx_embedder import OnnxEmbedder

    path = onnx_encoder.onnx_path
    assert path is not None and path.parent.parent == cache_dir
    before = path.stat().st_mtime_ns

    def no_export(*args: object) -> None:
        raise AssertionError("re-exported although the cache was current")

    monkeypatch.setattr(onnx_embedder, "export_onnx", no_export)
    again = OnnxEmbedder(threads=1, cache_dir=cache_dir)
    vector = again.encode(["EGFR lung cancer patient community"])
    assert again.onnx_path == path and path.stat().st_mtime_ns == before
    np.testing.assert_allclose(vector, onnx_encoder.encode([TEXTS[0]]), atol=1e-6)


def test_default_backend_ranks_like_torch(
    onnx_encoder, torch_encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knowledge.repository import load_resources
    from retrieval.embedder import QueryDocumentEncoder, make_embedder
    from retrieval.filters import Filters
    from retrieval.search import HybridSearch

    monkeypatch.delenv("PMN_EMBEDDING_BACKEND", raising=False)
    assert isinstance(make_embedder(), QueryDocumentEncoder)
    resources = load_resources()
    split = QueryDocumentEncoder(onnx_encoder, torch_encoder)
    default = HybridSearch.load_or_build(resources, tmp_path, split)
    plain = HybridSearch.load_or_build(resources, tmp_path, torch_encoder)
    assert plain.rebuilt is False  # same model name and content: the index is shared
    mutation = "somewhere my mum can talk to people with the same mutation"
    cases = [
        (mutation, Filters(biomarkers=["EGFR"])),
        ("the scale for actionability of targets", Filters(audience="clinicians")),
        ("who can I ring tonight, I can't cope", Filters(country="GB")),
    ]
    for query, filters in cases:
        a = default.search(query, k=5, filters=filters)
        b = plain.search(query, k=5, filters=filters)
        assert [h.resource.id for h in a.hits] == [h.resource.id for h in b.hits]
        assert a.abstained == b.abstained
        np.testing.assert_allclose([h.score for h in a.hits], [h.score for h in b.hits], atol=1e-5)
