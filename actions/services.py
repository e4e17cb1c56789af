"""Services handed to actions: the hybrid search over the curated repository and the
ClinicalTrials.gov client.

Built lazily on first use (or eagerly at server start), never at import time.
"""

from __future__ import annotations

import abc
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasa_sdk import Action

if TYPE_CHECKING:
    from retrieval.search import HybridSearch

_lock = threading.Lock()
_services: Services | None = None


def _trials_client() -> Any:
    from actions.trials import TrialsClient

    return TrialsClient()


@dataclass
class Services:
    """What actions need from the outside world."""

    search: HybridSearch
    trials: Any = field(default_factory=_trials_client)  # actions.trials.TrialsClient

    def warm(self) -> None:
        """Load the embedding model and run one query, so the first person does not wait."""
        self.search.search("patient support community", k=1)


def build_services(index_dir: Path | None = None) -> Services:
    """Load the repository and the index (building it if stale); returns ``Services``."""
    from knowledge import load_repository
    from retrieval.search import HybridSearch

    index_dir = index_dir or Path(os.environ.get("PMN_INDEX_DIR", "var/index"))
    repo = load_repository()
    return Services(search=HybridSearch.load_or_build(repo.all(), index_dir))


def get_services(warm: bool = False) -> Services:
    """The process-wide services, created on first call (``warm`` also loads the model)."""
    global _services
    with _lock:
        if _services is None:
            _services = build_services()
            if warm:
                _services.warm()
        return _services


def set_services(services: Services | None) -> None:
    """Replace the process-wide services (tests)."""
    global _services
    with _lock:
        _services = services


class ServiceAction(Action, abc.ABC):
    """Base of the actions that use ``Services``: pass one in (tests), or get the process-wide
    services on first use. Abstract, so rasa-sdk's registry skips it (``inspect.isabstract``)."""

    def __init__(self, services: Services | None = None) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        return self._services or get_services()

    @abc.abstractmethod
    def name(self) -> str:
        """The action's name in the domain."""
