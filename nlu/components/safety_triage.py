"""Rasa component: deterministic red-flag override of the predicted intent.

Runs :func:`nlu.triage.screen` on every message. When it fires, the intent becomes ``crisis``,
``emergency`` or ``medical_advice`` with confidence 1.0 (also first in ``intent_ranking``), so
rules answer it whatever DIET or the FallbackClassifier said; the finding is added to the parse
result under ``triage`` ({"category", "subtype", "start", "end", "matched", "explicit",
"rule"}). Place it AFTER the intent classifier and the FallbackClassifier in config.yml.
A red-flag intent predicted by the classifier alone is demoted unless `model_red_flags: keep`
(see get_default_config); it is then recorded under ``triage`` with "source": "model".
The gateway runs the same screen when Rasa is unreachable.

With ``semantic: true`` (the default) the screen's learned layer (``nlu.triage_model``: a
logistic regression on the MiniLM sentence vector, scored per message and per sentence, on the
encoder prepared by ``make train``) runs with the rules: it can add a crisis, emergency or
medical-advice finding the rules missed and veto a rule finding that is not an explicit
first-person statement when the message is confidently harmless. It is built once, when the
component is created, from ``encoder_dir`` (default: env PMN_ENCODER_DIR, else var/encoder). A
missing encoder stops the model from loading with an error naming the make target;
``semantic: false`` keeps the rules alone.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu import triage
from nlu.triage import CATEGORIES, screen

TRIAGE_KEY = "triage"
FALLBACK = "nlu_fallback"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyTriage(GraphComponent, IntentClassifier):
    """Sets the red-flag intent with confidence 1.0 when the triage screen fires."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Triage category -> intent name set on the message.
            "intents": {c: c for c in CATEGORIES},
            # Categories that override the intent (drop medical_advice to only annotate it).
            "override": list(CATEGORIES),
            # What to do when the classifier predicts a red-flag intent the screen does not
            # confirm. "confirm": replace it by the best other intent (nlu_fallback below
            # `fallback_threshold`) and record {"source": "model", "confirmed": false} under
            # `triage`, so actions can still add a gentle check-in. "keep": pass it through.
            # DIET alone gave red-flag intents to ~20% of idioms, past events and information
            # questions (docs/evaluation.md), hence "confirm".
            "model_red_flags": "confirm",
            "fallback_threshold": 0.4,
            # Learned layer with the rules (nlu/triage_model.py); encoder_dir None means
            # env PMN_ENCODER_DIR, else var/encoder (its CURRENT encoder).
            "semantic": True,
            "encoder_dir": None,
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        intents = config.get("intents") or {}
        missing = [c for c in CATEGORIES if c not in intents]
        if missing:
            raise ValueError(f"SafetyTriage: `intents` must name an intent for {missing}")
        if config.get("model_red_flags", "confirm") not in ("confirm", "keep"):
            raise ValueError(
                "SafetyTriage: model_red_flags must be 'confirm' or 'keep', "
                f"got {config.get('model_red_flags')!r}"
            )
        unknown = set(config.get("override") or []) - set(CATEGORIES)
        if unknown:
            raise ValueError(
                f"SafetyTriage: unknown categories in `override`: {sorted(unknown)}; "
                f"use a subset of {list(CATEGORIES)}"
            )

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = {**self.get_default_config(), **config}
        self.validate_config(self.component_config)
        if self.component_config["semantic"]:
            if not triage.semantic_enabled():
                from nlu.triage_model import from_encoder_dir

                triage.enable_semantic(from_encoder_dir(self.component_config["encoder_dir"]))
        else:
            triage.enable_semantic(None)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyTriage:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Overrides the intent of messages with a red flag; returns the same messages."""
        for message in messages:
            result = screen(message.get(TEXT) or "")
            if result is None:
                if self.component_config["model_red_flags"] == "confirm":
                    self._unconfirmed(message)
                continue
            message.set(TRIAGE_KEY, result.to_dict(), add_to_output=True)
            if result.category not in self.component_config["override"]:
                continue
            name = self.component_config["intents"][result.category]
            intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [
                r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name
            ]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [dict(intent), *ranking], add_to_output=True)
        return messages

    def _unconfirmed(self, message: Message) -> None:
        """Demote a classifier red-flag intent that the screen did not confirm."""
        by_intent = {v: k for k, v in self.component_config["intents"].items()}
        predicted = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        ranking = message.get(INTENT_RANKING_KEY) or []
        if predicted == FALLBACK and ranking:
            predicted = ranking[1].get(INTENT_NAME_KEY) if len(ranking) > 1 else None
        if predicted not in by_intent:
            return
        red = [r for r in ranking if r.get(INTENT_NAME_KEY) == predicted]
        confidence = float(red[0].get(PREDICTED_CONFIDENCE_KEY, 0.0)) if red else 0.0
        message.set(
            TRIAGE_KEY,
            {"category": by_intent[predicted], "source": "model", "confirmed": False,
             "confidence": confidence},
            add_to_output=True,
        )  # fmt: skip
        rest = [r for r in ranking if r.get(INTENT_NAME_KEY) not in set(by_intent) | {FALLBACK}]
        threshold = float(self.component_config["fallback_threshold"])
        if rest and float(rest[0].get(PREDICTED_CONFIDENCE_KEY, 0.0)) >= threshold:
            intent = dict(rest[0])
        else:
            intent = {INTENT_NAME_KEY: FALLBACK, PREDICTED_CONFIDENCE_KEY: threshold}
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(intent), *[r for r in rest if r != intent]],
                    add_to_output=True)  # fmt: skip

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
