"""Semantic layer of the red-flag triage: nearest neighbours in a labelled bank of sentences.

Superseded in Rasa and the gateway by the trained classifier of ``nlu.triage_model`` (better
leave-one-set-out recall, eval/nlu/triage_loso.md); kept as the baseline that
``python -m eval.nlu.loso`` reports and for ``eval.nlu.calibrate_semantic``.

The regex rules in ``nlu.triage`` catch what is said plainly; people in crisis or describing an
emergency often say it in words no rule lists ("the pillow is soaked red", "nobody would notice
if I vanished"). This layer embeds the message with all-MiniLM-L6-v2 (``nlu.encoder``) and
compares it with ``nlu/triage_bank.yml``: positives (crisis and emergency, by subtype) and hard
negatives (idioms, past events, information requests, end-of-life wishes, grief, distress,
everyday requests). A message fires for category C when

    pos = mean of its ``k`` highest cosine similarities to C's positives    >= threshold
    neg = mean of its ``k`` highest cosine similarities to the negatives
    pos - neg                                                                >= margin

Deterministic (same text, same encoder -> same answer) and explainable: the result names the
nearest positive. It only adds findings: the rules run first, and ``nlu.triage.screen`` calls
this layer only when no rule found a crisis or emergency.

Settings are calibrated on the development, held-out, unseen, blind A and blind B sets
(``python -m eval.nlu.calibrate_semantic``: the most positives found by the layer alone, with the
rules' context vetoes, for at most 2 false positives over their 951 negatives); never on the
final blind set ``eval/nlu/triage_blind_c.yml``. A finding also passes the rules' context
checks (``nlu.triage._semantic_vetoed``: no person named in an information question; for
emergencies, history, reassurance and "if ever").

No Rasa import: the Rasa component and the gateway use the same layer. numpy + PyYAML here;
the encoder needs onnxruntime + tokenizers (``nlu.encoder``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

log = logging.getLogger(__name__)

BANK_PATH = Path(__file__).resolve().parent / "triage_bank.yml"
CATEGORIES = ("crisis", "emergency")
# Calibrated by eval/nlu/calibrate_semantic.py --max-fp 2 (docs/evaluation.md, red-flag triage).
DEFAULT_K = 3
DEFAULT_THRESHOLD = 0.53
DEFAULT_MARGIN = 0.03

Encode = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class SemanticMatch:
    """The layer's verdict on one text.

    category: "crisis" | "emergency" | None (did not fire); subtype of the nearest positive;
    pos / neg: the two scores above for the best category; nearest: that positive's text.
    """

    category: str | None
    subtype: str
    pos: float
    neg: float
    nearest: str


def load_bank(path: Path = BANK_PATH) -> dict[str, Any]:
    """The bank as {"positives": [{"text","category","subtype","explicit"}], "negatives": [...]}.

    Raises ValueError naming the file when it is malformed."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: invalid YAML: {exc}") from exc
    positives = data.get("positives") or []
    negatives = data.get("negatives") or []
    for i, item in enumerate(positives):
        if not isinstance(item, dict) or item.get("category") not in CATEGORIES:
            raise ValueError(f"{path}: positive #{i + 1} needs category crisis|emergency: {item}")
        if not str(item.get("text", "")).strip():
            raise ValueError(f"{path}: positive #{i + 1} has no text")
    for i, item in enumerate(negatives):
        text = item.get("text") if isinstance(item, dict) else item
        if not str(text or "").strip():
            raise ValueError(f"{path}: negative #{i + 1} has no text")
    if not positives or not negatives:
        raise ValueError(f"{path}: needs both positives and negatives")
    return {"positives": positives, "negatives": negatives}


def bank_hash(path: Path = BANK_PATH) -> str:
    """sha256 (hex, 16 chars) of the bank file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


class SemanticScreen:
    """Nearest-neighbour screen over the bank (vectors computed once, at construction).

    Args:
        encode: texts -> (n, d) float32 unit vectors (``nlu.encoder.Encoder.encode``).
        bank: ``load_bank()`` output (default: the packaged bank).
        k, threshold, margin: see the module docstring.
    """

    # nlu.triage.screen_all: this layer only adds a category the rules missed; it never vetoes
    # a rule finding and is not run when the rules found a crisis or emergency.
    adds_only = True

    def __init__(
        self,
        encode: Encode,
        bank: dict[str, Any] | None = None,
        k: int = DEFAULT_K,
        threshold: float = DEFAULT_THRESHOLD,
        margin: float = DEFAULT_MARGIN,
    ) -> None:
        if k < 1:
            raise ValueError(f"k must be >= 1, got {k}")
        bank = bank if bank is not None else load_bank()
        self.encode = encode
        self.k = k
        self.threshold = threshold
        self.margin = margin
        self._pos_items = {
            c: [p for p in bank["positives"] if p["category"] == c] for c in CATEGORIES
        }
        neg_texts = [n["text"] if isinstance(n, dict) else str(n) for n in bank["negatives"]]
        self._pos_vecs = {
            c: np.asarray(encode([p["text"] for p in items]), dtype=np.float32)
            for c, items in self._pos_items.items()
            if items
        }
        self._neg_vecs = np.asarray(encode(neg_texts), dtype=np.float32)

    def _topk_mean(self, sims: np.ndarray) -> np.ndarray:
        k = min(self.k, sims.shape[1])
        part = np.partition(sims, sims.shape[1] - k, axis=1)[:, -k:]
        return part.mean(axis=1)

    def scores(self, texts: Sequence[str]) -> list[dict[str, Any]]:
        """Per text: {"neg": float, "crisis": (pos, index), "emergency": (pos, index)}."""
        vecs = np.asarray(self.encode(list(texts)), dtype=np.float32)
        neg = self._topk_mean(vecs @ self._neg_vecs.T)
        out: list[dict[str, Any]] = [{"neg": float(n)} for n in neg]
        for category, pos_vecs in self._pos_vecs.items():
            sims = vecs @ pos_vecs.T
            pos = self._topk_mean(sims)
            best = sims.argmax(axis=1)
            for row, (p, b) in enumerate(zip(pos, best, strict=True)):
                out[row][category] = (float(p), int(b))
        return out

    def judge(self, scored: dict[str, Any]) -> SemanticMatch:
        """Apply threshold and margin to one ``scores()`` entry."""
        best_cat, best_pos, best_idx = None, -1.0, -1
        for category in CATEGORIES:
            if category in scored and scored[category][0] > best_pos:
                best_cat, (best_pos, best_idx) = category, scored[category]
        neg = scored["neg"]
        if best_cat is None:
            return SemanticMatch(None, "", best_pos, neg, "")
        item = self._pos_items[best_cat][best_idx]
        fired = best_pos >= self.threshold and best_pos - neg >= self.margin
        return SemanticMatch(
            best_cat if fired else None,
            str(item.get("subtype") or "general"),
            best_pos,
            neg,
            str(item["text"]),
        )

    def check(self, text: str) -> SemanticMatch:
        """The verdict for one text."""
        return self.judge(self.scores([text])[0])


def from_encoder_dir(directory: str | Path | None = None, **kwargs: Any) -> SemanticScreen:
    """A SemanticScreen on the prepared MiniLM encoder (``nlu.encoder.resolve_encoder_dir``).

    Raises ``nlu.encoder.EncoderNotFoundError`` when no encoder is prepared."""
    from nlu.encoder import Encoder, resolve_encoder_dir

    encoder = Encoder(resolve_encoder_dir(directory), threads=1)
    return SemanticScreen(encoder.encode, **kwargs)
