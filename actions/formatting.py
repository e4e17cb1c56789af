"""Turn search hits into the message contract of design.md: text + ``custom`` payload."""

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


def resource_card(hit: Hit) -> dict[str, Any]:
    """One entry of ``custom.resources``: id, name, url, kind, owner, why, last_reviewed."""
    r = hit.resource
    return {
        "id": r.id,
        "name": r.name,
        "url": str(r.url),
        "kind": r.kind,
        "owner": r.owner,
        "why": "; ".join(hit.why),
        "last_reviewed": r.last_reviewed.isoformat(),
    }


def markdown_list(hits: Sequence[Hit]) -> str:
    """Markdown bullet list readable on any channel: ``- [Name](url), run by Owner``."""
    lines = []
    for hit in hits:
        r = hit.resource
        lines.append(f"- [{r.name}]({r.url}), run by {r.owner} (reviewed {r.last_reviewed:%b %Y})")
    return "\n".join(lines)


def signpost_message(
    intro: str, hits: Sequence[Hit], safety: Sequence[dict[str, str]] = ()
) -> dict[str, Any]:
    """A bot message dict for ``dispatcher.utter_message(**message)``."""
    text = intro + "\n" + markdown_list(hits)
    if safety:
        text += "\n\n" + "\n".join(note["text"] for note in safety)
    return {
        "text": text,
        "json_message": {
            "resources": [resource_card(h) for h in hits],
            "safety": list(safety),
        },
    }
