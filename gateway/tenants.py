"""Tenants: partner organisations that embed PM Navigator (``tenants/*.yaml``).

One YAML file per tenant, named ``<id>.yaml``. Loaded and validated once at start-up; a bad file
stops the gateway with an error that names the file and the field. See docs/deployment.md.

    python -m gateway.tenants check [dir]     validate every file
    python -m gateway.tenants new-key         print a fresh API key and its sha256 for the YAML
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class TenantError(ValueError):
    """A tenant file is missing, unreadable or invalid; the message names file and field."""


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours (1.0 to 21.0)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _https_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(f"must be an https:// address, got {value!r}")
    return value


class Colours(BaseModel):
    """Brand colours; text on ``primary`` uses ``on_primary`` and must reach 4.5:1 (WCAG AA)."""

    model_config = ConfigDict(extra="forbid")

    primary: str = "#0b5394"
    on_primary: str = "#ffffff"

    @field_validator("primary", "on_primary")
    @classmethod
    def _hex(cls, v: str) -> str:
        if not _HEX.match(v):
            raise ValueError(f"must be a colour like #0b5394, got {v!r}")
        return v.lower()

    @model_validator(mode="after")
    def _contrast(self) -> Colours:
        ratio = contrast_ratio(self.primary, self.on_primary)
        if ratio < 4.5:
            raise ValueError(
                f"on_primary {self.on_primary} on primary {self.primary} has contrast "
                f"{ratio:.2f}:1; WCAG AA needs at least 4.5:1"
            )
        return self


class Helpline(BaseModel):
    """Where people are handed off to a person."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=2)
    phone: str | None = None
    hours: str | None = None
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        return _https_url(v)

    @model_validator(mode="after")
    def _reachable(self) -> Helpline:
        if not (self.phone or self.url):
            raise ValueError("a helpline needs a phone number or a url")
        return self


class TenantPublic(BaseModel):
    """What any browser may read: GET /api/v1/tenants/{id}/config."""

    id: str
    name: str
    colours: Colours
    logo: str | None
    greeting: str
    default_country: str | None
    default_language: str
    helpline: Helpline | None


class Tenant(BaseModel):
    """One partner organisation (the whole file; ``public()`` is the browser-safe part)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str = Field(min_length=2, max_length=80)
    colours: Colours = Field(default_factory=Colours)
    logo: str | None = None
    greeting: str = Field(
        "Hello. I can help you find patient communities, guidelines and clinical-trial "
        "information for a cancer with a specific biomarker. I share information and "
        "signposts only, not medical advice.",
        min_length=2,
        max_length=600,
    )
    default_country: str | None = None
    default_language: str = "en"
    helpline: Helpline | None = None
    allowed_origins: list[str] = Field(default_factory=list)
    boost_resources: list[str] = Field(default_factory=list)
    api_key_sha256: str | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _SLUG.match(v):
            raise ValueError(f"must be lower-case letters, digits and '-', got {v!r}")
        return v

    @field_validator("logo")
    @classmethod
    def _logo(cls, v: str | None) -> str | None:
        if v is None or v.startswith("/static/"):
            return v
        return _https_url(v)

    @field_validator("default_country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if not re.fullmatch(r"[A-Za-z]{2}", v):
            raise ValueError(f"must be an ISO 3166-1 alpha-2 code such as GB, got {v!r}")
        return v.upper()

    @field_validator("default_language")
    @classmethod
    def _language(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z]{2}", v):
            raise ValueError(f"must be an ISO 639-1 code such as en, got {v!r}")
        return v

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, v: list[str]) -> list[str]:
        out = []
        for origin in v:
            parts = urlsplit(origin)
            if (
                parts.scheme not in {"http", "https"}
                or not parts.netloc
                or parts.path not in {"", "/"}
                or parts.query
                or parts.fragment
                or "*" in origin
            ):
                raise ValueError(
                    f"an origin is scheme://host[:port] with no path or wildcard, got {origin!r}"
                )
            out.append(f"{parts.scheme}://{parts.netloc}".lower())
        return out

    @field_validator("api_key_sha256")
    @classmethod
    def _sha(cls, v: str | None) -> str | None:
        if v is not None and not _SHA256.match(v):
            raise ValueError("must be the 64 hex digits of sha256(key); see `new-key`")
        return v

    def public(self) -> TenantPublic:
        """The browser-safe part (no origins, no key hash, no boost list)."""
        return TenantPublic(**self.model_dump(include=set(TenantPublic.model_fields)))

    def allows_origin(self, origin: str) -> bool:
        return origin.lower().rstrip("/") in self.allowed_origins

    def check_api_key(self, key: str) -> bool:
        """True when ``key`` hashes to the configured ``api_key_sha256`` (constant time)."""
        if not self.api_key_sha256 or not key:
            return False
        digest = hashlib.sha256(key.encode()).hexdigest()
        return hmac.compare_digest(digest, self.api_key_sha256)


class TenantRegistry:
    """The tenants loaded at start-up, by id."""

    def __init__(self, tenants: list[Tenant]) -> None:
        self._by_id = {t.id: t for t in tenants}
        if "default" not in self._by_id:
            raise TenantError("no `default` tenant: add tenants/default.yaml")

    def get(self, tenant_id: str | None) -> Tenant | None:
        """The tenant, or None when unknown; None/empty id means ``default``."""
        return self._by_id.get(tenant_id or "default")

    @property
    def default(self) -> Tenant:
        return self._by_id["default"]

    def all(self) -> list[Tenant]:
        return [self._by_id[i] for i in sorted(self._by_id)]

    def ids(self) -> list[str]:
        return sorted(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


def _describe(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        lines.append(f"field '{field}': {msg}")
    return "; ".join(lines)


def load_tenant(path: Path, known_resources: set[str] | None = None) -> Tenant:
    """Parse and validate one tenant file; raises TenantError naming the file and field."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TenantError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise TenantError(f"{path}:{where} not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise TenantError(f"{path}: expected a mapping of fields at the top level")
    data.setdefault("id", path.stem)
    try:
        tenant = Tenant.model_validate(data)
    except ValidationError as exc:
        raise TenantError(f"{path}: {_describe(exc)}") from exc
    if tenant.id != path.stem:
        raise TenantError(f"{path}: field 'id': {tenant.id!r} must match the file name")
    if known_resources is not None:
        unknown = [r for r in tenant.boost_resources if r not in known_resources]
        if unknown:
            raise TenantError(
                f"{path}: field 'boost_resources': unknown resource id(s) {', '.join(unknown)}"
            )
    return tenant


def load_tenants(directory: Path, known_resources: set[str] | None = None) -> TenantRegistry:
    """Load every ``*.yaml`` in ``directory``; it must hold a ``default`` tenant."""
    if not directory.is_dir():
        raise TenantError(f"{directory}: tenants directory not found (PMN_TENANTS_DIR)")
    files = sorted(directory.glob("*.yaml"))
    return TenantRegistry([load_tenant(p, known_resources) for p in files])


def new_api_key() -> tuple[str, str]:
    """A fresh random API key and the sha256 hex digest to put in the tenant file."""
    key = "pmn_" + secrets.token_urlsafe(32)
    return key, hashlib.sha256(key.encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["new-key"]:
        key, digest = new_api_key()
        print(f"API key (give to the partner, store nowhere else): {key}")
        print(f"api_key_sha256: {digest}")
        return 0
    if args[:1] == ["check"]:
        directory = Path(args[1]) if len(args) > 1 else Path("tenants")
        try:
            registry = load_tenants(directory)
        except TenantError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{len(registry)} tenant(s) valid: {', '.join(registry.ids())}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
