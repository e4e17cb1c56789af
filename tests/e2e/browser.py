"""Shared pieces of the browser tests: Debian's Chromium, its launch flags, and a uvicorn server
in a thread for tests that run the gateway (or a fake Rasa / partner site) in-process.

The session-scoped ``browser`` fixture lives in tests/e2e/conftest.py; modules that need the
browser call ``require_chromium()`` at import so they are skipped, not failed, where Chromium is
absent (scripts/ci-system-deps.sh installs it for CI)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# No background networking: this machine's closed network refuses Chromium's own connections.
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


def require_chromium() -> None:
    """Skip the calling test module when Debian's Chromium is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"Debian chromium is not installed at {CHROMIUM} (scripts/ci-system-deps.sh)",
            allow_module_level=True,
        )


class Served:
    """An ASGI app served by uvicorn in a daemon thread on 127.0.0.1 (stopped on exit).

    ``port`` defaults to a free port; ``url`` is ``http://127.0.0.1:<port>``."""

    def __init__(self, app: Any, port: int | None = None) -> None:
        import uvicorn

        from scripts.stack import free_port

        self.port = port if port is not None else free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start on port {self.port}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
