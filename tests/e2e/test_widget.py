"""The widget in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)
against the running stack: keyboard-only use, a resource card with a working link, reload,
start over. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from tests.e2e.browser import require_chromium  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
QUESTION = "Is there a support group for EGFR positive lung cancer?"

require_chromium()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def shadow_active(page) -> str:
    """Describe the focused element inside the widget's shadow root ('' when outside)."""
    return page.evaluate(
        """() => {
            const host = document.getElementById('pmn-widget');
            if (!host || document.activeElement !== host) return '';
            const el = host.shadowRoot.activeElement;
            return el ? (el.id || el.className || el.tagName) : '';
        }"""
    )


def tab_to_launcher(page, max_tabs: int = 15) -> None:
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if shadow_active(page) == "launcher":
            return
    raise AssertionError("the widget's launcher is not reachable with the Tab key")


def test_keyboard_only_conversation_with_card_reload_and_start_over(running_stack, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    # No internet here: answer the community's site locally so "the link works" is testable.
    context.route(
        "https://egfrcancer.org/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<title>EGFR Resisters</title><h1>EGFR Resisters</h1>",
        ),
    )
    page = context.new_page()
    page.goto(f"{running_stack.gateway_url}/demo/default")
    page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")

    # Open with the keyboard only: Tab to the launcher, Enter; focus lands in the input.
    tab_to_launcher(page)
    page.keyboard.press("Enter")
    assert page.locator("#pmn-widget .panel").is_visible()
    assert page.locator("#pmn-widget .launcher").get_attribute("aria-expanded") == "true"
    assert shadow_active(page) == "pmn-input"
    assert page.locator("#pmn-widget .log .msg.bot").count() == 1  # the greeting

    started = time.monotonic()
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    page.locator("#pmn-widget .log .msg.bot").nth(1).wait_for(timeout=90_000)
    first_reply_s = time.monotonic() - started
    link = page.locator("#pmn-widget .card a[href='https://egfrcancer.org/']").first
    link.wait_for(timeout=90_000)
    card = (
        page.locator("#pmn-widget .card")
        .filter(has=page.locator("a[href='https://egfrcancer.org/']"))
        .first
    )
    assert "Run by" in card.inner_text() and "reviewed" in card.inner_text()
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel")
    shot(page, "widget-egfr-card")

    # The link works: it opens the community's site in a new tab, without window.opener.
    with context.expect_page() as popup_info:
        link.focus()
        page.keyboard.press("Enter")
    popup = popup_info.value
    popup.wait_for_load_state()
    assert popup.url == "https://egfrcancer.org/"
    assert popup.evaluate("window.opener") is None
    popup.close()

    # Reload: the conversation (and the card) is kept, the panel is open again.
    bot_count = page.locator("#pmn-widget .log .msg.bot").count()
    page.reload()
    page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")
    page.locator("#pmn-widget .card a[href='https://egfrcancer.org/']").first.wait_for()
    assert page.locator("#pmn-widget .log .msg.bot").count() == bot_count
    assert page.locator("#pmn-widget .log .msg.user").count() == 1
    shot(page, "widget-after-reload")

    # Start over (keyboard): only the greeting is left and the session id is forgotten.
    page.locator("#pmn-widget header button", has_text="Start over").focus()
    page.keyboard.press("Enter")
    assert page.locator("#pmn-widget .log .msg").count() == 1
    stored = json.loads(page.evaluate("sessionStorage.getItem('pmn-widget:default')"))
    assert stored["session"] is None and len(stored["log"]) == 1
    assert shadow_active(page) == "pmn-input"

    # Escape closes the panel and gives focus back to the launcher.
    page.keyboard.press("Escape")
    assert not page.locator("#pmn-widget .panel").is_visible()
    assert shadow_active(page) == "launcher"
    shot(page, "widget-closed")

    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "widget-first-reply.json").write_text(
        json.dumps({"first_bot_message_s": round(first_reply_s, 3)})
    )
    context.close()


def test_widget_on_a_phone_sized_screen_fills_the_viewport(running_stack, browser) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 700}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{running_stack.gateway_url}/demo/default")
    page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")
    page.locator("#pmn-widget .launcher").tap()
    box = page.locator("#pmn-widget .panel").bounding_box()
    assert box is not None and box["width"] >= 370 and box["height"] >= 690
    send = page.locator("#pmn-widget form button").bounding_box()
    assert send is not None and send["height"] >= 44  # comfortable touch target
    shot(page, "widget-mobile")
    context.close()
