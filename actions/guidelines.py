"""Guideline signposts: terse and cited for clinicians (publisher, title, version/year, link);
plain-language explainers for patients and caregivers instead of the clinician document."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import button
from actions.formatting import signpost_message
from actions.services import ServiceAction, Services


def ask_role(dispatcher: CollectingDispatcher, task: str) -> list[dict[str, Any]]:
    dispatcher.utter_message(
        response="utter_ask_role",
        buttons=[
            button("I'm a healthcare professional", "inform", role="clinician"),
            button("I'm a patient", "inform", role="patient"),
            button("I'm a family member or friend", "inform", role="caregiver"),
        ],
    )
    return [SlotSet("pending_task", task)]


def find_guideline(
    dispatcher: CollectingDispatcher, tracker: Tracker, services: Services
) -> list[dict[str, Any]]:
    from retrieval.search import Filters

    who = common.role(tracker)
    if who is None:
        return ask_role(dispatcher, "guideline")
    biomarker = tracker.get_slot("biomarker")
    cancer = tracker.get_slot("cancer_type")
    label = common.cancer_label(cancer)
    subject = common.describe(biomarker, tracker.get_slot("alteration"), label)
    topic = " ".join(p for p in (biomarker, label) if p) or "biomarker testing"
    professional = common.is_professional(tracker)
    if professional:
        filters = Filters(
            biomarkers=[biomarker] if biomarker else None,
            cancer_type=cancer,
            audience="clinicians",
            kind=["guideline", "decision_support"],
        )
        query = f"clinical practice guideline recommendations {topic} {common.text_of(tracker)}"
        intro_ok = f"Guidelines for {subject} (publisher: title, version):"
    else:
        filters = Filters(
            biomarkers=[biomarker] if biomarker else None,
            cancer_type=cancer,
            country=tracker.get_slot("country"),
            audience=common.audience(tracker),
            kind=["education", "guideline", "organisation"],
        )
        query = f"plain language guide for patients explaining treatment {topic}"
        intro_ok = (
            "Clinical guidelines are written for specialists. These plain-language guides "
            f"explain the same ground for {subject}:"
        )
    response = services.search.search(query, k=4 if professional else 3, filters=filters)
    hits = list(response.hits)
    if not professional:  # never the clinician document for lay users
        hits = [h for h in hits if {"patients", "caregivers"} & set(h.resource.audience or [])]
    if response.abstained or not hits:
        dispatcher.utter_message(response="utter_no_guideline", subject=subject)
        return [SlotSet("pending_task", None)]
    message = signpost_message(
        intro_ok,
        hits,
        [common.expectation_note(tracker)],
        terse=professional,
        why=not professional,
    )
    dispatcher.utter_message(**message)
    return [SlotSet("pending_task", None)]


class ActionFindGuideline(ServiceAction):
    def name(self) -> str:
        return "action_find_guideline"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        notice = common.privacy_first(dispatcher, tracker)
        return notice + find_guideline(dispatcher, tracker, self.services)
