"""The widget embedded on a partner site of another origin, in headless Chromium: one script
tag works cross-origin for a tenant that lists the partner's origin, and the browser is refused
(CORS) for a tenant that does not. The gateway runs in-process with a fake Rasa."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sync_api = pytest.importorskip("playwright.sync_api")

from fastapi import FastAPI  # noqa: E402
from fastapi.responses import HTMLResponse  # noqa: E402

from gateway.main import create_app  # noqa: E402
from gateway.settings import Settings  # noqa: E402
from scripts.stack import free_port  # noqa: E402
from tests.e2e.browser import Served, require_chromium  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

require_chromium()


def fake_rasa() -> FastAPI:
    app = FastAPI()

    @app.post("/webhooks/rest/webhook")
    def webhook() -> list[dict[str, Any]]:
        return [{"recipient_id": "x", "text": "Reply from the assistant."}]

    @app.get("/")
    def root() -> str:
        return "ok"

    return app


def partner_site(gateway: str) -> FastAPI:
    """A partner's page on its own origin; the tenant comes from the query string."""
    app = FastAPI()

    @app.get("/", response_class=HTMLResponse)
    def page(tenant: str) -> str:
        return (
            "<!doctype html><html lang=en><title>Partner</title><h1>Partner site</h1>"
            f'<script src="{gateway}/widget.js" data-tenant="{tenant}" defer></script>'
        )

    return app


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    partner_port = free_port()
    partner_origin = f"http://127.0.0.1:{partner_port}"
    tenants = tmp_path_factory.mktemp("tenants")
    (tenants / "default.yaml").write_text((ROOT / "tenants" / "default.yaml").read_text())
    (tenants / "partner.yaml").write_text(
        f"name: Partner Org\ncolours: {{primary: '#7a1f5c', on_primary: '#ffffff'}}\n"
        f"greeting: Welcome from Partner Org\nallowed_origins: ['{partner_origin}']\n"
        "helpline: {name: Partner line, phone: '0800 123 456', hours: weekdays 9-5}\n"
    )
    with Served(fake_rasa(), free_port()) as rasa:
        settings = Settings(  # type: ignore[call-arg]
            PMN_RASA_URL=rasa.url,
            PMN_SESSION_SECRET="embed-test",
            PMN_TENANTS_DIR=tenants,
            PMN_FEEDBACK_FILE=tmp_path_factory.mktemp("fb") / "feedback.jsonl",
        )
        gateway = Served(create_app(settings, load=False), free_port())
        with gateway, Served(partner_site(gateway.url), partner_port) as partner:
            yield {"gateway": gateway.url, "partner": partner.url}


def open_and_ask(page, url: str) -> str:
    page.goto(url)
    page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")
    page.locator("#pmn-widget .launcher").click()
    page.locator("#pmn-widget input").fill("hello")
    page.keyboard.press("Enter")
    page.locator("#pmn-widget .log .msg.bot").nth(1).wait_for(timeout=20_000)
    return page.locator("#pmn-widget .log").inner_text()


def test_allowed_partner_origin_gets_branding_and_answers(urls, browser) -> None:
    page = browser.new_page()
    log = open_and_ask(page, f"{urls['partner']}/?tenant=partner")
    assert "Welcome from Partner Org" in log  # tenant config read cross-origin
    assert "Reply from the assistant." in log
    assert page.locator("#pmn-widget h2").inner_text() == "Partner Org"
    colour = page.evaluate(
        "getComputedStyle(document.getElementById('pmn-widget').shadowRoot"
        ".querySelector('header')).backgroundColor"
    )
    assert colour == "rgb(122, 31, 92)"
    note = page.locator("#pmn-widget .note")
    assert "Talk to a person: Partner line, 0800 123 456 (weekdays 9-5)" in note.inner_text()
    assert note.locator("a[href='tel:0800123456']").count() == 1
    page.close()


def test_a_tenant_that_does_not_list_the_origin_is_refused_by_the_browser(urls, browser) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    log = open_and_ask(page, f"{urls['partner']}/?tenant=default")
    assert "Reply from the assistant." not in log
    assert "can't reach the service" in log  # the widget still tells the person what to do
    assert any("/api/v1/chat" in url for url in failed)
    # and the gateway itself refuses that origin (no CORS headers, 403)
    r = httpx.options(
        f"{urls['gateway']}/api/v1/chat?tenant=default",
        headers={"Origin": urls["partner"], "Access-Control-Request-Method": "POST"},
    )
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    page.close()
