"""Cost per message of the red-flag screen (``nlu.triage.screen`` with the shipped learned layer).

    flock /tmp/pmn-cpu.lock .venv-engine/bin/python -m eval.nlu.triage_cost

Times one ``screen`` call per text of every labelled development set (eval/nlu/triage_data.SETS,
never a blind set being written), after a warm-up, with the encoder on one thread as Rasa and
the gateway run it. Prints p50 / p95 / max in ms for all messages and for multi-sentence ones
(more than one unit in ``nlu.triage_model.split_units``), the share of multi-sentence messages
whose sentences were encoded, and the load average before and after (the machine is shared).
It also times the rules alone (``nlu.triage.screen_rules``, no layer) over the same texts.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

from eval.nlu.triage_data import load_sets
from nlu import triage
from nlu.triage_model import from_encoder_dir, split_units


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1, help="timed passes over the texts")
    args = parser.parse_args(argv)

    texts = [item.text for items in load_sets().values() for item in items]
    model = from_encoder_dir()
    calls = {"n": 0, "total": 0, "texts": 0}
    encode = model.encode

    def counting_encode(batch: list[str]) -> np.ndarray:
        calls["n"] += 1
        calls["total"] += 1
        calls["texts"] += len(batch)
        return encode(batch)

    model.encode = counting_encode
    previous = triage._semantic
    load_before = os.getloadavg()
    try:
        triage.enable_semantic(model)
        for text in texts[:50]:  # warm-up (session, caches)
            triage.screen(text)
        calls["total"] = calls["texts"] = 0
        all_ms: list[float] = []
        multi_ms: list[float] = []
        multi = second = 0
        for _ in range(args.rounds):
            for text in texts:
                calls["n"] = 0
                t0 = time.perf_counter()
                triage.screen(text)
                ms = 1000 * (time.perf_counter() - t0)
                all_ms.append(ms)
                if len(split_units(text)) > 1:
                    multi_ms.append(ms)
                    multi += 1
                    second += calls["n"] > 1
    finally:
        triage.enable_semantic(previous)
    rules_ms: list[float] = []
    for _ in range(args.rounds):
        for text in texts:
            t0 = time.perf_counter()
            triage.screen_rules(text)
            rules_ms.append(1000 * (time.perf_counter() - t0))
    load_after = os.getloadavg()
    print(f"{len(texts)} messages x {args.rounds} round(s); encoder on 1 thread")
    print(
        f"all: p50 {_pct(all_ms, 50):.1f} ms, p95 {_pct(all_ms, 95):.1f} ms, "
        f"max {max(all_ms):.1f} ms"
    )
    print(
        f"multi-sentence ({len(multi_ms) // args.rounds}): p50 {_pct(multi_ms, 50):.1f} ms, "
        f"p95 {_pct(multi_ms, 95):.1f} ms; sentence pass run on {second}/{multi}"
    )
    print(
        f"rules alone: p50 {_pct(rules_ms, 50):.2f} ms, p95 {_pct(rules_ms, 95):.2f} ms, "
        f"max {max(rules_ms):.1f} ms"
    )
    n = len(texts) * args.rounds
    print(
        f"encoder calls per message {calls['total'] / n:.2f}, texts encoded per message "
        f"{calls['texts'] / n:.2f}"
    )
    print(
        "load average before "
        + " ".join(f"{x:.2f}" for x in load_before)
        + ", after "
        + " ".join(f"{x:.2f}" for x in load_after)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
