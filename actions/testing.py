"""Testing education: what biomarker testing is, how to ask for it, questions for the care
team, and signposts to explainers."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.formatting import signpost_message
from actions.services import ServiceAction

LAY_EXPLAINER = (
    "Biomarker testing (also called molecular, genomic or tumour testing) looks for changes in "
    "the cancer's genes or proteins, such as EGFR, ALK or KRAS. Some changes can be treated "
    "with a targeted medicine or make someone eligible for a trial. It is usually done on a "
    "tumour sample (biopsy) or a blood sample (liquid biopsy), and results can take a few weeks."
    "\n\nYou can ask your oncology team for it. Questions you could take to them:\n"
    "- Has my tumour been tested for biomarkers, and which ones?\n"
    "- Was it a broad panel (NGS) or single tests?\n"
    "- What did the results show, and what do they mean for my options?\n"
    "- If nothing targetable was found, are there trials or other tests worth considering?"
)
CLINICIAN_EXPLAINER = (
    "Testing signposts: current ESMO and national recommendations on which tumours should have "
    "broad (NGS) panels versus single-gene tests are listed below with their versions."
)


class ActionTestingInfo(ServiceAction):
    def name(self) -> str:
        return "action_testing_info"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        notice = common.privacy_first(dispatcher, tracker)
        from retrieval.search import Filters

        professional = common.is_professional(tracker)
        biomarker = tracker.get_slot("biomarker")
        cancer = tracker.get_slot("cancer_type")
        label = common.cancer_label(cancer) or ""
        kinds = (
            ["guideline", "decision_support", "education"]
            if professional
            else ["education", "organisation"]
        )
        filters = Filters(
            biomarkers=[biomarker] if biomarker else None,
            cancer_type=cancer,
            country=None if professional else tracker.get_slot("country"),
            audience=common.audience(tracker),
            kind=kinds,
        )
        query = f"biomarker testing explained {biomarker or ''} {label} tumour genomic test"
        response = self.services.search.search(query, k=3, filters=filters)
        intro = CLINICIAN_EXPLAINER if professional else LAY_EXPLAINER
        if response.hits:
            intro += "\n\nMore about testing:"
        message = signpost_message(
            intro,
            response.hits,
            [common.expectation_note(tracker)],
            terse=professional,
            why=False,
        )
        dispatcher.utter_message(**message)
        return notice
