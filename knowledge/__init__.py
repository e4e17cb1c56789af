"""PM Navigator's curated knowledge repository.

Importing this package is cheap and does not import pydantic (the Rasa engine env imports
`knowledge.vocab`). The schema-backed API is loaded lazily on first attribute access:

    from knowledge import load_repository
    repo = load_repository()          # knowledge/resources, or env PMN_KNOWLEDGE_DIR
    repo.visible("patients")          # only active, verified, in-date resources
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from knowledge.errors import Issue, KnowledgeError

if TYPE_CHECKING:
    from knowledge.repository import Repository, load_repository, load_resources
    from knowledge.schema import Resource

__all__ = [
    "Issue",
    "KnowledgeError",
    "Repository",
    "Resource",
    "load_repository",
    "load_resources",
]

_LAZY = {
    "Repository": "knowledge.repository",
    "load_repository": "knowledge.repository",
    "load_resources": "knowledge.repository",
    "Resource": "knowledge.schema",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
    return getattr(import_module(module), name)
