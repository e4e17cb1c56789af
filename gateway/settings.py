"""Typed gateway settings, read from the environment (and `.env`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDERS = {"", "changeme", "change-me", "secret", "dev"}


class Settings(BaseSettings):
    """Every variable is listed in the README and docs/deployment.md."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    environment: str = Field("development", alias="PMN_ENV")
    rasa_url: str = Field("http://127.0.0.1:5005", alias="PMN_RASA_URL")
    rasa_timeout_s: float = Field(10.0, alias="PMN_RASA_TIMEOUT_S")
    session_secret: str = Field("", alias="PMN_SESSION_SECRET")
    index_dir: Path = Field(Path("var/index"), alias="PMN_INDEX_DIR")
    max_message_chars: int = Field(1000, alias="PMN_MAX_MESSAGE_CHARS", gt=0)
    max_body_bytes: int = Field(4096, alias="PMN_MAX_BODY_BYTES", gt=0)
    tenants_dir: Path = Field(Path("tenants"), alias="PMN_TENANTS_DIR")
    rate_limit_session: str = Field("60/minute", alias="PMN_RATE_LIMIT_SESSION")
    rate_limit_client: str = Field("600/minute", alias="PMN_RATE_LIMIT_CLIENT")
    feedback_file: Path = Field(Path("var/feedback.jsonl"), alias="PMN_FEEDBACK_FILE")
    # Run nlu.triage's semantic layer after its rules when Rasa is unreachable (needs the
    # loaded embedding model; off: rules only).
    triage_semantic: bool = Field(True, alias="PMN_TRIAGE_SEMANTIC")

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> Settings:
        if self.environment != "development" and self.session_secret in _PLACEHOLDERS:
            raise ValueError("PMN_SESSION_SECRET must be set to a real secret outside development")
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()  # type: ignore[call-arg]
