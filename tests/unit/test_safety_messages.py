"""knowledge.safety_messages: per-country crisis/emergency/handoff texts and the generated
domain file (assistant/domain/safety.yml) that Rasa answers from without any custom action."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from knowledge import safety_messages as sm
from knowledge.vocab import load_vocab

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ROOT / "assistant" / "domain" / "safety.yml"
COUNTRIES = sorted(c for c in load_vocab("safety_numbers")["countries"] if c != "international")


def _numbers_in_vocab(code: str) -> str:
    entry = load_vocab("safety_numbers")["countries"].get(code) or {}
    return yaml.safe_dump(entry) + yaml.safe_dump(
        load_vocab("safety_numbers")["countries"]["international"]
    )


def test_generated_domain_file_is_up_to_date() -> None:
    assert DOMAIN.read_text(encoding="utf-8") == sm.render_domain(), (
        "run: python -m knowledge.safety_messages --write-domain assistant/domain/safety.yml"
    )


def test_domain_has_a_variation_per_country_and_the_fallback_last() -> None:
    responses = yaml.safe_load(DOMAIN.read_text())["responses"]
    for name in ("utter_crisis", "utter_emergency"):
        variations = responses[name]
        conditioned = [v["condition"][0]["value"] for v in variations if "condition" in v]
        assert conditioned == COUNTRIES
        assert "condition" not in variations[-1]
        for v in variations:
            assert v["custom"]["safety"][0]["kind"] == name.removeprefix("utter_")


def test_crisis_gb_names_samaritans_and_999() -> None:
    msg = sm.crisis_message("GB")
    assert "116 123" in msg["text"] and "999" in msg["text"]
    assert msg["text"].startswith("I'm really sorry")
    safety = msg["custom"]["safety"][0]
    assert safety["kind"] == "crisis" and safety["country"] == "GB"
    assert "116 123" in [c["number"] for c in safety["contacts"]]


def test_uk_alias_and_lower_case_work() -> None:
    assert sm.crisis_message("uk")["text"] == sm.crisis_message("GB")["text"]


@pytest.mark.parametrize("country", [None, "", "ZZ", "IT"])
def test_unknown_country_gets_the_international_fallback(country) -> None:
    crisis = sm.crisis_message(country)
    assert "befrienders.org" in crisis["text"]
    assert "local emergency number" in crisis["text"]
    assert crisis["custom"]["safety"][0]["country"] == "international"
    emergency = sm.emergency_message(country)
    assert "local emergency number" in emergency["text"]


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_number_in_a_text_comes_from_the_vocabulary(country) -> None:
    source = _numbers_in_vocab(country)
    for build in (sm.crisis_message, sm.emergency_message, sm.handoff_message):
        text = build(country)["text"]
        for number in re.findall(r"\d[\d -]{1,}\d|\d", text):
            if number in {"24", "7"}:  # "24/7", "24-hour"
                continue
            assert number.strip() in source, (country, number)


def test_emergency_gb_includes_the_urgent_line() -> None:
    text = sm.emergency_message("GB")["text"]
    assert text.index("999") < text.index("111")


def test_handoff_prefers_the_tenant_line_then_the_national_helpline() -> None:
    tenant = {"name": "Acme support line", "number": "0100 000 000", "hours": "weekdays"}
    assert "0100 000 000" in sm.handoff_message("GB", tenant)["text"]
    assert "0808 808 00 00" in sm.handoff_message("GB")["text"]
    assert "don't have a verified cancer helpline" in sm.handoff_message("FR")["text"]


def test_links_are_https_markdown_only() -> None:
    for code in [*COUNTRIES, None]:
        for build in (sm.crisis_message, sm.emergency_message):
            text = build(code)["text"]
            assert "<" not in text
            for url in re.findall(r"\]\(([^)]+)\)", text):
                assert url.startswith("https://")


def test_cli_check_detects_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "safety.yml"
    stale.write_text("responses: {}\n")
    assert sm.main(["--check", str(stale)]) == 1
    assert sm.main(["--write-domain", str(stale)]) == 0
    assert sm.main(["--check", str(stale)]) == 0
