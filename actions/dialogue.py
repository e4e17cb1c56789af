"""``action_continue``: resume what the assistant was doing after the user answered a
question (button or free text with ``inform``/``affirm``/``deny``)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import button
from actions.services import ServiceAction


def last_bot_response(tracker: Tracker) -> str | None:
    """Name of the response of the latest bot message (None for free text or no message)."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


class ActionContinue(ServiceAction):
    def name(self) -> str:
        return "action_continue"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        notice = common.privacy_first(dispatcher, tracker)
        return notice + self.resume(dispatcher, tracker)

    def resume(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
        """Run the pending task, or offer options when nothing is pending."""
        from actions.community import find_community
        from actions.guidelines import find_guideline
        from actions.trials import find_trials

        task = tracker.get_slot("pending_task")
        if task == "community":
            return find_community(dispatcher, tracker, self.services)
        if task == "guideline":
            return find_guideline(dispatcher, tracker, self.services)
        if task == "trials":
            return find_trials(dispatcher, tracker, self.services)
        intent = common.latest_intent(tracker)
        if intent == "inform":
            # Vague statements ("I have the EGFR gene", "HER2-low") get clarifying buttons that
            # lead into the community finder.
            from actions.community import clarify

            clarification = clarify(tracker, dispatcher)
            if clarification is not None:
                return clarification
        if intent in {"affirm", "deny"} and last_bot_response(tracker) == "utter_youre_welcome":
            # "Was this helpful?" answered with a plain yes/no: record it as feedback.
            value = "helpful" if intent == "affirm" else "not_helpful"
            dispatcher.utter_message(
                response="utter_feedback_thanks" if value == "helpful" else "utter_feedback_sorry"
            )
            return [SlotSet("feedback", value), SlotSet("pending_task", None)]
        dispatcher.utter_message(
            response="utter_what_next",
            buttons=[
                button("Find a patient community", "find_community"),
                button("Clinical trials", "find_trials"),
                button("Guidelines", "find_guideline"),
                button("About biomarker testing", "ask_testing"),
            ],
        )
        return [SlotSet("pending_task", None)]
