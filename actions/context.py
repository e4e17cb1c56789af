"""Session context: gateway metadata -> slots, and the privacy notice at the first turn.

Rasa runs ``action_session_context`` through the custom slot mappings of ``role``,
``country``, ``tenant`` and ``language`` on every user turn (inside
``action_extract_slots``). It reads the message metadata the gateway sends
(``{"tenant", "role", "country", "language"}``) from the latest message, falling back to
``session_started_metadata``, and fills only slots that are still empty and were not just set
from the user's own words. If the action server is down Rasa logs a warning and carries on, so
the crisis and emergency rules never depend on it. (Rasa keeps only slot events from slot
mapping actions, so the privacy notice is sent by the task actions and the greeting instead:
see ``actions.common.privacy_first``.)
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

METADATA_SLOTS = ("tenant", "role", "country", "language")
ROLES = {"patient", "caregiver", "clinician", "organisation"}


def metadata_of(tracker: Tracker) -> dict[str, Any]:
    """Metadata of the latest message, else of the session start ({} if none)."""
    meta = tracker.latest_message.get("metadata") or {}
    if not meta:
        meta = tracker.get_slot("session_started_metadata") or {}
    return meta if isinstance(meta, dict) else {}


def _clean(slot: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if slot == "country":
        value = value.upper()
        return "GB" if value == "UK" else (value if len(value) == 2 and value.isalpha() else None)
    if slot == "role":
        value = value.lower()
        return value if value in ROLES else None
    return value[:64]


def stale_details(tracker: Tracker) -> list[dict[str, Any]]:
    """Clear alteration and cancer type left over from a different biomarker.

    "RET fusion thyroid cancer" followed by "ALK in Germany" must not search for an ALK group
    in thyroid cancer. Details named in the same message are kept.
    """
    entities = {
        e.get("entity"): e.get("value") for e in tracker.latest_message.get("entities") or []
    }
    old, new = tracker.get_slot("biomarker"), entities.get("biomarker")
    if not (old and new and new != old):
        return []
    return [
        SlotSet(name, None)
        for name in ("alteration", "cancer_type")
        if name not in entities and tracker.get_slot(name) is not None
    ]


class ActionSessionContext(Action):
    def name(self) -> str:
        return "action_session_context"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        meta = metadata_of(tracker)
        said = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
        events: list[dict[str, Any]] = []
        for slot in METADATA_SLOTS:
            value = _clean(slot, meta.get(slot))
            if value and slot not in said and tracker.get_slot(slot) is None:
                events.append(SlotSet(slot, value))
        events.extend(stale_details(tracker))
        return events
