"""Contract tests for the Rasa NLU components, built from config dicts without training.

Needs Rasa: run in the engine env (``.venv-engine/bin/python -m pytest
tests/unit/test_nlu_components.py``); skipped cleanly where rasa is not importable.
"""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("rasa", reason="Rasa components run in the engine env (.venv-engine)")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer  # noqa: E402
from rasa.shared.nlu.constants import (  # noqa: E402
    ENTITIES,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from nlu.components.biomarker_extractor import BiomarkerExtractor  # noqa: E402
from nlu.components.cancer_type_extractor import CancerTypeExtractor  # noqa: E402
from nlu.components.location_extractor import LocationExtractor  # noqa: E402
from nlu.components.role_extractor import RoleExtractor  # noqa: E402
from nlu.components.safety_triage import SafetyTriage  # noqa: E402

EXTRACTORS = [BiomarkerExtractor, CancerTypeExtractor, LocationExtractor, RoleExtractor]


def _create(cls: type, config: dict[str, Any] | None, tmp_path: Any) -> Any:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    return cls.create(
        {**cls.get_default_config(), **(config or {})},
        storage,
        Resource(cls.__name__),
        context,
    )


def _message(text: str, **data: Any) -> Message:
    message = Message(data={TEXT: text, **data})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    return message


SAMPLE = "My mum in Spain has EGFR ex19del non-small cell lung cancer, I'm her carer"
EXPECTED = {
    BiomarkerExtractor: {("biomarker", "EGFR"), ("alteration", "EGFR exon 19 deletion")},
    CancerTypeExtractor: {("cancer_type", "NSCLC")},
    LocationExtractor: {("country", "ES")},
    RoleExtractor: {("role", "caregiver")},
}


@pytest.mark.parametrize("cls", EXTRACTORS)
def test_extractor_contract(cls: type, tmp_path: Any) -> None:
    """Entities out with exact offsets, extractor name set, earlier entities kept."""
    component = _create(cls, None, tmp_path)
    earlier = {"entity": "other", "start": 0, "end": 2, "value": "x", "extractor": "Prior"}
    message = _message(SAMPLE, **{ENTITIES: [earlier]})
    out = component.process([message])
    assert out == [message]
    entities = message.get(ENTITIES)
    assert entities[0] == earlier
    new = entities[1:]
    assert {(e["entity"], e["value"]) for e in new} == EXPECTED[cls]
    for e in new:
        assert e["extractor"] == cls.__name__
        assert 0 <= e["start"] < e["end"] <= len(SAMPLE)
        assert e["confidence_entity"] == 1.0


@pytest.mark.parametrize("cls", EXTRACTORS)
def test_extractor_leaves_plain_text_alone(cls: type, tmp_path: Any) -> None:
    component = _create(cls, None, tmp_path)
    message = _message("We met at the clinic and got a first-aid kit, tell us more")
    component.process([message])
    assert message.get(ENTITIES, []) == []


@pytest.mark.parametrize("cls", EXTRACTORS)
def test_extractor_passes_training_data_through(cls: type, tmp_path: Any) -> None:
    data = TrainingData([Message(data={TEXT: "hello", INTENT: "greet"})])
    assert _create(cls, None, tmp_path).process_training_data(data) is data


@pytest.mark.parametrize("cls", [BiomarkerExtractor, CancerTypeExtractor, LocationExtractor])
def test_bad_vocab_dir_is_reported(cls: type, tmp_path: Any) -> None:
    with pytest.raises(ValueError, match="vocab_dir"):
        _create(cls, {"vocab_dir": str(tmp_path / "missing")}, tmp_path)


def test_biomarker_offsets_match_surface(tmp_path: Any) -> None:
    text = "Dad's tumour is ALK-rearranged (EML4-ALK), not HER2 exon 20"
    message = _message(text)
    _create(BiomarkerExtractor, None, tmp_path).process([message])
    surfaces = {
        (e["entity"], e["value"], text[e["start"] : e["end"]]) for e in message.get(ENTITIES)
    }
    assert ("alteration", "ALK fusion", "ALK-rearranged") in surfaces
    assert ("alteration", "EML4-ALK fusion", "EML4-ALK") in surfaces
    assert ("biomarker", "ERBB2", "HER2 exon 20") in surfaces


def test_biomarker_alterations_can_be_switched_off(tmp_path: Any) -> None:
    message = _message("KRAS G12C")
    _create(BiomarkerExtractor, {"alterations": False}, tmp_path).process([message])
    assert [e["entity"] for e in message.get(ENTITIES)] == ["biomarker"]


def test_role_config_is_validated(tmp_path: Any) -> None:
    with pytest.raises(ValueError, match="unknown roles"):
        _create(RoleExtractor, {"roles": ["doctor"]}, tmp_path)


def _classified(text: str, name: str = "find_community", confidence: float = 0.8) -> Message:
    ranking = [
        {"name": name, "confidence": confidence},
        {"name": "greet", "confidence": 1 - confidence},
    ]
    return _message(text, **{INTENT: dict(ranking[0]), INTENT_RANKING_KEY: ranking})


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I don't want to be here anymore", "crisis"),
        ("my dad can't breathe", "emergency"),
        ("should I stop my osimertinib?", "medical_advice"),
    ],
)
def test_triage_overrides_intent(text: str, intent: str, tmp_path: Any) -> None:
    message = _classified(text, name="nlu_fallback", confidence=0.4)
    _create(SafetyTriage, None, tmp_path).process([message])
    assert message.get(INTENT) == {"name": intent, "confidence": 1.0}
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0] == {"name": intent, "confidence": 1.0}
    assert [r["name"] for r in ranking].count(intent) == 1
    assert message.get("triage")["category"] == intent
    assert "triage" in message.as_dict(only_output_properties=True)


@pytest.mark.parametrize("text", ["this rash is killing me", "find an EGFR group in the UK"])
def test_triage_keeps_model_intent_when_nothing_fires(text: str, tmp_path: Any) -> None:
    message = _classified(text)
    _create(SafetyTriage, None, tmp_path).process([message])
    assert message.get(INTENT) == {"name": "find_community", "confidence": 0.8}
    assert message.get("triage") is None


def test_triage_can_annotate_without_override(tmp_path: Any) -> None:
    message = _classified("how much osimertinib should I take")
    _create(SafetyTriage, {"override": ["crisis", "emergency"]}, tmp_path).process([message])
    assert message.get(INTENT)["name"] == "find_community"
    assert message.get("triage")["subtype"] == "dose"


def test_triage_intent_names_are_configurable(tmp_path: Any) -> None:
    config = {
        "intents": {
            "crisis": "red_crisis",
            "emergency": "red_emergency",
            "medical_advice": "advice",
        }
    }
    message = _classified("I want to kill myself")
    _create(SafetyTriage, config, tmp_path).process([message])
    assert message.get(INTENT)["name"] == "red_crisis"


def test_triage_config_is_validated(tmp_path: Any) -> None:
    with pytest.raises(ValueError, match="must name an intent"):
        _create(SafetyTriage, {"intents": {"crisis": "crisis"}}, tmp_path)


def test_unconfirmed_model_red_flag_is_demoted(tmp_path: Any) -> None:
    ranking = [
        {"name": "emergency", "confidence": 0.7},
        {"name": "ask_testing", "confidence": 0.2},
        {"name": "crisis", "confidence": 0.1},
    ]
    message = _message(
        "is chest pain a side effect of osimertinib?",
        **{INTENT: dict(ranking[0]), INTENT_RANKING_KEY: ranking},
    )
    _create(SafetyTriage, None, tmp_path).process([message])
    assert message.get(INTENT) == {"name": "nlu_fallback", "confidence": 0.4}
    assert all(r["name"] not in {"emergency", "crisis"} for r in message.get(INTENT_RANKING_KEY))
    assert message.get("triage") == {
        "category": "emergency",
        "source": "model",
        "confirmed": False,
        "confidence": 0.7,
    }


def test_unconfirmed_red_flag_falls_back_to_next_confident_intent(tmp_path: Any) -> None:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "crisis", "confidence": 0.35},
        {"name": "find_community", "confidence": 0.3},
    ]
    data = {INTENT: dict(ranking[0]), INTENT_RANKING_KEY: ranking}
    message = _message("dead tired after radiotherapy", **data)
    _create(SafetyTriage, {"fallback_threshold": 0.25}, tmp_path).process([message])
    assert message.get(INTENT) == {"name": "find_community", "confidence": 0.3}
    assert message.get("triage")["source"] == "model"


def test_keep_mode_passes_model_red_flags_through(tmp_path: Any) -> None:
    message = _classified("dead tired after radiotherapy", name="crisis", confidence=0.9)
    _create(SafetyTriage, {"model_red_flags": "keep"}, tmp_path).process([message])
    assert message.get(INTENT) == {"name": "crisis", "confidence": 0.9}
    with pytest.raises(ValueError, match="model_red_flags"):
        _create(SafetyTriage, {"model_red_flags": "maybe"}, tmp_path)
