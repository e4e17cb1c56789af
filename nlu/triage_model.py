"""Supervised layer of the red-flag triage: a logistic regression on the MiniLM sentence vector.

The regex rules in ``nlu.triage`` catch what is said plainly. This layer scores every message
(and, separately, each of its sentences: a red flag is often buried mid-message) with a
multinomial logistic regression over classes ``none / crisis / emergency / medical_advice``,
trained on the semantic bank (nlu/triage_bank.yml), the labelled red-flag sets in eval/nlu and
the Rasa NLU examples (``python -m eval.nlu.loso --write-model``). A category fires when its
probability, taken as the maximum over the message and its sentences, reaches its threshold;
the thresholds are chosen by leave-one-set-out cross-validation (``python -m eval.nlu.loso``)
for recall first with at most 2% false positives.

Features: the L2-normalised all-MiniLM-L6-v2 vector, plus optionally hashed word and character
n-grams (``features``). The artefact is plain arrays and JSON, never a pickle:

    nlu/triage_model.npz   coef (C, F) float32, intercept (C,), centroids (S, 384) of the bank's
                           positive subtypes
    nlu/triage_model.json  classes, thresholds, feature settings, subtypes, encoder hash,
                           training-data hash and the sha256 of the npz

Deterministic (same text, same encoder -> same answer); a few matrix products per message
(well under a millisecond after the encoder). No Rasa import; numpy + stdlib only.
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent
MODEL_NPZ = MODEL_DIR / "triage_model.npz"
MODEL_JSON = MODEL_DIR / "triage_model.json"
CLASSES = ("none", "crisis", "emergency", "medical_advice")
RED_FLAGS = ("crisis", "emergency", "medical_advice")
FORMAT = 1

Encode = Callable[[list[str]], np.ndarray]

# Sentence boundaries: . ! ? ; or a line break, followed by space; also " - " dashes and "..."
_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[-\u2013\u2014]+\s+|\.{2,}\s*")
_WORD = re.compile(r"[a-z0-9']+")


def split_units(text: str, min_words: int = 3) -> list[str]:
    """The message itself, then each of its sentences (when there is more than one) with at
    least ``min_words`` words. Always at least one unit."""
    text = text.strip()
    parts = [p.strip() for p in _SPLIT.split(text) if p and p.strip()]
    parts = [p for p in parts if len(p.split()) >= min_words]
    units = [text]
    if len(parts) > 1:
        units.extend(dict.fromkeys(p for p in parts if p != text))
    return units


def _h(token: str, dim: int) -> int:
    return zlib.crc32(token.encode("utf-8")) % dim


def hashed_ngrams(text: str, spec: dict[str, Any]) -> dict[int, float]:
    """{column: weight} of hashed word 1-2-grams and char_wb n-grams, L2-normalised (binary
    counts). Empty when ``spec['hash_dim']`` is 0."""
    dim = int(spec.get("hash_dim", 0))
    if dim <= 0:
        return {}
    low = text.lower().replace("\u2019", "'")
    words = _WORD.findall(low)
    cols: set[int] = set()
    if spec.get("word_ngrams", False):
        cols.update(_h("w:" + w, dim) for w in words)
        cols.update(_h("b:" + a + " " + b, dim) for a, b in zip(words, words[1:], strict=False))
    lo, hi = spec.get("char_range", (0, 0))
    for w in words if hi else ():
        padded = f" {w} "
        for n in range(int(lo), int(hi) + 1):
            cols.update(
                _h(f"c:{padded[i : i + n]}", dim) for i in range(max(1, len(padded) - n + 1))
            )
    if not cols:
        return {}
    weight = 1.0 / float(np.sqrt(len(cols)))
    return {c: weight for c in cols}


def features(texts: Sequence[str], vecs: np.ndarray, spec: dict[str, Any]) -> np.ndarray:
    """Dense feature matrix (n, 384 + hash_dim): [dense_weight * vector ; sparse_weight *
    hashed n-grams]. Used for training and prediction alike."""
    vecs = np.asarray(vecs, dtype=np.float32)
    dim = int(spec.get("hash_dim", 0))
    out = np.zeros((len(texts), vecs.shape[1] + dim), dtype=np.float32)
    out[:, : vecs.shape[1]] = vecs * float(spec.get("dense_weight", 1.0))
    sparse_weight = float(spec.get("sparse_weight", 1.0))
    for row, text in enumerate(texts):
        for col, val in hashed_ngrams(text, spec).items():
            out[row, vecs.shape[1] + col] += val * sparse_weight
    return out


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class ModelMatch:
    """The layer's verdict on one text (duck-compatible with nlu.triage_semantic's match).

    category: "crisis" | "emergency" | "medical_advice" | None; subtype: nearest bank subtype
    of that category ("general" for medical advice); pos: its probability (max over the text's
    units); neg: the lowest probability of "none" over the units; nearest: the unit that scored.
    """

    category: str | None
    subtype: str
    pos: float
    neg: float
    nearest: str


class TriageModel:
    """The persisted classifier, applied on an encoder.

    Args:
        encode: texts -> (n, 384) unit vectors (``nlu.encoder.Encoder.encode`` or the gateway's
            query encoder).
        coef, intercept: (C, F) and (C,) with C = len(classes).
        meta: the JSON metadata (classes, thresholds, spec, subtypes).
        centroids: (S, 384) unit vectors of the bank's positive subtypes (for ``subtype``).
    """

    # nlu.triage.screen_all: the classifier may add a category the rules missed and veto a
    # rule finding (P(none) >= veto_threshold); the nearest-neighbour layer only adds.
    adds_only = False

    def __init__(
        self,
        encode: Encode,
        coef: np.ndarray,
        intercept: np.ndarray,
        meta: dict[str, Any],
        centroids: np.ndarray | None = None,
    ) -> None:
        self.encode = encode
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.meta = meta
        self.classes = tuple(meta["classes"])
        if self.coef.shape[0] != len(self.classes) or self.intercept.shape != (len(self.classes),):
            raise ValueError(
                f"triage model: coef {self.coef.shape} / intercept {self.intercept.shape} "
                f"do not match {len(self.classes)} classes"
            )
        self.spec = dict(meta.get("features") or {})
        self.thresholds = {c: float(t) for c, t in (meta.get("thresholds") or {}).items()}
        # P(none) at or above which a rule finding may be vetoed (nlu.triage.screen_all); None:
        # the classifier never vetoes.
        veto = meta.get("veto_none")
        self.veto_threshold = float(veto) if veto is not None else None
        self.sentence_level = bool(meta.get("sentence_level", True))
        # Score a multi-sentence message's sentences only when the whole message's red-flag
        # probability reaches this level (or a veto is in question); None: always.
        gate = meta.get("sentence_gate")
        self.sentence_gate = float(gate) if gate is not None else None
        self.subtypes = [tuple(s) for s in meta.get("subtypes") or []]
        self.centroids = np.asarray(centroids, dtype=np.float32) if centroids is not None else None
        # The liveness head (``nlu.triage.screen_all``): P(live) of a message whose red-flag
        # terms are replaced by a placeholder, i.e. judged on what surrounds them; a vetoable
        # rule finding is dropped below ``live_threshold``. None: no liveness head.
        self.live_coef: np.ndarray | None = None
        self.live_intercept = 0.0
        self.live_threshold: float | None = None
        self.live_placeholder = "X"

    def set_liveness(
        self,
        coef: np.ndarray,
        intercept: float,
        threshold: float | None,
        placeholder: str = "X",
    ) -> None:
        """Attach the liveness head (coef (F,) over the same features as the classes)."""
        coef = np.asarray(coef, dtype=np.float32).reshape(-1)
        if coef.shape[0] != self.coef.shape[1]:
            raise ValueError(
                f"triage model: liveness coef has {coef.shape[0]} features, the classes "
                f"{self.coef.shape[1]}"
            )
        self.live_coef = coef
        self.live_intercept = float(intercept)
        self.live_threshold = None if threshold is None else float(threshold)
        self.live_placeholder = placeholder

    def live_proba(self, texts: Sequence[str]) -> np.ndarray:
        """P(live) of each placeholder text (see ``set_liveness``); raises without a head."""
        if self.live_coef is None:
            raise ValueError("triage model has no liveness head")
        vecs = np.asarray(self.encode(list(texts)), dtype=np.float32)
        logits = self._logits(texts, vecs, self.live_coef[None, :])[:, 0]
        return 1.0 / (1.0 + np.exp(-(logits + self.live_intercept)))

    # ----------------------------------------------------------------- scoring
    def _logits(self, units: Sequence[str], vecs: np.ndarray, coef: np.ndarray) -> np.ndarray:
        """(n, K) ``features(units, vecs, spec) @ coef.T`` for coef (K, F), with the hashed
        n-grams summed column by column instead of building the wide feature matrix."""
        vecs = np.asarray(vecs, dtype=np.float32)
        dim = vecs.shape[1]
        logits = (vecs * float(self.spec.get("dense_weight", 1.0))) @ coef[:, :dim].T
        sparse_weight = float(self.spec.get("sparse_weight", 1.0))
        for row, unit in enumerate(units):
            grams = hashed_ngrams(unit, self.spec)
            if grams:
                cols = dim + np.fromiter(grams.keys(), dtype=np.int64, count=len(grams))
                vals = np.fromiter(grams.values(), dtype=np.float32, count=len(grams))
                logits[row] += coef[:, cols] @ (vals * sparse_weight)
        return logits

    def unit_proba(self, units: Sequence[str], vecs: np.ndarray) -> np.ndarray:
        """(n, C) class probabilities of already-encoded units (the same as
        ``softmax(features(units, vecs, spec) @ coef.T + intercept)``)."""
        return softmax(self._logits(units, vecs, self.coef) + self.intercept)

    def scores(self, texts: Sequence[str]) -> list[dict[str, Any]]:
        """Per text: {class: max probability over its units, "none": min over its units,
        "unit": {class: the unit that gave the max}, "vec": the whole-text vector}."""
        units_per_text = [self._units(t) for t in texts]
        flat = [u for units in units_per_text for u in units]
        vecs = self._encode_units(units_per_text) if flat else np.zeros((0, 384))
        probs = self.unit_proba(flat, vecs) if flat else np.zeros((0, len(self.classes)))
        return self._summarise(units_per_text, vecs, probs)

    def _units(self, text: str) -> list[str]:
        return split_units(text) if self.sentence_level else [text.strip() or text]

    def _summarise(
        self, units_per_text: list[list[str]], vecs: np.ndarray, probs: np.ndarray
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        row = 0
        for units in units_per_text:
            block = probs[row : row + len(units)]
            best = block.argmax(axis=0)
            # "none": the lowest probability of "none" over the units (every sentence must look
            # harmless for the classifier to veto a rule finding).
            scored: dict[str, Any] = {"none": float(block[:, self.classes.index("none")].min())}
            scored["unit"] = {}
            for j, cls in enumerate(self.classes):
                if cls == "none":
                    continue
                scored[cls] = float(block[best[j], j])
                scored["unit"][cls] = units[int(best[j])]
            scored["vec"] = vecs[row]
            out.append(scored)
            row += len(units)
        return out

    def needs_sentences(self, whole: np.ndarray, veto_possible: bool = True) -> bool:
        """With a ``sentence_gate``: must the sentences of a message be scored, given the
        class probabilities of the whole message? Yes when a red-flag probability of the whole
        reaches the gate (a sentence may push it over its threshold), or when a veto is
        possible and P(none) of the whole reaches the veto level (a veto needs every sentence
        to look harmless; the lowest P(none) over the units is at most the whole's, so below
        the veto level no sentence can make a veto happen). Without a gate: always."""
        if self.sentence_gate is None:
            return True
        red = max(float(whole[self.classes.index(c)]) for c in RED_FLAGS if c in self.classes)
        if red >= self.sentence_gate:
            return True
        none = float(whole[self.classes.index("none")])
        veto_at = self.veto_threshold
        return bool(veto_possible and veto_at is not None and none >= veto_at)

    def _encode_units(self, units_per_text: list[list[str]]) -> np.ndarray:
        """Vectors of every unit, in order: the whole texts in one encoder call and their
        sentences in another (a sentence batched with its long message would be padded to the
        message's length, several times the work)."""
        whole = [units[0] for units in units_per_text]
        parts = [u for units in units_per_text for u in units[1:]]
        whole_vecs = np.asarray(self.encode(whole), dtype=np.float32)
        part_vecs = np.asarray(self.encode(parts), dtype=np.float32) if parts else None
        out = np.empty((len(whole) + len(parts), whole_vecs.shape[1]), dtype=np.float32)
        row = k = 0
        for i, units in enumerate(units_per_text):
            out[row] = whole_vecs[i]
            row += 1
            for _ in units[1:]:
                out[row] = part_vecs[k]  # type: ignore[index]
                row += 1
                k += 1
        return out

    def judge(self, scored: dict[str, Any]) -> ModelMatch:
        """The most urgent category whose probability reaches its threshold (or None)."""
        for category in RED_FLAGS:
            threshold = self.thresholds.get(category)
            if threshold is None or category not in scored:
                continue
            if scored[category] >= threshold:
                return ModelMatch(
                    category,
                    self._subtype(category, scored.get("vec")),
                    scored[category],
                    scored["none"],
                    scored["unit"][category],
                )
        return ModelMatch(None, "", 0.0, scored["none"], "")

    def check(self, text: str, veto_possible: bool = True) -> ModelMatch:
        """The verdict for one text. With a ``sentence_gate`` the whole message is encoded
        first and its sentences only when ``needs_sentences`` says they could change the
        verdict (``veto_possible``: the caller has a rule finding the layer may veto; when
        False, ``neg`` may then be the whole message's P(none) rather than the minimum)."""
        units = self._units(text)
        if len(units) == 1 or self.sentence_gate is None:
            return self.judge(self.scores([text])[0])
        whole_vec = np.asarray(self.encode(units[:1]), dtype=np.float32)
        whole = self.unit_proba(units[:1], whole_vec)
        if not self.needs_sentences(whole[0], veto_possible):
            return self.judge(self._summarise([units[:1]], whole_vec, whole)[0])
        part_vecs = np.asarray(self.encode(units[1:]), dtype=np.float32)
        vecs = np.concatenate([whole_vec, part_vecs])
        probs = np.concatenate([whole, self.unit_proba(units[1:], part_vecs)])
        return self.judge(self._summarise([units], vecs, probs)[0])

    def _subtype(self, category: str, vec: Any) -> str:
        if self.centroids is None or vec is None or not self.subtypes:
            return "general"
        rows = [i for i, (cat, _) in enumerate(self.subtypes) if cat == category]
        if not rows:
            return "general"
        sims = self.centroids[rows] @ np.asarray(vec, dtype=np.float32)
        return str(self.subtypes[rows[int(sims.argmax())]][1])

    # ----------------------------------------------------------------- persistence
    def save(self, npz: Path = MODEL_NPZ, meta_path: Path = MODEL_JSON) -> None:
        arrays: dict[str, np.ndarray] = {"coef": self.coef, "intercept": self.intercept}
        if self.centroids is not None:
            arrays["centroids"] = self.centroids
        meta = dict(self.meta)
        if self.live_coef is not None:
            arrays["live_coef"] = self.live_coef
            arrays["live_intercept"] = np.asarray([self.live_intercept], dtype=np.float32)
            meta["liveness"] = {
                "threshold": self.live_threshold,
                "placeholder": self.live_placeholder,
            }
        with open(npz, "wb") as fh:
            np.savez(fh, **arrays)  # type: ignore[arg-type]  # numpy 2.4 stubs: allow_pickle
        meta.update(format=FORMAT, npz_sha256=_sha256(npz))
        Path(meta_path).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")


def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_model(encode: Encode, npz: Path = MODEL_NPZ, meta_path: Path = MODEL_JSON) -> TriageModel:
    """The packaged classifier on ``encode``. Raises ValueError naming the file when the
    arrays do not match the metadata's hash (a half-updated artefact), FileNotFoundError when
    it is missing."""
    meta = json.loads(Path(meta_path).read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{meta_path}: format {meta.get('format')!r}, expected {FORMAT}")
    found = _sha256(npz)
    if found != meta.get("npz_sha256"):
        raise ValueError(f"{npz}: sha256 {found[:16]} does not match {meta_path}")
    with np.load(npz, allow_pickle=False) as data:
        centroids = data["centroids"] if "centroids" in data.files else None
        model = TriageModel(encode, data["coef"], data["intercept"], meta, centroids)
        live = meta.get("liveness")
        if live is not None and "live_coef" in data.files:
            model.set_liveness(
                data["live_coef"],
                float(data["live_intercept"][0]),
                live.get("threshold"),
                str(live.get("placeholder", "X")),
            )
        elif live is not None:
            raise ValueError(f"{npz}: {meta_path} names a liveness head the arrays lack")
        return model


def from_encoder_dir(directory: str | Path | None = None, **kwargs: Any) -> TriageModel:
    """The packaged classifier on the prepared MiniLM encoder (``nlu.encoder``). Raises
    ``nlu.encoder.EncoderNotFoundError`` when no encoder is prepared."""
    from nlu.encoder import resolve_encoder_dir, shared_encoder

    # the same encoder (one ONNX session) as Rasa's SentenceEmbeddingFeaturizer at its default
    # threads
    encoder = shared_encoder(resolve_encoder_dir(directory))
    return load_model(encoder.encode, **kwargs)


def model_hash(meta_path: Path = MODEL_JSON) -> str:
    """sha256 (16 hex) of the model's arrays, as recorded in its metadata."""
    meta = json.loads(Path(meta_path).read_text(encoding="utf-8"))
    return str(meta["npz_sha256"])[:16]
