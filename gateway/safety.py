"""The gateway's own red-flag screen and safety answers, so no one is left without an answer.

The screen is ``nlu.triage.screen`` (the same one Rasa runs) and the texts come from
``knowledge.safety_messages`` (built from knowledge/vocab/safety_numbers.yaml). Both are plain
Python; if either cannot be imported (a partial deployment), a small built-in screen and texts
built directly from ``knowledge.vocab.safety_numbers`` keep the crisis and emergency answers.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledge.vocab import safety_numbers

log = logging.getLogger(__name__)

URGENT = ("crisis", "emergency")


@dataclass(frozen=True)
class RedFlag:
    """What the screen found: ``category`` is crisis | emergency | medical_advice."""

    category: str
    subtype: str


# Built-in screen, used only when nlu.triage is unavailable. Deliberately broad (recall first).
_FALLBACK_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "crisis",
        re.compile(
            r"\b(suicid\w*|kill(ing)?\s+(my|him|her)self|end(ing)?\s+(my|it\s+all|my\s+life)|"
            r"self[-\s]?harm|hurt(ing)?\s+myself|want\s+to\s+die|better\s+off\s+dead|"
            r"no\s+reason\s+to\s+live)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "emergency",
        re.compile(
            r"\b(can'?t\s+breathe|cannot\s+breathe|struggling\s+to\s+breathe|chest\s+pain|"
            r"heavy\s+bleeding|bleeding\s+heavily|coughing\s+(up\s+)?blood|unconscious|"
            r"collapsed|seizure|fever\s+(during|on|after)\s+(chemo\w*|treatment))\b",
            re.IGNORECASE,
        ),
    ),
)


def screen(text: str) -> RedFlag | None:
    """Run the red-flag screen; None when nothing was found. Never raises."""
    nlu_screen: Callable[[str], Any] | None
    try:
        from nlu.triage import screen as nlu_screen
    except ImportError:  # pragma: no cover - exercised only in partial deployments
        nlu_screen = None
    if nlu_screen is not None:
        try:
            found = nlu_screen(text)
        except Exception:  # the screen must never take the gateway down
            log.exception("nlu.triage.screen failed; using the built-in screen")
        else:
            return RedFlag(found.category, found.subtype) if found is not None else None
    return fallback_screen(text)


def fallback_screen(text: str) -> RedFlag | None:
    """The built-in screen (crisis before emergency)."""
    for category, pattern in _FALLBACK_PATTERNS:
        if pattern.search(text or ""):
            return RedFlag(category, "fallback")
    return None


def urgent_message(category: str, country: str | None) -> dict[str, Any]:
    """The crisis or emergency answer: {"text", "custom": {"resources": [], "safety": [...]}}."""
    try:
        from knowledge import safety_messages
    except ImportError:  # pragma: no cover - partial deployments only
        return _fallback_message(category, country)
    build = (
        safety_messages.crisis_message
        if category == "crisis"
        else safety_messages.emergency_message
    )
    return build(country)


def handoff_message(country: str | None, helpline: dict[str, Any] | None) -> dict[str, Any]:
    """The tenant's helpline (or the national cancer helpline) as a bot message."""
    tenant_line = None
    if helpline:
        tenant_line = {**helpline, "number": helpline.get("phone")}
    try:
        from knowledge import safety_messages
    except ImportError:  # pragma: no cover - partial deployments only
        return _fallback_message("handoff", country, tenant_line)
    return safety_messages.handoff_message(country, tenant_line)


def generic_note_indexes(messages: list[dict[str, Any]], kind: str) -> list[int]:
    """Indexes of messages whose ``kind`` note was written for no country ("international"),
    e.g. because Rasa could not fill the country slot while the action server was down."""
    found = []
    for i, m in enumerate(messages):
        custom = m.get("custom") if isinstance(m, dict) else None
        notes = custom.get("safety") if isinstance(custom, dict) else None
        if isinstance(notes, list) and any(
            isinstance(n, dict) and n.get("kind") == kind and n.get("country") == "international"
            for n in notes
        ):
            found.append(i)
    return found


def has_local_numbers(country: str | None) -> bool:
    """True when safety_numbers.yaml has an entry for this country (not the fallback)."""
    return bool(country) and not safety_numbers(country)["fallback"]


def has_safety_note(messages: list[dict[str, Any]], kind: str) -> bool:
    """True when a bot message already carries a ``custom.safety`` note of this kind."""
    for m in messages:
        custom = m.get("custom") if isinstance(m, dict) else None
        notes = custom.get("safety") if isinstance(custom, dict) else None
        if isinstance(notes, list) and any(
            isinstance(n, dict) and n.get("kind") == kind for n in notes
        ):
            return True
    return False


def _fallback_message(
    kind: str, country: str | None, helpline: dict[str, Any] | None = None
) -> dict[str, Any]:
    numbers = safety_numbers(country)
    emergency = numbers.get("emergency") or {}
    if numbers["fallback"] or not emergency.get("number"):
        call = "call your local emergency number"
    else:
        call = f"call {emergency['number']} now"
    if kind == "crisis":
        crisis = numbers.get("crisis") or {}
        line = (
            f" Please contact {crisis['name']}: {crisis['number']}."
            if crisis.get("number") and not numbers["fallback"]
            else ""
        )
        text = (
            "I'm really sorry you're feeling like this. You don't have to face it alone."
            f"{line} If you might act on these thoughts or are in danger, {call}."
        )
    elif kind == "emergency":
        text = f"What you describe can be a medical emergency. Please {call}."
    else:
        service: dict[str, Any] | None = helpline or (
            None if numbers["fallback"] else numbers.get("cancer_helpline")
        )
        if service:
            reach = service.get("number") or service.get("url")
            text = f"You can talk to a person at {service.get('name')}: {reach}."
        else:
            text = "Your cancer care team is the best person to talk to."
        text += f"\nIf it is an emergency, {call}."
    safety = [{"kind": kind, "country": numbers["country"], "text": text, "contacts": []}]
    return {"text": text, "custom": {"resources": [], "safety": safety}}
