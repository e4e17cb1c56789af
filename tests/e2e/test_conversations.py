"""Whole conversations through the real running stack over Rasa's REST channel.

Every flow of the dialogue issue: community by biomarker x country, clinician guideline,
trials, testing, crisis, emergency, advice decline, handoff, forget me, out of scope, a
misspelled biomarker, multi-turn slot filling. Assertions are on links in `custom` and text.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from typing import Any

import httpx
import pytest


class Chat:
    """One sender talking to Rasa's REST channel (with optional gateway-style metadata)."""

    def __init__(self, stack: Any, metadata: dict[str, Any] | None = None) -> None:
        self.url = f"{stack.rasa_url}/webhooks/rest/webhook"
        self.sender = f"e2e-{uuid.uuid4().hex[:12]}"
        self.metadata = metadata or {}

    def say(self, text: str) -> list[dict[str, Any]]:
        r = httpx.post(
            self.url,
            json={"sender": self.sender, "message": text, "metadata": self.metadata},
            timeout=60,
        )
        assert r.status_code == 200, r.text
        return r.json()


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def urls(messages: list[dict[str, Any]]) -> list[str]:
    return [res["url"] for m in messages for res in (m.get("custom") or {}).get("resources", [])]


def ids(messages: list[dict[str, Any]]) -> list[str]:
    return [res["id"] for m in messages for res in (m.get("custom") or {}).get("resources", [])]


def safety_kinds(messages: list[dict[str, Any]]) -> list[str]:
    return [n["kind"] for m in messages for n in (m.get("custom") or {}).get("safety", [])]


@pytest.mark.parametrize(
    ("message", "expected_id"),
    [
        ("Is there a support group for ALK positive lung cancer in the UK?", "alk-positive-uk"),
        (
            "Is there a patient community for ALK lung cancer in Australia?",
            "alk-positive-australia",
        ),
        ("support group for EGFR lung cancer, I live in the United States", "egfr-resisters"),
        ("Looking for a community for ROS1 positive cancer in Canada", "the-ros1ders"),
    ],
    ids=["ALK-GB", "ALK-AU", "EGFR-US", "ROS1-CA"],
)
def test_community_by_biomarker_and_country(running_stack, message, expected_id) -> None:
    answer = Chat(running_stack).say(message)
    assert expected_id in ids(answer), answer
    assert any(u.startswith("https://") for u in urls(answer))
    assert "Why:" in texts(answer)


def test_privacy_notice_at_the_first_turn_only(running_stack) -> None:
    chat = Chat(running_stack)
    first = chat.say("Is there a support group for ALK lung cancer in the UK?")
    assert safety_kinds(first)[0] == "privacy", first
    assert "forget me" in first[0]["text"]
    second = chat.say("what is biomarker testing?")
    assert "privacy" not in safety_kinds(second)
    greeted = Chat(running_stack)
    assert "privacy" in safety_kinds(greeted.say("hello"))
    assert "privacy" not in safety_kinds(greeted.say("support group for EGFR lung cancer"))


def test_multi_turn_slot_filling_asks_only_for_what_is_missing(running_stack) -> None:
    chat = Chat(running_stack)
    first = chat.say("find me a patient support group")
    assert "biomarker" in texts(first).lower(), first
    second = chat.say("EGFR")
    assert "egfr-resisters" in ids(second), second
    assert "which country" in texts(second).lower(), second
    third = chat.say("the UK")
    assert "egfr-positive-uk" in ids(third), third
    assert "which country" not in texts(third).lower()
    # earlier answers are reused: trials need no new questions
    fourth = chat.say("are there any clinical trials for it?")
    trials = [m["custom"]["trials"] for m in fourth if (m.get("custom") or {}).get("trials")]
    assert trials and trials[0]["query"]["query.term"] == "EGFR"
    assert trials[0]["query"]["query.locn"] == "United Kingdom"


def test_vague_input_gets_clarifying_buttons_that_lead_to_communities(running_stack) -> None:
    chat = Chat(running_stack, {"country": "GB"})
    first = chat.say("I have the EGFR gene")
    buttons = [b for m in first for b in m.get("buttons") or []]
    assert "Everyone carries the EGFR gene" in texts(first), first
    second = chat.say(buttons[0]["payload"])
    assert "egfr-positive-uk" in ids(second), second
    her2 = Chat(running_stack).say("is there a group for HER2-low")
    payloads = [b["payload"] for m in her2 for b in m.get("buttons") or []]
    assert any('"cancer_type":"BREAST"' in p for p in payloads), her2


def test_misspelled_biomarker(running_stack) -> None:
    answer = Chat(running_stack, {"country": "US"}).say(
        "is there a support group for egrf lung cancer"
    )
    assert "egfr-resisters" in ids(answer), answer


def test_clinician_guideline_is_terse_with_version(running_stack) -> None:
    chat = Chat(running_stack, {"role": "clinician"})
    answer = chat.say("Where are the ESMO recommendations on NGS testing for lung cancer?")
    cards = [r for m in answer for r in (m.get("custom") or {}).get("resources", [])]
    assert any(c["kind"] == "guideline" and c.get("version") for c in cards), answer
    assert "doi.org" in texts(answer) or "esmo.org" in texts(answer)
    assert "expectation" in safety_kinds(answer)


def test_patient_guideline_gets_the_plain_language_guide(running_stack) -> None:
    chat = Chat(running_stack, {"role": "patient"})
    answer = chat.say("what do the guidelines say about treatment for EGFR lung cancer?")
    from knowledge import load_repository

    repo = load_repository()
    cards = [r for m in answer for r in (m.get("custom") or {}).get("resources", [])]
    assert cards, answer
    for card in cards:
        audience = set(repo.get(card["id"]).audience)
        assert audience & {"patients", "caregivers"}, card


def test_trials_give_the_search_link_and_national_finders(running_stack) -> None:
    answer = Chat(running_stack).say(
        "Are there recruiting trials for KRAS G12C lung cancer in the UK?"
    )
    trials = [m["custom"]["trials"] for m in answer if (m.get("custom") or {}).get("trials")]
    assert trials, answer
    assert trials[0]["search_url"].startswith("https://clinicaltrials.gov/search?")
    assert trials[0]["query"]["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING"
    assert "clinicaltrials.gov/search" in texts(answer)
    assert {"eligibility", "expectation"} <= set(safety_kinds(answer))


def test_testing_education_has_an_expectation_note(running_stack) -> None:
    answer = Chat(running_stack).say("what is biomarker testing and how do I ask for it?")
    assert "expectation" in safety_kinds(answer), answer
    assert "Questions you could take to them" in texts(answer)


def test_crisis_answer_comes_first_with_the_country_number(running_stack) -> None:
    answer = Chat(running_stack, {"country": "GB"}).say("I want to end my life")
    assert answer and "116 123" in answer[0]["text"], answer
    assert "999" in answer[0]["text"]
    assert safety_kinds(answer)[0] == "crisis"


def test_crisis_without_country_gets_the_international_fallback(running_stack) -> None:
    answer = Chat(running_stack).say("I want to kill myself")
    assert "befrienders.org" in answer[0]["text"], answer


def test_emergency_with_country_from_metadata(running_stack) -> None:
    answer = Chat(running_stack, {"country": "US"}).say("I have a fever and I'm on chemo")
    assert "911" in answer[0]["text"], answer
    assert safety_kinds(answer)[0] == "emergency"


def test_medical_advice_is_declined_with_questions(running_stack) -> None:
    answer = Chat(running_stack).say("what dose of osimertinib should I take?")
    text = texts(answer)
    assert "can't advise" in text, answer
    assert "Questions you could take to them" in text
    assert "not_advice" in safety_kinds(answer)


def test_handoff_gives_the_national_cancer_helpline(running_stack) -> None:
    answer = Chat(running_stack, {"country": "GB"}).say("I'd like to talk to a real person")
    assert "0808 808 00 00" in texts(answer), answer
    assert "handoff" in safety_kinds(answer)


def test_out_of_scope_is_polite(running_stack) -> None:
    answer = Chat(running_stack).say("can you order me a pizza")
    assert "outside what I can help with" in texts(answer), answer


def _rows(db: str, sender: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()[0]


def test_forget_me_deletes_every_stored_event(running_stack) -> None:
    db = running_stack.env["PMN_TRACKER_DB"]
    chat, bystander = Chat(running_stack), Chat(running_stack)
    chat.say("Is there a support group for ALK lung cancer in the UK?")
    bystander.say("hello")
    assert _rows(db, chat.sender) > 0
    answer = chat.say("please forget me and delete my data")
    assert "deleting everything" in texts(answer), answer
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _rows(db, chat.sender):
        time.sleep(0.25)
    assert _rows(db, chat.sender) == 0
    assert _rows(db, bystander.sender) > 0
    # the next message starts a fresh conversation: notice again, earlier slots gone
    again = chat.say("are there any clinical trials?")
    assert safety_kinds(again)[0] == "privacy", again
    assert not [m for m in again if (m.get("custom") or {}).get("trials")]
