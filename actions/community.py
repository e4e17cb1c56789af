"""Community finder: cancer type + biomarker + country -> patient community (and national
organisation), with "why this match", honest "no dedicated group" answers and clarifying
buttons for vague input. Asks only for what is missing; earlier answers stay in the slots."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.common import button
from actions.formatting import NOT_ADVICE_NOTE, signpost_message
from actions.services import ServiceAction, Services

COUNTRY_BUTTONS = [
    ("UK", "GB"),
    ("Ireland", "IE"),
    ("USA", "US"),
    ("Canada", "CA"),
    ("Australia", "AU"),
    ("Germany", "DE"),
    ("France", "FR"),
    ("Spain", "ES"),
]
BIOMARKER_BUTTONS = [
    ("EGFR", "EGFR"),
    ("ALK", "ALK"),
    ("ROS1", "ROS1"),
    ("KRAS", "KRAS"),
    ("HER2", "ERBB2"),
    ("BRAF", "BRAF"),
]
_HER2_LOW = re.compile(r"\bher[- ]?2[- ]?low\b", re.I)
_GENE_ONLY = re.compile(r"\b(?:have|has|got|carry|carries)\s+(?:the|an?)\s+(\S+)\s+gene\b", re.I)
_CHANGE_WORDS = re.compile(
    r"mutat|positive|\+|fusion|rearrang|change|alteration|variant|amplif|deletion|insertion", re.I
)


def ask_country(dispatcher: CollectingDispatcher, task: str) -> list[dict[str, Any]]:
    """Ask once for the country, with buttons and a skip option."""
    buttons = [button(title, "inform", country=code) for title, code in COUNTRY_BUTTONS]
    buttons.append(button("Somewhere else / skip", "deny"))
    dispatcher.utter_message(response="utter_ask_country", buttons=buttons)
    return [SlotSet("asked_country", True), SlotSet("pending_task", task)]


def clarify(tracker: Tracker, dispatcher: CollectingDispatcher) -> list[dict[str, Any]] | None:
    """Clarifying buttons for vague input ("HER2-low?", "I have the EGFR gene"), else None."""
    text = common.text_of(tracker)
    alteration = tracker.get_slot("alteration")
    if (_HER2_LOW.search(text) or alteration == "HER2-low") and not tracker.get_slot("cancer_type"):
        dispatcher.utter_message(
            response="utter_clarify_her2_low",
            buttons=[
                button(
                    "HER2-low breast cancer",
                    "inform",
                    biomarker="ERBB2",
                    alteration="HER2-low",
                    cancer_type="BREAST",
                ),
                button(
                    "HER2 (ERBB2) change in lung cancer",
                    "inform",
                    biomarker="ERBB2",
                    cancer_type="NSCLC",
                ),
                button("I'm not sure what my result means", "ask_testing"),
            ],
        )
        return [SlotSet("pending_task", "community")]
    match = _GENE_ONLY.search(text)
    biomarker = tracker.get_slot("biomarker")
    if match and biomarker and not alteration and not _CHANGE_WORDS.search(text):
        dispatcher.utter_message(
            response="utter_clarify_gene",
            biomarker=biomarker,
            buttons=[
                button(f"Yes, a {biomarker} change in the tumour", "inform", biomarker=biomarker),
                button("I'm not sure what my result means", "ask_testing"),
            ],
        )
        return [SlotSet("pending_task", "community")]
    return None


def _specific(hit: Any, biomarker: str | None) -> bool:
    if not biomarker:
        return False
    from knowledge.vocab import family_members

    tags = set(hit.resource.biomarkers or [])
    family = {biomarker} | family_members().get(biomarker, set())
    for label, members in family_members().items():
        if biomarker in members:
            family.add(label)
    return bool(tags & family)


def find_community(
    dispatcher: CollectingDispatcher, tracker: Tracker, services: Services
) -> list[dict[str, Any]]:
    """The community-finder step: clarify, ask for what is missing, or answer."""
    from knowledge.vocab import community_notes
    from retrieval.search import Filters

    clarification = clarify(tracker, dispatcher)
    if clarification is not None:
        return clarification
    biomarker = tracker.get_slot("biomarker")
    alteration = tracker.get_slot("alteration")
    cancer = tracker.get_slot("cancer_type")
    country = tracker.get_slot("country")
    if not biomarker and not cancer and common.latest_intent(tracker) != "deny":
        buttons = [button(t, "inform", biomarker=v) for t, v in BIOMARKER_BUTTONS]
        buttons.append(button("Not tested / not sure", "ask_testing"))
        dispatcher.utter_message(response="utter_ask_biomarker", buttons=buttons)
        return [SlotSet("pending_task", "community")]
    # Without a country: answer with what we have, then ask once to add national options.
    ask_after = not country and not tracker.get_slot("asked_country")

    label = common.cancer_label(cancer)
    subject = common.describe(biomarker, alteration, label)
    query = " ".join(
        p
        for p in (
            "patient support community for",
            alteration or biomarker,
            label,
            common.text_of(tracker),
        )
        if p
    )
    filters = Filters(
        biomarkers=[biomarker] if biomarker else None,
        cancer_type=cancer,
        country=country,
        audience=common.audience(tracker),
        kind=["community", "organisation"],
    )
    response = services.search.search(query, k=4, filters=filters)
    hits = list(response.hits)
    dedicated = [h for h in hits if _specific(h, biomarker) and h.resource.kind == "community"]
    where = f" in {common.country_name(country)}" if country else ""
    note = community_notes().get(biomarker) if biomarker else None
    if response.abstained or not hits:
        if note:
            dispatcher.utter_message(
                text=f"I couldn't find a patient group dedicated to {subject}{where}. {note}"
            )
        else:
            dispatcher.utter_message(response="utter_no_community", subject=subject)
        return [SlotSet("pending_task", None)]
    if biomarker and not dedicated:
        intro = f"I couldn't find a patient group dedicated to {subject}{where}."
        if note:
            intro += " " + note
        intro += " The nearest options I have:"
    elif response.fallback:
        intro = (
            f"I couldn't find a group for {subject}{where} specifically. The nearest options: "
            "a group for the same biomarker elsewhere, and a national organisation."
        )
    else:
        intro = f"For {subject}{where}, these may help:"
    if country and not response.fallback:
        hits = _add_national(services, hits, filters, country, label)
    safety = [{"kind": "not_advice", "text": NOT_ADVICE_NOTE}]
    dispatcher.utter_message(
        **signpost_message(intro, hits[:4], safety, terse=common.is_professional(tracker))
    )
    if ask_after:
        return ask_country(dispatcher, "community")
    return [SlotSet("pending_task", None)]


def _add_national(
    services: Services, hits: list[Any], filters: Any, country: str, label: str | None
) -> list[Any]:
    """Append the best national organisation for the country when none is listed yet."""
    from retrieval.search import Filters

    if any(
        country.upper() in (h.resource.regions or [])
        for h in hits
        if h.resource.kind == "organisation"
    ):
        return hits
    national = services.search.search(
        f"national cancer charity support {label or ''}".strip(),
        k=3,
        filters=Filters(
            cancer_type=filters.cancer_type,
            country=country,
            audience=filters.audience,
            kind="organisation",
        ),
    )
    seen = {h.resource.id for h in hits}
    for hit in national.hits:
        if hit.resource.id not in seen and country.upper() in (hit.resource.regions or []):
            hit.why.insert(0, f"national organisation in {country.upper()}")
            return hits[:3] + [hit]
    return hits


class ActionFindCommunity(ServiceAction):
    """Searches communities and organisations with the slots as filters."""

    def name(self) -> str:
        return "action_find_community"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        notice = common.privacy_first(dispatcher, tracker)
        return notice + find_community(dispatcher, tracker, self.services)
