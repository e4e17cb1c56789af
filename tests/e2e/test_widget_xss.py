"""Script-injection probes in real headless Chromium: a bot reply, curated resource text and a
tenant name full of ``<img src=x onerror=...>`` and ``javascript:`` links must be shown as text
and never run. The gateway runs in-process with a fake Rasa (the probe source) and a fake
search holding a booby-trapped copy of a real resource."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from fastapi import FastAPI  # noqa: E402

from gateway import deps  # noqa: E402
from gateway.main import create_app  # noqa: E402
from gateway.settings import Settings  # noqa: E402
from tests.e2e.browser import Served, require_chromium  # noqa: E402
from tests.fakes import RecordingSearch, real_resources  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
IMG = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">'
JS_LINK = "javascript:window.__pwned=100"

require_chromium()


def probe_reply() -> list[dict[str, Any]]:
    return [
        {
            "recipient_id": "x",
            "text": f"Hello {IMG} try [click me]({JS_LINK}) or [safe](https://example.org/ok) "
            "<script>window.__pwned=3</script> **bold** [data](data:text/html,<b>x</b>)",
            "buttons": [{"title": IMG, "payload": "/greet"}],
            "custom": {
                "resources": [
                    {
                        "id": "probe",
                        "name": f"Probe {IMG}",
                        "url": JS_LINK,
                        "kind": "<b>community</b>",
                        "owner": IMG,
                        "why": "<svg onload=window.__pwned=5>",
                        "last_reviewed": "2026-01-01",
                    }
                ],
                "safety": [{"kind": "crisis", "text": f"Note {IMG} [call](javascript:alert(1))"}],
            },
        }
    ]


def fake_rasa() -> FastAPI:
    app = FastAPI()

    @app.post("/webhooks/rest/webhook")
    def webhook() -> list[dict[str, Any]]:
        return probe_reply()

    @app.get("/")
    def root() -> str:
        return "Hello from Rasa (fake)"

    return app


@pytest.fixture(scope="module")
def gateway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tenants = tmp_path_factory.mktemp("tenants")
    (tenants / "default.yaml").write_text((ROOT / "tenants" / "default.yaml").read_text())
    (tenants / "probe.yaml").write_text(
        "name: '<img src=x onerror=window.__pwned=7>'\n"
        "greeting: 'Hi <img src=x onerror=window.__pwned=8> [x](javascript:alert(2))'\n"
    )
    resource = next(r for r in real_resources() if r.id == "egfr-resisters")
    trapped = resource.model_copy(
        update={
            "name": f"Trap {IMG}",
            "summary": f"Summary {IMG} <script>x()</script>",
            "url": JS_LINK,
            "owner": f"<b>{IMG}</b>",
        }
    )
    with Served(fake_rasa()) as rasa:
        settings = Settings(  # type: ignore[call-arg]
            PMN_RASA_URL=rasa.url,
            PMN_SESSION_SECRET="xss-test",
            PMN_TENANTS_DIR=tenants,
            PMN_FEEDBACK_FILE=tmp_path_factory.mktemp("fb") / "feedback.jsonl",
        )
        app = create_app(settings, load=False)
        app.dependency_overrides[deps.get_search] = lambda: RecordingSearch([trapped])
        with Served(app) as gateway:
            yield gateway.url


INJECTED = """() => {
  const roots = [document];
  const host = document.getElementById('pmn-widget');
  if (host && host.shadowRoot) roots.push(host.shadowRoot);
  const found = [];
  for (const root of roots) {
    root.querySelectorAll('img[src="x"], img[onerror], svg, script:not([src]):not([type]), b')
      .forEach(el => found.push(el.outerHTML));
    root.querySelectorAll('a').forEach(a => {
      const href = (a.getAttribute('href') || '').trim().toLowerCase();
      if (!href.startsWith('http:') && !href.startsWith('https:') && !href.startsWith('#'))
        found.push(a.outerHTML);
    });
  }
  return found;
}"""


def assert_clean(page, dialogs: list[str]) -> None:
    page.wait_for_timeout(300)  # give any injected handler a chance to run
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    # the demo/console pages use one inline bootstrap script; only that may exist
    assert [
        h
        for h in page.evaluate(INJECTED)
        if "__pwned" in h or "<b>" in h or "<img" in h or "javascript" in h.lower() or "data:" in h
    ] == []


def test_bot_reply_probe_does_not_execute(gateway_url: str, browser) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{gateway_url}/demo/default")
    page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")
    page.locator("#pmn-widget .launcher").click()
    page.locator("#pmn-widget input").fill("hello")
    page.keyboard.press("Enter")
    page.locator("#pmn-widget .card").wait_for()
    log_text = page.locator("#pmn-widget .log").inner_text()
    assert "<img src=x onerror=" in log_text  # shown as text
    assert page.locator("#pmn-widget .log a[href='https://example.org/ok']").count() == 1
    assert page.locator("#pmn-widget .safety").count() == 1
    # the quick reply's title is text too; clicking it sends, never runs
    page.locator("#pmn-widget .quick button").first.click()
    focused = "document.getElementById('pmn-widget').shadowRoot.activeElement.id"
    assert page.evaluate(focused) == "pmn-input"  # focus is not lost with the old buttons
    page.locator("#pmn-widget .card").nth(1).wait_for()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "xss-probe-widget.png"))
    assert_clean(page, dialogs)
    page.reload()  # re-rendered from sessionStorage: still inert
    page.locator("#pmn-widget .card").first.wait_for()
    assert_clean(page, dialogs)
    page.close()


def test_curated_text_probe_does_not_execute_in_the_console(gateway_url: str, browser) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{gateway_url}/console")
    page.locator("#q").fill("egfr")
    page.keyboard.press("Enter")
    page.locator("li.result").first.wait_for()
    text = page.locator("#results").inner_text()
    assert "Summary <img src=x onerror=" in text
    assert page.locator("#results a").count() == 0  # the javascript: url is not made a link
    page.screenshot(path=str(SHOTS / "xss-probe-console.png"))
    assert_clean(page, dialogs)
    page.close()


def test_tenant_text_probe_does_not_execute(gateway_url: str, browser) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{gateway_url}/demo/probe")
    page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")
    page.locator("#pmn-widget .launcher").click()
    assert "onerror=window.__pwned=7" in page.locator("#pmn-widget h2").inner_text()
    assert "onerror=window.__pwned=8" in page.locator("#pmn-widget .log").inner_text()
    assert_clean(page, dialogs)
    page.close()
