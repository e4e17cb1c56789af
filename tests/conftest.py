"""Shared fixtures. Tiers are marked by folder: tests/unit -> unit, tests/integration ->
integration, tests/e2e -> e2e. tests/engine runs under the Rasa engine env (`make test-engine`)."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# The engine-env tests need Rasa, which only the Python 3.10 engine env has.
collect_ignore_glob = [] if importlib.util.find_spec("rasa") else ["engine/*"]

_TIERS = {"unit", "integration", "e2e"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if any(m.name in _TIERS for m in item.iter_markers()):
            continue
        parts = Path(str(item.fspath)).relative_to(ROOT).parts
        tier = parts[1] if len(parts) > 2 and parts[1] in _TIERS else "unit"
        item.add_marker(getattr(pytest.mark, tier))


@pytest.fixture(scope="session")
def running_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The real Rasa server, action server and gateway, started once per test session."""
    from tests.stack_harness import start_stack

    running = start_stack(tmp_path_factory.mktemp("stack"), name="session")
    try:
        yield running
    finally:
        running.stop_all()
