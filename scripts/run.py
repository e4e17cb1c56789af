"""`make run`: build what changed, start the three processes under honcho, say when ready.

Ctrl-C stops all three (honcho forwards the signal to every process).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import stack  # noqa: E402


def main() -> int:
    started = time.monotonic()
    secrets = stack.ensure_env_file()
    model = stack.ensure_model()
    stack.ensure_index()
    stack.VAR.mkdir(exist_ok=True)
    env = stack.stack_env(
        rasa_port=int(os.environ.get("RASA_PORT", 5005)),
        actions_port=int(os.environ.get("ACTIONS_PORT", 5055)),
        gateway_port=int(os.environ.get("GATEWAY_PORT", 8000)),
        model=model,
        extra={k: v for k, v in secrets.items() if k not in os.environ},
    )
    honcho = stack.APP_BIN / "honcho"
    proc = subprocess.Popen(
        [str(honcho), "start", "-f", "Procfile"],
        cwd=stack.ROOT,
        env=env,
    )
    try:
        t0 = time.monotonic()
        ready = stack.wait_ready(env, alive=lambda: proc.poll() is None)
        url = f"http://127.0.0.1:{env['GATEWAY_PORT']}/"
        print(
            f"\n  PM Navigator is ready: {url}\n"
            f"  (processes ready in {time.monotonic() - t0:.1f}s; "
            f"{time.monotonic() - started:.1f}s since `make run`; "
            + ", ".join(f"{k} {v:.1f}s" for k, v in ready.items())
            + ")\n  Rasa HTTP API: http://127.0.0.1:"
            f"{env['RASA_PORT']} (token: RASA_AUTH_TOKEN in .env). Ctrl-C stops everything.\n",
            flush=True,
        )
        return proc.wait()
    except KeyboardInterrupt:
        return proc.wait()
    except Exception as exc:  # not ready: stop everything and say why
        print(f"error: {exc}", file=sys.stderr)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        return 1


if __name__ == "__main__":
    sys.exit(main())
