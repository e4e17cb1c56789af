"""Vocabularies shared by NLU (engine env) and the app: PyYAML + stdlib only.

Files live in knowledge/vocab/ (env PMN_VOCAB_DIR overrides): biomarkers.yaml,
cancer_types.yaml, countries.yaml, safety_numbers.yaml. Formats are in
/docs/curation.md and the module contracts. Loaded files are cached per (directory, name,
modification time), so edits are picked up without a restart.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

VOCAB_NAMES = ("biomarkers", "cancer_types", "countries", "safety_numbers")


def vocab_dir() -> Path:
    """Directory holding the vocabulary files: knowledge/vocab, or env PMN_VOCAB_DIR."""
    env = os.environ.get("PMN_VOCAB_DIR")
    return Path(env) if env else Path(__file__).resolve().parent / "vocab"


def vocab_path(name: str) -> Path:
    """Path of vocabulary `name` (one of VOCAB_NAMES)."""
    if name not in VOCAB_NAMES:
        raise ValueError(f"unknown vocabulary {name!r}; expected one of {', '.join(VOCAB_NAMES)}")
    return vocab_dir() / f"{name}.yaml"


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def load_vocab(name: str) -> dict[str, Any]:
    """Parsed vocabulary `name` as a dict (top-level keys as in the file).

    Raises FileNotFoundError if the file is missing. Callers must not mutate the result.
    """
    path = vocab_path(name)
    return _load_cached(str(path), path.stat().st_mtime_ns)


def clear_cache() -> None:
    """Forget cached files (tests that switch PMN_VOCAB_DIR call this)."""
    _load_cached.cache_clear()


# --- biomarkers ----------------------------------------------------------------------------


def biomarker_entries() -> list[dict[str, Any]]:
    """The `biomarkers` list of biomarkers.yaml (each a dict with symbol, type, aliases...)."""
    return list(load_vocab("biomarkers").get("biomarkers") or [])


def biomarker_symbols() -> set[str]:
    """Every symbol a resource may be tagged with: entries, and members of families."""
    symbols: set[str] = set()
    for entry in biomarker_entries():
        symbols.add(entry["symbol"])
        symbols.update(entry.get("members") or [])
    return symbols


def family_members() -> dict[str, set[str]]:
    """Family label -> member symbols, e.g. {"NTRK": {"NTRK1", "NTRK2", "NTRK3"}}.

    Built from `members` on family entries and `family` on member entries.
    """
    families: dict[str, set[str]] = {}
    for entry in biomarker_entries():
        if entry.get("members"):
            families.setdefault(entry["symbol"], set()).update(entry["members"])
        if entry.get("family"):
            families.setdefault(entry["family"], set()).add(entry["symbol"])
    return families


def alteration_names() -> dict[str, str]:
    """Canonical alteration name -> biomarker symbol, from entries, variant rules and
    fusion partners."""
    data = load_vocab("biomarkers")
    names: dict[str, str] = {}
    for entry in data.get("biomarkers") or []:
        for alt in entry.get("alterations") or []:
            names[alt["name"]] = entry["symbol"]
    for rule in data.get("variant_rules") or []:
        if rule.get("alteration"):
            names.setdefault(rule["alteration"], rule["gene"])
    for rule in data.get("fusion_partners") or []:
        if rule.get("alteration"):
            names.setdefault(rule["alteration"], rule["gene"])
    return names


def community_notes() -> dict[str, str]:
    """Symbol -> honest note for biomarkers without a dedicated patient community."""
    return {
        e["symbol"]: e["community_note"] for e in biomarker_entries() if e.get("community_note")
    }


# --- cancer types and countries ------------------------------------------------------------


def cancer_type_codes() -> set[str]:
    """OncoTree codes known to the vocabulary."""
    return {c["code"] for c in load_vocab("cancer_types").get("cancer_types") or []}


def cancer_type_parents() -> dict[str, str | None]:
    """OncoTree code -> parent code (None at the top)."""
    return {
        c["code"]: c.get("parent") for c in load_vocab("cancer_types").get("cancer_types") or []
    }


def country_entries() -> list[dict[str, Any]]:
    """The `countries` list of countries.yaml."""
    return list(load_vocab("countries").get("countries") or [])


def country_codes() -> set[str]:
    """ISO 3166-1 alpha-2 codes known to the vocabulary."""
    return {c["code"] for c in country_entries()}


def eu_members() -> set[str]:
    """Codes of EU member states (entries with `eu: true`)."""
    return {c["code"] for c in country_entries() if c.get("eu")}


def region_codes() -> set[str]:
    """Everything a resource's `regions` may contain: country codes, 'EU' and 'global'."""
    return country_codes() | {"EU", "global"}


# --- safety numbers ------------------------------------------------------------------------


def safety_numbers(country: str | None = None) -> dict[str, Any]:
    """Safety numbers for `country` (ISO alpha-2, case-insensitive; "UK" is read as GB).

    Returns {"country": code or "international", "fallback": bool, "emergency", "crisis",
    "cancer_helpline", "urgent": dict | None, "note": str | None, "international": dict}.
    Each service dict has `number`, `name`, `source` and optionally `url`, `hours`,
    `resource_id`, `note`; None means no verified number (a recorded gap, never a guess).
    In the international entry `number` may be None with a `note` (e.g. "call your local
    emergency number"). Unknown or missing countries give the international entry with
    fallback=True.
    """
    data = load_vocab("safety_numbers")
    countries = data.get("countries") or {}
    international = countries.get("international") or {}
    code = (country or "").strip().upper()
    if code == "UK":
        code = "GB"
    entry = countries.get(code) if code and code != "INTERNATIONAL" else None
    fallback = not isinstance(entry, dict) or not entry
    chosen: dict[str, Any] = international if fallback or entry is None else entry
    return {
        "country": "international" if fallback else code,
        "fallback": fallback,
        "emergency": _service(chosen.get("emergency")),
        "crisis": _service(chosen.get("crisis")),
        "cancer_helpline": _service(chosen.get("cancer_helpline")),
        "urgent": _service(chosen.get("urgent")),
        "note": chosen.get("note"),
        "international": international,
    }


def _service(value: Any) -> dict[str, Any] | None:
    if isinstance(value, dict) and (value.get("number") or value.get("note")):
        return value
    return None
