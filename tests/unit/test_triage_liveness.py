"""The liveness veto of the red-flag screen (``nlu.triage.LIVE_MODE``): what the liveness head
judges (the message with its red-flag terms replaced), which findings it may drop and which
never, its failure mode, its persistence in the model artefact, and the same arithmetic in
training (eval.nlu.loso) and prediction (nlu.triage_model)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nlu import triage
from nlu.triage_model import CLASSES, TriageModel, load_model

AXES = ("sleep", "bleed", "dose", "other", "rehears")


def stage_encode(texts: list[str]) -> np.ndarray:
    """Bag of words on five axes; a word containing "rehears" reads as a stage setting."""
    out = np.zeros((len(texts), len(AXES)), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in text.lower().split():
            hits = [col for col, key in enumerate(AXES) if key != "other" and key in word]
            for col in hits:
                out[row, col] += 3.0
            if not hits:
                out[row, AXES.index("other")] += 0.2
        if not out[row].any():
            out[row, AXES.index("other")] = 1.0
    return out / np.linalg.norm(out, axis=1, keepdims=True)


# classes: none <- other, crisis <- sleep, emergency <- bleed, medical_advice <- dose
COEF = 8.0 * np.array(
    [[0, 0, 0, 1, 0], [1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0]], dtype=np.float32
)
META = {
    "classes": list(CLASSES),
    "thresholds": {"crisis": 0.6, "emergency": 0.6, "medical_advice": 0.7},
    "veto_none": None,  # no P(none) veto: only the liveness head can drop a finding here
    "features": {"dense_weight": 1.0, "hash_dim": 0},
    "sentence_level": True,
}
# P(live) high unless the placeholder text reads as a stage setting
LIVE_COEF = np.array([0, 0, 0, 4, -16], dtype=np.float32)

REHEARSED = "rehearsal line: my chest is so tight I can't breathe"
LIVE_EMERGENCY = "my chest is so tight I can't breathe"


@pytest.fixture
def layer():  # type: ignore[no-untyped-def]
    previous = triage._semantic
    model = TriageModel(stage_encode, COEF, np.zeros(4, dtype=np.float32), dict(META))
    model.set_liveness(LIVE_COEF, 0.0, 0.3)
    triage.enable_semantic(model)
    yield model
    triage.enable_semantic(previous)


def test_liveness_input_replaces_every_red_flag_term() -> None:
    assert triage.liveness_input(LIVE_EMERGENCY) == "my X I X"
    # a match the context checks set aside is replaced too (a term is a term)
    past = "had a seizure two years ago, fine now"
    assert triage.screen_all_rules(past) == []
    assert triage.liveness_input(past) == "X two years ago, fine now"
    # a denial goes out with its words
    assert triage.liveness_input("I'm not suicidal or anything, just fed up", "<t>") == (
        "I'm <t> or anything, just fed up"
    )
    assert triage.liveness_input("any KRAS trials in Leeds?") is None


def test_a_vetoable_finding_is_dropped_when_its_context_is_not_live(layer: TriageModel) -> None:
    found = triage.screen_all_rules(REHEARSED)
    assert [(r.category, r.explicit) for r in found] == [("emergency", True)]
    assert triage.learned_veto_allowed(found[0], REHEARSED)
    assert float(layer.live_proba([triage.liveness_input(REHEARSED) or ""])[0]) < 0.3
    assert triage.screen_all(REHEARSED) == []
    # the same words said plainly stay
    kept = triage.screen(LIVE_EMERGENCY)
    assert kept is not None and kept.category == "emergency"
    # switched off, the rehearsed line fires as before
    triage.LIVE_MODE = False
    try:
        assert triage.screen(REHEARSED) is not None
    finally:
        triage.LIVE_MODE = True


def test_an_explicit_first_person_crisis_statement_is_never_dropped(layer: TriageModel) -> None:
    text = "rehearsal is tonight and I want to kill myself"
    found = triage.screen_all_rules(text)
    assert found and found[0].category == "crisis" and found[0].explicit
    assert not triage.learned_veto_allowed(found[0], text)
    assert float(layer.live_proba([triage.liveness_input(text) or ""])[0]) < 0.3
    result = triage.screen(text)
    assert result is not None and result.category == "crisis"


def test_a_finding_the_layer_reads_itself_is_kept(layer: TriageModel) -> None:
    # "bleed" makes the layer find an emergency in the message itself: both must agree
    text = "rehearsal line: my chest is so tight I can't breathe, bleeding everywhere"
    assert layer.check(text).category == "emergency"
    found = triage.screen(text)
    assert found is not None and found.category == "emergency" and found.rule != "semantic"


def test_a_failing_liveness_head_keeps_the_findings(layer: TriageModel) -> None:
    def broken(texts: list[str]) -> np.ndarray:
        raise RuntimeError("liveness head died")

    layer.live_proba = broken  # type: ignore[method-assign]
    found = triage.screen(REHEARSED)
    assert found is not None and found.category == "emergency"


def test_without_a_head_nothing_is_dropped() -> None:
    previous = triage._semantic
    try:
        triage.enable_semantic(TriageModel(stage_encode, COEF, np.zeros(4), dict(META)))
        assert triage.screen(REHEARSED) is not None
    finally:
        triage.enable_semantic(previous)


def test_the_head_is_saved_and_loaded_with_the_model(tmp_path: Path) -> None:
    model = TriageModel(stage_encode, COEF, np.zeros(4, dtype=np.float32), dict(META))
    model.set_liveness(LIVE_COEF, -0.5, 0.125, "<t>")
    npz, meta = tmp_path / "m.npz", tmp_path / "m.json"
    model.save(npz, meta)
    loaded = load_model(stage_encode, npz, meta)
    assert loaded.live_threshold == 0.125 and loaded.live_placeholder == "<t>"
    texts = ["rehearsal X", "my X I X"]
    assert np.allclose(loaded.live_proba(texts), model.live_proba(texts))
    # a model saved without a head loads without one
    bare = TriageModel(stage_encode, COEF, np.zeros(4, dtype=np.float32), dict(META))
    bare.save(npz, meta)
    assert load_model(stage_encode, npz, meta).live_threshold is None
    # metadata naming a head the arrays lack is refused, naming the file
    doc = json.loads(meta.read_text())
    doc["liveness"] = {"threshold": 0.1, "placeholder": "X"}
    meta.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=r"m\.npz"):
        load_model(stage_encode, npz, meta)
    with pytest.raises(ValueError, match="liveness coef"):
        bare.set_liveness(np.zeros(3), 0.0, 0.1)


def test_training_and_prediction_compute_the_same_probability() -> None:
    from eval.nlu.loso import TrainConfig, live_proba

    config = TrainConfig(hash_dim=256)
    rng = np.random.default_rng(1)
    coef = rng.normal(size=len(AXES) + 256).astype(np.float32)
    model = TriageModel(
        stage_encode,
        rng.normal(size=(4, len(AXES) + 256)).astype(np.float32),
        np.zeros(4, dtype=np.float32),
        dict(META, features=config.spec()),
    )
    model.set_liveness(coef, 0.25, 0.1)
    texts = ["role play: you be a caller who says X", "my X I X", "X"]
    trained = live_proba(texts, stage_encode, coef, 0.25, config)  # type: ignore[arg-type]
    assert np.allclose(model.live_proba(texts), trained, atol=1e-5)


def test_choose_live_keeps_every_positive_it_could_drop() -> None:
    from eval.nlu.loso import choose_live

    scores = np.array([0.9, 0.04, np.nan, 0.02, 0.6])
    vetoable = np.array([True, True, True, False, False])
    assert choose_live(scores, vetoable, 0.5) == pytest.approx(0.04)
    assert choose_live(scores, np.zeros(5, dtype=bool), 0.5) == 0.5
    assert choose_live(np.array([0.9]), np.array([True]), 0.5) == 0.5


# Written for this test, none of them in the bank, the labelled sets, the liveness data or the
# Rasa data (checked): quotes of no one at risk now, which the rules and the layer's other
# checks let through, and live messages near those shapes.
QUOTED_NOT_LIVE = [
    # (since the refit with blind P the layer vetoes "we're quoting a member who once said 'I
    # just want it all to stop'" by itself, and the rules frame a quoted member, so this one is a
    # line of a member's poem, which only the liveness head reads as not live)
    "Our newsletter is printing a member's poem with the line \"I wish I could sleep and never "
    'wake". Is that safe to publish?',
    # (the fundraising-page quote of a member, which only the liveness head read as not live
    # before, is framed by the rules since the lead's probes before blind Q: "a survivor writes")
]
LIVE_NEAR = [
    (
        "forget the role play, right now I have crushing chest pain and my left arm is numb",
        "emergency",
    ),
    ("I'm a helpline volunteer and honestly tonight I want to kill myself", "crisis"),
]


def test_real_encoder_liveness_veto() -> None:
    """Through the packaged model on the real encoder: quoted crisis words in an
    organisation's question are dropped by the liveness head (and fire without it); live
    messages framed by a role stay."""
    from eval.nlu.triage_data import (
        load_bank,
        load_liveness,
        load_rasa,
        load_sets,
        norm_key,
    )
    from tests.unit.test_triage_model import _real_model

    model = _real_model()
    assert model.live_threshold is not None, "the packaged model has no liveness head"
    items = [i for s in load_sets().values() for i in s] + load_bank() + load_rasa()
    seen = {norm_key(i.text) for i in items + load_liveness()}
    for text in QUOTED_NOT_LIVE + [t for t, _ in LIVE_NEAR]:
        assert norm_key(text) not in seen, f"not new wording: {text}"
    previous = triage._semantic
    try:
        triage.enable_semantic(model)
        for text in QUOTED_NOT_LIVE:
            assert triage.screen(text) is None, text
            triage.LIVE_MODE = False
            try:
                found = triage.screen(text)
            finally:
                triage.LIVE_MODE = True
            assert found is not None and found.category == "crisis", text
        for text, category in LIVE_NEAR:
            found = triage.screen(text)
            assert found is not None and found.category == category, text
    finally:
        triage.enable_semantic(previous)
