"""The public API of the gateway: tenants, limits, CORS, never-silent fallbacks, search, pages.

Rasa and the search index are replaced by fakes through ``app.dependency_overrides``.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from gateway import deps
from gateway.main import create_app
from gateway.rasa_client import RasaUnavailable
from gateway.settings import Settings
from gateway.tenants import new_api_key
from tests.fakes import RecordingSearch, real_resources

ROOT = Path(__file__).resolve().parents[2]
CRISIS_TEXT = "I want to end my life"
API_KEY, API_KEY_HASH = new_api_key()


class FakeRasa:
    def __init__(self, reply: list[dict[str, Any]] | None = None, down: bool = False) -> None:
        self.reply = [{"recipient_id": "x", "text": "hello"}] if reply is None else reply
        self.down = down
        self.calls: list[tuple[str, str, dict[str, Any] | None]] = []

    async def send(self, sender: str, message: str, metadata: dict[str, Any] | None = None):
        self.calls.append((sender, message, metadata))
        if self.down:
            raise RasaUnavailable("timed out")
        return self.reply

    async def ready(self) -> bool:
        return not self.down


@pytest.fixture
def tenants_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "tenants"
    directory.mkdir()
    (directory / "default.yaml").write_text((ROOT / "tenants" / "default.yaml").read_text())
    (directory / "acme.yaml").write_text(
        f"""
name: Acme Support
colours: {{primary: "#7a1f5c", on_primary: "#ffffff"}}
greeting: Welcome to Acme
default_country: GB
helpline: {{name: Acme Helpline, phone: "0800 123 4567", hours: weekdays 9-5}}
allowed_origins: [https://partner.example]
boost_resources: [egfr-resisters]
api_key_sha256: {API_KEY_HASH}
"""
    )
    return directory


@pytest.fixture
def make_client(tenants_dir: Path, tmp_path: Path):
    def _make(
        rasa: FakeRasa | None = None, search: Any = None, **settings: Any
    ) -> tuple[TestClient, FakeRasa]:
        values = {
            "PMN_SESSION_SECRET": "unit-secret",
            "PMN_TENANTS_DIR": tenants_dir,
            "PMN_FEEDBACK_FILE": tmp_path / "feedback.jsonl",
            **settings,
        }
        app = create_app(Settings(**values), load=False)  # type: ignore[arg-type]
        fake = rasa or FakeRasa()
        app.dependency_overrides[deps.get_rasa] = lambda: fake
        if search is not None:
            app.dependency_overrides[deps.get_search] = lambda: search
        return TestClient(app), fake

    return _make


def texts(body: dict[str, Any]) -> str:
    return "\n".join(m.get("text") or "" for m in body["messages"])


def safety_kinds(body: dict[str, Any]) -> list[str]:
    return [n["kind"] for m in body["messages"] for n in (m.get("custom") or {}).get("safety", [])]


# --- tenants ----------------------------------------------------------------------------------


def test_tenant_config_is_the_public_part_only(make_client) -> None:
    client, _ = make_client()
    with client:
        r = client.get("/api/v1/tenants/acme/config")
        assert r.status_code == 200
        body = r.json()
        assert body["name"] == "Acme Support" and body["helpline"]["phone"] == "0800 123 4567"
        for secret in ("api_key_sha256", "allowed_origins", "boost_resources"):
            assert secret not in body
        assert API_KEY_HASH not in r.text
        assert client.get("/api/v1/tenants/nope/config").status_code == 404


def test_unknown_tenant_is_404_everywhere(make_client) -> None:
    client, rasa = make_client(search=RecordingSearch([]))
    with client:
        assert (
            client.post("/api/v1/chat", json={"message": "hi", "tenant": "nope"}).status_code == 404
        )
        assert client.post("/api/v1/chat?tenant=nope", json={"message": "hi"}).status_code == 404
        assert client.get("/api/v1/search", params={"q": "x", "tenant": "nope"}).status_code == 404
        assert client.get("/demo/nope").status_code == 404
    assert rasa.calls == []


def test_tenant_in_body_and_query_must_agree(make_client) -> None:
    client, _ = make_client()
    with client:
        r = client.post("/api/v1/chat?tenant=acme", json={"message": "hi", "tenant": "default"})
    assert r.status_code == 400


def test_metadata_carries_tenant_defaults_and_drops_unknown_keys(make_client) -> None:
    client, rasa = make_client()
    with client:
        client.post(
            "/api/v1/chat?tenant=acme",
            json={"message": "hi", "metadata": {"role": "caregiver", "x": "drop", "country": 7}},
        )
    assert rasa.calls[0][2] == {
        "tenant": "acme",
        "role": "caregiver",
        "country": "GB",
        "boost": ["egfr-resisters"],
        "helpline": {
            "name": "Acme Helpline",
            "number": "0800 123 4567",
            "hours": "weekdays 9-5",
            "url": None,
        },
    }


# --- sessions ---------------------------------------------------------------------------------


def test_a_session_of_another_tenant_starts_a_new_conversation(make_client) -> None:
    client, rasa = make_client()
    with client:
        first = client.post("/api/v1/chat", json={"message": "hi"}).json()["session"]
        other = client.post("/api/v1/chat?tenant=acme", json={"message": "hi", "session": first})
        same = client.post("/api/v1/chat", json={"message": "hi", "session": first})
    assert other.json()["session"] != first
    assert same.json()["session"] == first
    assert [c[0] for c in rasa.calls] == [first, other.json()["session"], first]


def test_a_tampered_signature_is_not_continued(make_client) -> None:
    client, _ = make_client()
    with client:
        first = client.post("/api/v1/chat", json={"message": "hi"}).json()["session"]
        raw, sig = first.split(".")
        forged = f"{raw}.{sig[:-1]}{'0' if sig[-1] != '0' else '1'}"
        again = client.post("/api/v1/chat", json={"message": "hi", "session": forged}).json()
    assert again["session"] not in (first, forged)


# --- limits -----------------------------------------------------------------------------------


def test_body_over_4kb_is_413_with_content_length(make_client) -> None:
    client, rasa = make_client()
    with client:
        r = client.post("/api/v1/chat", json={"message": "x" * 5000})
    assert r.status_code == 413
    assert "4096 bytes" in r.json()["detail"]
    assert rasa.calls == []


def test_body_over_4kb_is_413_when_chunked_without_content_length(make_client) -> None:
    client, rasa = make_client()
    payload = json.dumps({"message": "y" * 6000}).encode()

    def chunks():
        for i in range(0, len(payload), 1000):
            yield payload[i : i + 1000]

    with client:
        r = client.post(
            "/api/v1/chat", content=chunks(), headers={"Content-Type": "application/json"}
        )
    assert r.status_code == 413
    assert rasa.calls == []


def test_body_with_a_false_small_content_length_cannot_sneak_through(make_client) -> None:
    """The counted bytes decide, not the header (an ASGI app may see more than declared)."""
    from gateway.middleware import BodySizeLimit

    seen: list[bytes] = []

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        seen.append((await receive())["body"])

    sent: list[dict[str, Any]] = []
    messages = iter(
        [
            {"type": "http.request", "body": b"a" * 3000, "more_body": True},
            {"type": "http.request", "body": b"b" * 3000, "more_body": False},
        ]
    )

    async def receive():
        return next(messages)

    async def send(message):
        sent.append(message)

    import asyncio

    scope = {"type": "http", "method": "POST", "headers": [(b"content-length", b"10")]}
    asyncio.run(BodySizeLimit(app, 4096)(scope, receive, send))
    assert sent[0]["status"] == 413 and seen == []


def test_message_longer_than_the_maximum_is_422_with_a_clear_message(make_client) -> None:
    client, rasa = make_client(PMN_MAX_MESSAGE_CHARS=100)
    with client:
        r = client.post("/api/v1/chat", json={"message": "z" * 150})
    assert r.status_code == 422
    assert r.json()["detail"] == (
        "message is too long (150 characters); please keep it under 100 characters"
    )
    assert rasa.calls == []


def test_rate_limit_per_session_is_429(make_client) -> None:
    client, rasa = make_client(
        PMN_RATE_LIMIT_SESSION="2/minute", PMN_RATE_LIMIT_CLIENT="100/minute"
    )
    with client:
        session = client.post("/api/v1/chat", json={"message": "1"}).json()["session"]
        ok = client.post("/api/v1/chat", json={"message": "2", "session": session})
        over = client.post("/api/v1/chat", json={"message": "3", "session": session})
        fresh = client.post("/api/v1/chat", json={"message": "4"})
    assert ok.status_code == 200
    assert over.status_code == 429 and "session" in over.json()["detail"]
    assert int(over.headers["Retry-After"]) >= 1
    assert fresh.status_code == 200
    assert len(rasa.calls) == 3


def test_rate_limit_per_client_address_is_429(make_client) -> None:
    client, _ = make_client(PMN_RATE_LIMIT_SESSION="100/minute", PMN_RATE_LIMIT_CLIENT="3/minute")
    with client:
        codes = [client.post("/api/v1/chat", json={"message": "hi"}).status_code for _ in range(4)]
        search = client.get("/api/v1/search", params={"q": "x"})
    assert codes == [200, 200, 200, 429]
    assert search.status_code == 429


def test_a_valid_api_key_skips_the_address_limit_and_a_wrong_one_is_401(make_client) -> None:
    client, _ = make_client(PMN_RATE_LIMIT_SESSION="100/minute", PMN_RATE_LIMIT_CLIENT="1/minute")
    with client:
        keyed = [
            client.post(
                "/api/v1/chat?tenant=acme", json={"message": "hi"}, headers={"X-API-Key": API_KEY}
            ).status_code
            for _ in range(3)
        ]
        wrong = client.post(
            "/api/v1/chat?tenant=acme", json={"message": "hi"}, headers={"X-API-Key": "pmn_wrong"}
        )
        other_tenant = client.post(
            "/api/v1/chat", json={"message": "hi"}, headers={"X-API-Key": API_KEY}
        )
    assert keyed == [200, 200, 200]
    assert wrong.status_code == 401
    assert other_tenant.status_code == 401


# --- CORS -------------------------------------------------------------------------------------


def test_cors_allows_the_tenants_origins(make_client) -> None:
    client, _ = make_client()
    with client:
        pre = client.options(
            "/api/v1/chat?tenant=acme",
            headers={
                "Origin": "https://partner.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        post = client.post(
            "/api/v1/chat?tenant=acme",
            json={"message": "hi"},
            headers={"Origin": "https://partner.example"},
        )
        config = client.get(
            "/api/v1/tenants/acme/config", headers={"Origin": "https://partner.example"}
        )
    assert pre.status_code == 204
    assert pre.headers["access-control-allow-origin"] == "https://partner.example"
    assert "POST" in pre.headers["access-control-allow-methods"]
    assert "content-type" in pre.headers["access-control-allow-headers"].lower()
    assert post.status_code == 200
    assert post.headers["access-control-allow-origin"] == "https://partner.example"
    assert config.headers["access-control-allow-origin"] == "https://partner.example"


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("/api/v1/chat?tenant=acme", "https://evil.example"),
        ("/api/v1/chat?tenant=acme", "http://partner.example"),  # scheme matters
        ("/api/v1/chat", "https://partner.example"),  # listed by acme, not by default
    ],
)
def test_cors_refuses_other_origins(make_client, url: str, origin: str) -> None:
    client, rasa = make_client()
    with client:
        pre = client.options(
            url, headers={"Origin": origin, "Access-Control-Request-Method": "POST"}
        )
        post = client.post(url, json={"message": "hi"}, headers={"Origin": origin})
    for r in (pre, post):
        assert r.status_code == 403
        assert "access-control-allow-origin" not in r.headers
        assert "not allowed" in r.json()["detail"]
    assert rasa.calls == []


def test_same_origin_pages_are_always_allowed(make_client) -> None:
    client, _ = make_client()
    with client:
        r = client.post(
            "/api/v1/chat", json={"message": "hi"}, headers={"Origin": "http://testserver"}
        )
    assert r.status_code == 200


# --- never silent -----------------------------------------------------------------------------


def test_rasa_down_and_a_crisis_text_gets_the_crisis_message(make_client) -> None:
    client, _ = make_client(FakeRasa(down=True))
    with client:
        body = client.post("/api/v1/chat?tenant=acme", json={"message": CRISIS_TEXT}).json()
    assert safety_kinds(body)[0] == "crisis"
    text = texts(body)
    assert "116 123" in text  # Samaritans, the GB crisis line (tenant default country GB)
    assert "999" in text
    assert "Acme Helpline" in text and "0800 123 4567" in text


def test_rasa_down_and_an_emergency_text_gets_the_emergency_message(make_client) -> None:
    client, _ = make_client(FakeRasa(down=True))
    with client:
        body = client.post(
            "/api/v1/chat",
            json={"message": "my dad has a high fever during chemo", "metadata": {"country": "US"}},
        ).json()
    assert safety_kinds(body)[0] == "emergency"
    assert "911" in texts(body)


def test_rasa_down_otherwise_gives_a_kind_message_with_the_tenants_helpline(make_client) -> None:
    client, _ = make_client(FakeRasa(down=True))
    with client:
        body = client.post("/api/v1/chat?tenant=acme", json={"message": "egfr groups?"}).json()
    assert "crisis" not in safety_kinds(body) and "emergency" not in safety_kinds(body)
    assert "Sorry" in texts(body)
    assert "Acme Helpline: 0800 123 4567" in texts(body)


def test_an_empty_rasa_reply_action_server_down_is_not_silent(make_client) -> None:
    client, _ = make_client(FakeRasa(reply=[]))
    with client:
        body = client.post("/api/v1/chat", json={"message": "egfr", "metadata": {"country": "GB"}})
    messages = body.json()["messages"]
    assert len(messages) >= 2
    assert "Macmillan" in texts(body.json())  # the national cancer helpline for GB


def test_a_rasa_reply_without_the_crisis_note_gets_one_first(make_client) -> None:
    client, _ = make_client(FakeRasa(reply=[{"text": "Here are some groups."}]))
    with client:
        body = client.post("/api/v1/chat", json={"message": CRISIS_TEXT}).json()
    assert safety_kinds(body) == ["crisis"]
    assert body["messages"][1]["text"] == "Here are some groups."


def test_an_international_crisis_answer_gets_the_countrys_numbers(make_client) -> None:
    note = {"kind": "crisis", "country": "international", "text": "Befrienders"}
    reply = [{"text": "Befrienders", "custom": {"safety": [note]}}, {"text": "more"}]
    client, _ = make_client(FakeRasa(reply=reply))
    with client:
        gb = client.post(
            "/api/v1/chat", json={"message": CRISIS_TEXT, "metadata": {"country": "GB"}}
        ).json()
        unknown = client.post("/api/v1/chat", json={"message": CRISIS_TEXT}).json()
    assert safety_kinds(gb) == ["crisis"] and "116 123" in gb["messages"][0]["text"]
    assert gb["messages"][1]["text"] == "more"
    assert unknown["messages"][0]["text"] == "Befrienders"  # no better numbers known


def test_a_rasa_reply_with_its_own_crisis_note_is_not_doubled(make_client) -> None:
    reply = [{"text": "crisis text", "custom": {"safety": [{"kind": "crisis", "text": "t"}]}}]
    client, _ = make_client(FakeRasa(reply=reply))
    with client:
        body = client.post("/api/v1/chat", json={"message": CRISIS_TEXT}).json()
    assert safety_kinds(body) == ["crisis"] and len(body["messages"]) == 1


# --- search and resources ---------------------------------------------------------------------


def by_id(*ids: str) -> list[Any]:
    found = {r.id: r for r in real_resources()}
    return [found[i] for i in ids]


def test_search_passes_every_filter(make_client) -> None:
    search = RecordingSearch(by_id("egfr-resisters"))
    client, _ = make_client(search=search)
    with client:
        r = client.get(
            "/api/v1/search",
            params=[
                ("q", "support"),
                ("k", "4"),
                ("biomarker", "EGFR"),
                ("biomarker", "ALK"),
                ("cancer_type", "NSCLC"),
                ("country", "gb"),
                ("audience", "caregivers"),
                ("kind", "community"),
                ("kind", "organisation"),
                ("language", "en"),
            ],
        )
    assert r.status_code == 200, r.text
    filters = search.calls[0]["filters"]
    assert filters.biomarkers == ["EGFR", "ALK"]
    assert (filters.cancer_type, filters.country, filters.audience, filters.language) == (
        "NSCLC",
        "GB",
        "caregivers",
        "en",
    )
    assert filters.kinds == ["community", "organisation"]
    hit = r.json()["results"][0]
    assert hit["summary"].startswith("A patient-run community")
    assert hit["owner"] and hit["last_reviewed"]


def test_search_rejects_an_unknown_audience(make_client) -> None:
    client, _ = make_client(search=RecordingSearch([]))
    with client:
        r = client.get("/api/v1/search", params={"q": "x", "audience": "aliens"})
    assert r.status_code == 422


def test_search_puts_the_tenants_boosted_resources_first(make_client) -> None:
    ids = [r.id for r in real_resources() if r.id != "egfr-resisters"][:2]
    search = RecordingSearch(by_id(*ids, "egfr-resisters"))
    client, _ = make_client(search=search)
    with client:
        default = client.get("/api/v1/search", params={"q": "x"}).json()["results"]
        acme = client.get("/api/v1/search", params={"q": "x", "tenant": "acme"}).json()["results"]
    assert [h["id"] for h in default] == [*ids, "egfr-resisters"]
    assert [h["id"] for h in acme] == ["egfr-resisters", *ids]
    assert acme[0]["why"][0] == "recommended by Acme Support"


def test_search_without_an_index_is_503_not_a_crash(make_client) -> None:
    client, _ = make_client()
    with client:
        assert client.get("/api/v1/search", params={"q": "x"}).status_code == 503


def test_resource_by_id(make_client) -> None:
    client, _ = make_client(search=RecordingSearch(real_resources()))
    with client:
        r = client.get("/api/v1/resources/egfr-resisters")
        missing = client.get("/api/v1/resources/no-such-thing")
    assert r.status_code == 200
    body = r.json()
    assert body["url"] == "https://egfrcancer.org" and body["kind"] == "community"
    assert body["biomarkers"] == ["EGFR"] and body["source"].startswith("https://")
    assert "notes" not in body and "boost_tags" not in body
    assert missing.status_code == 404


# --- feedback ---------------------------------------------------------------------------------


def test_feedback_is_recorded_without_the_session_id(make_client, tmp_path: Path) -> None:
    client, _ = make_client()
    with client:
        session = client.post("/api/v1/chat", json={"message": "hi"}).json()["session"]
        r = client.post(
            "/api/v1/feedback", json={"session": session, "helpful": False, "message": "hello"}
        )
        forged = client.post("/api/v1/feedback", json={"session": "x.y", "helpful": True})
    assert r.status_code == 202 and r.json() == {"recorded": True}
    assert forged.status_code == 403
    (line,) = (tmp_path / "feedback.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert record["helpful"] is False and record["tenant"] == "default"
    assert record["answer"] == "hello" and session not in line


# --- pages ------------------------------------------------------------------------------------


def test_widget_script_is_served_small_and_as_javascript(make_client) -> None:
    client, _ = make_client()
    with client:
        r = client.get("/widget.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/javascript")
    assert len(gzip.compress(r.content, 9)) <= 30 * 1024
    assert "innerHTML" not in r.text and "insertAdjacentHTML" not in r.text


def test_demo_page_embeds_the_widget_with_one_tag(make_client) -> None:
    client, _ = make_client()
    with client:
        r = client.get("/demo/acme")
    assert r.status_code == 200
    assert '<script src="/widget.js" data-tenant="acme" defer></script>' in r.text
    assert "object-src 'none'" in r.headers["content-security-policy"]


def test_console_page_embeds_filter_options_safely(make_client) -> None:
    client, _ = make_client()
    with client:
        r = client.get("/console")
    assert r.status_code == 200
    block = r.text.split('id="options">')[1].split("</script>")[0]
    options = json.loads(block)
    assert "EGFR" in options["biomarkers"]
    assert ["GB", "United Kingdom"] in options["countries"]


def test_openapi_lists_every_route(make_client) -> None:
    client, _ = make_client()
    with client:
        paths = client.get("/openapi.json").json()["paths"]
        assert client.get("/docs").status_code == 200
    assert {
        "/api/v1/chat",
        "/api/v1/feedback",
        "/api/v1/search",
        "/api/v1/resources/{resource_id}",
        "/api/v1/tenants/{tenant_id}/config",
        "/healthz",
        "/readyz",
    } <= set(paths)


# --- the Rasa client ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("slow"),
        httpx.ConnectError("refused"),
        httpx.Response(500, text="boom"),
        httpx.Response(200, text="not json"),
    ],
)
async def test_rasa_client_turns_slow_or_broken_rasa_into_rasa_unavailable(failure) -> None:
    from gateway.rasa_client import RasaClient

    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(failure, Exception):
            raise failure
        return failure

    client = RasaClient("http://rasa.invalid", timeout_s=0.1)
    client._client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    with pytest.raises(RasaUnavailable):
        await client.send("s", "hi")
    answers_200 = isinstance(failure, httpx.Response) and failure.status_code == 200
    assert await client.ready() is answers_200
    await client.aclose()
