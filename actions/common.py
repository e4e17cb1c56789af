"""Helpers shared by the actions: who is asking, what we know, and how to word it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.formatting import EXPECTATION_NOTE

LAY_ROLES = {"patient", "caregiver"}
ROLE_AUDIENCE = {
    "patient": "patients",
    "caregiver": "caregivers",
    "clinician": "clinicians",
    "organisation": "organisations",
}
CLINICIAN_EXPECTATION = (
    "Access, reimbursement and trial eligibility vary by country and patient; these are "
    "signposts, not patient-specific recommendations."
)


def role(tracker: Tracker) -> str | None:
    """The user's role slot: patient | caregiver | clinician | organisation, or None."""
    value = tracker.get_slot("role")
    return str(value).lower() if value else None


def is_professional(tracker: Tracker) -> bool:
    """Clinicians and patient organisations get terse, cited wording."""
    return role(tracker) in {"clinician", "organisation"}


def audience(tracker: Tracker) -> str:
    """Retrieval audience for the role; lay users (and unknown roles) get ``patients``."""
    return ROLE_AUDIENCE.get(role(tracker) or "", "patients")


def expectation_note(tracker: Tracker) -> dict[str, str]:
    """The expectation note of the safety policy, worded for the role."""
    text = CLINICIAN_EXPECTATION if is_professional(tracker) else EXPECTATION_NOTE
    return {"kind": "expectation", "text": text}


def text_of(tracker: Tracker) -> str:
    """Text of the latest user message (empty for button payloads such as ``/inform{...}``)."""
    text = tracker.latest_message.get("text") or ""
    return "" if text.startswith("/") else text


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def describe(biomarker: str | None, alteration: str | None, cancer_label: str | None) -> str:
    """Plain phrase such as ``ALK-positive lung cancer`` or ``EGFR exon 19 deletion``."""
    if alteration:
        subject = alteration
    elif biomarker:
        subject = f"{biomarker}-positive"
    else:
        subject = ""
    parts = [p for p in (subject, cancer_label or ("cancer" if subject else "")) if p]
    return " ".join(parts) or "your situation"


def cancer_label(code: str | None) -> str | None:
    """Lay name of an OncoTree code from the vocabulary (``NSCLC`` -> ``lung cancer``)."""
    if not code:
        return None
    from knowledge.vocab import load_vocab

    for entry in load_vocab("cancer_types").get("cancer_types") or []:
        if entry.get("code") == code:
            return entry.get("lay_name") or entry.get("name") or code
    return code


def country_name(code: str | None) -> str | None:
    """English country name from the vocabulary (``GB`` -> ``United Kingdom``)."""
    if not code:
        return None
    from knowledge.vocab import country_entries

    for entry in country_entries():
        if entry.get("code") == str(code).upper():
            return entry.get("name") or code
    return code


NOTICE_RESPONSES = {"utter_privacy_notice", "utter_greet", "utter_privacy"}


def privacy_first(dispatcher: Any, tracker: Tracker) -> list[dict[str, Any]]:
    """Send the privacy notice once per conversation, before any other content.

    Returns the events to add (``privacy_notice_shown``); [] when already shown. The greeting
    carries the notice itself, so a conversation that started with "hello" is not told twice.
    """
    from rasa_sdk.events import SlotSet

    if tracker.get_slot("privacy_notice_shown"):
        return []
    seen = any(
        e.get("event") == "bot"
        and (e.get("metadata") or {}).get("utter_action") in NOTICE_RESPONSES
        for e in tracker.events
    )
    if not seen:
        dispatcher.utter_message(response="utter_privacy_notice")
    return [SlotSet("privacy_notice_shown", True)]


def button(title: str, intent: str, **entities: Any) -> dict[str, str]:
    """A button whose payload sets entities directly: ``/inform{"country":"GB"}``."""
    import json

    payload = f"/{intent}" + (json.dumps(entities, separators=(",", ":")) if entities else "")
    return {"title": title, "payload": payload}
