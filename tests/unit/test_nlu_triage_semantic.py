"""The semantic triage layer with a deterministic fake encoder (keywords -> fixed unit vectors):
threshold and margin semantics, its place after the rules, and failure isolation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlu import triage
from nlu.triage_semantic import BANK_PATH, SemanticScreen, bank_hash, load_bank

AXES = ("sleep", "bleed", "idiom", "other")


def fake_encode(texts: list[str]) -> np.ndarray:
    """One axis per keyword found (normalised); 'other' when none."""
    out = np.zeros((len(texts), len(AXES)), dtype=np.float32)
    for row, text in enumerate(texts):
        low = text.lower()
        for col, key in enumerate(AXES[:-1]):
            if key in low:
                out[row, col] = 1.0
        if not out[row].any():
            out[row, -1] = 1.0
    return out / np.linalg.norm(out, axis=1, keepdims=True)


BANK = {
    "positives": [
        {"text": "never sleep again", "category": "crisis", "subtype": "suicidal"},
        {"text": "sleep forever", "category": "crisis", "subtype": "suicidal"},
        {"text": "bleed everywhere", "category": "emergency", "subtype": "bleeding"},
    ],
    "negatives": [
        {"text": "idiom one", "kind": "idiom"},
        {"text": "idiom two", "kind": "idiom"},
        {"text": "something else", "kind": "everyday"},
    ],
}


@pytest.fixture
def layer() -> SemanticScreen:
    return SemanticScreen(fake_encode, BANK, k=1, threshold=0.6, margin=0.1)


def test_fires_with_the_nearest_positive_category_and_subtype(layer: SemanticScreen) -> None:
    match = layer.check("I just want to sleep")
    assert (match.category, match.subtype) == ("crisis", "suicidal")
    assert match.pos == pytest.approx(1.0)
    assert match.nearest in {"never sleep again", "sleep forever"}
    assert layer.check("the bleed will not stop").category == "emergency"


def test_does_not_fire_near_negatives_or_below_threshold(layer: SemanticScreen) -> None:
    assert layer.check("idiom about nothing").category is None  # closest to a negative
    assert layer.check("hello there").category is None  # 'other' axis: neg 1.0, pos 0
    # half sleep, half idiom: pos = neg = 0.707 -> margin 0 < 0.1
    assert layer.check("sleep idiom").category is None
    layer.margin = 0.0
    assert layer.check("sleep idiom").category == "crisis"
    layer.threshold = 0.8
    assert layer.check("sleep idiom").category is None


def test_k_averages_the_top_k_similarities(layer: SemanticScreen) -> None:
    layer.k = 2
    scored = layer.scores(["bleed"])[0]
    # emergency has one positive: top-2 is capped at what exists
    assert scored["emergency"][0] == pytest.approx(1.0)
    layer.k = 3
    assert layer.scores(["sleep"])[0]["crisis"][0] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="k must be"):
        SemanticScreen(fake_encode, BANK, k=0)


def test_screen_runs_the_layer_after_the_rules_only_when_enabled(layer: SemanticScreen) -> None:
    text = "I just want to sleep"
    assert triage.screen_rules(text) is None
    previous = triage._semantic
    try:
        triage.enable_semantic(None)
        assert triage.screen(text) is None
        triage.enable_semantic(layer)
        found = triage.screen(text)
        assert found is not None
        assert (found.category, found.rule, found.explicit) == ("crisis", "semantic", False)
        assert (found.start, found.end, found.matched) == (0, len(text), text)
        # a rule finding is kept as it is (the layer is not consulted)
        ruled = triage.screen("I want to kill myself and sleep")
        assert ruled is not None and ruled.rule != "semantic"
        # medical advice from the rules does not stop the layer from adding a crisis first
        both = triage.screen_all("how long do I have left, I just want to sleep")
        assert [r.category for r in both] == ["crisis", "medical_advice"]
    finally:
        triage.enable_semantic(previous)


def test_a_failing_encoder_leaves_the_rules_answer() -> None:
    def broken(texts: list[str]) -> np.ndarray:
        if texts == ["boom sleep"]:
            raise RuntimeError("onnxruntime died")
        return fake_encode(texts)

    layer = SemanticScreen(broken, BANK, k=1)
    previous = triage._semantic
    try:
        triage.enable_semantic(layer)
        assert triage.screen("boom sleep") is None
        assert triage.screen("I can't breathe").category == "emergency"  # type: ignore[union-attr]
    finally:
        triage.enable_semantic(previous)


def test_packaged_bank_is_valid_and_large() -> None:
    bank = load_bank()
    cats = {p["category"] for p in bank["positives"]}
    assert cats == {"crisis", "emergency"}
    assert len(bank["positives"]) >= 300 and len(bank["negatives"]) >= 400
    assert len(bank_hash(BANK_PATH)) == 16


def test_malformed_bank_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bank.yml"
    bad.write_text("positives:\n- {text: 'x', category: sadness}\nnegatives: ['y']\n")
    with pytest.raises(ValueError, match="bank.yml: positive #1"):
        load_bank(bad)
    bad.write_text("positives: [\n")
    with pytest.raises(ValueError, match="bank.yml: invalid YAML"):
        load_bank(bad)
