"""Cancer type matcher: free text -> ``cancer_type`` entities valued with OncoTree codes.

Built from knowledge/vocab/cancer_types.yaml (name, lay_name and synonyms of each code), matched
case-insensitively on word boundaries; the longest mention wins, so "non-small cell lung cancer"
gives NSCLC rather than LUNG. PyYAML + stdlib only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nlu.matching import EntityMatch, compile_alternation, fold, select_non_overlapping
from nlu.vocabulary import load


class CancerTypeMatcher:
    """Maps cancer type mentions to OncoTree codes. ``extract`` is pure."""

    def __init__(self, vocab: dict[str, Any]) -> None:
        entries = vocab.get("cancer_types") or []
        if not entries:
            raise ValueError("cancer_types vocabulary has no `cancer_types` entries")
        self.codes: set[str] = set()
        self.parents: dict[str, str | None] = {}
        self._by_key: dict[str, str] = {}
        self._exact: dict[str, str] = {}
        surfaces: set[str] = set()
        exact: set[str] = set()
        for entry in entries:
            code = entry["code"]
            self.codes.add(code)
            self.parents[code] = entry.get("parent")
            exact_keys = {fold(str(f)) for f in entry.get("case_sensitive_synonyms") or []}
            for form in [entry.get("name"), entry.get("lay_name"), *(entry.get("synonyms") or [])]:
                if not form:
                    continue
                key = fold(str(form))
                if key in exact_keys:
                    continue
                # Single bare words that are also ordinary English stay out ("lung", "breast").
                if key in {"lung", "breast", "thyroid", "pancreas", "prostate", "ovary", "bladder"}:
                    continue
                self._by_key.setdefault(key, code)
                surfaces.add(str(form))
            for form in entry.get("case_sensitive_synonyms") or []:
                self._exact.setdefault(str(form), code)
                exact.add(str(form))
        self._rx = compile_alternation(surfaces)
        self._rx_exact = compile_alternation(exact, flags=0)

    @classmethod
    def from_vocab(cls, vocab_dir: str | Path | None = None) -> CancerTypeMatcher:
        """Matcher for knowledge/vocab/cancer_types.yaml (or ``vocab_dir``)."""
        return cls(load("cancer_types", vocab_dir))

    def extract(self, text: str) -> list[EntityMatch]:
        """``cancer_type`` mentions in ``text`` (value: OncoTree code), sorted by offset."""
        cands = [
            EntityMatch(
                "cancer_type",
                self._by_key[fold(m.group(0))],
                m.start(),
                m.end(),
                m.group(0),
                {"kind": "phrase"},
            )
            for m in self._rx.finditer(text or "")
        ]
        cands += [
            EntityMatch(
                "cancer_type",
                self._exact[m.group(0)],
                m.start(),
                m.end(),
                m.group(0),
                {"kind": "exact"},
            )
            for m in self._rx_exact.finditer(text or "")
        ]
        return [
            EntityMatch(c.entity, c.value, c.start, c.end, c.text)
            for c in select_non_overlapping(cands)
        ]

    def ancestors(self, code: str) -> list[str]:
        """Parent chain of ``code`` within the vocabulary, nearest first (LUAD -> NSCLC, LUNG)."""
        chain: list[str] = []
        current = self.parents.get(code)
        while current and current not in chain:
            chain.append(current)
            current = self.parents.get(current)
        return chain
