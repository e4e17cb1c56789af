"""Crisis, emergency and handoff texts per country, built from knowledge/vocab/safety_numbers.yaml.

PyYAML + stdlib only: the Rasa engine env, the action server and the gateway (for its
Rasa-down path) all import it. Stable API:

- ``crisis_message(country: str | None) -> {"text": str, "custom": dict}``
- ``emergency_message(country: str | None) -> {"text": str, "custom": dict}``
- ``handoff_message(country: str | None, tenant: dict | None = None) -> {"text", "custom"}``
- ``domain_responses() -> dict``: the ``responses`` of assistant/domain/safety.yml, one
  conditional variation per country on the ``country`` slot plus the international fallback.
- CLI: ``python -m knowledge.safety_messages --write-domain assistant/domain/safety.yml``
  (``--check`` exits 1 when the file is out of date).

``custom`` follows the message contract: ``{"resources": [], "safety": [{"kind": "crisis" |
"emergency" | "handoff", "country": code or "international", "text": str,
"contacts": [{"name", "number", "url", "hours"}]}]}``. Numbers come only from the vocabulary,
where every number has a source; a gap there yields the international fallback wording.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from knowledge.vocab import load_vocab, safety_numbers

CRISIS_OPENING = (
    "I'm really sorry you're feeling like this. You don't have to face it alone, and talking "
    "to someone can help right now."
)
EMERGENCY_OPENING = (
    "What you describe can be a medical emergency, especially during cancer treatment. "
    "Please get help now; don't wait for an answer from me."
)
INTERNATIONAL_EMERGENCY = (
    "call your local emergency number (112 works in every EU country, and from mobiles in some "
    "other countries)"
)
TREATMENT_HOTLINE = (
    "If your cancer team gave you a 24-hour contact number for problems during treatment, "
    "call it as well."
)


def _link(service: dict[str, Any]) -> str:
    url = service.get("url")
    if not url:
        return ""
    label = str(url).split("://", 1)[-1].removeprefix("www.").rstrip("/")
    return f" [{label}]({url})"


def _contact(service: dict[str, Any] | None) -> dict[str, Any] | None:
    if not service:
        return None
    return {
        "name": service.get("name"),
        "number": service.get("number"),
        "url": service.get("url"),
        "hours": service.get("hours"),
    }


def _service_line(service: dict[str, Any]) -> str:
    """``Name: number (hours) [link]`` for one verified service."""
    line = f"{service['name']}: {service['number']}" if service.get("number") else service["name"]
    if service.get("hours"):
        line += f" ({service['hours']})"
    return line + _link(service)


def _emergency_clause(numbers: dict[str, Any]) -> str:
    emergency = numbers.get("emergency")
    if numbers["fallback"] or not emergency or not emergency.get("number"):
        return INTERNATIONAL_EMERGENCY
    return f"call {emergency['number']} now ({emergency.get('name') or 'emergency services'})"


def _message(kind: str, numbers: dict[str, Any], text: str, contacts: list[Any]) -> dict[str, Any]:
    return {
        "text": text,
        "custom": {
            "resources": [],
            "safety": [
                {
                    "kind": kind,
                    "country": numbers["country"],
                    "text": text,
                    "contacts": [c for c in contacts if c],
                }
            ],
        },
    }


def crisis_message(country: str | None) -> dict[str, Any]:
    """Warm crisis answer with the crisis line of ``country`` (ISO alpha-2) or the fallback.

    Returns {"text": str, "custom": {"resources": [], "safety": [{"kind": "crisis", ...}]}}.
    """
    numbers = safety_numbers(country)
    crisis = numbers.get("crisis")
    lines = [CRISIS_OPENING]
    if crisis and crisis.get("number") and not numbers["fallback"]:
        lines.append(f"Please contact {_service_line(crisis)}.")
    else:
        intl = (numbers.get("international") or {}).get("crisis") or {}
        lines.append(
            "Befrienders Worldwide lists emotional support helplines in many countries:"
            + (_link(intl) or " [befrienders.org](https://www.befrienders.org)")
        )
    lines.append(
        f"If you might act on these thoughts or are in danger, {_emergency_clause(numbers)}."
    )
    lines.append("If you can, tell someone close to you or your care team how you are feeling.")
    contacts = [_contact(crisis), _contact(numbers.get("emergency"))]
    return _message("crisis", numbers, "\n".join(lines), contacts)


def emergency_message(country: str | None) -> dict[str, Any]:
    """Urgent answer for red-flag symptoms with the emergency number of ``country``.

    Returns {"text": str, "custom": {"resources": [], "safety": [{"kind": "emergency", ...}]}}.
    """
    numbers = safety_numbers(country)
    lines = [EMERGENCY_OPENING]
    clause = _emergency_clause(numbers)
    lines.append(clause[0].upper() + clause[1:] + ".")
    urgent = numbers.get("urgent")
    if urgent and urgent.get("number") and not numbers["fallback"]:
        lines.append(f"If it is urgent but not life-threatening: {_service_line(urgent)}.")
    lines.append(TREATMENT_HOTLINE)
    contacts = [_contact(numbers.get("emergency")), _contact(urgent)]
    return _message("emergency", numbers, "\n".join(lines), contacts)


def handoff_message(country: str | None, tenant: dict[str, Any] | None = None) -> dict[str, Any]:
    """A route to a person: the tenant's helpline if given, else the national cancer helpline.

    ``tenant`` is the ``helpline`` mapping of a tenant ({"name", "number", "hours", "url"}) or
    None. Returns {"text": str, "custom": {"resources": [], "safety": [{"kind": "handoff",
    ...}]}}; without any verified line the text says so and points to the care team.
    """
    numbers = safety_numbers(country)
    helpline = tenant if tenant and (tenant.get("number") or tenant.get("url")) else None
    if helpline is None and not numbers["fallback"]:
        helpline = numbers.get("cancer_helpline")
    if helpline:
        text = (
            "You can talk to a person at "
            + _service_line({**helpline, "name": helpline.get("name") or "the helpline"})
            + "."
        )
    else:
        text = (
            "I don't have a verified cancer helpline for your country. Your cancer care team "
            "(for example your specialist nurse) is the best person to talk to, and national "
            "cancer charities often run support lines."
        )
    text += "\nIf it is an emergency, " + _emergency_clause(numbers) + "."
    return _message("handoff", numbers, text, [_contact(helpline)])


# --- domain generation ----------------------------------------------------------------------


def _countries() -> list[str]:
    codes = (load_vocab("safety_numbers").get("countries") or {}).keys()
    return sorted(c for c in codes if c != "international")


def _response(message: dict[str, Any], country: str | None) -> dict[str, Any]:
    variation: dict[str, Any] = {"text": message["text"], "custom": message["custom"]}
    if country:
        variation = {
            "condition": [{"type": "slot", "name": "country", "value": country}],
            **variation,
        }
    return variation


def domain_responses() -> dict[str, list[dict[str, Any]]]:
    """``utter_crisis`` / ``utter_emergency`` with a variation per country + fallback last."""
    responses: dict[str, list[dict[str, Any]]] = {}
    for name, build in (("utter_crisis", crisis_message), ("utter_emergency", emergency_message)):
        variations = [_response(build(code), code) for code in _countries()]
        variations.append(_response(build(None), None))
        responses[name] = variations
    return responses


HEADER = (
    "# GENERATED by `python -m knowledge.safety_messages --write-domain "
    "assistant/domain/safety.yml`\n"
    "# from knowledge/vocab/safety_numbers.yaml. Do not edit by hand; a unit test checks that\n"
    "# this file is up to date. Crisis and emergency answers are plain responses (no custom\n"
    "# action), chosen per country by conditional variations on the `country` slot.\n"
)


def render_domain() -> str:
    """Text of the generated domain file."""
    body = yaml.safe_dump(
        {"version": "3.1", "responses": domain_responses()},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-domain", type=Path, help="write the generated domain file")
    parser.add_argument("--check", type=Path, help="exit 1 if this domain file is out of date")
    parser.add_argument("--country", help="print crisis and emergency texts for a country")
    args = parser.parse_args(argv)
    if args.write_domain:
        args.write_domain.write_text(render_domain(), encoding="utf-8")
        print(f"wrote {args.write_domain}")
    if args.check:
        current = args.check.read_text(encoding="utf-8") if args.check.exists() else ""
        if current != render_domain():
            print(f"{args.check} is out of date; run --write-domain", file=sys.stderr)
            return 1
    if args.country is not None or not (args.write_domain or args.check):
        for build in (crisis_message, emergency_message, handoff_message):
            print(build(args.country)["text"], end="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
