"""Plain-Python MiniLM sentence and token encoder (numpy + onnxruntime + tokenizers only).

Runs in both environments (engine: Python 3.10, numpy 1.23; app: Python 3.11). It loads a
self-contained *encoder directory* and returns the vectors sentence-transformers
all-MiniLM-L6-v2 gives (BERT encoder -> mean pooling over the non-padding wordpieces, [CLS]
and [SEP] included -> L2 normalisation; truncation at ``max_seq_length`` = 256 wordpieces), plus
the per-wordpiece hidden states with their character offsets, for token-level features.

Encoder directory (prepared in the app env by ``python -m nlu.encoder_build``, which
``make train`` / ``scripts/stack.py`` run before Rasa trains)::

    var/encoder/<hash[:16]>/model.onnx       the exported transformer (hard link to var/onnx/)
    var/encoder/<hash[:16]>/tokenizer.json   the model's tokenizer
    var/encoder/<hash[:16]>/manifest.json    {"encoder_hash", "max_seq_length", "dimension", ...}
    var/encoder/CURRENT                      name of the most recently prepared directory

``encoder_hash`` is a sha256 over the ONNX graph, the tokenizer and the pooling settings: two
directories with the same hash give the same vectors. A trained Rasa model records it and
refuses to load with another encoder (:func:`resolve_encoder_dir`).

No rasa, torch or sentence-transformers import; onnxruntime and tokenizers are imported on
first use, not at import time.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ENCODER_DIR_ENV = "PMN_ENCODER_DIR"
THREADS_ENV = "PMN_ENCODER_THREADS"
DEFAULT_ENCODER_ROOT = Path(__file__).resolve().parent.parent / "var" / "encoder"
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
FORMAT = 1
MAKE_HINT = (
    "run `make train` (it prepares the encoder with the app env before training; "
    "`make encoder` prepares only the encoder), or set "
    f"{ENCODER_DIR_ENV} / the component's `encoder_dir` to an encoder directory"
)


class EncoderNotFoundError(FileNotFoundError):
    """No prepared encoder directory where one was expected."""


class EncoderMismatchError(RuntimeError):
    """The encoder found is not the one a trained model was built with."""


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes (read in 1 MiB chunks)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def encoder_hash(onnx_sha256: str, tokenizer_sha256: str, settings: dict[str, Any]) -> str:
    """Hex sha256 identifying an encoder: graph bytes, tokenizer bytes and pooling settings."""
    digest = hashlib.sha256(f"pmn-encoder-v{FORMAT}".encode())
    digest.update(onnx_sha256.encode())
    digest.update(tokenizer_sha256.encode())
    digest.update(json.dumps(settings, sort_keys=True).encode())
    return digest.hexdigest()


def read_manifest(directory: Path) -> dict[str, Any]:
    """The manifest of an encoder directory; raises EncoderNotFoundError when incomplete."""
    directory = Path(directory)
    missing = [
        n for n in (MANIFEST, "model.onnx", "tokenizer.json") if not (directory / n).is_file()
    ]
    if missing:
        raise EncoderNotFoundError(
            f"No complete encoder in {directory} (missing {', '.join(missing)}): {MAKE_HINT}"
        )
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT or not manifest.get("encoder_hash"):
        raise EncoderNotFoundError(
            f"{directory / MANIFEST} is not an encoder manifest of format {FORMAT}: {MAKE_HINT}"
        )
    return manifest


def resolve_encoder_dir(
    configured: str | Path | None = None, expected_hash: str | None = None
) -> Path:
    """Find the encoder directory to use; returns its path.

    ``configured`` (a component's ``encoder_dir``), else env PMN_ENCODER_DIR, else
    ``var/encoder`` of this checkout. The path is either an encoder directory itself (it holds
    manifest.json) or a root of them: then ``<root>/<expected_hash[:16]>`` when a trained model
    asks for a given encoder, else the directory named in ``<root>/CURRENT``.

    Raises EncoderNotFoundError (naming the make target) when nothing is prepared there, and
    EncoderMismatchError when ``expected_hash`` is given and the directory holds another encoder.
    """
    path = Path(configured or os.environ.get(ENCODER_DIR_ENV) or DEFAULT_ENCODER_ROOT)
    if not (path / MANIFEST).is_file():
        if expected_hash:
            path = path / expected_hash[:16]
        else:
            pointer = path / CURRENT
            if not pointer.is_file():
                raise EncoderNotFoundError(f"No prepared encoder under {path}: {MAKE_HINT}")
            path = path / pointer.read_text(encoding="utf-8").strip()
    manifest = read_manifest(path)
    if expected_hash and manifest["encoder_hash"] != expected_hash:
        raise EncoderMismatchError(
            f"This model was trained with encoder {expected_hash[:16]} but {path} holds encoder "
            f"{manifest['encoder_hash'][:16]}; retrain with `make train`, or point "
            f"{ENCODER_DIR_ENV} at the encoder the model was trained with"
        )
    return path


@dataclass(frozen=True)
class Embedding:
    """One text's vectors.

    sentence: (dimension,) float32, unit norm (sentence-transformers' vector).
    tokens: (n_wordpieces, dimension) float32 hidden states of the wordpieces, without [CLS],
        [SEP] and padding, in text order (only the first max_seq_length - 2 are kept).
    offsets: (n_wordpieces, 2) int64 character spans [start, end) of those wordpieces.
    """

    sentence: np.ndarray
    tokens: np.ndarray
    offsets: np.ndarray


class Encoder:
    """all-MiniLM-L6-v2 through onnxruntime, from a prepared encoder directory.

    Args:
        directory: the encoder directory (see the module docstring); use
            :func:`resolve_encoder_dir` to find it.
        threads: onnxruntime intra-op threads; None means env PMN_ENCODER_THREADS, else
            onnxruntime's default. Pool threads never spin (the machine is shared).
        verify: re-hash model.onnx and tokenizer.json on load and raise EncoderMismatchError
            when they no longer match the manifest (~0.2 s for the 90 MB graph).

    The ONNX session is created on first use.
    """

    def __init__(
        self, directory: str | Path, threads: int | None = None, verify: bool = True
    ) -> None:
        self.directory = Path(directory)
        self.manifest = read_manifest(self.directory)
        if threads is None and os.environ.get(THREADS_ENV):
            threads = int(os.environ[THREADS_ENV])
        if threads is not None and threads <= 0:
            raise ValueError(f"threads must be > 0, got {threads}")
        self.threads = threads
        self.verify = verify
        self._session: Any = None
        self._tokenizer: Any = None

    @property
    def hash(self) -> str:
        """The encoder hash (hex sha256) from the manifest."""
        return str(self.manifest["encoder_hash"])

    @property
    def dimension(self) -> int:
        """Vector dimension (384 for all-MiniLM-L6-v2)."""
        return int(self.manifest["dimension"])

    @property
    def max_seq_length(self) -> int:
        """Wordpieces per text, [CLS] and [SEP] included (256)."""
        return int(self.manifest["settings"]["max_seq_length"])

    def _check_files(self) -> None:
        found = encoder_hash(
            file_sha256(self.directory / "model.onnx"),
            file_sha256(self.directory / "tokenizer.json"),
            self.manifest["settings"],
        )
        if found != self.hash:
            raise EncoderMismatchError(
                f"The files in {self.directory} do not match its manifest (hash {found[:16]}, "
                f"manifest {self.hash[:16]}); prepare it again with `make encoder`"
            )

    def _load(self) -> None:
        if self._session is not None:
            return
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if self.verify:
            self._check_files()
        tokenizer = Tokenizer.from_file(str(self.directory / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=self.max_seq_length)
        pad_id = tokenizer.token_to_id("[PAD]")
        tokenizer.enable_padding(pad_id=pad_id if pad_id is not None else 0)  # to the longest
        options = ort.SessionOptions()
        if self.threads is not None:
            options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(
            str(self.directory / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._input_names = {i.name for i in session.get_inputs()}
        self._tokenizer = tokenizer
        self._session = session

    def _run(self, texts: list[str]) -> tuple[list[Any], np.ndarray, np.ndarray]:
        """Tokenise and run one padded batch: (encodings, hidden (b, s, d), mask (b, s))."""
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.asarray([e.type_ids for e in encodings], dtype=np.int64)
        hidden = self._session.run(["last_hidden_state"], feeds)[0].astype(np.float32)
        return encodings, hidden, mask

    @staticmethod
    def _pool(hidden: np.ndarray, mask: np.ndarray, normalize: bool) -> np.ndarray:
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        if normalize:
            pooled = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return pooled.astype(np.float32)

    def embed(self, texts: list[str], batch_size: int = 32) -> list[Embedding]:
        """Sentence and wordpiece vectors for each text, in input order (see :class:`Embedding`).

        Texts are batched longest first so that padding stays short."""
        if batch_size <= 0:
            raise ValueError(f"batch_size must be > 0, got {batch_size}")
        self._load()
        texts = list(texts)
        normalize = bool(self.manifest["settings"].get("normalize", True))
        out: list[Embedding | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size]
            encodings, hidden, mask = self._run([texts[i] for i in rows])
            sentences = self._pool(hidden, mask, normalize)
            for j, i in enumerate(rows):
                enc = encodings[j]
                keep = [
                    k
                    for k, (m, special) in enumerate(
                        zip(enc.attention_mask, enc.special_tokens_mask, strict=True)
                    )
                    if m and not special
                ]
                out[i] = Embedding(
                    sentence=sentences[j],
                    tokens=hidden[j, keep, :].copy(),
                    offsets=np.asarray([enc.offsets[k] for k in keep], dtype=np.int64).reshape(
                        -1, 2
                    ),
                )
        return [e for e in out if e is not None]

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Sentence vectors only: (len(texts), dimension) float32, unit norm."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        self._load()
        normalize = bool(self.manifest["settings"].get("normalize", True))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(texts), batch_size):
            rows = order[start : start + batch_size]
            _, hidden, mask = self._run([texts[i] for i in rows])
            out[rows] = self._pool(hidden, mask, normalize)
        return out


_SHARED: dict[tuple[Path, int | None], Encoder] = {}


def shared_encoder(directory: str | Path, threads: int | None = None) -> Encoder:
    """The process's one ``Encoder`` for a prepared directory and thread setting. Rasa's
    SentenceEmbeddingFeaturizer and the SafetyTriage learned layer both encode every message
    with the same MiniLM: sharing the encoder loads one ONNX session instead of two."""
    key = (Path(directory).resolve(), threads)
    if key not in _SHARED:
        _SHARED[key] = Encoder(directory, threads=threads)
    return _SHARED[key]


def span_vectors(embedding: Embedding, spans: list[tuple[int, int]]) -> np.ndarray:
    """One vector per character span [start, end): the mean of the wordpiece vectors whose
    offsets overlap it, zeros when none does (e.g. a word past the truncation limit).

    Returns (len(spans), dimension) float32."""
    dim = embedding.sentence.shape[0]
    out = np.zeros((len(spans), dim), dtype=np.float32)
    if not len(embedding.offsets):
        return out
    starts, ends = embedding.offsets[:, 0], embedding.offsets[:, 1]
    for row, (start, end) in enumerate(spans):
        hit = (starts < end) & (ends > start)
        if hit.any():
            out[row] = embedding.tokens[hit].mean(axis=0)
    return out
