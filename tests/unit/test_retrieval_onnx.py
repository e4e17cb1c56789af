"""ONNX backend without the real model: backend selection, fallback, export cache, pooling."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from retrieval import embedder as embedder_mod
from retrieval import onnx_embedder as onnx_mod
from retrieval.embedder import Embedder, QueryDocumentEncoder, make_embedder
from retrieval.onnx_embedder import OnnxEmbedder, ensure_onnx_model, read_st_config


def _st_dir(root: Path, pooling: dict[str, bool] | None = None, weights: bytes = b"w1") -> Path:
    """A minimal sentence-transformers layout (no real weights)."""
    root.mkdir(parents=True, exist_ok=True)
    kinds = [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
    modules = [
        {"idx": i, "name": str(i), "path": path, "type": f"sentence_transformers.models.{kind}"}
        for i, (path, kind) in enumerate(kinds)
    ]
    (root / "modules.json").write_text(json.dumps(modules))
    (root / "1_Pooling").mkdir(exist_ok=True)
    modes = pooling or {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False}
    (root / "1_Pooling" / "config.json").write_text(json.dumps(modes))
    (root / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 200}))
    (root / "config.json").write_text(json.dumps({"hidden_size": 4}))
    (root / "model.safetensors").write_bytes(weights)
    return root


@pytest.fixture
def counting_export(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []

    def fake_export(model_dir: Path, out: Path) -> None:
        calls.append(Path(model_dir))
        Path(out).write_bytes(b"onnx-" + (Path(model_dir) / "model.safetensors").read_bytes())

    monkeypatch.setattr(onnx_mod, "export_onnx", fake_export)
    return calls


def test_export_is_cached_and_reused(tmp_path: Path, counting_export: list[Path]) -> None:
    model = _st_dir(tmp_path / "model")
    first = ensure_onnx_model(model, tmp_path / "cache")
    second = ensure_onnx_model(model, tmp_path / "cache")
    assert first == second
    assert first.read_bytes() == b"onnx-w1"
    assert len(counting_export) == 1
    manifest = json.loads((first.parent / "manifest.json").read_text())
    assert manifest["model_hash"].startswith(first.parent.name)
    assert not list(first.parent.glob("*.tmp-*"))


def test_changed_weights_give_a_new_export(tmp_path: Path, counting_export: list[Path]) -> None:
    model = _st_dir(tmp_path / "model")
    first = ensure_onnx_model(model, tmp_path / "cache")
    (model / "model.safetensors").write_bytes(b"w2")
    second = ensure_onnx_model(model, tmp_path / "cache")
    assert first != second
    assert second.read_bytes() == b"onnx-w2"
    assert len(counting_export) == 2


def test_a_broken_manifest_triggers_a_re_export(
    tmp_path: Path, counting_export: list[Path]
) -> None:
    model = _st_dir(tmp_path / "model")
    path = ensure_onnx_model(model, tmp_path / "cache")
    (path.parent / "manifest.json").write_text("{not json")
    assert ensure_onnx_model(model, tmp_path / "cache") == path
    assert len(counting_export) == 2


def test_st_config_reads_length_and_rejects_other_pooling(tmp_path: Path) -> None:
    config = read_st_config(_st_dir(tmp_path / "mean"))
    assert config == {"max_seq_length": 200, "pooling": "mean", "normalize": True}
    cls_dir = _st_dir(
        tmp_path / "cls", {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}
    )
    with pytest.raises(RuntimeError, match="mean pooling"):
        read_st_config(cls_dir)


def test_packaged_model_uses_mean_pooling_and_normalisation() -> None:
    from retrieval.embedder import default_model_path

    config = read_st_config(default_model_path())
    assert config["pooling"] == "mean" and config["normalize"] is True
    assert config["max_seq_length"] == 256


def test_backend_selection_by_argument_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedder_mod, "onnx_available", lambda: True)
    monkeypatch.delenv(embedder_mod.BACKEND_ENV, raising=False)
    default = make_embedder()
    assert type(default) is QueryDocumentEncoder
    assert type(default.queries) is OnnxEmbedder and type(default.documents) is Embedder
    assert type(make_embedder("onnx")) is OnnxEmbedder
    assert type(make_embedder("torch")) is Embedder
    monkeypatch.setenv(embedder_mod.BACKEND_ENV, "onnx")
    assert type(make_embedder()) is OnnxEmbedder
    monkeypatch.setenv(embedder_mod.BACKEND_ENV, "torch")
    assert type(make_embedder()) is Embedder
    monkeypatch.setenv(embedder_mod.BACKEND_ENV, "tensorflow")
    with pytest.raises(ValueError, match="PMN_EMBEDDING_BACKEND"):
        make_embedder()


class _Recorder:
    def __init__(self, name: str, value: float, fail: bool = False) -> None:
        self.model_name, self.value, self.fail = name, value, fail
        self.calls: list[int] = []

    @property
    def dimension(self) -> int:
        if self.fail:
            raise RuntimeError("cannot load")
        return 2

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        if self.fail:
            raise RuntimeError("cannot load")
        self.calls.append(len(texts))
        return np.full((len(texts), 2), self.value, dtype=np.float32)


def test_split_encoder_sends_single_queries_to_onnx_and_batches_to_torch() -> None:
    queries, documents = _Recorder("q", 1.0), _Recorder("all-MiniLM-L6-v2", 2.0)
    enc = QueryDocumentEncoder(queries, documents)
    assert enc.model_name == "all-MiniLM-L6-v2"
    assert enc.encode(["one query"])[0, 0] == 1.0
    assert enc.encode(["doc a", "doc b", "doc c"])[0, 0] == 2.0
    assert queries.calls == [1] and documents.calls == [3]
    assert enc.dimension == 2


def test_split_encoder_falls_back_to_torch_when_onnx_fails(
    caplog: pytest.LogCaptureFixture,
) -> None:
    queries, documents = _Recorder("q", 1.0, fail=True), _Recorder("m", 2.0)
    enc = QueryDocumentEncoder(queries, documents)
    with caplog.at_level("WARNING"):
        assert enc.encode(["a query"])[0, 0] == 2.0
    assert "encoding queries with torch" in caplog.text
    assert enc.encode(["again"])[0, 0] == 2.0
    assert documents.calls == [1, 1]
    assert enc.dimension == 2


def test_onnx_falls_back_to_torch_without_onnxruntime(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import importlib.util

    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        return None if name == "onnxruntime" else real_find_spec(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    assert embedder_mod.onnx_available() is False
    monkeypatch.delenv(embedder_mod.BACKEND_ENV, raising=False)
    with caplog.at_level("WARNING"):
        chosen = make_embedder("onnx", threads=2)
        default = make_embedder()
    assert type(chosen) is Embedder and type(default) is Embedder
    assert chosen.threads == 2
    assert "onnxruntime is not installed" in caplog.text


def test_model_name_matches_the_torch_embedder(tmp_path: Path) -> None:
    assert OnnxEmbedder().model_name == Embedder().model_name == "all-MiniLM-L6-v2"
    model = _st_dir(tmp_path / "my-model")
    assert OnnxEmbedder(model).model_name == Embedder(model).model_name == "my-model"
    with pytest.raises(ValueError, match="threads must be > 0"):
        OnnxEmbedder(threads=0)


class _FakeTokenizer:
    """Word-per-token tokeniser that pads to the longest text, like the real one."""

    def encode_batch(self, texts: list[str]) -> list[SimpleNamespace]:
        lengths = [len(t.split()) for t in texts]
        width = max(lengths)
        return [
            SimpleNamespace(
                ids=[1] * n + [0] * (width - n),
                attention_mask=[1] * n + [0] * (width - n),
                type_ids=[0] * width,
            )
            for n in lengths
        ]


class _FakeSession:
    """Token i of every text has hidden state [i+1, 1, 0, 0]; padding has a huge value."""

    def run(self, outputs: list[str], feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        mask = feeds["attention_mask"]
        batch, width = mask.shape
        hidden = np.zeros((batch, width, 4), dtype=np.float32)
        hidden[:, :, 0] = np.arange(1, width + 1)
        hidden[:, :, 1] = 1.0
        hidden[mask == 0] = 1000.0
        return [hidden]


def _fake_loaded(normalize: bool) -> OnnxEmbedder:
    enc = OnnxEmbedder()
    enc._session, enc._tokenizer = _FakeSession(), _FakeTokenizer()
    enc._input_names = {"input_ids", "attention_mask", "token_type_ids"}
    enc._dimension, enc._normalize = 4, normalize
    return enc


def test_mean_pooling_ignores_padding_and_keeps_input_order() -> None:
    enc = _fake_loaded(normalize=False)
    texts = ["a", "a b c", "a b"]  # sorted by length inside encode, returned in input order
    out = enc.encode(texts, batch_size=2)
    # mean of token positions 1..n over real tokens only: n=1 -> 1, n=3 -> 2, n=2 -> 1.5
    np.testing.assert_allclose(out[:, 0], [1.0, 2.0, 1.5])
    np.testing.assert_allclose(out[:, 1], 1.0)
    assert out.dtype == np.float32


def test_encode_normalises_and_handles_empty_input() -> None:
    enc = _fake_loaded(normalize=True)
    out = enc.encode(["a b c", "a"])
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(out[0], np.array([2.0, 1.0, 0, 0]) / np.sqrt(5), rtol=1e-6)
    assert enc.encode([]).shape == (0, 4)
    with pytest.raises(ValueError, match="batch_size"):
        enc.encode(["a"], batch_size=0)
