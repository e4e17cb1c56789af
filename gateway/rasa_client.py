"""Talks to Rasa's REST channel (``/webhooks/rest/webhook``)."""

from __future__ import annotations

from typing import Any

import httpx


class RasaUnavailable(Exception):
    """Rasa did not answer in time or answered with an error."""


class RasaClient:
    def __init__(self, base_url: str, timeout_s: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.AsyncClient(timeout=timeout_s)

    async def send(
        self, sender: str, message: str, metadata: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Returns Rasa's bot messages: ``[{"recipient_id", "text"?, "custom"?, "buttons"?}]``."""
        payload = {"sender": sender, "message": message, "metadata": metadata or {}}
        try:
            resp = await self._client.post(f"{self.base_url}/webhooks/rest/webhook", json=payload)
            resp.raise_for_status()
            return list(resp.json())
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailable(str(exc)) from exc

    async def ready(self) -> bool:
        try:
            resp = await self._client.get(f"{self.base_url}/", timeout=2.0)
            return resp.status_code == 200
        except httpx.HTTPError:
            return False

    async def aclose(self) -> None:
        await self._client.aclose()
