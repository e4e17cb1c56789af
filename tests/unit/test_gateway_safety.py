"""The gateway's own safety layer, including its fallback when the shared modules are missing
(a partial deployment must still answer crisis and emergency messages)."""

from __future__ import annotations

import sys

import pytest

from gateway import safety


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I want to end my life", "crisis"),
        ("I keep thinking about suicide", "crisis"),
        ("my husband can't breathe", "emergency"),
        ("she has a fever during chemo", "emergency"),
    ],
)
def test_the_screen_finds_red_flags(text: str, category: str) -> None:
    found = safety.screen(text)
    assert found is not None and found.category == category
    fallback = safety.fallback_screen(text)
    assert fallback is not None and fallback.category == category


@pytest.mark.parametrize("text", ["Is there a support group for EGFR?", "trials in Germany"])
def test_ordinary_questions_are_not_flagged(text: str) -> None:
    assert safety.screen(text) is None
    assert safety.fallback_screen(text) is None


def test_without_nlu_triage_the_built_in_screen_still_fires(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "nlu.triage", None)  # import now raises ImportError
    found = safety.screen("I want to kill myself")
    assert found is not None and (found.category, found.subtype) == ("crisis", "fallback")


def test_without_safety_messages_the_answers_come_from_safety_numbers(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "knowledge.safety_messages", None)
    crisis = safety.urgent_message("crisis", "GB")
    assert "116 123" in crisis["text"] and "999" in crisis["text"]
    assert crisis["custom"]["safety"][0]["kind"] == "crisis"
    emergency = safety.urgent_message("emergency", "US")
    assert "911" in emergency["text"]
    unknown = safety.urgent_message("emergency", "ZZ")
    assert "local emergency number" in unknown["text"]
    handoff = safety.handoff_message("GB", {"name": "Acme line", "phone": "0800 1"})
    assert "Acme line: 0800 1" in handoff["text"]
    assert "Macmillan" in safety.handoff_message("GB", None)["text"]


def test_has_safety_note_reads_the_message_contract() -> None:
    messages = [{"text": "x"}, {"custom": {"safety": [{"kind": "crisis", "text": "t"}]}}]
    assert safety.has_safety_note(messages, "crisis")
    assert not safety.has_safety_note(messages, "emergency")
    assert not safety.has_safety_note([{"custom": "not a dict"}], "crisis")


def test_enable_semantic_triage_uses_the_query_encoder_and_survives_failure() -> None:
    import numpy as np

    from gateway.main import enable_semantic_triage
    from nlu import triage

    calls: list[int] = []

    class Queries:
        def encode(self, texts: list[str]) -> np.ndarray:
            calls.append(len(texts))
            vecs = np.ones((len(texts), 384), dtype=np.float32)
            return vecs / np.sqrt(384.0)

    class Torchy:
        queries = Queries()

        def encode(self, texts: list[str]) -> np.ndarray:  # would load torch
            raise AssertionError("the document encoder must not be used")

    class Broken:
        def encode(self, texts: list[str]) -> np.ndarray:
            raise RuntimeError("no model")

    previous = triage._semantic
    try:
        triage.enable_semantic(None)
        assert enable_semantic_triage(Torchy()) is True
        assert triage.semantic_enabled() and calls  # the learned layer, tried once at start
        triage.enable_semantic(None)
        assert enable_semantic_triage(Broken()) is False
        assert not triage.semantic_enabled()
    finally:
        triage.enable_semantic(previous)
