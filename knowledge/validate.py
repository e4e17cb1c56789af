"""Whole-repository validation: schema, ids, vocabulary references, URLs, review dates,
safety numbers. Used by ``python -m knowledge validate`` and the content tests.

Every problem is an `Issue` naming file, line and field. Errors fail validation; warnings are
for curators (past review, needs review, biomarkers without a community or community note).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from knowledge import vocab
from knowledge.errors import Issue, KnowledgeError
from knowledge.repository import LoadedResource, load_located, resources_dir
from knowledge.yamlio import Located, load_yaml

#: Countries the safety-numbers vocabulary must cover (issue 3), plus the fallback entry.
REQUIRED_SAFETY_COUNTRIES = ("US", "GB", "IE", "DE", "FR", "ES", "NL", "AU", "CA")
SAFETY_SERVICES = ("emergency", "crisis", "cancer_helpline", "urgent")


@dataclass
class Report:
    """Outcome of `validate`: loaded resources and every issue found."""

    resources: list[LoadedResource] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def normalise_url(url: str) -> str:
    """Comparable form of a URL: lower-case host without 'www.', no trailing slash, no scheme,
    no fragment. Used to find two resources pointing at the same page."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def _warn(path: Path, line: int | None, fld: str | None, msg: str) -> Issue:
    return Issue(path, line, fld, msg, severity="warning")


def _load_vocabularies(issues: list[Issue]) -> dict[str, Any] | None:
    """Parse each vocabulary with the line-aware loader (so bad YAML shows file:line)."""
    out: dict[str, Any] = {}
    for name in vocab.VOCAB_NAMES:
        path = vocab.vocab_path(name)
        if not path.exists():
            issues.append(Issue(path, None, None, "vocabulary file is missing"))
            continue
        try:
            out[name] = load_yaml(path)
        except KnowledgeError as exc:
            issues.extend(exc.issues)
    return out if len(out) == len(vocab.VOCAB_NAMES) else None


def _check_vocab_files(docs: dict[str, Located], issues: list[Issue]) -> None:
    countries = docs["countries"]
    for i, entry in enumerate((countries.data or {}).get("countries") or []):
        code = entry.get("code") if isinstance(entry, dict) else None
        if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
            issues.append(
                Issue(
                    countries.path,
                    countries.line(("countries", i, "code")),
                    f"countries[{i}].code",
                    f"country code must be two capital letters, got {code!r}"
                    + (" (quote NO: YAML reads it as false)" if code is False else ""),
                )
            )
    bio = docs["biomarkers"]
    for i, entry in enumerate((bio.data or {}).get("biomarkers") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("symbol"), str):
            issues.append(
                Issue(bio.path, bio.line(("biomarkers", i)), f"biomarkers[{i}]", "needs a symbol")
            )


def _check_references(item: LoadedResource, known: dict[str, Any], issues: list[Issue]) -> None:
    r = item.resource
    families: dict[str, set[str]] = known["families"]
    for i, sym in enumerate(r.biomarkers):
        if sym not in known["biomarkers"]:
            issues.append(
                Issue(
                    item.path,
                    item.line("biomarkers", i),
                    f"biomarkers[{i}]",
                    f"unknown biomarker {sym!r} (not in knowledge/vocab/biomarkers.yaml)",
                )
            )
    tagged = set(r.biomarkers)
    for fam, members in families.items():
        if fam in tagged:
            tagged |= members
    for i, alt in enumerate(r.alterations):
        gene = known["alterations"].get(alt)
        if gene is None:
            issues.append(
                Issue(
                    item.path,
                    item.line("alterations", i),
                    f"alterations[{i}]",
                    f"unknown alteration {alt!r} (use a canonical name from biomarkers.yaml)",
                )
            )
        elif gene not in tagged:
            issues.append(
                Issue(
                    item.path,
                    item.line("alterations", i),
                    f"alterations[{i}]",
                    f"alteration {alt!r} belongs to {gene}, which is not in this resource's "
                    "biomarkers",
                )
            )
    for i, code in enumerate(r.cancer_types):
        if code not in known["cancer_types"]:
            issues.append(
                Issue(
                    item.path,
                    item.line("cancer_types", i),
                    f"cancer_types[{i}]",
                    f"unknown cancer type {code!r} (use an OncoTree code from cancer_types.yaml)",
                )
            )
    for i, region in enumerate(r.regions):
        if region not in known["regions"]:
            issues.append(
                Issue(
                    item.path,
                    item.line("regions", i),
                    f"regions[{i}]",
                    f"unknown region {region!r} (add the country to countries.yaml first)",
                )
            )


def _check_dates_and_status(item: LoadedResource, today: date, issues: list[Issue]) -> None:
    r = item.resource
    if r.last_reviewed > today:
        issues.append(
            Issue(item.path, item.line("last_reviewed"), "last_reviewed", "date is in the future")
        )
    elif r.status == "active" and r.is_overdue(today):
        issues.append(
            _warn(
                item.path,
                item.line("last_reviewed"),
                "last_reviewed",
                f"past review since {r.review_due().isoformat()}: hidden from patients until "
                "re-checked",
            )
        )
    if r.status == "needs_review":
        issues.append(
            _warn(item.path, item.line("status"), "status", "needs review: hidden from patients")
        )
    if r.status == "active" and not r.verified:
        issues.append(
            Issue(
                item.path,
                item.line("verified"),
                "verified",
                "an active resource must be verified (set status: needs_review until it is)",
            )
        )


def _check_duplicate_urls(items: list[LoadedResource], issues: list[Issue]) -> None:
    seen: dict[str, LoadedResource] = {}
    for item in items:
        r = item.resource
        if r.url is None or r.status == "retired":
            continue
        key = normalise_url(r.url)
        prior = seen.get(key)
        if prior is not None:
            issues.append(
                Issue(
                    item.path,
                    item.line("url"),
                    "url",
                    f"same address as '{prior.resource.id}' ({prior.path.name}:"
                    f"{prior.line('url')}); merge them or link a more specific page",
                )
            )
        else:
            seen[key] = item


def _check_safety_numbers(doc: Located, ids: set[str], regions: set[str], issues: list[Issue]):
    data = doc.data if isinstance(doc.data, dict) else {}
    countries = data.get("countries")
    if not isinstance(countries, dict):
        issues.append(Issue(doc.path, doc.line(), "countries", "expected a mapping of countries"))
        return
    for code in (*REQUIRED_SAFETY_COUNTRIES, "international"):
        if code not in countries:
            issues.append(
                Issue(doc.path, doc.line(("countries",)), f"countries.{code}", "missing entry")
            )
    for code, entry in countries.items():
        loc: tuple[str | int, ...] = ("countries", code)
        if code != "international" and code not in regions:
            issues.append(
                Issue(doc.path, doc.line(loc), f"countries.{code}", "not in countries.yaml")
            )
        if not isinstance(entry, dict):
            issues.append(Issue(doc.path, doc.line(loc), f"countries.{code}", "expected mapping"))
            continue
        for service, value in entry.items():
            where = f"countries.{code}.{service}"
            sloc = (*loc, service)
            if service not in SAFETY_SERVICES and service not in ("note", "notes", "other"):
                issues.append(Issue(doc.path, doc.line(sloc), where, "unknown service"))
                continue
            if service not in SAFETY_SERVICES:
                continue
            if value is None:
                continue  # a recorded gap; the entry's note should say why
            if not isinstance(value, dict):
                issues.append(Issue(doc.path, doc.line(sloc), where, "expected mapping or null"))
                continue
            if value.get("number") is None:
                if not value.get("note"):
                    issues.append(
                        Issue(doc.path, doc.line(sloc), where, "number is null without a note")
                    )
                continue
            if not str(value.get("number", "")).strip():
                issues.append(Issue(doc.path, doc.line(sloc), where, "empty number"))
            for key in ("name", "source"):
                if not value.get(key):
                    issues.append(
                        Issue(doc.path, doc.line(sloc), f"{where}.{key}", "required for a number")
                    )
            src = value.get("source")
            if src and urlsplit(str(src)).scheme not in ("http", "https"):
                issues.append(
                    Issue(doc.path, doc.line((*sloc, "source")), f"{where}.source", "not a URL")
                )
            url = value.get("url")
            if url and not str(url).startswith("https://"):
                issues.append(
                    Issue(doc.path, doc.line((*sloc, "url")), f"{where}.url", "must use https://")
                )
            rid = value.get("resource_id")
            if rid and rid not in ids:
                issues.append(
                    Issue(
                        doc.path,
                        doc.line((*sloc, "resource_id")),
                        f"{where}.resource_id",
                        f"no resource with id {rid!r}",
                    )
                )


def _check_community_coverage(
    docs: dict[str, Located], items: list[LoadedResource], today: date, issues: list[Issue]
) -> None:
    """Every vocabulary biomarker either has an active community resource (directly, through
    its family, or through its members) or a `community_note` saying honestly that none
    exists."""
    bio = docs["biomarkers"]
    entries = (bio.data or {}).get("biomarkers") or []
    covered = covered_by_community(items, today)
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        sym = entry.get("symbol")
        if sym in covered or entry.get("community_note"):
            continue
        issues.append(
            _warn(
                bio.path,
                bio.line(("biomarkers", i, "symbol")),
                f"biomarkers[{i}].community_note",
                f"{sym}: no active patient community resource and no community_note",
            )
        )


def covered_by_community(items: list[LoadedResource], today: date) -> set[str]:
    """Biomarker symbols reachable from an active community resource, expanding families both
    ways (a NTRK community covers NTRK1-3; an NTRK1 community covers the NTRK label)."""
    families = vocab.family_members()
    covered: set[str] = set()
    for item in items:
        r = item.resource
        if r.kind == "community" and r.is_patient_visible(today):
            covered.update(r.biomarkers)
    for fam, members in families.items():
        if fam in covered:
            covered |= members
        elif covered & members:
            covered.add(fam)
    return covered


def validate(root: Path | None = None, today: date | None = None) -> Report:
    """Run every check over resources under `root` (default: `resources_dir()`) and the
    vocabularies in `vocab.vocab_dir()`. Returns a Report; never raises for content problems."""
    today = today or date.today()
    root = Path(root) if root is not None else resources_dir()
    report = Report()
    try:
        report.resources, issues = load_located(root)
    except KnowledgeError as exc:
        report.issues.extend(exc.issues)
        return report
    report.issues.extend(issues)
    vocab.clear_cache()
    docs = _load_vocabularies(report.issues)
    if docs is not None:
        _check_vocab_files(docs, report.issues)
    vocab_errors = [i for i in report.issues if Path(i.path).parent == vocab.vocab_dir()]
    known: dict[str, Any] | None = None
    if docs is not None and not vocab_errors:
        try:
            known = {
                "biomarkers": vocab.biomarker_symbols(),
                "families": vocab.family_members(),
                "alterations": vocab.alteration_names(),
                "cancer_types": vocab.cancer_type_codes(),
                "regions": vocab.region_codes(),
            }
        except (KeyError, TypeError, yaml.YAMLError) as exc:
            report.issues.append(
                Issue(vocab.vocab_dir(), None, None, f"vocabulary has an unexpected shape: {exc}")
            )
    for item in report.resources:
        if known is not None:
            _check_references(item, known, report.issues)
        _check_dates_and_status(item, today, report.issues)
    _check_duplicate_urls(report.resources, report.issues)
    if known is not None and docs is not None:
        ids = {item.resource.id for item in report.resources}
        _check_safety_numbers(docs["safety_numbers"], ids, known["regions"], report.issues)
        _check_community_coverage(docs, report.resources, today, report.issues)
    return report
