"""Handoff to a human route: the tenant's helpline when a tenant is set, otherwise the
national cancer helpline for the user's country (knowledge/vocab/safety_numbers.yaml)."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.formatting import resource_card
from actions.services import ServiceAction

log = logging.getLogger(__name__)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def tenants_dir() -> Path:
    """tenants/ at the repository root, or env PMN_TENANTS_DIR."""
    env = os.environ.get("PMN_TENANTS_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "tenants"


def tenant_helpline(tenant: str | None) -> dict[str, Any] | None:
    """The ``helpline`` mapping of tenants/<tenant>.yaml as {name, number, hours, url}, or None.

    The tenant file is owned by the gateway (field ``phone``; ``number`` is accepted too).
    """
    if not tenant or not _SLUG.match(tenant):
        return None
    path = tenants_dir() / f"{tenant}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        log.info("no tenant file for %r: %s", tenant, exc)
        return None
    line = data.get("helpline") if isinstance(data, dict) else None
    if not isinstance(line, dict):
        return None
    number = line.get("number") or line.get("phone")
    if not (number or line.get("url")):
        return None
    return {
        "name": line.get("name") or data.get("name"),
        "number": number,
        "hours": line.get("hours"),
        "url": line.get("url"),
    }


class ActionHandoff(ServiceAction):
    def name(self) -> str:
        return "action_handoff"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        from knowledge.safety_messages import handoff_message
        from knowledge.vocab import safety_numbers

        notice = common.privacy_first(dispatcher, tracker)
        country = tracker.get_slot("country")
        tenant_line = tenant_helpline(tracker.get_slot("tenant"))
        message = handoff_message(country, tenant_line)
        custom = message["custom"]
        if tenant_line is None:
            helpline = safety_numbers(country).get("cancer_helpline") or {}
            resource = (
                self.services.search.get(helpline["resource_id"])
                if helpline.get("resource_id")
                else None
            )
            if resource is not None:
                from retrieval.search import Hit

                card = resource_card(Hit(resource, 1.0, ["national cancer helpline"]))
                custom = {**custom, "resources": [card]}
        text = message["text"]
        if not country and tenant_line is None:
            text += "\nTell me your country and I can give you the national cancer helpline."
        dispatcher.utter_message(text=text, json_message=custom)
        return notice
