"""Resource schema (pydantic 2, app env only).

One `Resource` is one real, sourced thing PM Navigator may signpost to: a patient community,
an organisation, a guideline, a trial registry, a helpline, a crisis or emergency line.
Cross-references to the vocabularies (biomarkers, cancer types, countries) are checked by
`knowledge.validate`, not here, so the schema stays usable without the vocabulary files.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Kind = Literal[
    "community",
    "organisation",
    "guideline",
    "decision_support",
    "trial_registry",
    "trial_finder",
    "education",
    "helpline",
    "crisis_line",
    "emergency",
]
Audience = Literal["patients", "caregivers", "clinicians", "organisations"]
Status = Literal["active", "needs_review", "retired"]

KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
AUDIENCES: tuple[str, ...] = Audience.__args__  # type: ignore[attr-defined]
#: Audiences that see only active, verified, in-date resources (the patient-facing rule).
PATIENT_FACING: frozenset[str] = frozenset({"patients", "caregivers", "organisations"})

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REGION = re.compile(r"^(?:[A-Z]{2}|EU|global)$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


def _check_url(value: str, *, https_only: bool) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or re.search(r"\s", value):
        raise ValueError(f"not a web address: {value!r}")
    if https_only and not value.startswith("https://"):
        raise ValueError(f"must use https:// (got {value!r})")
    return value


class Contact(BaseModel):
    """How to reach the service: a phone number with its hours, and/or a contact page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phone: str | None = None
    hours: str | None = None
    url: str | None = None
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _https_url(cls, v: str | None) -> str | None:
        return None if v is None else _check_url(v, https_only=True)

    @field_validator("phone")
    @classmethod
    def _phone_has_digits(cls, v: str | None) -> str | None:
        if v is not None and not re.search(r"\d", v):
            raise ValueError(f"phone number has no digits: {v!r}")
        return v


class Resource(BaseModel):
    """A curated resource. See docs/curation.md for what each field means and how to fill it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str
    name: str = Field(min_length=2)
    owner: str = Field(min_length=2)
    url: str | None
    kind: Kind
    audience: list[Audience] = Field(min_length=1)
    cancer_types: list[str] = Field(default_factory=list)
    biomarkers: list[str] = Field(default_factory=list)
    alterations: list[str] = Field(default_factory=list)
    regions: list[str] = Field(min_length=1)
    languages: list[str] = Field(min_length=1)
    summary: str = Field(min_length=30)
    clinician_summary: str | None = None
    contact: Contact | None = None
    source: str
    also_sources: list[str] = Field(default_factory=list)
    last_reviewed: date
    review_every_days: int = Field(default=365, gt=0, le=3 * 365)
    status: Status
    verified: bool
    version: str | None = None
    boost_tags: list[str] = Field(default_factory=list)
    #: Curator-only remarks (caveats, why a tag is a routing hint); never shown to users.
    notes: str | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _SLUG.match(v):
            raise ValueError(f"id must be a lower-case slug like 'egfr-resisters', got {v!r}")
        return v

    @field_validator("url")
    @classmethod
    def _https_url(cls, v: str | None) -> str | None:
        return None if v is None else _check_url(v, https_only=True)

    @field_validator("source")
    @classmethod
    def _source_url(cls, v: str) -> str:
        return _check_url(v, https_only=False)

    @field_validator("also_sources")
    @classmethod
    def _also_sources(cls, v: list[str]) -> list[str]:
        return [_check_url(u, https_only=False) for u in v]

    @field_validator("regions")
    @classmethod
    def _regions(cls, v: list[str]) -> list[str]:
        for r in v:
            if not _REGION.match(r):
                raise ValueError(f"region must be ISO 3166-1 alpha-2, 'EU' or 'global', got {r!r}")
        return v

    @field_validator("languages")
    @classmethod
    def _languages(cls, v: list[str]) -> list[str]:
        for lang in v:
            if not _LANGUAGE.match(lang):
                raise ValueError(f"language must be an ISO 639-1 code like 'en', got {lang!r}")
        return v

    @field_validator("cancer_types", "biomarkers", "alterations", "audience", "boost_tags")
    @classmethod
    def _no_duplicates(cls, v: list[str]) -> list[str]:
        dupes = sorted({x for x in v if v.count(x) > 1})
        if dupes:
            raise ValueError(f"duplicate entries: {', '.join(dupes)}")
        return v

    @model_validator(mode="after")
    def _reachable(self) -> Resource:
        if self.url is None and (self.contact is None or not self.contact.phone):
            raise ValueError("a resource without url needs contact.phone (how else to reach it?)")
        if self.kind in ("helpline", "crisis_line", "emergency") and (
            self.contact is None or not self.contact.phone
        ):
            raise ValueError(f"kind '{self.kind}' needs contact.phone")
        return self

    # --- review and visibility rules -------------------------------------------------------

    def review_due(self) -> date:
        """Date from which this resource is past its review."""
        return self.last_reviewed + timedelta(days=self.review_every_days)

    def is_overdue(self, today: date | None = None) -> bool:
        """True when `today` (default: date.today()) is on or after the review-due date."""
        return (today or date.today()) >= self.review_due()

    def is_patient_visible(self, today: date | None = None) -> bool:
        """Patients, caregivers and partner organisations see only active, verified, in-date
        resources."""
        return self.status == "active" and self.verified and not self.is_overdue(today)

    def is_clinician_visible(self, today: date | None = None) -> bool:
        """Clinicians also see needs-review and overdue resources, flagged (see `review_flag`);
        never retired or unverified ones."""
        return self.status != "retired" and self.verified

    def review_flag(self, today: date | None = None) -> str | None:
        """None when in good standing, else 'needs_review' or 'overdue' (for clinician display)."""
        if self.status == "needs_review":
            return "needs_review"
        if self.is_overdue(today):
            return "overdue"
        return None

    def is_visible_to(self, audience: str, today: date | None = None) -> bool:
        """Apply the visibility rule for a user in role `audience` (patients, caregivers,
        clinicians or organisations). Unknown roles get the strict patient rule."""
        if audience == "clinicians":
            return self.is_clinician_visible(today)
        return self.is_patient_visible(today)
