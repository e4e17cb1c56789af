"""Load curated resources from YAML and serve them with the visibility rules applied.

`load_resources` checks the schema and id uniqueness and fails with a `KnowledgeError` naming
file, line and field. Vocabulary cross-checks, duplicate URLs and review dates are the job of
`knowledge.validate` (``python -m knowledge validate``), so a vocabulary being edited cannot
take the running assistant down.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from knowledge.errors import Issue, KnowledgeError
from knowledge.schema import Resource
from knowledge.yamlio import Located, load_yaml, records

PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """Default resources directory: knowledge/resources, or env PMN_KNOWLEDGE_DIR."""
    env = os.environ.get("PMN_KNOWLEDGE_DIR")
    return Path(env) if env else PACKAGE_DIR / "resources"


@dataclass(frozen=True)
class LoadedResource:
    """A resource with where it came from, so later checks can point at file:line."""

    resource: Resource
    record: Located

    def line(self, *loc: str | int) -> int:
        return self.record.line(loc)

    @property
    def path(self) -> Path:
        return self.record.path


def resource_files(root: Path) -> list[Path]:
    """All *.yaml / *.yml files below `root`, sorted (stable load order)."""
    if not root.is_dir():
        raise KnowledgeError([Issue(root, None, None, "resources directory does not exist")])
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _field_path(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_issues(exc: ValidationError, record: Located) -> list[Issue]:
    issues = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field (typo? see docs/curation.md for the field list)"
        elif err["type"] == "missing":
            msg = "required field is missing"
        issues.append(Issue(record.path, record.line(loc), _field_path(loc) or None, msg))
    return issues


def load_located(root: Path | None = None) -> tuple[list[LoadedResource], list[Issue]]:
    """Load every record under `root`, collecting problems instead of stopping at the first.

    Returns (resources that passed the schema, issues). Duplicate ids are reported as issues
    and only the first occurrence is kept.
    """
    root = Path(root) if root is not None else resources_dir()
    loaded: list[LoadedResource] = []
    issues: list[Issue] = []
    first_seen: dict[str, LoadedResource] = {}
    for path in resource_files(root):
        try:
            recs = records(load_yaml(path))
        except KnowledgeError as exc:
            issues.extend(exc.issues)
            continue
        for rec in recs:
            try:
                resource = Resource.model_validate(rec.data)
            except ValidationError as exc:
                issues.extend(_schema_issues(exc, rec))
                continue
            item = LoadedResource(resource, rec)
            prior = first_seen.get(resource.id)
            if prior is not None:
                issues.append(
                    Issue(
                        rec.path,
                        item.line("id"),
                        "id",
                        f"duplicate id '{resource.id}' (first defined in "
                        f"{prior.path.name}:{prior.line('id')})",
                    )
                )
                continue
            first_seen[resource.id] = item
            loaded.append(item)
    return loaded, issues


def load_resources(root: Path | None = None) -> list[Resource]:
    """Load and schema-check all resources (default root: `resources_dir()`).

    Returns resources in file order. Raises KnowledgeError listing every problem
    (``file:line: field 'x': message``) if any file is invalid.
    """
    loaded, issues = load_located(root)
    errors = [i for i in issues if i.severity == "error"]
    if errors:
        raise KnowledgeError(errors)
    return [item.resource for item in loaded]


class Repository:
    """In-memory view over the curated resources, with the visibility rules applied."""

    def __init__(self, resources: Iterable[Resource]) -> None:
        self._resources: list[Resource] = list(resources)
        self._by_id: dict[str, Resource] = {}
        for r in self._resources:
            if r.id in self._by_id:
                raise ValueError(f"duplicate resource id: {r.id!r}")
            self._by_id[r.id] = r

    def __len__(self) -> int:
        return len(self._resources)

    def all(self) -> list[Resource]:
        """Every resource, whatever its status (for curation tools, not for users)."""
        return list(self._resources)

    def get(self, resource_id: str) -> Resource | None:
        return self._by_id.get(resource_id)

    def visible(self, audience: str, today: date | None = None) -> list[Resource]:
        """Resources that may be shown to a user in role `audience` on `today`.

        Patients, caregivers and organisations (and any unknown role): only active, verified
        and not past review. Clinicians: anything verified and not retired; callers should show
        `Resource.review_flag(today)` next to needs-review or overdue items. This is the safety
        rule only; matching a resource's intended audience is the search filter's job.
        """
        today = today or date.today()
        return [r for r in self._resources if r.is_visible_to(audience, today)]

    def content_hash(self) -> str:
        """sha256 hex digest over the canonical JSON of all resources, ordered by id."""
        payload = [r.model_dump(mode="json") for r in sorted(self._resources, key=lambda r: r.id)]
        blob = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def load_repository(root: Path | None = None) -> Repository:
    """Load resources from `root` (default: `resources_dir()`) into a Repository."""
    return Repository(load_resources(root))
