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
