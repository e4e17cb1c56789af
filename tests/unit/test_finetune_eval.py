"""The fine-tuning experiment's scoring helpers (eval/nlu/finetune.py); no training here."""

from __future__ import annotations

import numpy as np

from eval.nlu.finetune import length_batches, oracle, predict, validation_set
from eval.nlu.loso import reduce_units
from eval.nlu.triage_data import Item


def test_oracle_allows_at_most_one_percent_of_the_negatives() -> None:
    items = [Item(f"n{k}", "none", None, "x") for k in range(200)]
    items += [Item(f"p{k}", "crisis", True, "x") for k in range(10)]
    probs = np.zeros((210, 4), dtype=np.float32)
    probs[:200, 1] = np.linspace(0.0, 0.9, 200)
    probs[200:205, 2] = 0.95  # emergency score counts as urgent too
    probs[205:, 1] = 0.5  # below the two allowed negatives
    out = oracle(items, probs)
    assert out["fps"] == 2 and out["caught"] == 5 and out["n"] == 10
    veto = np.zeros((210, 3), dtype=bool)
    veto[100:200, 0] = True  # the context checks veto crisis on the top half of the negatives
    assert oracle(items, probs, veto=veto)["caught"] == 10


def test_predict_takes_the_most_urgent_category_and_the_veto_blocks_it() -> None:
    probs = np.asarray([[0.1, 0.9, 0.9, 0.0], [0.1, 0.1, 0.9, 0.0], [0.1, 0.9, 0.0, 0.0]])
    veto = np.zeros((3, 3), dtype=bool)
    veto[2, 0] = True
    assert predict(probs, (0.8, 0.8, 0.8), veto) == ["crisis", "emergency", None]


def test_reduce_units_max_red_flag_min_none() -> None:
    probs = np.asarray([[0.9, 0.1, 0.0, 0.0], [0.2, 0.7, 0.1, 0.0], [0.5, 0.2, 0.3, 0.0]])
    out = reduce_units([["a b c. d e f", "a b c", "d e f"]], probs, None)
    assert np.allclose(out[0], [0.2, 0.7, 0.3, 0.0])


def test_length_batches_cover_every_text_once() -> None:
    texts = ["x" * k for k in range(1, 101)]
    batches = length_batches(texts, 32, np.random.default_rng(0))
    assert sorted(int(i) for b in batches for i in b) == list(range(100))
    assert all(len(b) <= 32 for b in batches)


def test_validation_set_is_never_the_held_out_set() -> None:
    assert validation_set("blind_f") == "blind_e"
    assert validation_set("dev") == "blind_f"
