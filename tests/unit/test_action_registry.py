"""rasa-sdk's registry of the action package matches the domain: every custom action the
domain lists is served by the action server, and nothing else (the abstract ServiceAction base
must not be registered; its name() would raise)."""

from __future__ import annotations

from pathlib import Path

import yaml
from rasa_sdk.executor import ActionExecutor

from actions.services import ServiceAction

ROOT = Path(__file__).resolve().parents[2]


def domain_custom_actions() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "assistant" / "domain").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("actions") or []:
            name = entry if isinstance(entry, str) else next(iter(entry))
            if name.startswith("action_"):
                names.add(name)
    return names


def test_registered_actions_are_exactly_the_domain_custom_actions() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    assert set(executor.actions) == domain_custom_actions()


def test_service_action_base_is_abstract_and_subclasses_take_injected_services() -> None:
    from actions.community import ActionFindCommunity

    sentinel = object()
    assert ServiceAction.__abstractmethods__ == frozenset({"name"})
    action = ActionFindCommunity(services=sentinel)  # type: ignore[arg-type]
    assert action.services is sentinel
    assert action.name() == "action_find_community"
