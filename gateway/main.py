"""FastAPI application factory; uvicorn serves ``--factory gateway.main:create_app``."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from gateway.middleware import BodySizeLimit, TenantCORS
from gateway.rasa_client import RasaClient
from gateway.ratelimit import RateLimiter
from gateway.routers import chat, feedback, health, pages, search, tenants
from gateway.sessions import SessionIssuer
from gateway.settings import Settings, get_settings
from gateway.tenants import TenantError, load_tenants

log = logging.getLogger(__name__)


@dataclass
class GatewayServices:
    search: Any  # retrieval.search.HybridSearch


def load_services(settings: Settings) -> GatewayServices:
    """Load the repository and index (building it if stale) and warm the embedding model,
    so readiness means the first search is fast."""
    from knowledge import load_repository
    from retrieval.search import HybridSearch

    repo = load_repository()
    search = HybridSearch.load_or_build(repo.all(), settings.index_dir)
    search.search("patient support community", k=1)
    if settings.triage_semantic:
        enable_semantic_triage(search.embedder)
    return GatewayServices(search=search)


def enable_semantic_triage(embedder: Any) -> bool:
    """Let the gateway's own red-flag screen (used when Rasa is unreachable) run the learned
    triage layer (nlu/triage_model.py) with the rules, on the embedding model the search has
    loaded. Its ONNX query session is used when there is one (batches do not load torch). The
    layer is tried once on a probe sentence. Returns False, logged, when it cannot be built or
    fails: the rules then screen alone."""
    from nlu import triage
    from nlu.triage_model import load_model

    encoder = getattr(embedder, "queries", None) or embedder
    try:
        layer = load_model(encoder.encode)
        layer.check("is there a support group near me?")
        triage.enable_semantic(layer)
    except Exception:  # noqa: BLE001 - the rules still screen every message
        log.exception("semantic triage unavailable; the gateway screens with the rules alone")
        return False
    return True


def create_app(settings: Settings | None = None, load: bool = True) -> FastAPI:
    """Build the app. ``load=False`` skips loading the index (tests inject services).

    Tenants are loaded and validated here, so a bad tenant file stops start-up with an error
    naming the file and field.
    """
    settings = settings or get_settings()
    registry = load_tenants(settings.tenants_dir)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.rasa = RasaClient(settings.rasa_url, settings.rasa_timeout_s)
        if load:
            app.state.services = await asyncio.to_thread(load_services, settings)
            known = {r.id for r in app.state.services.search.resources}
            for tenant in registry.all():
                missing = [r for r in tenant.boost_resources if r not in known]
                if missing:
                    raise TenantError(
                        f"{settings.tenants_dir / (tenant.id + '.yaml')}: field "
                        f"'boost_resources': unknown resource id(s) {', '.join(missing)}"
                    )
        yield
        await app.state.rasa.aclose()

    app = FastAPI(
        title="PM Navigator",
        version="0.1.0",
        description="Signposting assistant for precision medicine in cancer. "
        "Information and signposts only, never individual medical advice.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.services = None
    app.state.tenants = registry
    app.state.sessions = SessionIssuer(settings.session_secret)
    app.state.limiter = RateLimiter(settings.rate_limit_session, settings.rate_limit_client)
    for module in (chat, feedback, search, tenants, health, pages):
        app.include_router(module.router)
    # Outermost last: size limit first, then CORS, then compression of responses.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(TenantCORS)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    return app
