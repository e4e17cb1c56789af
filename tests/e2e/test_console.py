"""The helpline console in headless Chromium against the running stack: search with filters,
keyboard navigation and a copyable plain-language summary."""

from __future__ import annotations

from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from tests.e2e.browser import require_chromium  # noqa: E402

expect = sync_api.expect

ROOT = Path(__file__).resolve().parents[2]

require_chromium()


def test_console_search_with_filters_finds_the_egfr_community(running_stack, browser) -> None:
    context = browser.new_context()
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=running_stack.gateway_url
    )
    page = context.new_page()
    page.goto(f"{running_stack.gateway_url}/console")
    # keyboard-fast: the search box has focus on load; "/" brings it back from anywhere
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("patient community for people with this mutation")
    page.locator("#biomarker").fill("EGFR")
    page.locator("#cancer_type").select_option("NSCLC")
    page.locator("#country").select_option("GB")
    page.locator("#audience").select_option("patients")
    page.locator("#kind").select_option("community")
    page.locator("#q").focus()
    page.keyboard.press("Enter")
    first = page.locator("li.result").first
    first.wait_for(timeout=30_000)
    ids = page.locator("li.result").evaluate_all("els => els.map(e => e.dataset.id)")
    assert "egfr-resisters" in ids
    card = page.locator("li.result[data-id='egfr-resisters']")
    text = card.inner_text()
    assert "Owner: EGFR Resisters" in text and "Last reviewed: 20" in text and "Contact:" in text
    assert card.locator("a[href='https://egfrcancer.org']").count() == 1
    # only communities came back (the kind filter reached the search)
    assert all(
        "Kind: community" in t
        for t in page.locator("li.result .meta").all_inner_texts()
        if t.startswith("Owner")
    )
    page.screenshot(path=str(ROOT / "test-artifacts" / "screenshots" / "console-egfr.png"))

    # j moves to a result, c copies its plain-language summary
    page.locator("body").click(position={"x": 5, "y": 5})
    index = ids.index("egfr-resisters")
    for _ in range(index + 1):
        page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.id") == "egfr-resisters"
    page.keyboard.press("c")
    # Not wait_for_function: it evaluates a string, which the console's CSP rightly forbids.
    expect(page.locator("#status")).to_contain_text("copied", timeout=5000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("EGFR Resisters (run by EGFR Resisters")
    assert "Website: https://egfrcancer.org" in copied and "<" not in copied
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    context.close()
