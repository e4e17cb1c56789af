"""Rasa's socket.io channel with two fixes, referenced from assistant/credentials.yml.

1. RasaHQ/rasa#13027: Rasa 3.6.21 calls ``sio.enter_room(sid, session_id)`` without ``await``.
   From python-socketio 5.10 on, ``AsyncServer.enter_room`` is a coroutine, so with
   ``session_persistence: true`` the socket never joins the session's room and every bot reply
   (emitted to that room) is lost. Here the room is entered with ``await`` (and still works
   with older, synchronous versions).
2. ``send_custom_json`` passes the custom payload as keyword arguments to ``emit``
   (``emit(event, **json_message)``), so a payload such as ``{"resources": [...]}`` raises
   TypeError. Payloads that are not in Rasa's ``{"data": ...}`` form are sent as
   ``{"custom": payload}``, which rasa-webchat and other clients receive as one event.

Used in credentials.yml as ``rasa_ext.socketio.SocketIOInput:`` with the usual socketio keys.
"""

from __future__ import annotations

import inspect
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels import socketio as rasa_socketio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

logger = logging.getLogger(__name__)

_EMIT_KWARGS = {"data", "to", "room", "skip_sid", "namespace", "callback", "ignore_queue"}


async def enter_room(sio: Any, sid: str, room: str, namespace: str | None = None) -> None:
    """Join ``sid`` to ``room``, awaiting when python-socketio made this a coroutine (>= 5.10)."""
    result = sio.enter_room(sid, room, namespace=namespace)
    if inspect.isawaitable(result):
        await result


class SocketIOOutput(rasa_socketio.SocketIOOutput):
    """Output channel whose custom payloads reach the client instead of raising."""

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        if set(json_message) <= _EMIT_KWARGS and "data" in json_message:
            await super().send_custom_json(recipient_id, json_message, **kwargs)
            return
        await self._send_message(recipient_id, {"custom": json_message})


class SocketIOInput(rasa_socketio.SocketIOInput):
    """Drop-in replacement for ``socketio`` in credentials.yml (same keys, same name)."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def get_output_channel(self) -> SocketIOOutput | None:
        if self.sio is None:
            return super().get_output_channel()  # type: ignore[return-value]
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by super().blueprint

        # Re-registering an event replaces Rasa's handler for it (python-socketio keeps one
        # handler per event and namespace).
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            if data is None:
                data = {}
            if "session_id" not in data or data["session_id"] is None:
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await enter_room(sio, sid, data["session_id"], namespace=self.namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid)
            logger.debug("socket.io client %s joined session %s", sid, data["session_id"])

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            output_channel = SocketIOOutput(sio, self.bot_message_evt)
            if self.session_persistence:
                if not data.get("session_id"):
                    logger.warning(
                        "socket.io message without a session_id ignored; send "
                        "`session_request` first"
                    )
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key, {})
            if isinstance(metadata, str):
                import json

                metadata = json.loads(metadata)
            await on_new_message(
                UserMessage(
                    data.get("message", ""),
                    output_channel,
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )

        return blueprint
