"""Crisis and emergency answers still arrive with the action server stopped.

Uses its own stack (start_stack) because it stops a process; the shared session stack is
never touched. The answers are Rasa responses chosen by rules, with the per-country
variation picked from the `country` slot (here from the user's own words, since the metadata
mapping needs the action server).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest


@pytest.fixture(scope="module")
def stack_without_actions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.stack_harness import start_stack

    running = start_stack(tmp_path_factory.mktemp("no-actions"), name="dialogue-no-actions")
    try:
        running.stop("actions")
        yield running
    finally:
        running.stop_all()


def _say(stack, text: str, metadata: dict | None = None) -> list[dict]:
    r = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        json={
            "sender": f"offline-{uuid.uuid4().hex[:10]}",
            "message": text,
            "metadata": metadata or {},
        },
        timeout=60,
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_action_server_is_really_down(stack_without_actions) -> None:
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{stack_without_actions.actions_url}/health", timeout=2)


def test_crisis_with_country_in_the_message(stack_without_actions) -> None:
    answer = _say(stack_without_actions, "I live in the UK and I want to end my life")
    assert answer, "no answer at all"
    assert "116 123" in answer[0]["text"], answer
    kinds = [n["kind"] for m in answer for n in (m.get("custom") or {}).get("safety", [])]
    assert kinds[0] == "crisis"


def test_crisis_without_country_falls_back_to_international(stack_without_actions) -> None:
    answer = _say(stack_without_actions, "I want to kill myself", {"country": "GB"})
    assert "befrienders.org" in answer[0]["text"], answer


def test_emergency_with_country_in_the_message(stack_without_actions) -> None:
    answer = _say(stack_without_actions, "I'm in Australia, I have a fever and I'm on chemo")
    assert "000" in answer[0]["text"], answer
    assert "Triple Zero" in answer[0]["text"]


def test_other_turns_fail_softly(stack_without_actions) -> None:
    # a custom-action turn cannot answer, but Rasa must still respond 200 (no crash)
    r = httpx.post(
        f"{stack_without_actions.rasa_url}/webhooks/rest/webhook",
        json={"sender": "offline-x", "message": "support group for ALK"},
        timeout=60,
    )
    assert r.status_code == 200
