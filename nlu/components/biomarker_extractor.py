"""Rasa component: ``biomarker`` and ``alteration`` entities from the biomarker vocabulary.

Wraps :class:`nlu.biomarkers.BiomarkerNormaliser` (aliases, case rules, alteration patterns,
variant -> gene and fusion -> driver inference). Values are vocabulary symbols ("ERBB2" for
HER2) and canonical alteration names ("EGFR exon 19 deletion"), so no synonym mapping is needed.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.biomarkers import BiomarkerNormaliser
from nlu.components._common import add_entities, validate_vocab_dir


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class BiomarkerExtractor(GraphComponent, EntityExtractorMixin):
    """Emits ``biomarker`` (symbol) and ``alteration`` (canonical name) entities."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Folder with biomarkers.yaml; None = knowledge/vocab (or env PMN_VOCAB_DIR).
            "vocab_dir": None,
            # Emit `alteration` entities as well as `biomarker` ones.
            "alterations": True,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["yaml"]

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        validate_vocab_dir(cls.__name__, config)

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = {**self.get_default_config(), **config}
        self.validate_config(self.component_config)
        self._normaliser = BiomarkerNormaliser.from_vocab(self.component_config["vocab_dir"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> BiomarkerExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds biomarker/alteration entities to each message; returns the same messages."""
        for message in messages:
            matches = self._normaliser.extract(message.get(TEXT) or "")
            if not self.component_config["alterations"]:
                matches = [m for m in matches if m.entity == "biomarker"]
            add_entities(message, matches, self.name)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
