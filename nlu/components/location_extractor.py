"""Rasa component: ``country`` entities valued with ISO 3166-1 alpha-2 codes.

Wraps :class:`nlu.countries.CountryMatcher`: names, local names ("España", "Deutschland"),
adjectives ("Dutch") and a few large cities; "US" only in capitals; language uses such as
"in Spanish" are not read as a country.
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

from nlu.components._common import add_entities, validate_vocab_dir
from nlu.countries import CountryMatcher


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LocationExtractor(GraphComponent, EntityExtractorMixin):
    """Emits ``country`` entities (ISO alpha-2 codes)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Folder with countries.yaml; None = knowledge/vocab (or env PMN_VOCAB_DIR).
            "vocab_dir": None,
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
        self._matcher = CountryMatcher.from_vocab(self.component_config["vocab_dir"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LocationExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds country entities to each message; returns the same messages."""
        for message in messages:
            add_entities(message, self._matcher.extract(message.get(TEXT) or ""), self.name)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
