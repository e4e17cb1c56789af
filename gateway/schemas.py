"""Request and response schemas of the public API."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ChatRequest(BaseModel):
    message: str = Field(..., min_length=1, description="What the person typed")
    session: str | None = Field(None, description="Session id issued by a previous reply")
    metadata: dict[str, Any] | None = Field(
        None, description="tenant, role, country, language (forwarded to Rasa)"
    )


class BotMessage(BaseModel):
    text: str | None = None
    custom: dict[str, Any] | None = None
    buttons: list[dict[str, Any]] | None = None
    image: str | None = None


class ChatResponse(BaseModel):
    session: str
    messages: list[BotMessage]


class SearchHitPublic(BaseModel):
    id: str
    name: str
    url: str
    kind: str
    owner: str
    score: float
    why: list[str]
    last_reviewed: str


class SearchResponsePublic(BaseModel):
    results: list[SearchHitPublic]
    fallback: bool = False
    note: str | None = None
    abstained: bool = False
    reason: str | None = None
