"""Gateway figures: widget size, gateway overhead per chat turn, time to first bot message.

Starts its own stack (tests.stack_harness.start_stack on free ports, rate limits raised so the
benchmark is not throttled) and, in the same run:

- widget: raw and gzip -9 size of gateway/static/widget.js (the issue's budget: 30 KB gzipped);
- overhead: the same turn sent alternately through the gateway (POST /api/v1/chat) and directly
  to Rasa's REST channel (POST /webhooks/rest/webhook), each turn in a fresh conversation;
  p50/p95 of both and of the per-pair difference;
- browser: headless Chromium on /demo/default, from pressing Enter to the first bot message
  rendered in the widget (skipped when /usr/bin/chromium or Playwright is missing).

    .venv/bin/python -m bench.gateway_overhead --turns 30 --browser-runs 5
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
WIDGET = ROOT / "gateway" / "static" / "widget.js"
TURNS = {
    "greeting": "hello",
    "community": "Is there a support group for EGFR positive lung cancer?",
}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def widget_size() -> dict[str, int]:
    """{"raw": bytes, "gzip": bytes} of the widget script."""
    data = WIDGET.read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, 9))}


def _timed_post(client: httpx.Client, url: str, payload: dict) -> float:
    """Milliseconds for one POST that must succeed."""
    t = time.perf_counter()
    r = client.post(url, json=payload)
    r.raise_for_status()
    return (time.perf_counter() - t) * 1000


def screen_cost(repeat: int = 500) -> float:
    """Milliseconds per call of the gateway's red-flag screen on an ordinary question."""
    from gateway.safety import screen

    text = TURNS["community"]
    screen(text)
    start = time.perf_counter()
    for _ in range(repeat):
        screen(text)
    return (time.perf_counter() - start) / repeat * 1000


def gateway_only(turns: int = 200) -> dict[str, list[float]]:
    """Milliseconds per chat turn with an instant fake Rasa (the gateway's own cost, measured
    over loopback HTTP): {"gateway": [...], "fake_rasa_direct": [...]}."""
    import threading

    import uvicorn
    from fastapi import FastAPI

    from gateway.main import create_app
    from gateway.settings import Settings
    from scripts.stack import free_port

    fake = FastAPI()

    @fake.post("/webhooks/rest/webhook")
    def webhook() -> list[dict]:
        return [{"recipient_id": "x", "text": "Hello! How can I help?"}]

    def serve(app: object) -> tuple[uvicorn.Server, str]:
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        return server, f"http://127.0.0.1:{port}"

    rasa_server, rasa_url = serve(fake)
    settings = Settings(  # type: ignore[call-arg]
        PMN_RASA_URL=rasa_url,
        PMN_SESSION_SECRET="bench",
        PMN_RATE_LIMIT_CLIENT="100000/minute",
        PMN_RATE_LIMIT_SESSION="100000/minute",
    )
    gw_server, gw_url = serve(create_app(settings, load=False))
    res: dict[str, list[float]] = {"gateway": [], "fake_rasa_direct": []}
    try:
        with httpx.Client(timeout=30) as client:
            for i in range(turns + 20):
                g = _timed_post(client, f"{gw_url}/api/v1/chat", {"message": TURNS["community"]})
                d = _timed_post(
                    client,
                    f"{rasa_url}/webhooks/rest/webhook",
                    {"sender": "s", "message": TURNS["community"]},
                )
                if i >= 20:
                    res["gateway"].append(g)
                    res["fake_rasa_direct"].append(d)
    finally:
        gw_server.should_exit = True
        rasa_server.should_exit = True
    return res


def overhead(gateway: str, rasa: str, turns: int) -> dict[str, dict[str, list[float]]]:
    """Milliseconds per turn kind: {"gateway": [...], "direct": [...], "diff": [...]}."""
    out: dict[str, dict[str, list[float]]] = {}
    meta = {"country": "GB"}
    with httpx.Client(timeout=60) as client:
        for kind, text in TURNS.items():
            res: dict[str, list[float]] = {"gateway": [], "direct": [], "diff": []}
            for i in range(turns + 2):  # two warm-up pairs are dropped
                via_gateway = (f"{gateway}/api/v1/chat", {"message": text, "metadata": meta})
                sender = f"bench-{uuid.uuid4().hex[:12]}"
                direct = (
                    f"{rasa}/webhooks/rest/webhook",
                    {"sender": sender, "message": text, "metadata": meta},
                )
                # alternate the order so drift and caches do not favour one path
                if i % 2:
                    g = _timed_post(client, *via_gateway)
                    d = _timed_post(client, *direct)
                else:
                    d = _timed_post(client, *direct)
                    g = _timed_post(client, *via_gateway)
                if i >= 2:
                    res["gateway"].append(g)
                    res["direct"].append(d)
                    res["diff"].append(g - d)
            out[kind] = res
    return out


def browser_first_message(gateway: str, runs: int) -> list[float] | None:
    """Seconds from Enter to the first rendered bot answer, per run (None when unavailable)."""
    if not Path("/usr/bin/chromium").exists():
        return None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    times: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{gateway}/demo/default")
            page.wait_for_selector("#pmn-widget[data-ready=true]", state="attached")
            page.locator("#pmn-widget .launcher").click()
            page.locator("#pmn-widget input").fill(TURNS["community"])
            start = time.perf_counter()
            page.keyboard.press("Enter")
            page.locator("#pmn-widget .log .msg.bot").nth(1).wait_for(timeout=90_000)
            times.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=30, help="measured turns per kind and path")
    parser.add_argument("--browser-runs", type=int, default=5)
    args = parser.parse_args(argv)

    size = widget_size()
    print(
        f"widget.js: {size['raw']} bytes raw, {size['gzip']} bytes gzip -9 "
        f"({size['gzip'] / 1024:.1f} KB; budget 30 KB)"
    )

    print(f"red-flag screen: {screen_cost():.2f} ms per message")
    alone = gateway_only()
    print(
        "gateway with an instant fake Rasa (in-process servers, ms): p50 "
        f"{statistics.median(alone['gateway']):.1f} / p95 {percentile(alone['gateway'], 95):.1f}"
        f"; the fake Rasa alone: p50 {statistics.median(alone['fake_rasa_direct']):.1f} / p95 "
        f"{percentile(alone['fake_rasa_direct'], 95):.1f}"
    )

    from tests.stack_harness import start_stack

    os.environ.setdefault("PMN_RATE_LIMIT_CLIENT", "100000/minute")
    os.environ.setdefault("PMN_RATE_LIMIT_SESSION", "100000/minute")
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp), name="bench-gateway")
        try:
            results = overhead(stack.gateway_url, stack.rasa_url, args.turns)
            first = browser_first_message(stack.gateway_url, args.browser_runs)
        finally:
            stack.stop_all()

    print(f"\n{args.turns} turns per kind and path, each in a fresh conversation (ms):\n")
    print(
        "| turn | direct Rasa REST p50 / p95 | through gateway p50 / p95 | "
        "gateway overhead p50 / p95 |"
    )
    print("| --- | --- | --- | --- |")
    for kind, res in results.items():
        print(
            f"| {kind} | {statistics.median(res['direct']):.1f} / "
            f"{percentile(res['direct'], 95):.1f} | {statistics.median(res['gateway']):.1f} / "
            f"{percentile(res['gateway'], 95):.1f} | {statistics.median(res['diff']):.1f} / "
            f"{percentile(res['diff'], 95):.1f} |"
        )
    if first:
        print(
            f"\nbrowser, Enter -> first bot message ({len(first)} runs): median "
            f"{statistics.median(first):.2f} s, max {max(first):.2f} s"
        )
    else:
        print("\nbrowser: skipped (no /usr/bin/chromium or Playwright)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
