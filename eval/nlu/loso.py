"""Leave-one-set-out (LOSO) cross-validation of the red-flag screen.

    python -m eval.nlu.loso                   # rules only, rules + kNN layer, rules + classifier
    python -m eval.nlu.loso --errors blind_d  # also list the errors on one held-out set

Eight labelled sets (eval/nlu/triage_data.SETS). For each fold one set is held out; the
classifier (nlu/triage_model.py) is trained on the bank, the Rasa NLU examples and the other seven
sets (texts that also occur in the held-out set are dropped), and its per-category thresholds
are chosen on the seven training sets alone by an inner leave-one-set-out: out-of-fold
probabilities for each training set, then the thresholds that catch the most crisis and
emergency positives (then medical advice) with at most ``--budget`` false positives over
their negatives, rules included. The held-out set is scored once with those settings.

What this measures honestly: the learned layer on wording it was not trained or tuned on. What
it does not: the regex rules, which were written and revised with the errors of every set in
view (eval/nlu/first_runs.md holds the honest first runs); their rows are optimistic.

Rows: *rules* (``nlu.triage.screen_rules``), *rules+knn* (the nearest-neighbour layer of
nlu/triage_semantic.py with its fixed settings; its bank is in every fold's view, so this is
the pre-change screen as shipped), *rules+clf* (rules, then the classifier as
``nlu.triage.screen_all`` combines them).

Defaults are the shipped settings (MiniLM vector + hashed char 3-5-grams, C=8, balanced class
weights, thresholds for at most 1% false positives of the classifier alone); ``--write-model``
also fits on everything and writes nlu/triage_model.npz/.json (thresholds and veto level chosen
the same way on all the sets' out-of-fold scores), with the liveness head (``nlu.triage.LIVE_MODE``;
trained with eval/nlu/triage_liveness.yml, its threshold the lowest out-of-fold P(live) of a
positive it could drop). Each fold's model carries its own head, fitted without the fold.

CPU: encodes each text once (cached in var/triage-vectors) and fits 36 logistic regressions
(~5 min on 2 cores); wrap it in ``flock /tmp/pmn-cpu.lock`` on the shared machine.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from eval.nlu.triage_data import (
    SETS,
    Item,
    VectorCache,
    load_bank,
    load_liveness,
    load_rasa,
    load_sets,
    norm_key,
    prepared_encoder,
)
from nlu import triage
from nlu.triage_model import (
    CLASSES,
    RED_FLAGS,
    TriageModel,
    features,
    hashed_ngrams,
    split_units,
)

URGENCY = {"crisis": 0, "emergency": 1, "medical_advice": 2}
GRID = np.round(np.arange(0.20, 0.99, 0.025), 3)


# ------------------------------------------------------------------------ training


@dataclass
class TrainConfig:
    """Classifier settings (features and regularisation)."""

    C: float = 8.0
    hash_dim: int = 1 << 15
    char_range: tuple[int, int] = (3, 5)
    word_ngrams: bool = False
    sparse_weight: float = 1.0
    class_weight: str | None = "balanced"
    sentence_level: bool = True
    rasa: bool = True
    semantic_veto: bool = True  # the rules' context checks on a classifier finding
    # Thresholds chosen on the classifier alone ("alone": the rules were tuned on every set, so
    # with them in the inner folds the classifier looks useless) or on rules + classifier.
    select: str = "alone"
    # Veto a rule's crisis/emergency finding that nlu.triage.learned_veto_allowed permits
    # when every unit of the message is confidently "none" (threshold from the inner folds).
    learned_veto: bool = True
    # Score a multi-sentence message's sentences only when the whole message's highest
    # red-flag probability reaches this (nlu.triage_model.TriageModel.needs_sentences); None:
    # always (the sentence pass is about half the encoder cost of a long message). 0.1 was
    # compared with None, 0.05 and 0.2 by LOSO (eval/nlu/triage_loso.md): no recall lost.
    sentence_gate: float | None = 0.1
    # The liveness head (nlu.triage.LIVE_MODE): a binary regression on the same features of
    # the placeholder text (nlu.triage.liveness_input), trained with
    # eval/nlu/triage_liveness.yml; threshold: the lowest out-of-fold P(live) of a positive
    # whose finding the head could drop, capped at live_max.
    liveness: bool = True
    live_max: float = 0.5

    def spec(self) -> dict[str, Any]:
        return {
            "dense_weight": 1.0,
            "hash_dim": self.hash_dim,
            "char_range": list(self.char_range),
            "word_ngrams": self.word_ngrams,
            "sparse_weight": self.sparse_weight,
        }


def feature_matrix(texts: Sequence[str], vecs: np.ndarray, spec: dict[str, Any]) -> Any:
    """``nlu.triage_model.features`` as a scipy sparse matrix when n-grams are hashed (the
    dense matrix would not fit in memory for thousands of texts)."""
    if not int(spec.get("hash_dim", 0)):
        return features(texts, vecs, spec)
    from scipy import sparse

    dense = sparse.csr_matrix(np.asarray(vecs, dtype=np.float32) * float(spec["dense_weight"]))
    rows, cols, vals = [], [], []
    weight = float(spec.get("sparse_weight", 1.0))
    for r, text in enumerate(texts):
        for c, v in hashed_ngrams(text, spec).items():
            rows.append(r)
            cols.append(c)
            vals.append(v * weight)
    hashed = sparse.csr_matrix(
        (np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(len(texts), spec["hash_dim"])
    )
    return sparse.hstack([dense, hashed], format="csr")


def _logistic(x: Any, y: np.ndarray, config: TrainConfig) -> Any:
    """The fitted logistic regression both heads use (C, class weights, tolerance)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(
        C=config.C, class_weight=config.class_weight, max_iter=3000, tol=1e-6
    )
    return model.fit(x, y)


def fit(
    items: Sequence[Item], vecs: np.ndarray, config: TrainConfig
) -> tuple[np.ndarray, np.ndarray]:
    """(coef (C, F), intercept (C,)) of a multinomial logistic regression, classes CLASSES."""
    x = feature_matrix([i.text for i in items], vecs, config.spec())
    y = np.asarray([CLASSES.index(i.label) for i in items])
    model = _logistic(x, y, config)
    if list(model.classes_) != list(range(len(CLASSES))):
        raise ValueError(f"training data lacks a class: {model.classes_}")
    return model.coef_.astype(np.float32), model.intercept_.astype(np.float32)


def unit_max_proba(
    items: Sequence[Item],
    vec_of: VectorCache,
    coef: np.ndarray,
    intercept: np.ndarray,
    config: TrainConfig,
) -> np.ndarray:
    """(n, 4): column 0 the lowest probability of "none" over the item's units, columns 1-3
    the highest probability of each red-flag category (CLASSES order)."""
    units_per = [split_units(i.text) if config.sentence_level else [i.text] for i in items]
    flat = [u for us in units_per for u in us]
    x = feature_matrix(flat, vec_of(flat), config.spec())
    logits = np.asarray(x @ coef.T) + intercept
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    return reduce_units(units_per, probs, config.sentence_gate)


def reduce_units(
    units_per: Sequence[Sequence[str]], probs: np.ndarray, sentence_gate: float | None
) -> np.ndarray:
    """Per-unit class probabilities (rows in ``units_per`` order, whole text first) -> (n, 4):
    column 0 the lowest P(none) over an item's units, columns 1-3 the highest red-flag
    probabilities. With a ``sentence_gate``, an item whose whole-text red-flag probability is
    below it keeps the whole text's red-flag columns (the shipped check does not score its
    sentences); the veto level still sees every sentence, as check does when a veto is
    possible."""
    out = np.zeros((len(units_per), len(CLASSES)), dtype=np.float32)
    row = 0
    for n, units in enumerate(units_per):
        block = probs[row : row + len(units)]
        gated = sentence_gate is not None and block[0, 1:].max() < sentence_gate
        out[n, 1:] = block[0, 1:] if gated else block[:, 1:].max(axis=0)
        out[n, 0] = block[:, 0].min()
        row += len(units)
    return out


# ------------------------------------------------------------------------ combination


def rule_best(text: str) -> str | None:
    """The most urgent category the regex rules find."""
    found = triage.screen_rules(text)
    return found.category if found else None


def rule_vetoable(item: Item) -> bool:
    """True when the rules catch this item's category with a finding the classifier may veto
    (``nlu.triage.learned_veto_allowed``)."""
    return any(
        r.category == item.label and triage.learned_veto_allowed(r, item.text)
        for r in triage.screen_all_rules(item.text)
    )


def choose_veto(
    items: Sequence[Item], rules: Sequence[str | None], vetoable: np.ndarray, none_min: np.ndarray
) -> float:
    """The lowest P(none) threshold that vetoes no positive the rules caught in the inner
    folds (out-of-fold probabilities), and at least 0.5."""
    worst = 0.5
    for item, rule_cat, can, p in zip(items, rules, vetoable, none_min, strict=True):
        if item.label != "none" and rule_cat == item.label and can:
            worst = max(worst, float(p) + 1e-6)
    return min(worst, 1.0 + 1e-6)


def vetoed_mask(items: Sequence[Item]) -> np.ndarray:
    """(n, 3) True where the rules' context checks would veto a classifier finding."""
    out = np.zeros((len(items), len(RED_FLAGS)), dtype=bool)
    for n, item in enumerate(items):
        norm = triage._normalise(item.text)
        for j, cat in enumerate(RED_FLAGS):
            out[n, j] = triage._semantic_vetoed(cat, norm)
    return out


def choose_thresholds(
    items: Sequence[Item],
    rules: Sequence[str | None],
    probs: np.ndarray,
    veto: np.ndarray,
    budget: float,
) -> tuple[float, float, float]:
    """Thresholds (crisis, emergency, medical_advice) on out-of-fold probabilities: the most
    crisis+emergency positives caught (then medical advice, then fewer false positives, then
    higher thresholds) with false positives <= budget * negatives."""
    labels = np.asarray([i.label for i in items])
    neg = labels == "none"
    max_fp = int(np.floor(budget * neg.sum()))
    rule_arr = np.asarray([r or "" for r in rules])
    rule_rank = np.asarray([URGENCY.get(r, 9) for r in rule_arr])
    lab_rank = np.asarray([URGENCY.get(lbl, 9) for lbl in labels])
    best_key: tuple[Any, ...] | None = None
    best: tuple[float, float, float] = (1.0, 1.0, 1.0)
    ok = ~veto
    for tc, te, tm in itertools.product(GRID, GRID, GRID):
        fire = (probs >= np.asarray([tc, te, tm])[None, :]) & ok
        # most urgent classifier category that fires (9 when none)
        clf_rank = np.where(fire[:, 0], 0, np.where(fire[:, 1], 1, np.where(fire[:, 2], 2, 9)))
        final = np.minimum(rule_rank, clf_rank)
        fps = int(((final < 9) & neg).sum())
        if fps > max_fp:
            continue
        correct = final == lab_rank
        urgent = int((correct & (lab_rank <= 1)).sum())
        advice = int((correct & (lab_rank == 2)).sum())
        key = (urgent, advice, -fps, tc + te + tm)
        if best_key is None or key > best_key:
            best_key, best = key, (float(tc), float(te), float(tm))
    return best


LIVE_PLACEHOLDER = "X"


def live_row(item: Item) -> tuple[str, int] | None:
    """(placeholder text, 1 live / 0 not) for the liveness head, or None (no crisis or
    emergency term; medical advice)."""
    if item.label == "medical_advice":
        return None
    text = triage.liveness_input(item.text, LIVE_PLACEHOLDER)
    return None if text is None else (text, int(item.label != "none"))


def fit_live(
    rows: Sequence[tuple[str, int]], vec_of: VectorCache, config: TrainConfig
) -> tuple[np.ndarray, float]:
    """(coef (F,), intercept) of the liveness head's logistic regression."""
    texts = [t for t, _ in rows]
    x = feature_matrix(texts, vec_of(texts), config.spec())
    model = _logistic(x, np.asarray([label for _, label in rows]), config)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def live_proba(
    texts: Sequence[str],
    vec_of: VectorCache,
    coef: np.ndarray,
    intercept: float,
    config: TrainConfig,
) -> np.ndarray:
    x = feature_matrix(list(texts), vec_of(list(texts)), config.spec())
    return 1.0 / (1.0 + np.exp(-(np.asarray(x @ coef).reshape(-1) + intercept)))


def choose_live(scores: np.ndarray, vetoable_positive: np.ndarray, cap: float) -> float:
    """The lowest P(live) of a positive the head could drop (out-of-fold), capped."""
    at = scores[vetoable_positive & ~np.isnan(scores)]
    return float(min(cap, at.min())) if at.size else cap


# ------------------------------------------------------------------------ metrics


@dataclass
class Counts:
    groups: dict[str, list[int]] = field(default_factory=dict)  # name -> [caught, n]
    fps: int = 0
    negatives: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for k, (c, n) in other.groups.items():
            g = self.groups.setdefault(k, [0, 0])
            g[0] += c
            g[1] += n
        self.fps += other.fps
        self.negatives += other.negatives


GROUPS = (
    "crisis explicit",
    "crisis indirect",
    "emergency explicit",
    "emergency indirect",
    "medical_advice",
)


def score(items: Sequence[Item], predicted: Sequence[str | None]) -> Counts:
    counts = Counts(groups={g: [0, 0] for g in GROUPS})
    for item, pred in zip(items, predicted, strict=True):
        if item.label == "none":
            counts.negatives += 1
            if pred is not None:
                counts.fps += 1
                counts.errors.append(f"FP {pred}: {item.text}")
            continue
        if item.label == "medical_advice":
            group = "medical_advice"
        else:
            group = f"{item.label} {'explicit' if item.explicit else 'indirect'}"
        counts.groups[group][1] += 1
        if pred == item.label:
            counts.groups[group][0] += 1
        else:
            counts.errors.append(f"MISS {group} (got {pred}): {item.text}")
    return counts


def fmt(c: Counts) -> list[str]:
    cells = []
    for g in GROUPS:
        caught, n = c.groups.get(g, [0, 0])
        cells.append(f"{caught}/{n} ({caught / n:.2f})" if n else "-")
    rate = c.fps / c.negatives if c.negatives else 0.0
    cells.append(f"{c.fps}/{c.negatives} ({100 * rate:.1f}%)")
    return cells


# ------------------------------------------------------------------------ LOSO


class Loso:
    """Fits cached by the set of held-out set names (fit(S, T) is shared by two folds)."""

    def __init__(self, config: TrainConfig, vec_of: VectorCache, encoder_hash: str = "") -> None:
        self.config = config
        self.encoder_hash = encoder_hash
        self.alone: dict[str, Counts] = {}  # the classifier without the rules, per fold
        self.vec_of = vec_of
        self.sets = load_sets()
        self.extra = load_bank() + (load_rasa() if config.rasa else [])
        self._fits: dict[frozenset[str], tuple[np.ndarray, np.ndarray]] = {}
        self._rules = {
            name: [rule_best(i.text) for i in items] for name, items in self.sets.items()
        }
        self._veto = {name: vetoed_mask(items) for name, items in self.sets.items()}
        self._vetoable = {
            name: np.asarray([rule_vetoable(i) for i in items]) for name, items in self.sets.items()
        }
        self.aug = load_liveness() if config.liveness else []
        self._live_rows: dict[tuple[str, str], tuple[str, int] | None] = {}
        self._live_fits: dict[frozenset[str], tuple[np.ndarray, float]] = {}

    def live_rows(self, items: Sequence[Item]) -> list[tuple[str, int] | None]:
        for item in items:
            key = (item.text, item.label)
            if key not in self._live_rows:
                self._live_rows[key] = live_row(item)
        return [self._live_rows[(i.text, i.label)] for i in items]

    def live_fitted(self, held_out: frozenset[str]) -> tuple[np.ndarray, float]:
        """The liveness head trained without ``held_out`` (with eval/nlu/triage_liveness.yml)."""
        if held_out not in self._live_fits:
            banned = {norm_key(i.text) for name in held_out for i in self.sets[name]}
            items = self.training_items(held_out)
            items += [i for i in self.aug if norm_key(i.text) not in banned]
            rows = [r for r in self.live_rows(items) if r is not None]
            self._live_fits[held_out] = fit_live(rows, self.vec_of, self.config)
        return self._live_fits[held_out]

    def live_scores(self, name: str, held_out: frozenset[str]) -> np.ndarray:
        """P(live) of set ``name``'s items (nan where the head has nothing to judge)."""
        rows = self.live_rows(self.sets[name])
        out = np.full(len(rows), np.nan)
        idx = [n for n, r in enumerate(rows) if r is not None]
        if idx:
            coef, intercept = self.live_fitted(held_out)
            texts = [rows[n][0] for n in idx]  # type: ignore[index]
            out[idx] = live_proba(texts, self.vec_of, coef, intercept, self.config)
        return out

    def live_threshold(self, names: Sequence[str], outer: frozenset[str]) -> float:
        """``choose_live`` over the sets ``names``, each scored by the fit without it and
        ``outer``."""
        scores = np.concatenate([self.live_scores(n, outer | {n}) for n in names])
        urgent = np.concatenate(
            [np.asarray([i.label in ("crisis", "emergency") for i in self.sets[n]]) for n in names]
        )
        vetoable = np.concatenate([self._vetoable[n] for n in names]) & urgent
        return choose_live(scores, vetoable, self.config.live_max)

    def attach_liveness(
        self, model: TriageModel, held_out: frozenset[str], threshold: float
    ) -> None:
        coef, intercept = self.live_fitted(held_out)
        model.set_liveness(coef, intercept, threshold, LIVE_PLACEHOLDER)

    def training_items(self, held_out: frozenset[str]) -> list[Item]:
        banned = {norm_key(i.text) for name in held_out for i in self.sets[name]}
        pool = list(self.extra)
        for name, items in self.sets.items():
            if name not in held_out:
                pool.extend(items)
        return [i for i in pool if norm_key(i.text) not in banned]

    def fitted(self, held_out: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
        if held_out not in self._fits:
            items = self.training_items(held_out)
            self._fits[held_out] = fit(items, self.vec_of([i.text for i in items]), self.config)
        return self._fits[held_out]

    def probs(self, name: str, held_out: frozenset[str]) -> np.ndarray:
        coef, intercept = self.fitted(held_out)
        return unit_max_proba(self.sets[name], self.vec_of, coef, intercept, self.config)

    def _inner_rules(self, name: str) -> list[str | None]:
        if self.config.select == "alone":
            return [None] * len(self.sets[name])
        return self._rules[name]

    def veto(self, name: str) -> np.ndarray:
        v = self._veto[name]
        return v if self.config.semantic_veto else np.zeros_like(v)

    def fold(self, outer: str, budget: float) -> tuple[Counts, tuple[float, ...]]:
        model, settings = self.fold_model(outer, budget)
        predicted = screen_with(model, self.sets[outer], self.config.semantic_veto)
        self.alone[outer] = score(
            self.sets[outer], layer_alone(model, self.sets[outer], self.config.semantic_veto)
        )
        return score(self.sets[outer], predicted), settings

    def fold_model(self, outer: str, budget: float) -> tuple[TriageModel, tuple[float, ...]]:
        """The classifier of fold ``outer`` (trained without it, thresholds and veto level by
        the inner leave-one-set-out) and its settings (thresholds..., veto level)."""
        inner = [n for n in self.sets if n != outer]
        items: list[Item] = []
        rules: list[str | None] = []
        probs, vetoes = [], []
        for name in inner:
            items += self.sets[name]
            rules += self._inner_rules(name)
            probs.append(self.probs(name, frozenset({outer, name})))
            vetoes.append(self.veto(name))
        p = np.concatenate(probs)
        thresholds = choose_thresholds(items, rules, p[:, 1:], np.concatenate(vetoes), budget)
        veto_at = None
        if self.config.learned_veto:
            all_rules = [r for n in inner for r in self._rules[n]]
            vetoable = np.concatenate([self._vetoable[n] for n in inner])
            veto_at = choose_veto(items, all_rules, vetoable, p[:, 0])
        model = self.model(frozenset({outer}), thresholds, veto_at)
        if not self.config.liveness:
            return model, (*thresholds, veto_at)
        live_at = self.live_threshold(inner, frozenset({outer}))
        self.attach_liveness(model, frozenset({outer}), live_at)
        return model, (*thresholds, veto_at, live_at)

    def model(
        self,
        held_out: frozenset[str],
        thresholds: Sequence[float],
        veto_at: float | None,
    ) -> TriageModel:
        """The classifier of one fit as ``nlu.triage`` runs it (encoder: the vector cache)."""
        coef, intercept = self.fitted(held_out)
        meta = {
            "classes": list(CLASSES),
            "thresholds": dict(zip(RED_FLAGS, (float(t) for t in thresholds), strict=True)),
            "veto_none": veto_at,
            "features": self.config.spec(),
            "sentence_level": self.config.sentence_level,
            "sentence_gate": self.config.sentence_gate,
        }
        return TriageModel(self.vec_of, coef, intercept, meta)

    def final_settings(self, budget: float) -> tuple[tuple[float, float, float], float | None]:
        """Thresholds and veto level for the shipped model (trained on all sets), chosen the
        same way on every set's out-of-fold probabilities (each set scored by the fit
        without it)."""
        items: list[Item] = []
        rules: list[str | None] = []
        probs, vetoes = [], []
        for name in self.sets:
            items += self.sets[name]
            rules += self._inner_rules(name)
            probs.append(self.probs(name, frozenset({name})))
            vetoes.append(self.veto(name))
        p = np.concatenate(probs)
        thresholds = choose_thresholds(items, rules, p[:, 1:], np.concatenate(vetoes), budget)
        veto_at = None
        if self.config.learned_veto:
            all_rules = [r for n in self.sets for r in self._rules[n]]
            vetoable = np.concatenate([self._vetoable[n] for n in self.sets])
            veto_at = choose_veto(items, all_rules, vetoable, p[:, 0])
        return thresholds, veto_at

    def write_model(self, budget: float, report: bool = False) -> TriageModel:
        """Fit on the bank, the Rasa examples and every set in SETS; save nlu/triage_model.*
        (``report``: print its thresholds and veto level)."""
        thresholds, veto_at = self.final_settings(budget)
        model = self.model(frozenset(), thresholds, veto_at)
        if self.config.liveness:
            live_at = self.live_threshold(list(self.sets), frozenset())
            self.attach_liveness(model, frozenset(), live_at)
        items = self.training_items(frozenset())
        model.meta.update(
            {
                "trained_on": {
                    "sets": [f for _, f in SETS],
                    "bank": "nlu/triage_bank.yml",
                    "rasa": self.config.rasa,
                    "liveness": "eval/nlu/triage_liveness.yml" if self.config.liveness else None,
                    "examples": len(items),
                    "data_sha256": data_hash(items),
                    # the liveness head's own extra data (eval/nlu/triage_liveness.yml)
                    "liveness_sha256": data_hash(self.aug) if self.config.liveness else None,
                },
                "selection": {"budget": budget, "select": self.config.select, "C": self.config.C},
                "encoder_hash": self.encoder_hash,
                "context_veto": self.config.semantic_veto,
            }
        )
        model.subtypes, model.centroids = subtype_centroids(self.vec_of)
        model.meta["subtypes"] = [list(st) for st in model.subtypes]
        model.save()
        if report:
            print(
                f"wrote nlu/triage_model.npz/.json: thresholds {model.thresholds}, "
                f"veto P(none) >= {model.veto_threshold}, liveness P(live) < "
                f"{model.live_threshold}"
            )
        return model


def data_hash(items: Sequence[Item]) -> str:
    """sha256 (16 hex) of the training examples (text and label, in order)."""
    import hashlib

    digest = hashlib.sha256()
    for item in items:
        digest.update(f"{item.label}\t{item.text}\n".encode())
    return digest.hexdigest()[:16]


def subtype_centroids(vec_of: VectorCache) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(category, subtype) pairs of the bank's positives and their mean unit vectors."""
    from nlu.triage_semantic import load_bank as load_raw_bank

    groups: dict[tuple[str, str], list[str]] = {}
    for p in load_raw_bank()["positives"]:
        groups.setdefault((p["category"], str(p.get("subtype") or "general")), []).append(p["text"])
    keys = sorted(groups)
    cents = []
    for key in keys:
        mean = vec_of(groups[key]).mean(axis=0)
        cents.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
    return keys, np.stack(cents).astype(np.float32)


def screen_with(model: Any, items: Sequence[Item], context_veto: bool = True) -> list[str | None]:
    """The category ``nlu.triage.screen`` gives each item with ``model`` enabled."""
    previous = triage._semantic
    saved = triage._semantic_vetoed
    try:
        triage.enable_semantic(model)
        if not context_veto:
            triage._semantic_vetoed = lambda category, norm: False  # type: ignore[assignment]
        found = [triage.screen(i.text) for i in items]
    finally:
        triage.enable_semantic(previous)
        triage._semantic_vetoed = saved  # type: ignore[assignment]
    return [f.category if f else None for f in found]


def layer_alone(model: Any, items: Sequence[Item], context_veto: bool = True) -> list[str | None]:
    """The classifier's own category per item (no rules), with the rules' context checks."""
    out: list[str | None] = []
    for item in items:
        category = model.check(item.text, veto_possible=False).category
        if (
            category
            and context_veto
            and triage._semantic_vetoed(category, triage._normalise(item.text))
        ):
            category = None
        out.append(category)
    return out


def baseline_rows(sets: dict[str, list[Item]], vec_of: VectorCache) -> dict[str, dict[str, Counts]]:
    """Rules only and rules + the kNN layer (nlu/triage_semantic.py, fixed settings)."""
    from nlu.triage_semantic import SemanticScreen

    knn = SemanticScreen(vec_of)
    out: dict[str, dict[str, Counts]] = {"rules": {}, "rules+knn": {}}
    previous = triage._semantic
    try:
        for name, items in sets.items():
            triage.enable_semantic(None)
            rules = [triage.screen(i.text) for i in items]
            out["rules"][name] = score(items, [r.category if r else None for r in rules])
            triage.enable_semantic(knn)
            both = [triage.screen(i.text) for i in items]
            out["rules+knn"][name] = score(items, [r.category if r else None for r in both])
    finally:
        triage.enable_semantic(previous)
    return out


def table(rows: dict[str, dict[str, Counts]]) -> str:
    head = "| fold (held out) | screen | " + " | ".join(GROUPS) + " | FPR |"
    lines = [head, "|" + "---|" * (len(GROUPS) + 3)]
    names = list(next(iter(rows.values())).keys())
    for name in [*names, "pooled"]:
        for screen, per_set in rows.items():
            if name == "pooled":
                counts = Counts(groups={g: [0, 0] for g in GROUPS})
                for c in per_set.values():
                    counts.add(c)
            else:
                counts = per_set[name]
            label = f"**{name}**" if name == "pooled" else name
            lines.append(f"| {label} | {screen} | " + " | ".join(fmt(counts)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--budget",
        type=float,
        default=0.01,
        help="false-positive rate allowed when choosing thresholds (inner folds)",
    )
    parser.add_argument("--C", type=float, default=TrainConfig.C)
    parser.add_argument("--hash-dim", type=int, default=TrainConfig.hash_dim)
    parser.add_argument(
        "--char", type=int, nargs=2, default=TrainConfig.char_range, metavar=("LO", "HI")
    )
    parser.add_argument("--words", action="store_true", help="hashed word 1-2-grams")
    parser.add_argument("--sparse-weight", type=float, default=1.0)
    parser.add_argument("--no-sentences", action="store_true")
    parser.add_argument(
        "--sentence-gate", type=float, default=TrainConfig.sentence_gate,
        help="score the sentences only when the whole message's red-flag probability >= this",
    )  # fmt: skip
    parser.add_argument("--no-rasa", action="store_true")
    parser.add_argument("--no-veto", action="store_true")
    parser.add_argument("--no-learned-veto", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--select", choices=("alone", "combined"), default="alone")
    parser.add_argument("--errors", nargs="*", default=[], help="list errors on these folds")
    parser.add_argument("--baseline-only", action="store_true")
    parser.add_argument(
        "--write-model", action="store_true",
        help="also fit on everything and write nlu/triage_model.npz/.json",
    )  # fmt: skip
    args = parser.parse_args(argv)
    config = TrainConfig(
        C=args.C,
        hash_dim=args.hash_dim,
        char_range=tuple(args.char),
        word_ngrams=args.words,
        sparse_weight=args.sparse_weight,
        sentence_level=not args.no_sentences,
        rasa=not args.no_rasa,
        semantic_veto=not args.no_veto,
        select=args.select,
        learned_veto=not args.no_learned_veto,
        sentence_gate=args.sentence_gate,
    )
    encode, encoder_hash = prepared_encoder()
    vec_of = VectorCache(encode, encoder_hash)
    rows: dict[str, dict[str, Counts]] = {}
    if not args.no_baseline:
        rows.update(baseline_rows(load_sets(), vec_of))
    if args.baseline_only:
        vec_of.save()
        print(table(rows))
        return 0
    loso = Loso(config, vec_of, encoder_hash)
    rows["rules+clf"] = {}
    print(f"config: {config}, budget {args.budget}", flush=True)
    for name, _ in SETS:
        counts, thresholds = loso.fold(name, args.budget)
        rows["rules+clf"][name] = counts
        print(f"fold {name}: thresholds {thresholds}: " + " | ".join(fmt(counts)), flush=True)
        if name in args.errors:
            for err in counts.errors:
                print(f"  [{name}] {err}")
    rows["clf alone"] = loso.alone
    print()
    print(table(rows))
    if args.write_model:
        loso.write_model(args.budget, report=True)
    vec_of.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
