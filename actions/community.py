"""Find a patient community for the person's biomarker, cancer type and country."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.formatting import NOT_ADVICE_NOTE, signpost_message
from actions.services import Services, get_services


class ActionFindCommunity(Action):
    """Searches communities and organisations with the slots as filters."""

    def __init__(self, services: Services | None = None) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        return self._services or get_services()

    def name(self) -> str:
        return "action_find_community"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        from retrieval.search import Filters

        biomarker = tracker.get_slot("biomarker")
        country = tracker.get_slot("country")
        query = tracker.latest_message.get("text") or "patient support community"
        filters = Filters(
            biomarkers=[biomarker] if biomarker else None,
            country=country,
            audience="patients",
            kind=["community", "organisation"],
        )
        response = self.services.search.search(query, k=3, filters=filters)
        if not response.hits:
            dispatcher.utter_message(
                text=(
                    "I couldn't find a patient community that fits yet. Could you tell me the "
                    "biomarker (for example EGFR or ALK) and the type of cancer?"
                )
            )
            return []
        subject = f"{biomarker}-positive cancer" if biomarker else "your situation"
        intro = f"These patient communities may help with {subject}:"
        if response.fallback and response.note:
            intro = response.note + "\n" + intro
        safety = [{"kind": "not_advice", "text": NOT_ADVICE_NOTE}]
        dispatcher.utter_message(**signpost_message(intro, response.hits, safety))
        return []
