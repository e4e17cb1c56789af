"""`make bench`: every benchmark in turn. retrieval, search_http and stack_startup update their
sections of docs/benchmarks.md; dialogue_latency and gateway_overhead print tables to copy there.

    .venv/bin/python -m bench              # all
    .venv/bin/python -m bench retrieval    # one (names below)

Benchmarks are measurements, never tests: numbers depend on the machine and its load.
"""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS: dict[str, list[str]] = {
    "retrieval": ["bench.retrieval", "--write-docs"],
    "search_http": ["bench.search_http", "--write-docs"],
    "stack_startup": ["bench.stack_startup", "--runs", "3", "--update-docs"],
    "dialogue_latency": ["bench.dialogue_latency", "--users", "1", "8", "--turns", "10"],
    "gateway_overhead": ["bench.gateway_overhead", "--turns", "30", "--browser-runs", "5"],
}


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    failed = []
    for name in names:
        module, *args = BENCHMARKS[name]
        print(f"\n=== {name}: python -m {module} {' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, "-m", module, *args]).returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
