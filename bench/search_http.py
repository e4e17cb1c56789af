"""Search API latency over HTTP: GET /api/v1/search on a real gateway process.

Starts `uvicorn --factory gateway.main:create_app` on a free port (rate limits raised, the
repository's real index), sends the labelled evaluation queries with their filters and reports
client-side p50/p95/p99 (HTTP + gateway + HybridSearch.search).

    .venv/bin/python -m bench.search_http --queries 200 [--write-docs]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- retrieval-http:start -->", "<!-- retrieval-http:end -->"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _params(query) -> dict[str, object]:
    from eval.retrieval.__main__ import PERSONA_AUDIENCE

    f = query.filters
    params: dict[str, object] = {
        "q": query.text,
        "k": 5,
        "audience": PERSONA_AUDIENCE[query.persona],
    }
    for key, name in (
        ("country", "country"),
        ("cancer_type", "cancer_type"),
        ("language", "language"),
    ):
        if f.get(key):
            params[name] = f[key]
    if f.get("biomarkers"):
        params["biomarker"] = f["biomarkers"]
    if f.get("kind"):
        params["kind"] = f["kind"]
    return params


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_http", description=__doc__)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args(argv)
    from eval.retrieval.__main__ import load_dataset

    queries = load_dataset()[0][: args.queries]
    port = _free_port()
    env = dict(os.environ)
    env.update(
        {
            "PMN_RATE_LIMIT_CLIENT": "100000/minute",
            "PMN_RATE_LIMIT_SESSION": "100000/minute",
            "PMN_TORCH_THREADS": env.get("PMN_TORCH_THREADS", "1"),
            "HF_HUB_OFFLINE": "1",
        }
    )
    log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server process
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "gateway.main:create_app",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30.0) as client:
            deadline = time.monotonic() + 300
            while True:
                try:
                    if client.get("/api/v1/search", params={"q": "warm up"}).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    print(log.read().decode(errors="replace")[-3000:], file=sys.stderr)
                    return 1
                time.sleep(0.5)
            for q in queries[:10]:
                client.get("/api/v1/search", params=_params(q))
            times = []
            for q in queries:
                start = time.perf_counter()
                response = client.get("/api/v1/search", params=_params(q))
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    times.sort()

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]

    body = "\n".join(
        [
            START,
            f"Search API over HTTP (`.venv/bin/python -m bench.search_http --queries "
            f"{len(times)} --write-docs`, {time.strftime('%Y-%m-%d')}, load average "
            f"{os.getloadavg()[0]:.1f}): `GET /api/v1/search` with each evaluation query's "
            f"filters, k=5, real repository and index, one client, sequential: p50 "
            f"**{pct(50):.1f} ms**, p95 **{pct(95):.1f} ms**, p99 {pct(99):.1f} ms, mean "
            f"{statistics.fmean(times):.1f} ms.",
            END,
        ]
    )
    print(body)
    if args.write_docs:
        text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
        if START in text and END in text:
            head, rest = text.split(START, 1)
            text = head + body + rest.split(END, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n" + body + "\n"
        DOCS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
