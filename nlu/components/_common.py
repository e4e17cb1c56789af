"""Helpers shared by the rule-based NLU components (Rasa imports happen here, engine env only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa.shared.nlu.constants import ENTITIES, EXTRACTOR
from rasa.shared.nlu.training_data.message import Message

from nlu.matching import EntityMatch


def validate_vocab_dir(component: str, config: dict[str, Any]) -> None:
    """Raise ValueError naming the fix when ``vocab_dir`` is set but not a directory."""
    vocab_dir = config.get("vocab_dir")
    if vocab_dir is not None and not Path(vocab_dir).is_dir():
        raise ValueError(
            f"{component}: vocab_dir {vocab_dir!r} is not a directory; set it to the folder "
            "holding biomarkers.yaml / cancer_types.yaml / countries.yaml, or remove it to use "
            "knowledge/vocab (env PMN_VOCAB_DIR also works)"
        )


def add_entities(message: Message, matches: list[EntityMatch], extractor: str) -> None:
    """Append ``matches`` as Rasa entity dicts to ``message`` (existing entities are kept).

    Each dict: {"entity", "start", "end", "value", "confidence_entity": 1.0, "extractor"}.
    """
    if not matches:
        return
    new = []
    for m in matches:
        entity = m.as_rasa()
        entity[EXTRACTOR] = extractor
        new.append(entity)
    message.set(ENTITIES, [*message.get(ENTITIES, []), *new], add_to_output=True)
