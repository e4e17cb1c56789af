"""Rasa component: one ``role`` entity (patient | caregiver | clinician | organisation).

Wraps :func:`nlu.roles.detect_role`. Role is an entity rather than an intent because people
state it in passing ("my mum has ALK, where is a support group?"); the intent stays
``find_community`` and a ``role`` slot fills from the entity.
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

from nlu.components._common import add_entities
from nlu.roles import ROLES, detect_role


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class RoleExtractor(GraphComponent, EntityExtractorMixin):
    """Emits at most one ``role`` entity per message."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # Roles to emit; others are dropped (all four by default).
            "roles": list(ROLES),
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        unknown = set(config.get("roles") or []) - set(ROLES)
        if unknown:
            raise ValueError(
                f"RoleExtractor: unknown roles {sorted(unknown)}; use a subset of {list(ROLES)}"
            )

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = {**self.get_default_config(), **config}
        self.validate_config(self.component_config)
        self._roles = set(self.component_config["roles"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RoleExtractor:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds a role entity to each message that states one; returns the same messages."""
        for message in messages:
            found = detect_role(message.get(TEXT) or "")
            if found is not None and found.value in self._roles:
                add_entities(message, [found], self.name)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
