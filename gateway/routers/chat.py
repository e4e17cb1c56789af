"""POST /api/v1/chat: one turn of conversation, forwarded to Rasa's REST channel.

Never silent: the red-flag screen runs here on every message. When Rasa or the action server
is down, slow or returns nothing, the person still gets the crisis or emergency answer when it
applies, and otherwise a kind message with the tenant's helpline.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from fastapi import APIRouter, HTTPException, Query

from gateway import safety
from gateway.deps import (
    ClientLimitDep,
    LimiterDep,
    RasaDep,
    SessionsDep,
    SettingsDep,
    TenantsDep,
)
from gateway.rasa_client import RasaUnavailable
from gateway.schemas import BotMessage, ChatRequest, ChatResponse, ErrorResponse
from gateway.tenants import Tenant

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["chat"])

UNAVAILABLE_TEXT = (
    "Sorry, I can't answer right now because part of the service is not responding. "
    "If you need to talk to someone, your cancer team or a national cancer helpline can help. "
    "If you feel unsafe or this is an emergency, call your local emergency number now."
)
NOTHING_TEXT = (
    "Sorry, I couldn't put an answer together just now. Please try again in a moment, "
    "or talk to a person at the helpline below."
)
#: Metadata keys a client may send; anything else is dropped (and the tenant is set here).
CLIENT_METADATA = {"role": 32, "country": 8, "language": 8}

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Unknown tenant"},
    413: {"model": ErrorResponse, "description": "Request body over the size limit"},
    422: {"model": ErrorResponse, "description": "Empty or too long message"},
    429: {"model": ErrorResponse, "description": "Rate limit (per session or client address)"},
}


def resolve_tenant(tenants: Any, body_tenant: str | None, query_tenant: str | None) -> Tenant:
    """The tenant of a request (body, else query, else default); 400/404 on conflict/unknown."""
    if body_tenant and query_tenant and body_tenant != query_tenant:
        raise HTTPException(400, detail="tenant in the body and in the query differ")
    tenant_id = body_tenant or query_tenant or "default"
    tenant = tenants.get(tenant_id)
    if tenant is None:
        raise HTTPException(404, detail=f"unknown tenant {tenant_id!r}")
    return tenant


def build_metadata(client: dict[str, Any] | None, tenant: Tenant) -> dict[str, Any]:
    """Metadata for Rasa: {"tenant", "role"?, "country"?, "language"?, "boost"?, "helpline"?}.

    role/country/language come from the client (unknown keys dropped) or the tenant defaults;
    boost and helpline from the tenant file, for the actions' signposting and handoff.
    """
    meta: dict[str, Any] = {"tenant": tenant.id}
    for key, max_len in CLIENT_METADATA.items():
        value = (client or {}).get(key)
        if isinstance(value, str) and value.strip() and len(value) <= max_len:
            meta[key] = value.strip()
    if "country" not in meta and tenant.default_country:
        meta["country"] = tenant.default_country
    if "language" not in meta and tenant.default_language != "en":
        meta["language"] = tenant.default_language
    if tenant.boost_resources:
        meta["boost"] = list(tenant.boost_resources)
    if tenant.helpline:
        # the shape knowledge.safety_messages.handoff_message(country, helpline) takes
        line = tenant.helpline
        meta["helpline"] = {
            "name": line.name,
            "number": line.phone,
            "hours": line.hours,
            "url": line.url,
        }
    return meta


def _bot(message: dict[str, Any]) -> BotMessage:
    return BotMessage(
        text=message.get("text"),
        custom=message.get("custom"),
        buttons=message.get("buttons"),
        image=message.get("image"),
    )


def _helpline(tenant: Tenant) -> dict[str, Any] | None:
    return tenant.helpline.model_dump() if tenant.helpline else None


@router.post(
    "/chat", response_model=ChatResponse, response_model_exclude_none=True, responses=ERRORS
)
async def chat(
    body: ChatRequest,
    rasa: RasaDep,
    sessions: SessionsDep,
    settings: SettingsDep,
    tenants: TenantsDep,
    limiter: LimiterDep,
    api_tenant: ClientLimitDep,
    tenant: str | None = Query(None, description="Tenant id (or `tenant` in the body)"),
) -> ChatResponse:
    """One turn: returns the session id to send next time and the bot's messages."""
    resolved = resolve_tenant(tenants, body.tenant, tenant)
    if api_tenant is not None and api_tenant != resolved.id:
        raise HTTPException(401, detail="the API key belongs to another tenant")
    text = body.message.strip()
    if not text:
        raise HTTPException(422, detail="message is empty")
    if len(text) > settings.max_message_chars:
        raise HTTPException(
            422,
            detail=f"message is too long ({len(text)} characters); please keep it under "
            f"{settings.max_message_chars} characters",
        )
    session, _is_new = sessions.continue_or_issue(body.session, scope=resolved.id)
    limiter.check_session(session)
    metadata = build_metadata(body.metadata, resolved)
    country = metadata.get("country")
    # off the event loop: with the semantic layer the screen runs the embedding model
    flag = await asyncio.to_thread(safety.screen, text)
    urgent = flag.category if flag is not None and flag.category in safety.URGENT else None
    if flag is not None:
        log.info("red flag %s/%s (tenant %s)", flag.category, flag.subtype, resolved.id)
    try:
        raw = await rasa.send(session, text, metadata)
    except RasaUnavailable as exc:
        log.warning("rasa unavailable: %s", exc)
        raw = None
    if raw:
        raw = [m for m in raw if isinstance(m, dict)]
        messages = [_bot(m) for m in raw]
        if urgent and not safety.has_safety_note(raw, urgent):
            messages.insert(0, _bot(safety.urgent_message(urgent, country)))
        elif urgent and safety.has_local_numbers(country):
            # Rasa answered with the international numbers although the country is known
            # (e.g. its country slot is filled by the action server, which is down): use the
            # country's own numbers instead.
            for i in safety.generic_note_indexes(raw, urgent):
                messages[i] = _bot(safety.urgent_message(urgent, country))
        return ChatResponse(session=session, messages=messages)
    # Rasa down, slow, or nothing came back (e.g. the action server failed).
    fallback: list[BotMessage] = []
    if urgent:
        fallback.append(_bot(safety.urgent_message(urgent, country)))
    fallback.append(BotMessage(text=UNAVAILABLE_TEXT if raw is None else NOTHING_TEXT))
    fallback.append(_bot(safety.handoff_message(country, _helpline(resolved))))
    return ChatResponse(session=session, messages=fallback)
