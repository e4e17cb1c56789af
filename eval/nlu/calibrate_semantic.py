"""Calibrate the semantic triage layer (nlu/triage_semantic.py): k, threshold and margin.

    python -m eval.nlu.calibrate_semantic            # grid search, prints the best settings

Tuning sets: eval/nlu/triage.yml, triage_holdout.yml, triage_unseen.yml, triage_blind_a.yml and
triage_blind_b.yml (blind B, after its one frozen run). ``triage_blind_c.yml`` is never read here:
it is kept for one run after the settings are frozen.

Objective: the layer on its own, with the rules' context vetoes but without the rules (they
were tuned on these sets, so they hide how the layer does on new wording), finds the most
crisis/emergency positives in the right category with at most ``--max-fp`` false positives
over all tuning negatives (default 1%). Ties go to the higher threshold and margin.
"""

from __future__ import annotations

import argparse
import itertools
from typing import Any

import numpy as np

from eval.nlu.metrics import load_yaml
from nlu.triage import _normalise, _semantic_vetoed
from nlu.triage_semantic import CATEGORIES, SemanticScreen, from_encoder_dir

TUNING_SETS = (
    "triage.yml",
    "triage_holdout.yml",
    "triage_unseen.yml",
    "triage_blind_a.yml",
    "triage_blind_b.yml",  # blind B: a tuning set since its first run (eval/nlu/first_runs.md)
)


def collect() -> tuple[list[dict[str, Any]], list[str]]:
    """Pooled crisis/emergency positives and all negatives of the tuning sets."""
    positives: list[dict[str, Any]] = []
    negatives: list[str] = []
    for name in TUNING_SETS:
        data = load_yaml(name)
        positives += [dict(p, set=name) for p in data["positives"] if p["category"] in CATEGORIES]
        negatives += list(data["negatives"])
    return positives, negatives


def _verdict(layer: SemanticScreen, scored: dict[str, Any], text: str) -> str | None:
    """The layer's category as ``nlu.triage.screen_all`` would use it (context vetoes applied)."""
    category = layer.judge(scored).category
    if category is None or _semantic_vetoed(category, _normalise(text)):
        return None
    return category


def _memo(encode: Any) -> Any:
    """``encode`` with a cache per text (the grid re-scores the same texts for each k)."""
    cache: dict[str, np.ndarray] = {}

    def cached(texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in cache]
        if todo:
            for text, vec in zip(todo, encode(todo), strict=True):
                cache[text] = vec
        return np.stack([cache[t] for t in texts])

    return cached


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--max-fp",
        type=int,
        default=None,
        help="false positives allowed (default: 1%% of negatives)",
    )
    args = parser.parse_args(argv)

    positives, negatives = collect()
    layer: SemanticScreen = from_encoder_dir()
    layer.encode = _memo(layer.encode)
    n_budget = args.max_fp if args.max_fp is not None else int(0.01 * len(negatives))
    print(
        f"{len(positives)} positives, {len(negatives)} negatives; budget {n_budget} false positives"
    )
    best: tuple[Any, ...] | None = None
    for k in (1, 3, 5):
        layer.k = k
        pos_scores = layer.scores([p["text"] for p in positives])
        neg_scores = layer.scores(negatives)
        for threshold, margin in itertools.product(
            np.arange(0.40, 0.86, 0.01), np.arange(0.0, 0.21, 0.01)
        ):
            layer.threshold, layer.margin = float(threshold), float(margin)
            caught = sum(
                1
                for p, sc in zip(positives, pos_scores, strict=True)
                if _verdict(layer, sc, p["text"]) == p["category"]
            )
            fps = sum(
                1 for t, sc in zip(negatives, neg_scores, strict=True) if _verdict(layer, sc, t)
            )
            if fps > n_budget:
                continue
            key = (caught, -fps, round(float(threshold), 2), round(float(margin), 2))
            if best is None or key > best[0]:
                best = (key, k, float(threshold), float(margin), caught, fps)
    if best is None:
        print("no setting within the false-positive budget")
        return 1
    _, k, threshold, margin, caught, fps = best
    print(
        f"best: k={k} threshold={threshold:.2f} margin={margin:.2f}: "
        f"alone it finds {caught}/{len(positives)} positives with {fps}/{len(negatives)} "
        f"false positives"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
