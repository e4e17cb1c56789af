"""Typed gateway settings, read from the environment (and `.env`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDERS = {"", "changeme", "change-me", "secret", "dev"}


class Settings(BaseSettings):
    """Every variable is listed in the README."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: str = Field("development", alias="PMN_ENV")
    rasa_url: str = Field("http://127.0.0.1:5005", alias="PMN_RASA_URL")
    rasa_timeout_s: float = Field(10.0, alias="PMN_RASA_TIMEOUT_S")
    session_secret: str = Field("", alias="PMN_SESSION_SECRET")
    index_dir: Path = Field(Path("var/index"), alias="PMN_INDEX_DIR")
    max_message_chars: int = Field(1000, alias="PMN_MAX_MESSAGE_CHARS")

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.environment != "development" and self.session_secret in _PLACEHOLDERS:
            raise ValueError("PMN_SESSION_SECRET must be set to a real secret outside development")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()  # type: ignore[call-arg]
