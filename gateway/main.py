"""FastAPI application factory; ``gateway.main:app`` is what uvicorn serves."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from gateway.rasa_client import RasaClient
from gateway.routers import chat, health, pages, search
from gateway.sessions import SessionIssuer
from gateway.settings import Settings, get_settings

log = logging.getLogger(__name__)


@dataclass
class GatewayServices:
    search: Any  # retrieval.search.HybridSearch


def load_services(settings: Settings) -> GatewayServices:
    """Load the repository and index (building it if stale)."""
    from knowledge import load_repository
    from retrieval.search import HybridSearch

    repo = load_repository()
    search = HybridSearch.load_or_build(repo.all(), settings.index_dir)
    search.search("patient support community", k=1)  # load the model before reporting ready
    return GatewayServices(search=search)


def create_app(settings: Settings | None = None, load: bool = True) -> FastAPI:
    """Build the app. ``load=False`` skips loading the index (tests inject services)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.rasa = RasaClient(settings.rasa_url, settings.rasa_timeout_s)
        app.state.sessions = SessionIssuer(settings.session_secret)
        if load:
            app.state.services = await asyncio.to_thread(load_services, settings)
        yield
        await app.state.rasa.aclose()

    app = FastAPI(
        title="PM Navigator",
        version="0.1.0",
        description="Signposting assistant for precision medicine in cancer. "
        "Information and signposts only, never individual medical advice.",
        lifespan=lifespan,
    )
    app.state.services = None
    for module in (chat, search, health, pages):
        app.include_router(module.router)
    return app



