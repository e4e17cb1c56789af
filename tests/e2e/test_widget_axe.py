"""axe-core (npm, injected by Playwright) on the demo page with the widget open and showing a
real answer: no serious or critical WCAG 2.1 A/AA violations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from tests.e2e.browser import require_chromium  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

require_chromium()
if not AXE.exists():
    pytest.fail("axe-core is missing: run `npm ci` (make setup does)", pytrace=False)


def run_axe(page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return result["violations"]


def serious(violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_demo_page_with_the_widget_open_has_no_serious_violations(running_stack, browser) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{running_stack.gateway_url}/demo/default")
    page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")
    page.locator("#pmn-widget .launcher").click()
    page.locator("#pmn-widget input").fill("Is there a support group for EGFR lung cancer?")
    page.keyboard.press("Enter")
    page.locator("#pmn-widget .card").first.wait_for(timeout=90_000)
    page.locator("#pmn-widget .typing").wait_for(state="attached")
    violations = run_axe(page)
    out = ROOT / "test-artifacts" / "axe-demo-default.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(violations, indent=1))
    assert serious(violations) == []
    context.close()


def test_console_has_no_serious_violations(running_stack, browser) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{running_stack.gateway_url}/console")
    page.locator("#q").fill("EGFR community")
    page.keyboard.press("Enter")
    page.locator("li.result").first.wait_for(timeout=30_000)
    assert serious(run_axe(page)) == []
    context.close()
