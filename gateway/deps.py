"""Dependencies shared by the routers, as ``Annotated`` aliases so signatures stay short."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from gateway.rasa_client import RasaClient
from gateway.sessions import SessionIssuer
from gateway.settings import Settings, get_settings


def get_rasa(request: Request) -> RasaClient:
    return request.app.state.rasa


def get_sessions(request: Request) -> SessionIssuer:
    return request.app.state.sessions


def get_search(request: Request):  # -> retrieval.search.HybridSearch
    return request.app.state.services.search


SettingsDep = Annotated[Settings, Depends(get_settings)]
RasaDep = Annotated[RasaClient, Depends(get_rasa)]
SessionsDep = Annotated[SessionIssuer, Depends(get_sessions)]
SearchDep = Annotated[object, Depends(get_search)]
