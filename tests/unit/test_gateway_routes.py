"""Gateway routes with dependencies overridden (no Rasa, no model)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from gateway import deps
from gateway.main import create_app
from gateway.rasa_client import RasaUnavailable
from gateway.settings import Settings
from tests.fakes import RecordingSearch, real_resources


class FakeRasa:
    def __init__(self, reply: list[dict[str, Any]] | None = None, down: bool = False) -> None:
        self.reply = reply or [{"recipient_id": "x", "text": "hello"}]
        self.down = down
        self.calls: list[tuple[str, str, dict[str, Any] | None]] = []

    async def send(self, sender: str, message: str, metadata: dict[str, Any] | None = None):
        self.calls.append((sender, message, metadata))
        if self.down:
            raise RasaUnavailable("connection refused")
        return self.reply

    async def ready(self) -> bool:
        return not self.down


@pytest.fixture
def make_client():
    def _make(rasa: FakeRasa | None = None, search: Any = None) -> tuple[TestClient, FakeRasa]:
        app = create_app(Settings(PMN_SESSION_SECRET="unit-secret"), load=False)  # type: ignore[call-arg]
        fake = rasa or FakeRasa()
        app.dependency_overrides[deps.get_rasa] = lambda: fake
        if search is not None:
            app.dependency_overrides[deps.get_search] = lambda: search
        return TestClient(app), fake

    return _make


def test_first_turn_issues_a_session_and_forwards_to_rasa(make_client) -> None:
    client, rasa = make_client(
        FakeRasa([{"recipient_id": "s", "text": "Hi there", "custom": {"a": 1}}])
    )
    with client:
        r = client.post("/api/v1/chat", json={"message": "hello", "metadata": {"country": "GB"}})
    assert r.status_code == 200
    body = r.json()
    assert body["messages"] == [{"text": "Hi there", "custom": {"a": 1}}]
    assert len(body["session"]) > 30
    assert rasa.calls == [(body["session"], "hello", {"tenant": "default", "country": "GB"})]


def test_a_session_it_issued_is_continued(make_client) -> None:
    client, rasa = make_client()
    with client:
        first = client.post("/api/v1/chat", json={"message": "hi"}).json()["session"]
        second = client.post("/api/v1/chat", json={"message": "again", "session": first}).json()
    assert second["session"] == first
    assert [c[0] for c in rasa.calls] == [first, first]


@pytest.mark.parametrize("forged", ["someone-elses-id", "abc.def", "", "a.b.c"])
def test_a_forged_session_starts_a_new_conversation(make_client, forged: str) -> None:
    client, rasa = make_client()
    with client:
        body = client.post("/api/v1/chat", json={"message": "hi", "session": forged}).json()
    assert body["session"] != forged
    assert rasa.calls[0][0] == body["session"]


def test_rasa_down_gives_a_kind_message_not_an_error(make_client) -> None:
    client, _ = make_client(FakeRasa(down=True))
    with client:
        r = client.post("/api/v1/chat", json={"message": "hello"})
    assert r.status_code == 200
    text = r.json()["messages"][0]["text"]
    assert "helpline" in text and "emergency" in text


def test_empty_message_is_rejected_with_422(make_client) -> None:
    client, _ = make_client()
    with client:
        assert client.post("/api/v1/chat", json={"message": ""}).status_code == 422


def test_search_returns_public_fields(make_client) -> None:
    resources = [r for r in real_resources() if r.id == "egfr-resisters"]
    search = RecordingSearch(resources)
    client, _ = make_client(search=search)
    with client:
        r = client.get("/api/v1/search", params={"q": "egfr support group", "k": 3})
    assert r.status_code == 200
    (hit,) = r.json()["results"]
    assert hit["id"] == "egfr-resisters"
    assert hit["url"].startswith("https://egfrcancer.org")
    assert set(hit) >= {"id", "name", "url", "kind", "owner", "score", "why", "last_reviewed"}
    assert search.calls[0]["query"] == "egfr support group" and search.calls[0]["k"] == 3


def test_health_and_index_page(make_client) -> None:
    client, _ = make_client()
    with client:
        assert client.get("/healthz").json() == {"status": "ok"}
        page = client.get("/")
    assert page.status_code == 200
    assert "PM Navigator" in page.text and "/api/v1/chat" in page.text


def test_readyz_reports_what_is_missing(make_client) -> None:
    client, _ = make_client(FakeRasa(down=True))
    with client:
        r = client.get("/readyz")
    assert r.status_code == 503
    assert r.json()["checks"] == {"search": False, "rasa": False}
