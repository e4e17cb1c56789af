"""Shared pieces of the rule-based matchers: the match record and boundary-aware regexes.

Matching runs on the original text with character offsets, so Rasa entities get exact
``start``/``end`` values. Word boundaries are "not a letter or digit" on either side rather than
``\\b``, so forms such as ``EGFR+``, ``ROS-1``, ``ex19del`` and ``BCR::ABL1`` match as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

LEFT = r"(?<![A-Za-z0-9À-ÿ])"
RIGHT = r"(?![A-Za-z0-9À-ÿ])"


@dataclass(frozen=True)
class EntityMatch:
    """One entity found in a text: ``text[start:end]`` denotes ``value`` of type ``entity``."""

    entity: str
    value: str
    start: int
    end: int
    text: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def as_rasa(self) -> dict[str, Any]:
        """Rasa entity dict: {"entity", "start", "end", "value", "confidence_entity"}."""
        return {
            "entity": self.entity,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "confidence_entity": 1.0,
        }


_FOLD = re.compile(r"[\s\-\u2010-\u2015]+")


def fold(text: str) -> str:
    """Lookup key of a surface form: lower case, hyphens and whitespace removed.

    "ROS-1", "ros 1" and "ros1" share the key "ros1", which is exactly what ``phrase_pattern``
    lets one pattern match.
    """
    return _FOLD.sub("", text.strip().lower())


def phrase_pattern(phrase: str, split_digits: bool = False) -> str:
    """Regex source for ``phrase`` with flexible inner whitespace/hyphens and safe edges.

    "exon 19 deletion" also matches "exon-19  deletion"; the edges only require that the
    phrase is not glued to a further letter or digit.
    """
    parts = [
        re.escape(p).replace(r"\-", r"[\-\u2010-\u2015]")
        for p in re.split(r"[\s\-\u2010-\u2015]+", phrase.strip())
        if p
    ]
    if split_digits:  # "ex14" also matches "ex 14" / "ex-14"
        parts = [re.sub(r"(?<=[A-Za-z])(?=\d)", r"[\\s\\-]?", p) for p in parts]
    body = r"[\s\-\u2010-\u2015]*".join(parts) if len(parts) > 1 else parts[0]
    return LEFT + body + RIGHT


def compile_alternation(
    phrases: Iterable[str], flags: int = re.IGNORECASE, split_digits: bool = False
) -> re.Pattern[str]:
    """One regex matching any phrase (longest first), with boundary guards."""
    uniq = sorted({p for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not uniq:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{phrase_pattern(p, split_digits)})" for p in uniq), flags)


def select_non_overlapping(
    candidates: list[EntityMatch],
    priority: dict[str, int] | None = None,
) -> list[EntityMatch]:
    """Greedy selection: longest span first (then lower priority number), no overlaps.

    Returns the kept matches sorted by start offset.
    """
    prio = priority or {}
    ordered = sorted(
        candidates,
        key=lambda m: (-(m.end - m.start), prio.get(str(m.extra.get("kind", "")), 50), m.start),
    )
    kept: list[EntityMatch] = []
    for cand in ordered:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda m: (m.start, m.entity))
