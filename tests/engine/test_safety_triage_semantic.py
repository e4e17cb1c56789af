"""SafetyTriage with its semantic layer on the real prepared MiniLM encoder (engine env): an
indirect crisis that no rule matches becomes the `crisis` intent at confidence 1.0; with
`semantic: false` the rules screen alone."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("rasa", reason="Rasa components run in the engine env (.venv-engine)")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.shared.nlu.constants import INTENT, TEXT  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402

from nlu import triage  # noqa: E402
from nlu.components.safety_triage import SafetyTriage  # noqa: E402

INDIRECT = "there's a kind of peace in knowing tonight is my last"


def _create(config: dict[str, Any], tmp_path: Any) -> SafetyTriage:
    return SafetyTriage.create(
        {**SafetyTriage.get_default_config(), **config},
        LocalModelStorage(tmp_path),
        Resource("SafetyTriage"),
        ExecutionContext(GraphSchema({}), "test"),
    )


@pytest.fixture
def restore_layer() -> Any:
    previous = triage._semantic
    yield
    triage.enable_semantic(previous)


def test_semantic_layer_turns_an_indirect_crisis_into_the_crisis_intent(
    tmp_path: Any, restore_layer: Any
) -> None:
    assert triage.screen_rules(INDIRECT) is None
    triage.enable_semantic(None)
    component = _create({"semantic": True}, tmp_path)
    assert triage.semantic_enabled()
    message = Message(data={TEXT: INDIRECT, INTENT: {"name": "inform", "confidence": 0.7}})
    component.process([message])
    assert message.get(INTENT) == {"name": "crisis", "confidence": 1.0}
    assert message.get("triage")["rule"] == "semantic"

    idiom = Message(data={TEXT: "this rash is killing me", INTENT: {"name": "inform"}})
    component.process([idiom])
    assert idiom.get(INTENT)["name"] == "inform"


def test_semantic_false_keeps_the_rules_alone(tmp_path: Any, restore_layer: Any) -> None:
    component = _create({"semantic": False}, tmp_path)
    assert not triage.semantic_enabled()
    message = Message(data={TEXT: INDIRECT, INTENT: {"name": "inform", "confidence": 0.7}})
    component.process([message])
    assert message.get(INTENT)["name"] == "inform"
