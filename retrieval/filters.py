"""Metadata filters and their semantics.

A resource qualifies for a `Filters` value when every given field matches:

- biomarkers: the resource is tagged with one of them, with its family label or with a family
  member (a query for NTRK1 matches NTRK; a query for NTRK matches NTRK1-3), or the resource is
  not biomarker-specific (no biomarker tags). Specific tags rank higher.
- cancer_type: the resource has no cancer types (any cancer), or a tag equal to the code, an
  ancestor or a descendant of it in OncoTree.
- country: the resource is tagged with the country, with "global", or with "EU" when the country
  is an EU member state (GB is not).
- audience: patients and caregivers (lay users) only get resources whose audience includes
  patients or caregivers; clinicians and organisations get every kind (they signpost patients
  too), resources tagged for them rank higher.
- kind: one kind or a list of kinds.
- language: the resource lists the language (or "multi").
- status, always applied: everyone except clinicians (patients, caregivers, organisations, an
  unspecified audience) only gets resources that are `is_patient_visible(today)` (active,
  verified, not overdue); clinicians get `is_clinician_visible(today)` (verified, not retired;
  needs_review and overdue resources carry a warning in `why`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from retrieval.rules import MatchRules

if TYPE_CHECKING:
    import numpy as np

LAY_AUDIENCES = frozenset({"patients", "caregivers"})
PROFESSIONAL_AUDIENCES = frozenset({"clinicians", "organisations"})
AUDIENCES = LAY_AUDIENCES | PROFESSIONAL_AUDIENCES
ANY = ""  # posting key for "untagged" (not specific)


@dataclass
class Filters:
    """Search filters; None means "do not filter on this field"."""

    biomarkers: list[str] | None = None
    cancer_type: str | None = None
    country: str | None = None
    audience: str | None = None
    kind: str | list[str] | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.biomarkers, str):
            self.biomarkers = [self.biomarkers]
        if self.biomarkers is not None:
            self.biomarkers = [b for b in self.biomarkers if b and b.strip()] or None
        if self.audience is not None:
            self.audience = self.audience.strip().lower() or None
            if self.audience is not None and self.audience not in AUDIENCES:
                raise ValueError(
                    f"audience must be one of {sorted(AUDIENCES)}, got {self.audience!r}"
                )
        for name in ("cancer_type", "country", "language"):
            value = getattr(self, name)
            if value is not None and not str(value).strip():
                setattr(self, name, None)

    @property
    def kinds(self) -> list[str] | None:
        """The kind filter as a list (None when unset)."""
        if self.kind is None:
            return None
        kinds = [self.kind] if isinstance(self.kind, str) else list(self.kind)
        return [k.strip().lower() for k in kinds if k and k.strip()] or None

    @property
    def is_lay(self) -> bool:
        """True for patients, caregivers and an unspecified audience (the safe default)."""
        return self.audience is None or self.audience in LAY_AUDIENCES

    @property
    def patient_rules(self) -> bool:
        """True unless the audience is clinicians: everyone else (patients, caregivers,
        organisations that pass resources on, unknown) sees only patient-visible resources."""
        return self.audience != "clinicians"

    def without_region(self) -> Filters:
        """A copy without country and language (used by the nearest-available fallback)."""
        return Filters(self.biomarkers, self.cancer_type, None, self.audience, self.kind, None)


def _kind(resource: Any) -> str:
    value = getattr(resource, "kind", "")
    return str(getattr(value, "value", value)).lower()


class MetadataTable:
    """Postings (field value -> rows) over a resource list, turned into boolean masks per query.

    Built once per index; a query costs a few numpy unions over the matching rows.
    """

    def __init__(self, resources: list[Any], rules: MatchRules) -> None:
        import numpy as np

        self.resources = resources
        self.rules = rules
        self.size = len(resources)
        postings: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for row, res in enumerate(resources):
            markers = [rules.normalise_biomarker(b) for b in getattr(res, "biomarkers", []) or []]
            for b in markers or [ANY]:
                postings["biomarker"][b].append(row)
            cancers = [str(c).upper() for c in getattr(res, "cancer_types", []) or []]
            for c in cancers or [ANY]:
                postings["cancer"][c].append(row)
            for r in getattr(res, "regions", []) or []:
                postings["region"][str(r).upper()].append(row)
            for a in getattr(res, "audience", []) or []:
                postings["audience"][str(getattr(a, "value", a)).lower()].append(row)
            postings["kind"][_kind(res)].append(row)
            for lang in getattr(res, "languages", []) or []:
                postings["language"][str(lang).lower()].append(row)
        self._postings = {
            field: {value: np.asarray(rows, dtype=np.int64) for value, rows in values.items()}
            for field, values in postings.items()
        }
        self._visibility: dict[tuple[date, bool], np.ndarray] = {}
        self._masks: dict[tuple[str, str], np.ndarray] = {}

    def rows(self, field: str, values: Iterable[str]) -> np.ndarray:
        """Boolean mask of rows whose `field` carries any of `values` (read-only when it is a
        cached single-value mask: combine with `&`/`|`, never modify in place)."""
        import numpy as np

        masks = [m for m in (self._value_mask(field, v) for v in set(values)) if m is not None]
        if not masks:
            return np.zeros(self.size, dtype=bool)
        if len(masks) == 1:
            return masks[0]
        out = masks[0] | masks[1]
        for m in masks[2:]:
            out |= m
        return out

    def _value_mask(self, field: str, value: str) -> np.ndarray | None:
        """Cached read-only mask of the rows carrying one value (None when no row does).

        Built from the postings on first use; one byte per resource and value, so a query
        costs a few vectorised ORs/ANDs instead of scattering posting lists into new masks."""
        import numpy as np

        key = (field, value)
        mask = self._masks.get(key)
        if mask is None:
            rows = self._postings.get(field, {}).get(value)
            if rows is None:
                return None
            mask = np.zeros(self.size, dtype=bool)
            mask[rows] = True
            mask.flags.writeable = False
            self._masks[key] = mask
        return mask

    def visibility(self, today: date, lay: bool) -> np.ndarray:
        """Mask of resources that may be shown (patient rules when lay, else clinician rules)."""
        import numpy as np

        key = (today, lay)
        if key not in self._visibility:
            if len(self._visibility) > 8:
                self._visibility.clear()
            check = "is_patient_visible" if lay else "is_clinician_visible"
            self._visibility[key] = np.fromiter(
                (bool(getattr(r, check)(today)) for r in self.resources),
                dtype=bool,
                count=self.size,
            )
        return self._visibility[key]

    def mask(self, filters: Filters, today: date, *, region: bool = True) -> np.ndarray:
        """Mask of resources that satisfy `filters` (see module docstring); region=False skips
        the country and language rules."""
        mask = self.visibility(today, filters.patient_rules).copy()
        if filters.biomarkers:
            wanted: set[str] = {ANY}
            for b in filters.biomarkers:
                wanted |= self.rules.expand_biomarker(b)
            mask &= self.rows("biomarker", wanted)
        if filters.cancer_type:
            codes = self.rules.compatible_cancer_types(filters.cancer_type) | {ANY}
            mask &= self.rows("cancer", codes)
        if region and filters.country:
            mask &= self.rows("region", self.rules.qualifying_regions(filters.country))
        if filters.audience in LAY_AUDIENCES:
            mask &= self.rows("audience", LAY_AUDIENCES)
        if filters.kinds:
            mask &= self.rows("kind", set(filters.kinds))
        if region and filters.language:
            mask &= self.rows("language", {filters.language.strip().lower(), "multi"})
        return mask

    def specific_biomarker_rows(self, filters: Filters) -> np.ndarray:
        """Mask of resources tagged with one of the filter's biomarkers (family-expanded)."""
        wanted: set[str] = set()
        for b in filters.biomarkers or []:
            wanted |= self.rules.expand_biomarker(b)
        return self.rows("biomarker", wanted)


def explain(resource: Any, filters: Filters, rules: MatchRules, today: date) -> list[str]:
    """Human-readable reasons a resource passed the filters, e.g. ["biomarker: tagged EGFR"]."""
    why: list[str] = []
    if filters.biomarkers:
        tags = {rules.normalise_biomarker(b) for b in getattr(resource, "biomarkers", []) or []}
        wanted: set[str] = set()
        for b in filters.biomarkers:
            wanted |= rules.expand_biomarker(b)
        hit = sorted(tags & wanted)
        if hit:
            why.append(f"biomarker: tagged {', '.join(hit)}")
        else:
            why.append("biomarker: not biomarker-specific")
    if filters.cancer_type:
        codes = [str(c).upper() for c in getattr(resource, "cancer_types", []) or []]
        compatible = rules.compatible_cancer_types(filters.cancer_type)
        hit = sorted(set(codes) & compatible)
        why.append(f"cancer type: {', '.join(hit)}" if hit else "cancer type: any cancer")
    if filters.country:
        regions = {str(r).upper() for r in getattr(resource, "regions", []) or []}
        country = filters.country.strip().upper()
        if country in regions:
            why.append(f"region: serves {country}")
        elif "EU" in regions and country in rules.eu_members:
            why.append(f"region: EU-wide, {country} is an EU member state")
        elif "GLOBAL" in regions:
            why.append("region: international")
    if filters.audience:
        audiences = {str(getattr(a, "value", a)).lower() for a in resource.audience or []}
        if filters.audience in audiences:
            why.append(f"audience: for {filters.audience}")
        elif filters.audience in LAY_AUDIENCES:
            why.append("audience: for patients and carers")
        else:
            why.append(f"audience: written for {', '.join(sorted(audiences)) or 'anyone'}")
    if filters.kinds:
        why.append(f"kind: {_kind(resource)}")
    if filters.language:
        why.append(f"language: {filters.language.lower()}")
    status = getattr(resource, "status", "active")
    status = str(getattr(status, "value", status))
    if status != "active":
        why.append(f"status: {status.replace('_', ' ')} (check before relying on it)")
    overdue = getattr(resource, "is_overdue", None)
    if overdue is not None and overdue(today):
        why.append("status: past its review date (check before relying on it)")
    return why
