"""POST /api/v1/feedback: "helpful / not helpful" on an answer.

Stored as one JSON line per vote in PMN_FEEDBACK_FILE: time, tenant, a hash of the session id
(never the id itself), the vote and the start of the bot answer. Never what the person typed.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from datetime import datetime, timezone
from pathlib import Path

from fastapi import APIRouter, HTTPException, Query

from gateway.deps import ClientLimitDep, LimiterDep, SessionsDep, SettingsDep, TenantsDep
from gateway.routers.chat import resolve_tenant
from gateway.schemas import ErrorResponse, FeedbackRequest, FeedbackResponse

router = APIRouter(prefix="/api/v1", tags=["chat"])


def _append(path: Path, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


@router.post(
    "/feedback",
    response_model=FeedbackResponse,
    status_code=202,
    responses={403: {"model": ErrorResponse}, 429: {"model": ErrorResponse}},
)
async def feedback(
    body: FeedbackRequest,
    sessions: SessionsDep,
    settings: SettingsDep,
    tenants: TenantsDep,
    limiter: LimiterDep,
    _limited: ClientLimitDep,
    tenant: str | None = Query(None),
) -> FeedbackResponse:
    """Record one vote for an answer given in a session this client was issued."""
    resolved = resolve_tenant(tenants, body.tenant, tenant)
    if not sessions.verify(body.session, scope=resolved.id):
        raise HTTPException(403, detail="feedback is only accepted for your own conversation")
    limiter.check_session(body.session)
    record = {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "tenant": resolved.id,
        "session": hashlib.sha256(body.session.encode()).hexdigest()[:16],
        "helpful": body.helpful,
        "answer": (body.message or "")[:300],
    }
    await asyncio.to_thread(_append, settings.feedback_file, json.dumps(record))
    return FeedbackResponse(recorded=True)
