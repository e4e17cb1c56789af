"""Turn search hits into the message contract of design.md: text + ``custom`` payload.

A signposting message is ``{"text": str, "json_message": {"resources": [...], "safety": [...],
"trials": {...}?}}``; rasa-sdk sends ``json_message`` as the ``custom`` part of the bot turn.
Text uses markdown links only (readable on SMS); links are http(s) only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from retrieval.search import Hit

EXPECTATION_NOTE = (
    "Precision medicine helps some people a lot, but not everyone: not every tumour has a "
    "change that can be targeted, access and funding differ between countries, and trials have "
    "eligibility criteria. Please talk through any option with your oncology team."
)
NOT_ADVICE_NOTE = "I share information and signposts only; I can't give medical advice."


def safe_url(url: Any) -> str | None:
    """The URL as a string if it uses http(s), else None (never render other schemes)."""
    text = str(url) if url else ""
    return text if text.startswith(("https://", "http://")) else None


def resource_card(hit: Hit) -> dict[str, Any]:
    """One entry of ``custom.resources``: id, name, url, kind, owner, why, last_reviewed."""
    r = hit.resource
    card = {
        "id": r.id,
        "name": r.name,
        "url": safe_url(r.url),
        "kind": str(getattr(r.kind, "value", r.kind)),
        "owner": r.owner,
        "why": "; ".join(hit.why),
        "last_reviewed": r.last_reviewed.isoformat(),
    }
    if getattr(r, "version", None):
        card["version"] = r.version
    return card


def _why_short(hit: Hit) -> str:
    """The first one or two reasons, for the text line."""
    reasons = [w for w in hit.why if not w.startswith(("meaning similarity", "keywords"))]
    return "; ".join(reasons[:2])


def markdown_line(hit: Hit, terse: bool = False, why: bool = True) -> str:
    """``- [Name](url), run by Owner (reviewed Mon YYYY): why`` for one hit."""
    r = hit.resource
    url = safe_url(r.url)
    name = f"[{r.name}]({url})" if url else r.name
    if terse:
        version = f", {r.version}" if getattr(r, "version", None) else ""
        return f"- {r.owner}: {name}{version} (reviewed {r.last_reviewed:%b %Y})"
    line = f"- {name}, run by {r.owner} (reviewed {r.last_reviewed:%b %Y})"
    reason = _why_short(hit) if why else ""
    return line + (f". Why: {reason}" if reason else "")


def markdown_list(hits: Sequence[Hit], terse: bool = False, why: bool = True) -> str:
    """Markdown bullet list readable on any channel."""
    return "\n".join(markdown_line(h, terse=terse, why=why) for h in hits)


def signpost_message(
    intro: str,
    hits: Sequence[Hit],
    safety: Sequence[dict[str, str]] = (),
    *,
    terse: bool = False,
    why: bool = True,
    extra_text: str = "",
    trials: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A bot message dict for ``dispatcher.utter_message(**message)``."""
    text = intro
    if hits:
        text += "\n" + markdown_list(hits, terse=terse, why=why)
    if extra_text:
        text += "\n\n" + extra_text
    if safety:
        text += "\n\n" + "\n".join(note["text"] for note in safety)
    custom: dict[str, Any] = {
        "resources": [resource_card(h) for h in hits],
        "safety": list(safety),
    }
    if trials is not None:
        custom["trials"] = trials
    return {"text": text, "json_message": custom}
