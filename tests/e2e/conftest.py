"""Fixtures shared by the browser tests: one headless Chromium for the tests under tests/e2e.

Package scope, not session: Playwright's sync API keeps an asyncio loop marked as running on the
main thread while it is open, so it must be closed before the unit tests (which call
``asyncio.run``) start."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """A Playwright Browser on Debian's Chromium; each test opens its own context."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"Debian chromium is not installed at {CHROMIUM}")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
