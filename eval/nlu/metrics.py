"""Entity and triage evaluation over the labelled sets in eval/nlu (stdlib + PyYAML + nlu/).

Both run on the plain matchers that the Rasa components wrap (same code, no model needed), so
they work in either environment and take about a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from nlu.biomarkers import BiomarkerNormaliser
from nlu.cancer_types import CancerTypeMatcher
from nlu.countries import CountryMatcher
from nlu.roles import detect_role
from nlu.triage import screen as triage_screen

HERE = Path(__file__).resolve().parent
ENTITY_TYPES = ("biomarker", "alteration", "cancer_type", "country", "role")


@dataclass
class PRF:
    """Counts and derived precision/recall/F1 for one entity type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class Extractor:
    """All rule-based extractors together: text -> {entity type: set of values}."""

    def __init__(self) -> None:
        self.biomarkers = BiomarkerNormaliser.from_vocab()
        self.cancers = CancerTypeMatcher.from_vocab()
        self.countries = CountryMatcher.from_vocab()

    def __call__(self, text: str) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for m in self.biomarkers.extract(text):
            found[m.entity].add(m.value)
        for m in self.cancers.extract(text):
            found["cancer_type"].add(m.value)
        for m in self.countries.extract(text):
            found["country"].add(m.value)
        role = detect_role(text)
        if role is not None:
            found["role"].add(role.value)
        return found


def load_yaml(name: str) -> Any:
    """A YAML file of eval/nlu; a red-flag set's negatives come back as plain strings."""
    with open(HERE / name, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if isinstance(data, dict) and isinstance(data.get("negatives"), list):
        data["negatives"] = [negative_text(n) for n in data["negatives"]]
    return data


def negative_text(entry: Any) -> str:
    """The text of one hard negative, written either as a string or as ``{text: ...}`` (blind
    set E). Raises ValueError on anything else: a negative that is not screened as text would
    silently count as a true negative (E's first run screened the dicts themselves, which the
    screen answers with None, and reported 0/437 false positives)."""
    if isinstance(entry, dict):
        entry = entry.get("text")
    if not isinstance(entry, str) or not entry.strip():
        raise ValueError(f"hard negative is not a non-empty text: {entry!r}")
    return entry


def evaluate_entities(items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Set-based P/R/F1 per entity type over the entity set.

    Returns {"n": utterances, "hard_negatives": count, "by_type": {type: PRF},
    "hard_negative_clean": share of hard negatives with no wrong entity}.
    """
    items = items if items is not None else load_yaml("entities.yml")["items"]
    extract = Extractor()
    by_type = {t: PRF() for t in ENTITY_TYPES}
    hard_total = hard_clean = 0
    for item in items:
        text = item["text"]
        got = extract(text)
        clean = True
        for etype in ENTITY_TYPES:
            gold_raw = item.get(etype) or []
            gold = {gold_raw} if isinstance(gold_raw, str) else set(gold_raw)
            pred = got.get(etype, set())
            prf = by_type[etype]
            prf.tp += len(gold & pred)
            for v in sorted(pred - gold):
                prf.fp += 1
                prf.errors.append(f"FP {etype}={v}: {text}")
                clean = False
            for v in sorted(gold - pred):
                prf.fn += 1
                prf.errors.append(f"FN {etype}={v}: {text}")
        if item.get("hard_negative"):
            hard_total += 1
            hard_clean += clean
    return {
        "n": len(items),
        "hard_negatives": hard_total,
        "hard_negative_clean": hard_clean / hard_total if hard_total else 1.0,
        "by_type": by_type,
    }


def evaluate_triage(
    data: dict[str, Any] | None = None, screen_fn: Callable[[str], Any] | None = None
) -> dict[str, Any]:
    """Recall per (category, explicit), category accuracy and false-positive rate.

    Returns {"groups": {(category, explicit): {"n", "fired", "correct"}}, "negatives": n,
    "false_positives": [texts], "fpr": float, "errors": [str]}. ``fired`` counts any red
    flag, ``correct`` only the expected category.
    """
    data = data if data is not None else load_yaml("triage.yml")
    screen = screen_fn or triage_screen
    groups: dict[tuple[str, bool], dict[str, int]] = defaultdict(
        lambda: {"n": 0, "fired": 0, "correct": 0}
    )
    errors: list[str] = []
    for item in data["positives"]:
        key = (item["category"], bool(item["explicit"]))
        result = screen(item["text"])
        groups[key]["n"] += 1
        if result is not None:
            groups[key]["fired"] += 1
            if result.category == item["category"]:
                groups[key]["correct"] += 1
                continue
            errors.append(f"WRONG {item['category']}->{result.category}: {item['text']}")
        else:
            errors.append(
                f"MISS {item['category']}/{'explicit' if key[1] else 'indirect'}: {item['text']}"
            )
    fps = []
    for text in (negative_text(n) for n in data["negatives"]):
        result = screen(text)
        if result is not None:
            fps.append(text)
            errors.append(f"FP {result.category}/{result.rule} on {result.matched!r}: {text}")
    n_neg = len(data["negatives"])
    return {
        "groups": dict(groups),
        "negatives": n_neg,
        "false_positives": fps,
        "fpr": len(fps) / n_neg if n_neg else 0.0,
        "errors": errors,
    }
