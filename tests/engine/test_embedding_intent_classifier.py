"""Contract tests for EmbeddingIntentClassifier, built from config dicts with hand-made dense
sentence features (no encoder, no DIET): train, persist, load, classify, blend with DIET."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

pytest.importorskip("rasa", reason="Rasa components run in the engine env (.venv-engine)")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.shared.nlu.constants import (  # noqa: E402
    FEATURE_TYPE_SENTENCE,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.features import Features  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from nlu.components.embedding_intent_classifier import EmbeddingIntentClassifier  # noqa: E402

AXIS = {"greet": 0, "goodbye": 1, "find_trials": 2}
EXAMPLES = {
    "greet": ["hello there", "hi", "good morning", "hey you"],
    "goodbye": ["bye now", "see you later", "goodbye", "cheerio"],
    "find_trials": [
        "any trials for egfr",
        "clinical trials near me",
        "studies recruiting",
        "trial",
    ],
}


def _msg(text: str, axis: int | None, intent: str | None = None) -> Message:
    message = Message(data={TEXT: text, **({INTENT: intent} if intent else {})})
    if axis is not None:
        vec = np.full((1, 3), 0.1, dtype=np.float32)
        vec[0, axis] = 1.0
        message.add_features(Features(vec, FEATURE_TYPE_SENTENCE, TEXT, "fake"))
    return message


def _training() -> TrainingData:
    return TrainingData([_msg(t, AXIS[i], i) for i, texts in EXAMPLES.items() for t in texts])


def _component(tmp_path: Any, **config: Any) -> tuple[EmbeddingIntentClassifier, Any]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("EmbeddingIntentClassifier")
    context = ExecutionContext(GraphSchema({}), "test")
    full = {**EmbeddingIntentClassifier.get_default_config(), **config}
    comp = EmbeddingIntentClassifier.create(full, storage, resource, context)
    return comp, (full, storage, resource, context)


def test_train_persist_load_and_classify(tmp_path: Any) -> None:
    comp, args = _component(tmp_path, diet_weight=0.0, ranking_length=2)
    comp.train(_training())
    loaded = EmbeddingIntentClassifier.load(*args)
    message = _msg("any new trials?", AXIS["find_trials"])
    out = loaded.process([message])
    assert out == [message]
    assert message.get(INTENT)["name"] == "find_trials"
    ranking = message.get(INTENT_RANKING_KEY)
    assert len(ranking) == 2
    assert ranking[0]["confidence"] >= ranking[1]["confidence"]
    probs = loaded.predict_proba([_msg("hi", AXIS["greet"])])
    assert probs.shape == (1, 3) and abs(float(probs.sum()) - 1.0) < 1e-6


def test_blend_with_diet_ranking(tmp_path: Any) -> None:
    comp, args = _component(tmp_path, diet_weight=0.0)
    comp.train(_training())
    diet = [{"name": "goodbye", "confidence": 1.0}]
    alone = _msg("hello there", AXIS["greet"])
    alone.set(INTENT_RANKING_KEY, diet)
    comp.process([alone])
    assert alone.get(INTENT)["name"] == "greet"  # diet_weight 0: DIET ignored

    config, storage, resource, context = args
    trusting = EmbeddingIntentClassifier.load(
        {**config, "diet_weight": 1.0}, storage, resource, context
    )
    blended = _msg("hello there", AXIS["greet"])
    blended.set(INTENT_RANKING_KEY, diet)
    trusting.process([blended])
    assert blended.get(INTENT) == {"name": "goodbye", "confidence": 1.0}


def test_missing_dense_features_is_a_clear_error(tmp_path: Any) -> None:
    comp, _ = _component(tmp_path)
    comp.train(_training())
    with pytest.raises(ValueError, match="SentenceEmbeddingFeaturizer before it"):
        comp.process([_msg("no features here", None)])


def test_untrained_component_leaves_messages_alone(tmp_path: Any) -> None:
    comp, _ = _component(tmp_path)
    message = _msg("hello", AXIS["greet"])
    comp.process([message])
    assert message.get(INTENT) is None


@pytest.mark.parametrize(
    ("config", "match"),
    [({"C": 0}, "C must be"), ({"diet_weight": 1.5}, "diet_weight"), ({"min_ngram": 5}, "ngram")],
)
def test_bad_config_is_rejected(tmp_path: Any, config: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        _component(tmp_path, **config)
