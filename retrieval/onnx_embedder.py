"""ONNX Runtime backend for the sentence embedder (optional; faster single-query encoding).

`OnnxEmbedder` produces the same vectors as `retrieval.embedder.Embedder` (all-MiniLM-L6-v2:
BERT encoder -> mean pooling over non-padding tokens -> L2 normalisation, as the model's
modules.json / 1_Pooling/config.json say) but runs the transformer with onnxruntime instead of
torch. Its `model_name` is the torch embedder's, so indexes built by either stay valid: the
export is fp32 and equivalence is checked by tests/integration/test_retrieval_onnx_real.py and
recorded in docs/benchmarks.md ("ONNX backend").

The ONNX graph is never committed: `ensure_onnx_model()` exports it offline from the packaged
model with `torch.onnx.export` (a few seconds) into `var/onnx/<model-hash>/model.onnx` with a
`manifest.json`, and reuses that file while the model's weights/config and the export settings
are unchanged. Env PMN_ONNX_DIR overrides var/onnx.

Tokenisation uses the `tokenizers` library on the model directory's tokenizer.json, with
truncation at the sentence-transformers `max_seq_length` (256; tokenizer.json itself says 128)
and padding to the longest text of the batch, as sentence-transformers does.

Backend selection: `retrieval.embedder.make_embedder()` (env PMN_EMBEDDING_BACKEND=torch|onnx).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrieval.embedder import DEFAULT_MODEL_NAME, MODEL_ENV, THREADS_ENV, default_model_path

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

ONNX_DIR_ENV = "PMN_ONNX_DIR"
DEFAULT_ONNX_DIR = Path("var/onnx")
OPSET = 17
EXPORT_VERSION = 1  # bump when the export code changes: forces a re-export
_HASHED_FILES = ("config.json", "model.safetensors", "pytorch_model.bin")


def default_onnx_dir() -> Path:
    """var/onnx, or env PMN_ONNX_DIR."""
    return Path(os.environ.get(ONNX_DIR_ENV) or DEFAULT_ONNX_DIR)


def model_hash(model_dir: Path) -> str:
    """sha256 (hex) over the model's config and weights plus the export settings."""
    digest = hashlib.sha256(f"export-v{EXPORT_VERSION}-opset{OPSET}".encode())
    found = False
    for name in _HASHED_FILES:
        path = Path(model_dir) / name
        if path.is_file():
            found = True
            digest.update(name.encode())
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
    if not found:
        raise RuntimeError(f"No transformer config/weights found in {model_dir}")
    return digest.hexdigest()


def read_st_config(model_dir: Path) -> dict[str, Any]:
    """max_seq_length and pooling of a sentence-transformers directory.

    Returns {"max_seq_length": int, "pooling": "mean", "normalize": bool}. Raises RuntimeError
    when the model uses a pooling this backend does not reproduce (only mean pooling is)."""
    model_dir = Path(model_dir)
    modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    types = [m["type"].rsplit(".", 1)[-1] for m in modules]
    max_len = 256
    st_cfg = model_dir / "sentence_bert_config.json"
    if st_cfg.is_file():
        max_len = int(json.loads(st_cfg.read_text(encoding="utf-8")).get("max_seq_length", 256))
    if types[:2] != ["Transformer", "Pooling"] or any(
        t not in {"Transformer", "Pooling", "Normalize"} for t in types
    ):
        raise RuntimeError(f"Unsupported sentence-transformers modules for ONNX: {types}")
    pooling_path = model_dir / next(m["path"] for m in modules if m["type"].endswith("Pooling"))
    pooling = json.loads((pooling_path / "config.json").read_text(encoding="utf-8"))
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    if modes != {"pooling_mode_mean_tokens"}:
        raise RuntimeError(f"Only mean pooling is supported by the ONNX backend, got {modes}")
    return {"max_seq_length": max_len, "pooling": "mean", "normalize": "Normalize" in types}


def export_onnx(model_dir: Path, out: Path) -> None:
    """Export the model's transformer (fp32) to `out` with torch.onnx.export.

    Inputs input_ids, attention_mask, token_type_ids (int64, batch x sequence, both axes
    dynamic); output last_hidden_state (float32, batch x sequence x hidden)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager")
    model.eval()

    class _Wrapper(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )[0]

    ids = torch.tensor([[101, 7592, 2088, 102, 0], [101, 2023, 2003, 1037, 102]])
    mask = (ids != 0).long()
    axes = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(
            _Wrapper(model),
            (ids, mask, torch.zeros_like(ids)),
            str(out),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "last_hidden_state": axes,
            },
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def ensure_onnx_model(model_dir: Path, cache_dir: Path | None = None) -> Path:
    """Path of the cached ONNX export of `model_dir`, exporting it first if absent.

    Cache layout: <cache_dir>/<model_hash[:16]>/model.onnx + manifest.json (model hash, export
    version, opset, torch version, seconds taken). The export is written to a temporary name and
    renamed, so a concurrent reader never sees a half-written file."""
    model_dir = Path(model_dir)
    digest = model_hash(model_dir)
    target = (cache_dir or default_onnx_dir()) / digest[:16]
    onnx_path = target / "model.onnx"
    manifest_path = target / "manifest.json"
    if onnx_path.is_file() and manifest_path.is_file():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except ValueError:
            manifest = {}
        if manifest.get("model_hash") == digest:
            return onnx_path
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f"model.onnx.tmp-{os.getpid()}"
    start = time.perf_counter()
    log.info("exporting %s to ONNX in %s", model_dir, target)
    export_onnx(model_dir, tmp)
    os.replace(tmp, onnx_path)
    import torch

    manifest = {
        "model_hash": digest,
        "model_dir_name": model_dir.name,
        "export_version": EXPORT_VERSION,
        "opset": OPSET,
        "torch": torch.__version__,
        "export_seconds": round(time.perf_counter() - start, 2),
    }
    manifest_tmp = target / f"manifest.json.tmp-{os.getpid()}"
    manifest_tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    os.replace(manifest_tmp, manifest_path)
    return onnx_path


class OnnxEmbedder:
    """Encode texts into L2-normalised float32 vectors with onnxruntime (same vectors as
    `Embedder` within fp32 rounding).

    Args:
        model: sentence-transformers model directory; None means env PMN_EMBEDDING_MODEL, else
            the packaged all-MiniLM-L6-v2. Must be a local directory (no hub names).
        threads: onnxruntime intra-op threads. None means env PMN_TORCH_THREADS (the same knob
            as the torch backend), else onnxruntime's default (one per physical core); idle
            pool threads do not spin.
        cache_dir: where the ONNX export is cached (default var/onnx or PMN_ONNX_DIR).

    The session is created on first use; the export runs then if it is not cached.
    Raises ImportError on first use when onnxruntime is not installed (`make_embedder` checks
    this up front and falls back to torch).
    """

    def __init__(
        self,
        model: str | Path | None = None,
        threads: int | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        chosen = model if model is not None else os.environ.get(MODEL_ENV) or None
        self._explicit = chosen is not None
        self._model_ref: str | Path | None = chosen
        if threads is None and os.environ.get(THREADS_ENV):
            threads = int(os.environ[THREADS_ENV])
        if threads is not None and threads <= 0:
            raise ValueError(f"threads must be > 0, got {threads}")
        self.threads = threads
        self.cache_dir = cache_dir
        self._session: Any = None
        self._tokenizer: Any = None
        self._dimension: int | None = None
        self.onnx_path: Path | None = None

    @property
    def model_path(self) -> Path:
        """The model directory."""
        if self._model_ref is None:
            self._model_ref = default_model_path()
        path = Path(self._model_ref)
        if not (path / "modules.json").is_file():
            raise RuntimeError(f"The ONNX backend needs a local model directory, got {path}")
        return path

    @property
    def model_name(self) -> str:
        """Same identifier as `Embedder.model_name` (the vectors are the same)."""
        if not self._explicit:
            return DEFAULT_MODEL_NAME
        ref = str(self._model_ref)
        return Path(ref).name if Path(ref).exists() else ref

    def _load(self) -> Any:
        if self._session is None:
            import onnxruntime as ort
            from tokenizers import Tokenizer

            model_dir = self.model_path
            config = read_st_config(model_dir)
            tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
            tokenizer.enable_truncation(max_length=config["max_seq_length"])
            pad_id = tokenizer.token_to_id("[PAD]")
            tokenizer.enable_padding(pad_id=pad_id if pad_id is not None else 0)
            self.onnx_path = ensure_onnx_model(model_dir, self.cache_dir)
            options = ort.SessionOptions()
            if self.threads is not None:
                options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            # no busy-waiting pool threads: the machine is shared by several servers
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            session = ort.InferenceSession(
                str(self.onnx_path), options, providers=["CPUExecutionProvider"]
            )
            self._input_names = {i.name for i in session.get_inputs()}
            self._dimension = int(
                json.loads((model_dir / "config.json").read_text(encoding="utf-8"))["hidden_size"]
            )
            self._normalize = config["normalize"]
            self._tokenizer = tokenizer
            self._session = session
        return self._session

    @property
    def dimension(self) -> int:
        """Embedding dimension (384 for all-MiniLM-L6-v2)."""
        self._load()
        assert self._dimension is not None
        return self._dimension

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        encodings = self._tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.asarray([e.type_ids for e in encodings], dtype=np.int64)
        hidden = self._session.run(["last_hidden_state"], feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        summed = (hidden * weights).sum(axis=1)
        counts = np.clip(weights.sum(axis=1), 1e-9, None)
        return (summed / counts).astype(np.float32)

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Encode texts; returns an array of shape (len(texts), dimension), float32, unit norm.

        Texts are batched in order of length (as sentence-transformers does) so that padding
        stays short; `progress` is accepted for interface compatibility and ignored."""
        import numpy as np

        from retrieval.embedder import normalise

        if batch_size <= 0:
            raise ValueError(f"batch_size must be > 0, got {batch_size}")
        self._load()
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self._encode_batch([texts[i] for i in rows])
        return normalise(out) if self._normalize else out
