"""Dialogue turn latency over Rasa's REST channel: p50/p95 at 1 and N concurrent users.

Starts its own stack (tests.stack_harness.start_stack, free ports, model and index as built by
`make run`), then for each concurrency level runs `--turns` conversations per user, each
turn a fresh POST to /webhooks/rest/webhook. Turn kinds, measured side by side in one run:

- bare:      "hello" in an ongoing conversation -> utter_greet (a plain `utter_` response; the
             custom slot mapping still calls the action server once per turn)
- crisis:    "I want to end my life" -> utter_crisis (rule + conditional response)
- community: "support group for ALK lung cancer in the UK" -> action_find_community (retrieval)
- trials:    "trials for KRAS G12C lung cancer in Germany" -> action_find_trials (retrieval,
             ClinicalTrials.gov live call or its cached failure)

    .venv/bin/python -m bench.dialogue_latency --users 1 8 --turns 10
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import httpx

TURNS = {
    "bare": "hello",
    "crisis": "I want to end my life",
    "community": "Is there a support group for ALK positive lung cancer in the UK?",
    "trials": "Are there trials for KRAS G12C lung cancer in Germany?",
}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


async def _user(
    client: httpx.AsyncClient, url: str, turns: int, results: dict[str, list[float]]
) -> None:
    sender = f"bench-{uuid.uuid4().hex[:12]}"
    metadata = {"country": "GB"}
    await client.post(url, json={"sender": sender, "message": "hi", "metadata": metadata})
    for _ in range(turns):
        for kind, text in TURNS.items():
            start = time.perf_counter()
            r = await client.post(
                url, json={"sender": sender, "message": text, "metadata": metadata}
            )
            elapsed = time.perf_counter() - start
            r.raise_for_status()
            if not r.json():
                raise RuntimeError(f"empty answer for {kind!r}")
            results[kind].append(elapsed * 1000)


async def measure(rasa_url: str, users: int, turns: int) -> dict[str, list[float]]:
    """Latencies in ms per turn kind for `users` concurrent conversations."""
    url = f"{rasa_url}/webhooks/rest/webhook"
    results: dict[str, list[float]] = {k: [] for k in TURNS}
    async with httpx.AsyncClient(timeout=120) as client:
        await asyncio.gather(*(_user(client, url, turns, results) for _ in range(users)))
    return results


def table(rows: list[tuple[int, str, list[float]]]) -> str:
    lines = ["| users | turn | n | p50 ms | p95 ms | mean ms |", "|---|---|---|---|---|---|"]
    for users, kind, values in rows:
        lines.append(
            f"| {users} | {kind} | {len(values)} | {percentile(values, 50):.0f} | "
            f"{percentile(values, 95):.0f} | {statistics.fmean(values):.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--turns", type=int, default=10, help="rounds of all turn kinds per user")
    parser.add_argument("--rasa-url", help="use a running Rasa instead of starting a stack")
    args = parser.parse_args()

    stack = None
    rasa_url = args.rasa_url
    if rasa_url is None:
        from tests.stack_harness import start_stack

        stack = start_stack(Path(tempfile.mkdtemp(prefix="bench-dialogue-")), name="bench-dialogue")
        rasa_url = stack.rasa_url
    try:
        asyncio.run(measure(rasa_url, 1, 1))  # warm-up (model, index, caches)
        rows = []
        for users in args.users:
            results = asyncio.run(measure(rasa_url, users, args.turns))
            rows.extend((users, kind, values) for kind, values in results.items())
        print(table(rows))
    finally:
        if stack is not None:
            stack.stop_all()


if __name__ == "__main__":
    main()
