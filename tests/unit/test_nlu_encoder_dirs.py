"""How the NLU featurizer finds its encoder directory, and how the encoder enters the model hash.

No model is loaded: encoder directories here are fakes with the right file names.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nlu.encoder import (
    ENCODER_DIR_ENV,
    FORMAT,
    Embedding,
    EncoderMismatchError,
    EncoderNotFoundError,
    resolve_encoder_dir,
    span_vectors,
)
from scripts import stack


def _fake(directory: Path, digest: str) -> Path:
    directory.mkdir(parents=True)
    (directory / "model.onnx").write_bytes(b"graph")
    (directory / "tokenizer.json").write_text("{}")
    (directory / "manifest.json").write_text(json.dumps({"format": FORMAT, "encoder_hash": digest}))
    return directory


def test_root_resolves_current_or_the_recorded_hash(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ENCODER_DIR_ENV, raising=False)
    a = _fake(tmp_path / ("a" * 16), "a" * 64)
    b = _fake(tmp_path / ("b" * 16), "b" * 64)
    (tmp_path / "CURRENT").write_text(b.name + "\n")
    assert resolve_encoder_dir(tmp_path) == b
    assert resolve_encoder_dir(tmp_path, "a" * 64) == a
    assert resolve_encoder_dir(a, "a" * 64) == a  # a directory itself
    monkeypatch.setenv(ENCODER_DIR_ENV, str(a))
    assert resolve_encoder_dir(None) == a  # env when the config says nothing
    assert resolve_encoder_dir(tmp_path) == b  # the config wins over the env


def test_missing_and_mismatched_encoders_fail_clearly(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(ENCODER_DIR_ENV, raising=False)
    with pytest.raises(EncoderNotFoundError, match="make train"):
        resolve_encoder_dir(tmp_path)  # no CURRENT
    with pytest.raises(EncoderNotFoundError, match="make train"):
        resolve_encoder_dir(tmp_path, "c" * 64)  # no such hash directory
    a = _fake(tmp_path / "a", "a" * 64)
    with pytest.raises(EncoderMismatchError, match="make train"):
        resolve_encoder_dir(a, "c" * 64)
    (a / "model.onnx").unlink()
    with pytest.raises(EncoderNotFoundError, match="model.onnx"):
        resolve_encoder_dir(a)


def test_span_vectors_average_overlapping_wordpieces() -> None:
    emb = Embedding(
        sentence=np.zeros(2, dtype=np.float32),
        tokens=np.array([[1, 0], [3, 2], [5, 5]], dtype=np.float32),
        offsets=np.array([[0, 2], [2, 4], [5, 8]]),
    )
    out = span_vectors(emb, [(0, 4), (5, 8), (9, 12), (3, 6)])
    np.testing.assert_allclose(out, [[2, 1], [5, 5], [0, 0], [4, 3.5]])
    assert out.dtype == np.float32


def test_model_hash_includes_the_encoder(tmp_path: Path) -> None:
    first = stack.model_path(tmp_path, encoder_hash="a" * 64)
    assert first == stack.model_path(tmp_path, encoder_hash="a" * 64)
    assert first != stack.model_path(tmp_path, encoder_hash="b" * 64)
    assert first.parent == tmp_path and first.name.startswith("pmn-")


def test_ensure_encoder_uses_a_prepared_directory_from_the_env(tmp_path: Path, monkeypatch) -> None:
    ready = _fake(tmp_path / "enc", "d" * 64)
    monkeypatch.setenv(ENCODER_DIR_ENV, str(ready))
    assert stack.ensure_encoder(quiet=True) == (ready, "d" * 64)
