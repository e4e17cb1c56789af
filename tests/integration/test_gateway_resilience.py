"""Never silent, on a real stack of our own: with the action server down, then with Rasa down,
the gateway still answers, and a crisis text still gets the crisis message."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.stack_harness import RunningStack, start_stack

CRISIS = "I want to end my life"
# No rule matches it; the learned layer (nlu/triage_model.py, on MiniLM vectors) does.
INDIRECT_CRISIS = "there's a kind of peace in knowing tonight is my last"
QUESTION = "Is there a support group for EGFR positive lung cancer?"


@pytest.fixture(scope="module")
def own_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    running = start_stack(tmp_path_factory.mktemp("resilience"), name="gateway-resilience")
    try:
        yield running
    finally:
        running.stop_all()


def chat(stack: RunningStack, message: str, country: str = "GB") -> dict:
    r = httpx.post(
        f"{stack.gateway_url}/api/v1/chat",
        json={"message": message, "metadata": {"country": country}},
        timeout=60,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["messages"], body
    return body


def kinds(body: dict) -> list[str]:
    return [n["kind"] for m in body["messages"] for n in (m.get("custom") or {}).get("safety", [])]


def text(body: dict) -> str:
    return "\n".join(m.get("text") or "" for m in body["messages"])


def test_action_server_down_then_rasa_down(own_stack: RunningStack) -> None:
    # everything up: the real answer
    assert "egfrcancer.org" in text(chat(own_stack, QUESTION))

    own_stack.stop("actions")
    body = chat(own_stack, QUESTION)
    assert text(body).strip()
    crisis = chat(own_stack, CRISIS)
    assert "crisis" in kinds(crisis) and "116 123" in text(crisis)

    own_stack.stop("rasa")
    body = chat(own_stack, QUESTION)
    assert "Sorry" in text(body)
    assert "Macmillan" in text(body)  # the GB cancer helpline: a person to talk to
    crisis = chat(own_stack, CRISIS)
    assert kinds(crisis)[0] == "crisis" and "116 123" in text(crisis) and "999" in text(crisis)
    emergency = chat(own_stack, "my mum is on chemo and has a fever of 39", country="US")
    assert kinds(emergency)[0] == "emergency" and "911" in text(emergency)
    # the gateway's own screen runs the learned layer too, on the search's embedding model
    from nlu.triage import screen_rules

    assert screen_rules(INDIRECT_CRISIS) is None
    indirect = chat(own_stack, INDIRECT_CRISIS)
    assert kinds(indirect)[0] == "crisis" and "116 123" in text(indirect)
    ready = httpx.get(f"{own_stack.gateway_url}/readyz", timeout=10)
    assert ready.status_code == 503 and ready.json()["checks"]["rasa"] is False
