"""One real conversation through every layer: gateway -> Rasa -> action server -> FAISS."""

from __future__ import annotations

import httpx

QUESTION = "Is there a support group for EGFR positive lung cancer?"


def test_chat_through_the_gateway_links_to_egfr_resisters(running_stack) -> None:
    r = httpx.post(
        f"{running_stack.gateway_url}/api/v1/chat", json={"message": QUESTION}, timeout=60
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["session"]
    texts = " ".join(m.get("text") or "" for m in body["messages"])
    assert "https://egfrcancer.org" in texts, body
    urls = [
        res["url"] for m in body["messages"] for res in (m.get("custom") or {}).get("resources", [])
    ]
    assert "https://egfrcancer.org" in urls


def test_rasa_rest_channel_directly(running_stack) -> None:
    r = httpx.post(
        f"{running_stack.rasa_url}/webhooks/rest/webhook",
        json={"sender": "rest-client-1", "message": QUESTION},
        timeout=60,
    )
    assert r.status_code == 200, r.text
    texts = " ".join(m.get("text") or "" for m in r.json())
    assert "egfrcancer.org" in texts, r.json()


def test_search_api_over_http(running_stack) -> None:
    r = httpx.get(
        f"{running_stack.gateway_url}/api/v1/search",
        params={"q": "people with EGFR mutation lung cancer support community", "k": 5},
        timeout=30,
    )
    assert r.status_code == 200
    ids = [hit["id"] for hit in r.json()["results"]]
    assert "egfr-resisters" in ids


def test_rasa_http_api_needs_the_token(running_stack) -> None:
    url = f"{running_stack.rasa_url}/model/parse"
    assert httpx.post(url, json={"text": "hello"}, timeout=10).status_code == 401
    ok = httpx.post(
        url, params={"token": running_stack.rasa_token}, json={"text": "hello"}, timeout=10
    )
    assert ok.status_code == 200
    assert ok.json()["intent"]["name"] == "greet"
