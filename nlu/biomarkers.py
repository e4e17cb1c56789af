"""Biomarker normaliser: free text -> ``biomarker`` and ``alteration`` entities.

Built from knowledge/vocab/biomarkers.yaml; PyYAML + stdlib only, so the Rasa engine env, the
action server and the gateway can all use it. Usage::

    from nlu.biomarkers import BiomarkerNormaliser
    norm = BiomarkerNormaliser.from_vocab()
    norm.extract("my dad is EML4-ALK positive")      # -> [EntityMatch(biomarker ALK), ...]
    norm.normalise("her2")                            # -> "ERBB2"

What it understands:
- aliases of genes, families and named biomarkers (``HER2`` -> ERBB2, ``MSI-high`` -> MSI-H,
  ``ROS-1`` -> ROS1), case-insensitively, except that purely alphabetic aliases of
  ``upper_only`` symbols (MET, RET, KIT, ALK, ROS, ATM) need capitals or gene context
  ("+", "positive", "fusion", "mutation", "exon"...), so "I met my oncologist" or "a first-aid
  kit" yield nothing;
- alteration patterns (``ex19del`` -> "EGFR exon 19 deletion"), with the gene inferred;
- protein variants (``G12C`` -> KRAS / "KRAS G12C"); an explicit gene right before a variant
  wins ("NRAS G12C" -> "NRAS G12C"), and "GENE <variant>" yields "GENE <variant>" even for
  variants that have no rule;
- partner fusions (``EML4-ALK``, ``KIF5B::RET``, ``BCR-ABL``) -> driver gene + fusion name.

Why not spaCy's PhraseMatcher: spaCy's tokenizer splits "EGFR+", "ex19del" and "BCR::ABL1"
inconsistently, while character-boundary regexes built from the same vocabulary match them as
written and give exact offsets; it also keeps this module usable in the app env without spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nlu.matching import (
    LEFT,
    RIGHT,
    EntityMatch,
    compile_alternation,
    fold,
    select_non_overlapping,
)
from nlu.vocabulary import load

# Words next to an upper-only symbol that show it is meant as a gene ("alk positive").
_CONTEXT_AFTER = re.compile(
    r"^(?:\s*[+]|[\s\-]*(?:positive|pos|negative|neg|mutations?|mutants?|mutated|fusions?|"
    r"rearranged|rearrangements?|translocations?|translocated|amplifications?|amplified|amp|"
    r"exon|ex\d+|inhibitors?|genes?|variants?|alterations?|altered|driven|status|tests?|"
    r"testing|results?|lung|nsclc|cancer|tumou?rs?|targeted|tki|drugs?|community|group|"
    r"skipping|deletion|insertion|germline|carrier))(?![A-Za-z])",
    re.IGNORECASE,
)
_CONTEXT_BEFORE = re.compile(
    r"(?:positive\s+for|negative\s+for|mutations?\s+in|fusion\s+(?:of|in|involving)|"
    r"alterations?\s+in|variants?\s+in|tested\s+for|tests?\s+for|testing\s+for|"
    r"rearrangement\s+of|germline|carrier\s+of|gene)\s*$",
    re.IGNORECASE,
)
_VARIANT_AFTER_GENE = re.compile(
    r"^[\s\-]*(?:p\.)?([ACDEFGHIKLMNPQRSTVWY]\d{1,4}(?:[ACDEFGHIKLMNPQRSTVWYX]|\*|fs))(?![A-Za-z0-9])"
)
# A fusion written with its kind ("EML4-ALK fusion", "CD74-ROS1 rearrangement") is one mention.
_FUSION_TAIL = (
    r"(?:[\s\-]+(?:gene\s+)?(?:fusions?|rearrangements?|translocations?|positive|"
    r"rearranged|variant\s+\d+\w?))?"
)
_PRIORITY = {"fusion": 0, "alteration": 1, "variant": 2, "alias": 3}


_key = fold


def _exact_key(text: str) -> str:
    """Case-preserving key for case-sensitive aliases ("HER 2" and "HER-2" -> "HER2")."""
    return re.sub(r"[\s\-\u2010-\u2015]+", "", text.strip())


@dataclass(frozen=True)
class _AltTarget:
    name: str
    gene: str
    generic: bool  # pattern does not itself name the gene (e.g. "exon 19")


class BiomarkerNormaliser:
    """Vocabulary-driven biomarker/alteration matcher. Construct once; ``extract`` is pure."""

    def __init__(self, vocab: dict[str, Any]) -> None:
        entries = vocab.get("biomarkers") or []
        if not entries:
            raise ValueError("biomarkers vocabulary has no `biomarkers` entries")
        self.symbols: set[str] = set()
        self._alias_ci: dict[str, str] = {}
        self._alias_upper: dict[str, tuple[str, bool]] = {}
        self._alias_exact: dict[str, str] = {}
        self._alterations: dict[str, list[_AltTarget]] = {}
        surfaces: dict[str, set[str]] = {"ci": set(), "upper": set(), "exact": set(), "alt": set()}
        not_genes = {w.lower() for w in vocab.get("not_genes_lowercase") or []}
        for entry in entries:
            symbol = entry["symbol"]
            self.symbols.add(symbol)
            gene_keys = set()
            upper_only = bool(entry.get("upper_only"))
            requires_context = bool(entry.get("requires_context"))
            for alias in [symbol, *(entry.get("aliases") or [])]:
                key = _key(str(alias))
                gene_keys.add(key)
                alphabetic = key.isalpha()
                if (upper_only and alphabetic) or requires_context or key in not_genes:
                    self._alias_upper.setdefault(key, (symbol, requires_context))
                    surfaces["upper"].add(str(alias))
                else:
                    self._alias_ci.setdefault(key, symbol)
                    surfaces["ci"].add(str(alias))
            for alias in entry.get("case_sensitive_aliases") or []:
                self._alias_exact.setdefault(_exact_key(str(alias)), symbol)
                surfaces["exact"].add(str(alias))
            for alt in entry.get("alterations") or []:
                for pattern in alt.get("patterns") or []:
                    key = _key(str(pattern))
                    surfaces["alt"].add(str(pattern))
                    generic = not any(k in key for k in gene_keys if len(k) > 2)
                    self._alterations.setdefault(key, []).append(
                        _AltTarget(alt["name"], symbol, generic)
                    )
        self._variants: dict[str, tuple[str, str]] = {}
        for rule in vocab.get("variant_rules") or []:
            self._variants[str(rule["variant"]).upper()] = (rule["gene"], rule["alteration"])
        self._fusions: list[tuple[re.Pattern[str], str, str]] = []
        for rule in vocab.get("fusion_partners") or []:
            left, _, right = str(rule["pattern"]).partition("-")
            rx = re.compile(
                LEFT
                + re.escape(left)
                + r"\s*(?:::|[\-\u2010-\u2015/:]|\s)\s*"
                + re.escape(right)
                + _FUSION_TAIL
                + RIGHT,
                re.IGNORECASE,
            )
            self._fusions.append((rx, rule["gene"], rule["alteration"]))
        self._rx_ci = compile_alternation(surfaces["ci"])
        self._rx_upper = compile_alternation(surfaces["upper"])
        self._rx_exact = compile_alternation(surfaces["exact"], flags=0)
        self._rx_alt = compile_alternation(surfaces["alt"], split_digits=True)
        self._rx_variant = (
            re.compile(
                LEFT + r"(?:p\.)?(" + "|".join(re.escape(v) for v in self._variants) + ")" + RIGHT,
                re.IGNORECASE,
            )
            if self._variants
            else re.compile(r"(?!x)x")
        )

    @classmethod
    def from_vocab(cls, vocab_dir: str | Path | None = None) -> BiomarkerNormaliser:
        """Normaliser for knowledge/vocab/biomarkers.yaml (or ``vocab_dir``)."""
        return cls(load("biomarkers", vocab_dir))

    # ------------------------------------------------------------------ public API

    def normalise(self, text: str) -> str | None:
        """Canonical symbol for a single surface form ("her2" -> "ERBB2"), or None."""
        for m in self.extract(text):
            if m.entity == "biomarker":
                return m.value
        return None

    def extract(self, text: str) -> list[EntityMatch]:
        """All biomarker/alteration mentions in ``text``, sorted by offset.

        Returns EntityMatch items with entity "biomarker" (value: vocabulary symbol) or
        "alteration" (value: canonical alteration name); ``extra["gene"]`` names the gene an
        alteration belongs to. An alteration whose gene is not otherwise mentioned also yields a
        biomarker entity over the same span ("ex19del" -> EGFR + "EGFR exon 19 deletion").
        """
        if not text:
            return []
        kept = select_non_overlapping(self._candidates(text), _PRIORITY)
        alias_spans = [m for m in kept if m.extra["kind"] == "alias"]
        mentioned = [m.value for m in alias_spans]
        out: list[EntityMatch] = []
        emitted_genes: set[str] = set(mentioned)
        for m in kept:
            kind = m.extra["kind"]
            if kind == "alias":
                out.append(self._entity("biomarker", m.value, m))
                variant = _VARIANT_AFTER_GENE.match(text[m.end :])
                if variant and not any(
                    k.start >= m.end
                    and k.start <= m.end + variant.end()
                    and k.extra["kind"] == "variant"
                    for k in kept
                ):
                    var = variant.group(1).upper()
                    start = m.end + variant.start(1)
                    out.append(
                        EntityMatch(
                            "alteration",
                            f"{m.value} {var}",
                            start,
                            m.end + variant.end(1),
                            text[start : m.end + variant.end(1)],
                            {"gene": m.value},
                        )
                    )
                continue
            gene, name = self._resolve(m, text, kept, mentioned)
            if gene is None or name is None:
                continue
            out.append(EntityMatch("alteration", name, m.start, m.end, m.text, {"gene": gene}))
            if gene not in emitted_genes:
                emitted_genes.add(gene)
                out.append(self._entity("biomarker", gene, m))
        return sorted(out, key=lambda e: (e.start, e.entity))

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _entity(entity: str, value: str, m: EntityMatch) -> EntityMatch:
        return EntityMatch(entity, value, m.start, m.end, m.text, {})

    def _candidates(self, text: str) -> list[EntityMatch]:
        cands: list[EntityMatch] = []
        # In a message typed in capitals, capitals say nothing: "I MET MY ONCOLOGIST".
        letters = [c for c in text if c.isalpha()]
        shouting = len(letters) > 12 and sum(c.isupper() for c in letters) > 0.7 * len(letters)

        def add(kind: str, value: str, match: re.Match[str], **extra: Any) -> None:
            cands.append(
                EntityMatch(
                    "biomarker",
                    value,
                    match.start(),
                    match.end(),
                    match.group(0),
                    {"kind": kind, **extra},
                )
            )

        for m in self._rx_ci.finditer(text):
            add("alias", self._alias_ci[_key(m.group(0))], m)
        for m in self._rx_exact.finditer(text):
            add("alias", self._alias_exact[_exact_key(m.group(0))], m)
        for m in self._rx_upper.finditer(text):
            symbol, requires_context = self._alias_upper[_key(m.group(0))]
            surface = m.group(0)
            has_context = bool(
                _CONTEXT_AFTER.match(text[m.end() : m.end() + 30])
                or _CONTEXT_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
            )
            is_caps = surface.isupper() and len(surface) > 1 and not shouting
            if has_context or (is_caps and not requires_context):
                add("alias", symbol, m)
        for m in self._rx_alt.finditer(text):
            add("alteration", _key(m.group(0)), m)
        for m in self._rx_variant.finditer(text):
            add("variant", m.group(1).upper(), m)
        for rx, gene, name in self._fusions:
            for m in rx.finditer(text):
                add("fusion", gene, m, alteration=name)
        return cands

    def _resolve(
        self, m: EntityMatch, text: str, kept: list[EntityMatch], mentioned: list[str]
    ) -> tuple[str | None, str | None]:
        """(gene, alteration name) for a non-alias match, or (None, None) to drop it."""
        kind = m.extra["kind"]
        before = self._adjacent_gene(m, text, kept)
        if kind == "fusion":
            return m.value, m.extra["alteration"]
        if kind == "variant":
            gene, name = self._variants[m.value]
            if before and before != gene:
                return before, f"{before} {m.value}"
            return gene, name
        targets = self._alterations[m.value]
        if before and all(t.gene != before for t in targets) and all(t.generic for t in targets):
            return None, None  # "KIT exon 19": generic pattern owned by another gene
        for gene in ([before] if before else []) + mentioned:
            for t in targets:
                if t.gene == gene:
                    return t.gene, t.name
        return targets[0].gene, targets[0].name

    @staticmethod
    def _adjacent_gene(m: EntityMatch, text: str, kept: list[EntityMatch]) -> str | None:
        """Symbol of an alias match right before ``m`` (only spaces/hyphens in between)."""
        for k in kept:
            if k.extra["kind"] == "alias" and k.end <= m.start:
                gap = text[k.end : m.start]
                if len(gap) <= 3 and not gap.strip(" -\u2010\u2011\u2013"):
                    return k.value
        return None
