"""POST /api/v1/chat: one turn of conversation, forwarded to Rasa's REST channel."""

from __future__ import annotations

import logging

from fastapi import APIRouter

from gateway.deps import RasaDep, SessionsDep
from gateway.rasa_client import RasaUnavailable
from gateway.schemas import BotMessage, ChatRequest, ChatResponse

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["chat"])

UNAVAILABLE_TEXT = (
    "Sorry, I can't answer right now because part of the service is not responding. "
    "If you need to talk to someone, your cancer team or a national cancer helpline can help. "
    "If you feel unsafe or this is an emergency, call your local emergency number now."
)


@router.post("/chat", response_model=ChatResponse, response_model_exclude_none=True)
async def chat(body: ChatRequest, rasa: RasaDep, sessions: SessionsDep) -> ChatResponse:
    session, _is_new = sessions.continue_or_issue(body.session)
    try:
        raw = await rasa.send(session, body.message, body.metadata)
    except RasaUnavailable as exc:
        log.warning("rasa unavailable: %s", exc)
        return ChatResponse(session=session, messages=[BotMessage(text=UNAVAILABLE_TEXT)])
    messages = [
        BotMessage(
            text=m.get("text"),
            custom=m.get("custom"),
            buttons=m.get("buttons"),
            image=m.get("image"),
        )
        for m in raw
    ]
    return ChatResponse(session=session, messages=messages)
