"""Actions with a CollectingDispatcher and tracker fixtures: exact events and responses."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.community import ActionFindCommunity
from actions.context import ActionSessionContext
from actions.dialogue import ActionContinue
from actions.guidelines import ActionFindGuideline
from actions.handoff import ActionHandoff
from actions.privacy import ActionForgetMe, ActionRecordFeedback, erase_after_turn
from actions.search import ActionDefaultFallback, ActionNluFallback
from actions.services import Services
from actions.testing import ActionTestingInfo
from actions.trials import TrialsClient
from tests.fakes import real_resources


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "timestamp": None, "name": name, "value": value}


@dataclass
class Search:
    """Returns fixed resources (by id) as hits, optionally per kind list; records filters."""

    ids: list[str]
    fallback: bool = False
    calls: list[dict[str, Any]] = field(default_factory=list)

    def search(self, query: str, k: int = 5, filters: Any = None):
        from retrieval.search import Hit, SearchResponse

        self.calls.append({"query": query, "k": k, "filters": filters})
        by_id = {r.id: r for r in real_resources()}
        kinds = filters.kinds if filters is not None else None
        chosen = [by_id[i] for i in self.ids if not kinds or by_id[i].kind in kinds][:k]
        hits = [Hit(r, 1.0 - n / 10, [f"matched {r.id}"]) for n, r in enumerate(chosen)]
        return SearchResponse(
            hits=hits,
            fallback=self.fallback and bool(hits),
            note="No resource specific to X." if self.fallback else None,
            abstained=not hits,
            reason=None if hits else "nothing",
        )

    def get(self, resource_id: str):
        return next((r for r in real_resources() if r.id == resource_id), None)


def tracker(
    text: str = "",
    intent: str = "find_community",
    entities: list | None = None,
    metadata: dict | None = None,
    sender: str = "user-1",
    events: list | None = None,
    **slots: Any,
) -> Tracker:
    slots.setdefault("privacy_notice_shown", True)  # the notice has its own tests
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
        "metadata": metadata or {},
        "intent_ranking": [{"name": intent, "confidence": 0.5}],
    }
    return Tracker(sender, slots, latest, events or [], False, None, {}, "action_listen")


def run(action, t: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, t, {})
    return dispatcher.messages, events


def services(*ids: str, fallback: bool = False) -> Services:
    return Services(search=Search(list(ids), fallback=fallback), trials=TrialsClient(live=False))


# --- community finder ------------------------------------------------------------------------


def test_community_with_all_slots_answers_with_why_and_cards() -> None:
    svc = services("alk-positive-uk")
    msgs, events = run(
        ActionFindCommunity(svc),
        tracker(
            "ALK lung cancer support in the UK", biomarker="ALK", cancer_type="NSCLC", country="GB"
        ),
    )
    assert events == [slot("pending_task", None)]
    (msg,) = msgs
    assert "alk-positive-uk" in [r["id"] for r in msg["custom"]["resources"]]
    assert "Why: matched alk-positive-uk" in msg["text"]
    assert "United Kingdom" in msg["text"]
    card = msg["custom"]["resources"][0]
    assert card["url"].startswith("https://") and card["owner"] and card["last_reviewed"]
    f = svc.search.calls[0]["filters"]
    assert (f.biomarkers, f.cancer_type, f.country, f.audience) == (
        ["ALK"],
        "NSCLC",
        "GB",
        "patients",
    )


def test_community_asks_for_the_biomarker_when_nothing_is_known() -> None:
    svc = services("alk-positive-uk")
    msgs, events = run(ActionFindCommunity(svc), tracker("find me a support group"))
    assert msgs[0]["response"] == "utter_ask_biomarker"
    assert any('"biomarker":"EGFR"' in b["payload"] for b in msgs[0]["buttons"])
    assert events == [slot("pending_task", "community")]
    assert svc.search.calls == []


def test_community_without_country_answers_then_asks_for_it_once() -> None:
    svc = services("alk-positive-uk")
    msgs, events = run(ActionFindCommunity(svc), tracker("ALK group", biomarker="ALK"))
    assert msgs[0]["custom"]["resources"][0]["id"] == "alk-positive-uk"
    assert msgs[1]["response"] == "utter_ask_country"
    assert msgs[1]["buttons"][0]["payload"] == '/inform{"country":"GB"}'
    assert events == [slot("asked_country", True), slot("pending_task", "community")]
    assert svc.search.calls[0]["filters"].country is None
    # asked already: no second question
    msgs, events = run(
        ActionFindCommunity(svc),
        tracker("/deny", intent="deny", biomarker="ALK", asked_country=True),
    )
    assert len(msgs) == 1 and "custom" in msgs[0]
    assert events == [slot("pending_task", None)]


def test_community_is_honest_when_no_dedicated_group_exists() -> None:
    from knowledge.vocab import community_notes

    notes = community_notes()
    symbol = next(iter(sorted(notes)))
    svc = services("cancer-research-uk", "breast-cancer-now", fallback=True)
    msgs, _ = run(
        ActionFindCommunity(svc), tracker(f"{symbol} support group", biomarker=symbol, country="GB")
    )
    text = msgs[0]["text"]
    assert "couldn't find a patient group dedicated to" in text
    assert notes[symbol] in text
    assert "nearest options" in text


def test_her2_low_gets_clarifying_buttons() -> None:
    msgs, events = run(
        ActionFindCommunity(services("alk-positive-uk")),
        tracker("HER2-low?", biomarker="ERBB2", alteration="HER2-low"),
    )
    assert msgs[0]["response"] == "utter_clarify_her2_low"
    assert '"cancer_type":"BREAST"' in msgs[0]["buttons"][0]["payload"]
    assert events == [slot("pending_task", "community")]


def test_i_have_the_gene_gets_clarifying_buttons() -> None:
    msgs, _ = run(
        ActionFindCommunity(services("egfr-resisters")),
        tracker("I have the EGFR gene", biomarker="EGFR"),
    )
    assert msgs[0]["response"] == "utter_clarify_gene"
    assert msgs[0]["buttons"][0]["payload"] == '/inform{"biomarker":"EGFR"}'
    # "EGFR mutation" is specific: no clarification
    msgs, _ = run(
        ActionFindCommunity(services("egfr-resisters")),
        tracker("I have the EGFR gene mutation", biomarker="EGFR", country="GB"),
    )
    assert "custom" in msgs[0]


def test_continue_resumes_the_pending_community_search_with_earlier_answers() -> None:
    svc = services("alk-positive-uk")
    msgs, events = run(
        ActionContinue(svc),
        tracker(
            '/inform{"country":"GB"}',
            intent="inform",
            pending_task="community",
            biomarker="ALK",
            country="GB",
        ),
    )
    assert msgs[0]["custom"]["resources"][0]["id"] == "alk-positive-uk"
    assert events == [slot("pending_task", None)]


def test_continue_without_a_pending_task_offers_options() -> None:
    msgs, events = run(ActionContinue(services()), tracker("EGFR", intent="inform"))
    assert msgs[0]["response"] == "utter_what_next"
    assert events == [slot("pending_task", None)]


def test_vague_statement_without_a_task_gets_clarifying_buttons() -> None:
    t = tracker("I have the EGFR gene", "inform", biomarker="EGFR")
    msgs, events = run(ActionContinue(services()), t)
    assert msgs[0]["response"] == "utter_clarify_gene"
    assert events == [slot("pending_task", "community")]


@pytest.mark.parametrize(("intent", "value"), [("affirm", "helpful"), ("deny", "not_helpful")])
def test_yes_no_after_was_this_helpful_is_recorded_as_feedback(intent, value) -> None:
    asked = [{"event": "bot", "metadata": {"utter_action": "utter_youre_welcome"}}]
    msgs, events = run(ActionContinue(services()), tracker("yes", intent, events=asked))
    assert events == [slot("feedback", value), slot("pending_task", None)]
    assert msgs[0]["response"].startswith("utter_feedback_")


# --- guidelines, testing ---------------------------------------------------------------------


def test_guideline_asks_for_the_role_first() -> None:
    msgs, events = run(ActionFindGuideline(services()), tracker("guidelines", "find_guideline"))
    assert msgs[0]["response"] == "utter_ask_role"
    assert events == [slot("pending_task", "guideline")]


def test_guideline_for_clinicians_is_terse_with_publisher_and_version() -> None:
    svc = services("esmo-ngs-recommendations-2024", "esmo-patient-guide-nsclc")
    msgs, _ = run(
        ActionFindGuideline(svc),
        tracker("ESMO NGS guideline", "find_guideline", role="clinician", cancer_type="NSCLC"),
    )
    text = msgs[0]["text"]
    assert (
        "- European Society for Medical Oncology (ESMO): [ESMO recommendations for NGS in "
        "advanced cancer (2024 update)](https://doi.org/10.1016/j.annonc.2024.04.005), 2024"
    ) in text
    assert "esmo-patient-guide-nsclc" not in [r["id"] for r in msgs[0]["custom"]["resources"]]
    assert svc.search.calls[0]["filters"].audience == "clinicians"
    assert msgs[0]["custom"]["safety"][0]["kind"] == "expectation"


def test_guideline_for_patients_gives_the_plain_language_explainer() -> None:
    svc = services("esmo-ngs-recommendations-2024", "esmo-patient-guide-nsclc")
    msgs, _ = run(
        ActionFindGuideline(svc),
        tracker(
            "guidelines for my lung cancer", "find_guideline", role="patient", cancer_type="NSCLC"
        ),
    )
    ids = [r["id"] for r in msgs[0]["custom"]["resources"]]
    assert ids == ["esmo-patient-guide-nsclc"]
    assert "plain-language" in msgs[0]["text"]
    assert svc.search.calls[0]["filters"].audience == "patients"


def test_testing_education_has_questions_and_an_expectation_note() -> None:
    msgs, events = run(
        ActionTestingInfo(services("esmo-patient-guide-nsclc")),
        tracker("what is biomarker testing", "ask_testing"),
    )
    assert events == []
    assert "Questions you could take to them" in msgs[0]["text"]
    assert [n["kind"] for n in msgs[0]["custom"]["safety"]] == ["expectation"]
    assert "not everyone" in msgs[0]["text"]


# --- fallback --------------------------------------------------------------------------------


def test_default_fallback_reverts_and_says_so_when_nothing_matches() -> None:
    msgs, events = run(ActionDefaultFallback(services()), tracker("blorp", "nlu_fallback"))
    assert msgs[0]["response"] == "utter_default"
    assert events == [{"event": "rewind", "timestamp": None}]


def test_nlu_fallback_first_asks_in_words_not_intent_ids() -> None:
    msgs, events = run(ActionNluFallback(services()), tracker("trails?", "find_trials"))
    assert msgs[0]["response"] == "utter_ask_affirmation"
    assert msgs[0]["buttons"][0] == {
        "title": "Find clinical-trial information",
        "payload": "/find_trials",
    }
    assert events == []


def test_nlu_fallback_second_time_searches_then_says_so() -> None:
    twice = [
        {"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}},
        {"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}},
    ]
    svc = services("egfr-resisters")
    msgs, _ = run(ActionNluFallback(svc), tracker("egfr peer thing", "nlu_fallback", events=twice))
    assert msgs[0]["custom"]["resources"][0]["id"] == "egfr-resisters"
    msgs, _ = run(ActionNluFallback(services()), tracker("blorp", "nlu_fallback", events=twice))
    assert msgs[0]["response"] == "utter_default"


# --- session context, handoff ----------------------------------------------------------------


def test_session_context_maps_metadata_to_empty_slots() -> None:
    meta = {"tenant": "default", "role": "Clinician", "country": "uk", "language": "en"}
    msgs, events = run(
        ActionSessionContext(), tracker("hi", "greet", metadata=meta, privacy_notice_shown=None)
    )
    assert events == [
        slot("tenant", "default"),
        slot("role", "clinician"),
        slot("country", "GB"),
        slot("language", "en"),
    ]
    assert msgs == []


def test_session_context_keeps_what_the_user_said() -> None:
    said = [{"entity": "country", "value": "IE"}]
    meta = {"country": "GB", "role": "patient"}
    msgs, events = run(
        ActionSessionContext(), tracker("I'm in Ireland", "inform", entities=said, metadata=meta)
    )
    assert events == [slot("role", "patient")] and msgs == []
    _, events = run(
        ActionSessionContext(), tracker("hi", "greet", metadata={"country": "GB"}, country="FR")
    )
    assert events == []


def test_a_new_biomarker_clears_details_of_the_previous_one() -> None:
    said = [{"entity": "biomarker", "value": "ALK"}, {"entity": "country", "value": "DE"}]
    t = tracker(
        "ALK group in Germany",
        entities=said,
        biomarker="RET",
        alteration="RET fusion",
        cancer_type="THYROID",
    )
    _, events = run(ActionSessionContext(), t)
    assert events == [slot("alteration", None), slot("cancer_type", None)]
    # same biomarker, or a cancer type named again: kept
    _, events = run(
        ActionSessionContext(),
        tracker("ALK", entities=said[:1], biomarker="ALK", cancer_type="NSCLC"),
    )
    assert events == []
    both = [*said, {"entity": "cancer_type", "value": "NSCLC"}]
    _, events = run(
        ActionSessionContext(),
        tracker("ALK lung", entities=both, biomarker="RET", cancer_type="THYROID", alteration="x"),
    )
    assert events == [slot("alteration", None)]


def test_session_context_ignores_bad_metadata() -> None:
    meta = {"country": "<script>", "role": "admin"}
    _, events = run(ActionSessionContext(), tracker("hi", "greet", metadata=meta))
    assert events == []


def test_privacy_notice_comes_first_once_per_conversation() -> None:
    svc = services("alk-positive-uk")
    t = tracker("ALK group UK", biomarker="ALK", country="GB", privacy_notice_shown=None)
    msgs, events = run(ActionFindCommunity(svc), t)
    assert msgs[0]["response"] == "utter_privacy_notice"
    assert msgs[1]["custom"]["resources"][0]["id"] == "alk-positive-uk"
    assert events[0] == slot("privacy_notice_shown", True)
    # already shown by the greeting: no repeat, the slot is just recorded
    greeted = [{"event": "bot", "metadata": {"utter_action": "utter_greet"}}]
    t = tracker(
        "ALK group UK", biomarker="ALK", country="GB", privacy_notice_shown=None, events=greeted
    )
    msgs, events = run(ActionFindCommunity(svc), t)
    assert "custom" in msgs[0] and events[0] == slot("privacy_notice_shown", True)
    # slot already set: nothing added
    msgs, events = run(ActionFindCommunity(svc), tracker("ALK UK", biomarker="ALK", country="GB"))
    assert len(msgs) == 1 and slot("privacy_notice_shown", True) not in events


def test_low_confidence_answer_to_a_pending_question_continues_the_task() -> None:
    from actions import services as services_module

    svc = services("alk-positive-uk")
    t = tracker(
        "the UK",
        "nlu_fallback",
        entities=[{"entity": "country", "value": "GB"}],
        pending_task="community",
        biomarker="ALK",
        country="GB",
    )
    services_module.set_services(svc)
    try:
        msgs, events = run(ActionNluFallback(svc), t)
    finally:
        services_module.set_services(None)
    assert msgs[0]["custom"]["resources"][0]["id"] == "alk-positive-uk"
    assert events == [slot("pending_task", None)]


def test_handoff_uses_the_tenant_helpline(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "acme.yaml").write_text(
        "id: acme\nname: Acme Lung Charity\nhelpline:\n  phone: '0100 000 000'\n"
        "  hours: weekdays 9-5\n  url: https://example.org/help\n"
    )
    monkeypatch.setenv("PMN_TENANTS_DIR", str(tmp_path))
    msgs, _ = run(
        ActionHandoff(services()),
        tracker("talk to a person", "request_human", tenant="acme", country="GB"),
    )
    assert "0100 000 000" in msgs[0]["text"] and "weekdays 9-5" in msgs[0]["text"]
    assert "Macmillan" not in msgs[0]["text"]
    assert msgs[0]["custom"]["safety"][0]["kind"] == "handoff"


def test_handoff_without_tenant_gives_the_national_cancer_helpline() -> None:
    msgs, _ = run(
        ActionHandoff(services("macmillan-cancer-support")),
        tracker("talk to a person", "request_human", country="GB"),
    )
    assert "0808 808 00 00" in msgs[0]["text"]
    assert msgs[0]["custom"]["resources"][0]["id"] == "macmillan-cancer-support"


def test_handoff_without_country_asks_for_it() -> None:
    msgs, _ = run(ActionHandoff(services()), tracker("human please", "request_human"))
    assert "Tell me your country" in msgs[0]["text"]


# --- forget me, feedback ---------------------------------------------------------------------


def _db(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT,"
            " timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)"
        )
        rows = [
            ("user-1", "user", 1.0, None),
            ("user-1", "action", 2.0, "action_listen"),
            ("other", "user", 1.5, None),
        ]
        conn.executemany(
            "INSERT INTO events (sender_id, type_name, timestamp, action_name, data)"
            " VALUES (?, ?, ?, ?, '{}')",
            rows,
        )
    return path


def _senders(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT sender_id FROM events"))


def test_forget_me_deletes_only_that_senders_events(tmp_path: Path) -> None:
    db = _db(tmp_path / "tracker.db")
    msgs, events = run(ActionForgetMe(db=db, background=False), tracker("forget me", "forget_me"))
    assert msgs[0]["response"] == "utter_forget_me_done"
    assert events == [{"event": "reset_slots", "timestamp": None}]
    assert _senders(db) == ["other"]


def test_erase_waits_until_the_turn_is_stored(tmp_path: Path) -> None:
    db = _db(tmp_path / "tracker.db")
    since = time.time()
    import threading

    def rasa_saves_later() -> None:
        time.sleep(0.5)
        with sqlite3.connect(db) as conn:
            conn.execute(
                "INSERT INTO events (sender_id, type_name, timestamp, action_name, data)"
                " VALUES ('user-1', 'action', ?, 'action_listen', '{}')",
                (time.time(),),
            )

    threading.Thread(target=rasa_saves_later).start()
    deleted = erase_after_turn(db, "user-1", since, timeout=5, poll=0.05)
    assert deleted == 3
    assert _senders(db) == ["other"]


def test_forget_me_without_a_store_says_it_could_not(monkeypatch) -> None:
    monkeypatch.delenv("PMN_TRACKER_DB", raising=False)
    msgs, _ = run(ActionForgetMe(), tracker("forget me", "forget_me"))
    assert msgs[0]["response"] == "utter_forget_me_failed"


@pytest.mark.parametrize(
    ("text", "entities", "value", "response"),
    [
        (
            "/feedback",
            [{"entity": "feedback_value", "value": "helpful"}],
            "helpful",
            "utter_feedback_thanks",
        ),
        ("that was not helpful", [], "not_helpful", "utter_feedback_sorry"),
        ("thanks, that was useful", [], "helpful", "utter_feedback_thanks"),
        ("the phone number you gave didn't work", [], "not_helpful", "utter_feedback_sorry"),
        ("that website doesn't load", [], "not_helpful", "utter_feedback_sorry"),
    ],
)
def test_feedback_is_recorded_as_a_slot_event(text, entities, value, response) -> None:
    msgs, events = run(ActionRecordFeedback(), tracker(text, "feedback", entities=entities))
    assert events == [slot("feedback", value)]
    assert msgs[0]["response"] == response
