"""Synthetic resources for retrieval benchmarks, with realistic field lengths.

Text is recombined from the real repository: each synthetic summary is 1-3 sentences drawn from
real summaries with the biomarker, cancer and country words swapped, so lengths, vocabulary and
embedding geometry resemble the curated corpus. Metadata (kind, audience, biomarkers, cancer
types, regions, languages, status) follows the real distributions, with a few per cent of
needs-review, retired and unverified entries so that the visibility filter has work to do.

    from bench.synthetic import generate
    resources = generate(10_000, seed=0)

`derive_vectors` makes cheap vectors for sizes too large to embed on a 2-core machine: each is a
random interpolation between two real embeddings plus a little noise (then normalised), which
keeps the cluster structure ANN indexes depend on. Recall on these is reported separately from
recall on real embeddings.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

TODAY = date(2026, 11, 26)
#: Bump when `generate` changes what it produces (cached benchmark embeddings are keyed by it).
GENERATOR_VERSION = 1
_SENTENCE = re.compile(r"(?<=[.!?])\s+")

KINDS = {  # roughly the curated mix
    "organisation": 26,
    "community": 14,
    "decision_support": 10,
    "education": 9,
    "guideline": 8,
    "trial_registry": 7,
    "helpline": 6,
    "trial_finder": 5,
    "crisis_line": 8,
    "emergency": 7,
}
AUDIENCES = [
    ["patients", "caregivers"],
    ["patients", "caregivers", "clinicians"],
    ["clinicians"],
    ["clinicians", "organisations"],
    ["organisations", "patients"],
]
COUNTRY_NAMES = {
    "GB": "UK", "US": "US", "DE": "German", "FR": "French", "ES": "Spanish", "IT": "Italian",
    "NL": "Dutch", "IE": "Irish", "AU": "Australian", "CA": "Canadian", "NZ": "New Zealand",
    "BE": "Belgian", "SE": "Swedish", "PL": "Polish", "PT": "Portuguese", "AT": "Austrian",
    "DK": "Danish", "FI": "Finnish", "JP": "Japanese", "CH": "Swiss",
}  # fmt: skip
LANGUAGES = {"DE": "de", "FR": "fr", "ES": "es", "IT": "it", "NL": "nl", "SE": "sv", "PL": "pl"}
NAME_NOUNS = [
    "Foundation", "Alliance", "Network", "Society", "Association", "Trust", "Project",
    "Coalition", "Support Line", "Registry", "Guideline", "Knowledge Base", "Group", "Centre",
]  # fmt: skip


@dataclass(slots=True)
class SyntheticResource:
    """Duck-typed stand-in for knowledge.schema.Resource (pydantic is too heavy for 1M)."""

    id: str
    name: str
    owner: str
    url: str
    kind: str
    audience: list[str]
    cancer_types: list[str]
    biomarkers: list[str]
    regions: list[str]
    languages: list[str]
    summary: str
    last_reviewed: date
    status: str = "active"
    verified: bool = True
    review_every_days: int = 365
    alterations: list[str] = field(default_factory=list)
    clinician_summary: str | None = None
    contact: Any = None
    version: str | None = None
    boost_tags: list[str] = field(default_factory=list)

    def is_overdue(self, today: date | None = None) -> bool:
        return (today or date.today()) >= self.last_reviewed + timedelta(
            days=self.review_every_days
        )

    def is_patient_visible(self, today: date | None = None) -> bool:
        return self.status == "active" and self.verified and not self.is_overdue(today)

    def is_clinician_visible(self, today: date | None = None) -> bool:
        return self.status != "retired" and self.verified


def _real_material() -> tuple[list[str], list[str], list[str]]:
    """Sentences of real summaries, biomarker symbols and cancer codes from the repository
    (falls back to a small built-in set when the repository is unavailable)."""
    try:
        from knowledge import vocab
        from knowledge.repository import load_resources

        resources = load_resources()
        sentences = [s for r in resources for s in _SENTENCE.split(r.summary) if len(s) > 20]
        markers = sorted(vocab.biomarker_symbols())
        cancers = sorted(vocab.cancer_type_codes())
        return sentences, markers, cancers
    except Exception:  # noqa: BLE001 - benchmarks must run on a bare checkout too
        sentences = [
            "A patient community for people with EGFR-positive lung cancer and their carers.",
            "It offers peer support, education and research funding.",
            "A guideline for specialists on which genes to test in lung cancer.",
            "A free helpline answered by cancer nurses, day and night.",
            "A public registry of clinical trials, searchable by condition and location.",
        ]
        return sentences, ["EGFR", "ALK", "ROS1", "KRAS", "BRAF"], ["NSCLC", "LUNG", "MEL"]


def generate(n: int, seed: int = 0, today: date = TODAY) -> list[SyntheticResource]:
    """n synthetic resources (ids syn-0000000...), deterministic for a seed and repository."""
    if n <= 0:
        raise ValueError(f"n must be > 0, got {n}")
    rng = random.Random(seed)
    sentences, markers, cancers = _real_material()
    symbol = re.compile(r"\b(" + "|".join(re.escape(m) for m in markers) + r")\b")
    kinds = list(KINDS)
    weights = list(KINDS.values())
    countries = list(COUNTRY_NAMES)
    swapped: dict[tuple[int, str], str] = {}

    def sentence(k: int, marker: str | None) -> str:
        if marker is None:
            return sentences[k]
        key = (k, marker)
        if key not in swapped:
            swapped[key] = symbol.sub(marker, sentences[k])
        return swapped[key]

    out: list[SyntheticResource] = []
    for i in range(n):
        kind = rng.choices(kinds, weights)[0]
        marker = rng.choice(markers) if rng.random() < 0.45 else None
        country = rng.choice(countries)
        region_roll = rng.random()
        regions = ["global"] if region_roll < 0.25 else ["EU"] if region_roll < 0.35 else [country]
        picks = rng.sample(range(len(sentences)), rng.randint(1, 3))
        text = " ".join(sentence(k, marker) for k in picks)
        noun = rng.choice(NAME_NOUNS)
        place = COUNTRY_NAMES[country] if regions == [country] else "International"
        name = " ".join(p for p in (marker or "", place, rng.choice(cancers), noun) if p)
        status_roll = rng.random()
        out.append(
            SyntheticResource(
                id=f"syn-{i:07d}",
                name=name,
                owner=f"{place} {noun} {i % 997}",
                url=f"https://syn-{i}.example.org",
                kind=kind,
                audience=list(rng.choice(AUDIENCES)),
                cancer_types=rng.sample(cancers, rng.randint(0, 2)),
                biomarkers=[marker] if marker else [],
                regions=regions,
                languages=["en"] if rng.random() < 0.8 else [LANGUAGES.get(country, "en")],
                summary=text,
                last_reviewed=today - timedelta(days=rng.randint(0, 420)),
                status="needs_review"
                if status_roll < 0.03
                else "retired"
                if status_roll < 0.05
                else "active",
                verified=rng.random() > 0.02,
            )
        )
    return out


def derive_vectors(base: np.ndarray, n: int, seed: int = 0, noise: float = 0.02) -> np.ndarray:
    """n unit vectors derived from real embeddings `base` (m, d): base[i] + t * (base[j] -
    base[i]) + noise, t ~ U(0, 0.5). Built in chunks so 1M x 384 stays cheap in memory."""
    rng = np.random.default_rng(seed)
    m, d = base.shape
    out = np.empty((n, d), dtype=np.float32)
    for start in range(0, n, 100_000):
        stop = min(n, start + 100_000)
        size = stop - start
        i = rng.integers(0, m, size)
        j = rng.integers(0, m, size)
        t = rng.uniform(0.0, 0.5, (size, 1)).astype(np.float32)
        chunk = base[i] + t * (base[j] - base[i])
        chunk += noise * rng.standard_normal((size, d)).astype(np.float32)
        chunk /= np.linalg.norm(chunk, axis=1, keepdims=True)
        out[start:stop] = chunk
    return out
