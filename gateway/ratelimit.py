"""Rate limits per session and per client address, on the ``limits`` library (slowapi's core).

Limits are strings such as ``"30/minute"`` (PMN_RATE_LIMIT_SESSION, PMN_RATE_LIMIT_CLIENT).
Counters live in process memory (moving window); several gateway replicas each count their
own traffic, which is documented in docs/deployment.md.
"""

from __future__ import annotations

import time

from fastapi import HTTPException
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class RateLimiter:
    """Two limits: one keyed by session id, one by client address."""

    def __init__(self, per_session: str, per_client: str) -> None:
        self.per_session: RateLimitItem = parse(per_session)
        self.per_client: RateLimitItem = parse(per_client)
        self._storage = MemoryStorage()
        self._limiter = MovingWindowRateLimiter(self._storage)

    def _check(self, item: RateLimitItem, kind: str, key: str) -> None:
        if not self._limiter.hit(item, kind, key):
            stats = self._limiter.get_window_stats(item, kind, key)
            retry = max(1, int(stats.reset_time - time.time()) + 1)
            raise HTTPException(
                status_code=429,
                detail=f"too many requests for this {kind} (limit {item}); "
                f"please wait {retry} s and try again",
                headers={"Retry-After": str(retry)},
            )

    def check_client(self, address: str) -> None:
        """Raise HTTP 429 when this client address is over its limit."""
        self._check(self.per_client, "client", address)

    def check_session(self, session: str) -> None:
        """Raise HTTP 429 when this session is over its limit."""
        self._check(self.per_session, "session", session)
