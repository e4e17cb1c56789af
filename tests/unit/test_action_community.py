"""ActionFindCommunity with a CollectingDispatcher and a recording search."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.community import ActionFindCommunity
from actions.services import Services
from tests.fakes import RecordingSearch, real_resources


def _tracker(text: str, **slots: str | None) -> Tracker:
    return Tracker(
        sender_id="test",
        slots=slots,
        latest_message={"text": text, "intent": {"name": "find_community"}, "entities": []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_answers_with_markdown_links_and_custom_cards() -> None:
    egfr = [r for r in real_resources() if r.id == "egfr-resisters"]
    search = RecordingSearch(egfr)
    dispatcher = CollectingDispatcher()
    events = ActionFindCommunity(Services(search=search)).run(
        dispatcher, _tracker("support group for EGFR lung cancer", biomarker="EGFR"), {}
    )
    assert events == []
    (message,) = dispatcher.messages
    assert "[EGFR Resisters](https://egfrcancer.org)" in message["text"]
    card = message["custom"]["resources"][0]
    assert card["id"] == "egfr-resisters"
    assert card["url"] == "https://egfrcancer.org"
    assert card["kind"] == "community"
    assert card["last_reviewed"] == egfr[0].last_reviewed.isoformat()
    assert message["custom"]["safety"], "every signpost carries a safety note"
    (call,) = search.calls
    assert call["filters"].biomarkers == ["EGFR"]
    assert call["query"] == "support group for EGFR lung cancer"


def test_no_hits_asks_a_clarifying_question() -> None:
    dispatcher = CollectingDispatcher()
    ActionFindCommunity(Services(search=RecordingSearch([]))).run(
        dispatcher, _tracker("support group"), {}
    )
    (message,) = dispatcher.messages
    assert "biomarker" in message["text"]
    assert not message.get("custom")
