"""General questions answered by retrieval over the repository, the last stage of the
two-stage fallback, and friendlier affirmation prompts for it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import button
from actions.formatting import signpost_message
from actions.services import ServiceAction, Services

INTENT_LABELS = {
    "find_community": "find a patient community or support group",
    "find_guideline": "find clinical guidelines",
    "find_trials": "find clinical-trial information",
    "ask_testing": "learn about biomarker testing",
    "ask_expectations": "know what precision medicine can and can't do",
    "ask_resource": "find information or a resource",
    "request_human": "talk to a person",
    "privacy": "read how your data is handled",
    "forget_me": "delete this conversation",
    "medical_advice": "get advice about your own treatment",
    "greet": "say hello",
}
ANSWER_ENTITIES = {"biomarker", "alteration", "cancer_type", "country", "role"}
TREATMENT_WORDS = ("treat", "drug", "therap", "trial", "test", "medicine", "inhibitor")


def search_answer(
    dispatcher: CollectingDispatcher, tracker: Tracker, services: Services, query: str
) -> bool:
    """Answer ``query`` from the repository; False when retrieval abstains (nothing sent)."""
    from retrieval.search import Filters

    biomarker = tracker.get_slot("biomarker")
    filters = Filters(
        biomarkers=[biomarker] if biomarker else None,
        cancer_type=tracker.get_slot("cancer_type"),
        country=tracker.get_slot("country"),
        audience=common.audience(tracker),
    )
    response = services.search.search(query, k=3, filters=filters)
    if response.abstained or not response.hits:
        return False
    safety = []
    if any(w in query.lower() for w in TREATMENT_WORDS):
        safety.append(common.expectation_note(tracker))
    intro = "These resources may help:"
    if response.fallback and response.note:
        intro = response.note + "\n" + intro
    dispatcher.utter_message(
        **signpost_message(intro, response.hits, safety, terse=common.is_professional(tracker))
    )
    return True


class ActionSearchResources(ServiceAction):
    """General questions: retrieval over the repository with the slots as filters."""

    def name(self) -> str:
        return "action_search_resources"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        notice = common.privacy_first(dispatcher, tracker)
        query = common.text_of(tracker) or "cancer information and support"
        if not search_answer(dispatcher, tracker, self.services, query):
            dispatcher.utter_message(response="utter_no_resource")
        return notice


class ActionDefaultFallback(ServiceAction):
    """Last stage of the fallback: try the repository once, else say so and offer help."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        query = common.text_of(tracker)
        if not (query and search_answer(dispatcher, tracker, self.services, query)):
            dispatcher.utter_message(response="utter_default")
        return [UserUtteranceReverted()]


class ActionNluFallback(ServiceAction):
    """Low NLU confidence, in two stages, without reverting the turn (slots are kept):

    - a reply that answers our pending question ("the UK" after "Which country?") resumes the
      pending task;
    - stage 1: "Did you want to ...?" with the top intents as buttons, in words;
    - stage 2 (the previous message was not understood either): the repository is searched
      with the text; if nothing is close enough, ``utter_default``.
    """

    def name(self) -> str:
        return "action_nlu_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        notice = common.privacy_first(dispatcher, tracker)
        answered = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
        if tracker.get_slot("pending_task") and answered & ANSWER_ENTITIES:
            from actions.dialogue import ActionContinue

            return notice + ActionContinue(self._services).resume(dispatcher, tracker)
        intents = [
            (e.get("parse_data") or {}).get("intent", {}).get("name")
            for e in tracker.events
            if e.get("event") == "user"
        ]
        if len(intents) >= 2 and intents[-2] == "nlu_fallback":
            query = common.text_of(tracker)
            if not (query and search_answer(dispatcher, tracker, self.services, query)):
                dispatcher.utter_message(response="utter_default")
            return notice
        ranking = [
            r
            for r in tracker.latest_message.get("intent_ranking") or []
            if r.get("name") in INTENT_LABELS
        ][:2]
        if not ranking:
            dispatcher.utter_message(response="utter_ask_rephrase")
            return notice
        buttons = [button(INTENT_LABELS[r["name"]].capitalize(), r["name"]) for r in ranking]
        buttons.append(button("Something else", "out_of_scope"))
        dispatcher.utter_message(response="utter_ask_affirmation", buttons=buttons)
        return notice
