"""Rasa's socket.io channel with ``session_persistence: true`` delivers replies (the fix for
RasaHQ/rasa#13027 in rasa_ext/socketio.py), as the standard rasa-webchat widget uses it."""

from __future__ import annotations

import queue
import time
from typing import Any

import pytest

socketio = pytest.importorskip("socketio")

QUESTION = "Is there a support group for EGFR positive lung cancer?"


class WebchatLikeClient:
    """Speaks the rasa-webchat protocol: session_request -> session_confirm -> user_uttered."""

    def __init__(self, url: str) -> None:
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("session_confirm", lambda data: self.events.put(("session_confirm", data)))
        self.sio.on("bot_uttered", lambda data: self.events.put(("bot_uttered", data)))
        self.sio.connect(url, socketio_path="/socket.io", transports=["websocket"], wait_timeout=20)

    def start_session(self, session_id: str | None = None) -> str:
        self.sio.emit("session_request", {"session_id": session_id})
        kind, data = self.events.get(timeout=20)
        assert kind == "session_confirm"
        return data

    def say(self, text: str, session_id: str, until: str, timeout: float = 90) -> list[Any]:
        """Send a message; collect bot_uttered payloads until one mentions ``until``."""
        self.sio.emit("user_uttered", {"message": text, "session_id": session_id})
        replies: list[Any] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                kind, data = self.events.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if kind == "bot_uttered":
                replies.append(data)
                if until in str(data):
                    # give the custom payload that follows the text a moment to arrive
                    try:
                        while True:
                            replies.append(self.events.get(timeout=2)[1])
                    except queue.Empty:
                        pass
                    return replies
        raise AssertionError(f"no reply containing {until!r} within {timeout}s: {replies}")

    def close(self) -> None:
        self.sio.disconnect()


def test_socketio_with_session_persistence_delivers_replies(running_stack) -> None:
    client = WebchatLikeClient(running_stack.rasa_url)
    try:
        session_id = client.start_session()
        assert session_id
        replies = client.say(QUESTION, session_id, until="egfrcancer.org")
    finally:
        client.close()
    texts = " ".join(str(r.get("text", "")) for r in replies if isinstance(r, dict))
    assert "egfrcancer.org" in texts
    customs = [r["custom"] for r in replies if isinstance(r, dict) and "custom" in r]
    assert any(
        res.get("url") == "https://egfrcancer.org"
        for c in customs
        for res in c.get("resources", [])
    ), replies


def test_a_reconnected_client_continues_its_session(running_stack) -> None:
    first = WebchatLikeClient(running_stack.rasa_url)
    try:
        session_id = first.start_session()
        first.say("hello", session_id, until="")
    finally:
        first.close()
    second = WebchatLikeClient(running_stack.rasa_url)
    try:
        assert second.start_session(session_id) == session_id
        replies = second.say(QUESTION, session_id, until="egfrcancer.org")
    finally:
        second.close()
    assert replies
