"""Walking-skeleton benchmark: `make run` time to ready and resident memory once ready.

Starts the three Procfile processes exactly as `make run` does (model and index already built,
so this measures the warm start), on free ports, N times; reports seconds to ready and the
resident set size (RSS, summed over each process tree) once ready, then the RSS after one
signposting turn. Writes a markdown table to stdout; `--update-docs` replaces the section in
docs/benchmarks.md.

    .venv/bin/python -m bench.stack_startup --runs 3 --update-docs
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from scripts import stack
from tests.stack_harness import RunningStack

SECTION = "## Stack start-up and memory (walking skeleton)"


def _tree_rss_kib(pid: int) -> int:
    """RSS in KiB of a process and all its descendants (from /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
            todo.extend(int(c) for c in children)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def one_run(var_dir: Path) -> dict[str, float]:
    model = stack.ensure_model(quiet=True)
    stack.ensure_index(quiet=True)
    env = stack.stack_env(
        rasa_port=stack.free_port(),
        actions_port=stack.free_port(),
        gateway_port=stack.free_port(),
        model=model,
        var_dir=var_dir,
        extra={"RASA_AUTH_TOKEN": "bench-token", "PMN_SESSION_SECRET": "bench-secret"},
    )
    log_dir = var_dir / "logs"
    log_dir.mkdir(exist_ok=True)
    running = RunningStack(env=env, commands=stack.procfile_commands(env), log_dir=log_dir)
    t0 = time.monotonic()
    for name in running.commands:
        running.start(name)
    try:
        stack.wait_ready(env, timeout=300, alive=running.alive)
        result = {"ready_s": time.monotonic() - t0}
        for name, proc in running.procs.items():
            result[f"{name}_mib"] = _tree_rss_kib(proc.pid) / 1024
        httpx.post(
            f"http://127.0.0.1:{env['GATEWAY_PORT']}/api/v1/chat",
            json={"message": "Is there a support group for EGFR positive lung cancer?"},
            timeout=60,
        ).raise_for_status()
        for name, proc in running.procs.items():
            result[f"{name}_after_turn_mib"] = _tree_rss_kib(proc.pid) / 1024
        return result
    finally:
        running.stop_all()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--update-docs", action="store_true")
    args = parser.parse_args(argv)
    runs = []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(one_run(Path(tmp)))
        print(
            f"run {i + 1}: " + ", ".join(f"{k}={v:.1f}" for k, v in runs[-1].items()),
            file=sys.stderr,
        )
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    table = [
        SECTION,
        "",
        f"Warm start (model and index present), median of {args.runs} runs on this 2-core "
        "machine; command: `.venv/bin/python -m bench.stack_startup --runs "
        f"{args.runs} --update-docs`.",
        "",
        "| measure | rasa | actions | gateway |",
        "|---|---|---|---|",
        f"| processes started -> all ready (s) | {med['ready_s']:.1f} (all three) | | |",
        "| RSS once ready (MiB) | "
        + " | ".join(f"{med[f'{n}_mib']:.0f}" for n in ("rasa", "actions", "gateway"))
        + " |",
        "| RSS after one signposting turn (MiB) | "
        + " | ".join(f"{med[f'{n}_after_turn_mib']:.0f}" for n in ("rasa", "actions", "gateway"))
        + " |",
        "",
    ]
    text = "\n".join(table)
    print(text)
    if args.update_docs:
        _replace_section(Path("docs/benchmarks.md"), SECTION, text)
    return 0


def _replace_section(path: Path, heading: str, body: str) -> None:
    """Replace the section starting at `heading` (up to the next '## ') or append it."""
    old = path.read_text() if path.exists() else "# Benchmarks\n\n"
    start = old.find(heading)
    if start == -1:
        new = old.rstrip() + "\n\n" + body
    else:
        nxt = old.find("\n## ", start + len(heading))
        new = old[:start] + body + ("\n" + old[nxt + 1 :] if nxt != -1 else "")
    path.write_text(new.rstrip() + "\n")


if __name__ == "__main__":
    sys.exit(main())
