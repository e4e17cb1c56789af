"""Minimal biomarker entity extractor (walking skeleton; replaced by the vocabulary-driven one).

Finds upper-case gene symbols from a small list and emits ``biomarker`` entities with the HGNC
symbol as value. Case-aware on purpose: "I met my oncologist" must not yield MET.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

_SYMBOLS = {"EGFR": "EGFR", "ALK": "ALK", "ROS1": "ROS1", "RET": "RET", "MET": "MET",
            "KRAS": "KRAS", "BRAF": "BRAF", "HER2": "ERBB2", "ERBB2": "ERBB2"}
_PATTERN = re.compile(r"\b(" + "|".join(sorted(_SYMBOLS, key=len, reverse=True)) + r")\b")
_LOWER_OK = re.compile(r"\b(egfr|kras|braf|ros1|her2|erbb2)\b")


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class BiomarkerExtractor(GraphComponent, EntityExtractorMixin):
    """Emits ``biomarker`` entities (HGNC symbols) found in the message text."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BiomarkerExtractor:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            found = []
            for pattern in (_PATTERN, _LOWER_OK):
                for m in pattern.finditer(text):
                    if any(e["start"] == m.start() for e in found):
                        continue
                    found.append({"entity": "biomarker", "start": m.start(), "end": m.end(),
                                  "value": _SYMBOLS[m.group(1).upper()], "confidence": 1.0})
            if found:
                entities = message.get(ENTITIES, []) + self.add_extractor_name(found)
                message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
