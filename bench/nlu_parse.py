"""Rasa /model/parse latency and Rasa process memory for one or more trained models.

For each model: starts ``rasa run --enable-api`` (engine env) on a free port, waits until a
parse answers, sends ``--warmup`` then ``--rounds`` x len(TEXTS) sequential parses and reports
p50/p95/mean wall-clock ms, the Rasa process RSS once ready and after the run, and the load
average read just before the timed requests. Standard library only.

    flock /tmp/pmn-cpu.lock .venv/bin/python -m bench.nlu_parse var/models/pmn-OLD.tar.gz \
        var/models/pmn-NEW.tar.gz --rounds 10
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from scripts.stack import ENGINE_BIN, ROOT, free_port

TEXTS = [
    "hi",
    "thanks",
    "bye for now",
    "are you a bot?",
    "what can you do",
    "is there a support group for ALK positive lung cancer in the UK?",
    "my mum has EGFR ex19del nsclc, any communities for carers",
    "trials for KRAS G12C in Germany",
    "ESMO guideline for ROS1 fusion",
    "should my tumour be tested for biomarkers?",
    "what happens at the first oncology appointment",
    "do you keep my messages",
    "please forget everything I told you",
    "can I talk to a real person",
    "this chat was not very useful",
    "can you book a table for two",
    "I want to end my life",
    "I'm coughing up blood",
    "should I stop taking osimertinib",
    "HER2 low breast cancer",
]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def rss_mib(pid: int) -> float:
    """Resident set size of a process in MiB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _parse(url: str, text: str, timeout: float = 30) -> dict:
    req = urllib.request.Request(
        url, data=json.dumps({"text": text}).encode(), method="POST",
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def measure(model: Path, rounds: int, warmup: int, timeout: float = 300) -> dict[str, float]:
    """Start Rasa on ``model``; returns {"ready_s", "rss_ready", "rss_after", "p50", "p95",
    "mean", "n", "load1"} (ms, MiB, seconds)."""
    port, token = free_port(), "bench-nlu-parse"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}
    cmd = [
        str(ENGINE_BIN / "rasa"), "run", "--enable-api", "--auth-token", token,
        "-i", "127.0.0.1", "-p", str(port), "-m", str(model),
    ]  # fmt: skip
    url = f"http://127.0.0.1:{port}/model/parse?token={token}"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            start = time.monotonic()
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"rasa exited: {log.read()[-3000:].decode()}")
                try:
                    _parse(url, "hello", timeout=5)
                    break
                except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                    if time.monotonic() - start > timeout:
                        raise TimeoutError(f"rasa not ready after {timeout}s") from None
                    time.sleep(0.5)
            ready_s = time.monotonic() - start
            rss_ready = rss_mib(proc.pid)
            for i in range(warmup):
                _parse(url, TEXTS[i % len(TEXTS)])
            load1 = float(Path("/proc/loadavg").read_text().split()[0])
            times: list[float] = []
            for _ in range(rounds):
                for text in TEXTS:
                    t0 = time.perf_counter()
                    _parse(url, text)
                    times.append((time.perf_counter() - t0) * 1000)
            return {
                "ready_s": ready_s,
                "rss_ready": rss_ready,
                "rss_after": rss_mib(proc.pid),
                "p50": percentile(times, 50),
                "p95": percentile(times, 95),
                "mean": statistics.fmean(times),
                "n": len(times),
                "load1": load1,
            }
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args(argv)
    print("| model | parses | p50 ms | p95 ms | mean ms | ready s | RSS ready MiB | "
          "RSS after MiB | load1 before |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for model in args.models:
        r = measure(model, args.rounds, args.warmup)
        print(
            f"| {model.name} | {r['n']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['mean']:.1f} | "
            f"{r['ready_s']:.1f} | {r['rss_ready']:.0f} | {r['rss_after']:.0f} | "
            f"{r['load1']:.2f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
