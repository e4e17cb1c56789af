"""Opaque, server-issued session ids: random, HMAC-signed, unguessable.

A client can only continue a session whose signature verifies for the same tenant; anything
else (forged, truncated, issued for another tenant) starts a new conversation instead of
reading another one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


class SessionIssuer:
    """Issues ``<random>.<signature>`` ids bound to a scope (the tenant) and verifies them."""

    def __init__(self, secret: str) -> None:
        # A per-process random key when none is configured: sessions then end on restart.
        self._key = (secret or secrets.token_urlsafe(32)).encode()

    def _sign(self, raw: str, scope: str) -> str:
        return hmac.new(self._key, f"{raw}\0{scope}".encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self, scope: str = "") -> str:
        raw = secrets.token_urlsafe(18)
        return f"{raw}.{self._sign(raw, scope)}"

    def verify(self, session: str | None, scope: str = "") -> bool:
        if not session or session.count(".") != 1 or len(session) > 128:
            return False
        raw, sig = session.split(".")
        return bool(raw) and hmac.compare_digest(sig, self._sign(raw, scope))

    def continue_or_issue(self, session: str | None, scope: str = "") -> tuple[str, bool]:
        """Return (session id, is_new)."""
        if self.verify(session, scope):
            return session, False  # type: ignore[return-value]
        return self.issue(scope), True
