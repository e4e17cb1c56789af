"""Errors and issue records for the knowledge repository (stdlib only, no pydantic)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Issue:
    """One problem found in a knowledge file.

    `line` is 1-based (None when unknown); `field` is a dotted path such as
    ``contact.phone`` or ``biomarkers[2]`` (None for whole-file problems).
    """

    path: Path | str
    line: int | None
    field: str | None
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = f"{_display(self.path)}:{self.line}" if self.line else f"{_display(self.path)}"
        what = f" field '{self.field}':" if self.field else ""
        return f"{where}:{what} {self.message}"


class KnowledgeError(ValueError):
    """Raised when knowledge files cannot be loaded; `issues` lists every problem found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        super().__init__("\n".join(str(i) for i in self.issues) or "knowledge error")


def _display(path: Path | str) -> str:
    """Show paths relative to the working directory when possible (clickable in editors)."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)
