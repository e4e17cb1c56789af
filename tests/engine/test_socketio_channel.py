"""rasa_ext.socketio fixes RasaHQ/rasa#13027 (runs in the engine env: `make test-engine`).

With python-socketio >= 5.10, Rasa 3.6.21's ``session_request`` handler calls the coroutine
``enter_room`` without awaiting it, so the socket never joins its session's room and replies
sent to that room are lost. The same check shows the bug upstream and its absence here.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest
from rasa.core.channels.socketio import SocketIOInput as UpstreamInput

from rasa_ext.socketio import SocketIOInput, SocketIOOutput


async def rooms_after_session_request(channel: Any) -> list[str]:
    async def on_new_message(message: Any) -> None:
        return None

    channel.blueprint(on_new_message)
    sio = channel.sio
    emitted: list[Any] = []

    async def fake_emit(*args: Any, **kwargs: Any) -> None:
        emitted.append((args, kwargs))

    sio.emit = fake_emit
    connected = sio.manager.connect("eio-1", "/")
    if inspect.isawaitable(connected):
        await connected
    sid = sio.manager.sid_from_eio_sid("eio-1", "/")
    await sio.handlers["/"]["session_request"](sid, {"session_id": "conversation-1"})
    assert emitted and emitted[0][0][:2] == ("session_confirm", "conversation-1")
    return list(sio.manager.get_rooms(sid, "/"))


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_upstream_channel_loses_the_room_with_this_python_socketio() -> None:
    rooms = asyncio.run(rooms_after_session_request(UpstreamInput(session_persistence=True)))
    assert "conversation-1" not in rooms  # the bug this package works around


def test_fixed_channel_joins_the_session_room() -> None:
    rooms = asyncio.run(rooms_after_session_request(SocketIOInput(session_persistence=True)))
    assert "conversation-1" in rooms


def test_custom_payloads_are_sent_as_one_event_not_as_emit_keywords() -> None:
    sent: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    class FakeSio:
        async def emit(self, *args: Any, **kwargs: Any) -> None:
            sent.append((args, kwargs))

    out = SocketIOOutput(FakeSio(), "bot_uttered")  # type: ignore[arg-type]
    asyncio.run(out.send_custom_json("room-1", {"resources": [{"id": "x"}]}))
    assert sent == [(("bot_uttered", {"custom": {"resources": [{"id": "x"}]}}), {"room": "room-1"})]
