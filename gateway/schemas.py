"""Request and response schemas of the public API."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ChatRequest(BaseModel):
    message: str = Field(..., min_length=1, description="What the person typed")
    session: str | None = Field(
        None, description="Session id issued by a previous reply; anything else starts anew"
    )
    tenant: str | None = Field(
        None, description="Tenant id (default: the `tenant` query parameter, else `default`)"
    )
    metadata: dict[str, Any] | None = Field(
        None, description="role, country, language (forwarded to Rasa with the tenant)"
    )


class BotMessage(BaseModel):
    text: str | None = None
    custom: dict[str, Any] | None = None
    buttons: list[dict[str, Any]] | None = None
    image: str | None = None


class ChatResponse(BaseModel):
    session: str
    messages: list[BotMessage]


class FeedbackRequest(BaseModel):
    session: str = Field(..., description="The session id the answer was given in")
    helpful: bool
    message: str | None = Field(
        None, max_length=2000, description="Start of the bot answer the feedback is about"
    )
    tenant: str | None = None


class FeedbackResponse(BaseModel):
    recorded: bool


class SearchHitPublic(BaseModel):
    id: str
    name: str
    url: str | None
    kind: str
    owner: str | None
    score: float
    why: list[str]
    last_reviewed: str | None
    summary: str | None = None
    contact: dict[str, Any] | None = None


class SearchResponsePublic(BaseModel):
    results: list[SearchHitPublic]
    fallback: bool = False
    note: str | None = None
    abstained: bool = False
    reason: str | None = None


class ResourcePublic(BaseModel):
    """A curated resource as shown to people (curator notes are never included)."""

    id: str
    name: str
    owner: str
    url: str | None
    kind: str
    audience: list[str]
    cancer_types: list[str]
    biomarkers: list[str]
    alterations: list[str]
    regions: list[str]
    languages: list[str]
    summary: str
    clinician_summary: str | None = None
    contact: dict[str, Any] | None = None
    source: str
    last_reviewed: str
    status: str
    version: str | None = None


class ErrorResponse(BaseModel):
    detail: str | list[Any]


Audience = Literal["patients", "caregivers", "clinicians", "organisations"]
