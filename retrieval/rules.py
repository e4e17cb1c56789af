"""Vocabulary-derived matching rules: biomarker families and aliases, cancer-type hierarchy, EU.

`MatchRules.from_vocab()` reads knowledge/vocab through `knowledge.vocab` (PyYAML only). Tests
build `MatchRules(...)` directly so they do not depend on the curated files.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

log = logging.getLogger(__name__)


@dataclass
class MatchRules:
    """Rules the filters and the keyword index need.

    Attributes:
        families: family label -> member symbols, e.g. {"NTRK": {"NTRK1", "NTRK2", "NTRK3"}}.
        eu_members: ISO alpha-2 codes of EU member states (GB is not one).
        cancer_parents: OncoTree code -> parent code (e.g. {"NSCLC": "LUNG", "LUAD": "NSCLC"}).
        biomarker_aliases: symbol -> words people use for it (fed into the keyword index).
        biomarker_lookup: lower-cased alias or symbol -> symbol (normalises filter values).
        cancer_names: code -> names and synonyms (fed into the keyword and dense texts).
    """

    families: dict[str, set[str]] = field(default_factory=dict)
    eu_members: set[str] = field(default_factory=set)
    cancer_parents: dict[str, str] = field(default_factory=dict)
    biomarker_aliases: dict[str, list[str]] = field(default_factory=dict)
    biomarker_lookup: dict[str, str] = field(default_factory=dict)
    cancer_names: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_vocab(cls) -> MatchRules:
        """Load rules from knowledge.vocab; missing vocabularies give empty rules (logged)."""
        try:
            from knowledge import vocab
        except ImportError:  # pragma: no cover - knowledge/ is part of the project
            log.warning("knowledge.vocab not importable; using empty match rules")
            return cls()
        rules = cls()
        try:
            rules.families = {
                k.upper(): {m.upper() for m in v} for k, v in vocab.family_members().items()
            }
        except Exception as exc:  # noqa: BLE001 - a missing vocabulary must not stop search
            log.warning("biomarker families unavailable: %s", exc)
        try:
            rules.eu_members = {c.upper() for c in vocab.eu_members()}
        except Exception as exc:  # noqa: BLE001
            log.warning("EU member list unavailable: %s", exc)
        try:
            for entry in vocab.load_vocab("biomarkers").get("biomarkers", []) or []:
                symbol = str(entry["symbol"])
                aliases = [str(a) for a in entry.get("aliases") or []]
                name = entry.get("name")
                words = ([str(name)] if name else []) + aliases
                words += [str(a["name"]) for a in entry.get("alterations") or [] if a.get("name")]
                rules.biomarker_aliases[symbol.upper()] = words
                rules.biomarker_lookup[symbol.lower()] = symbol.upper()
                for alias in aliases:
                    rules.biomarker_lookup.setdefault(alias.lower(), symbol.upper())
        except Exception as exc:  # noqa: BLE001
            log.warning("biomarker vocabulary unavailable: %s", exc)
        try:
            for entry in vocab.load_vocab("cancer_types").get("cancer_types", []) or []:
                code = str(entry["code"]).upper()
                if entry.get("parent"):
                    rules.cancer_parents[code] = str(entry["parent"]).upper()
                names = [entry.get("name"), entry.get("lay_name"), *(entry.get("synonyms") or [])]
                rules.cancer_names[code] = [str(n) for n in names if n]
        except Exception as exc:  # noqa: BLE001
            log.warning("cancer-type vocabulary unavailable: %s", exc)
        return rules

    # -- biomarkers -------------------------------------------------------------------------
    def normalise_biomarker(self, value: str) -> str:
        """Map an alias or symbol (any case) to its vocabulary symbol; unknown ones upper-cased."""
        value = value.strip()
        return self.biomarker_lookup.get(value.lower(), value.upper())

    def expand_biomarker(self, symbol: str) -> set[str]:
        """Symbols that satisfy a query for `symbol`: itself, its family label, or its members.

        expand("NTRK") == {"NTRK", "NTRK1", "NTRK2", "NTRK3"}; expand("NTRK1") == {"NTRK1", "NTRK"}.
        """
        symbol = self.normalise_biomarker(symbol)
        out = {symbol}
        if symbol in self.families:
            out |= self.families[symbol]
        for family, members in self.families.items():
            if symbol in members:
                out.add(family)
        return out

    # -- cancer types -----------------------------------------------------------------------
    def ancestors(self, code: str) -> list[str]:
        """Parent chain of an OncoTree code, nearest first (cycle-safe)."""
        out: list[str] = []
        seen = {code}
        parent = self.cancer_parents.get(code)
        while parent and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.cancer_parents.get(parent)
        return out

    def compatible_cancer_types(self, code: str) -> set[str]:
        """Codes a resource may carry to qualify for a user with `code`.

        The code itself, its ancestors (a LUNG resource serves an NSCLC patient) and its
        descendants (an NSCLC resource serves someone who only knows "lung cancer").
        """
        code = code.strip().upper()
        out = {code, *self.ancestors(code)}
        for child in self.cancer_parents:
            if code in self.ancestors(child):
                out.add(child)
        return out

    # -- regions ----------------------------------------------------------------------------
    def qualifying_regions(self, country: str) -> set[str]:
        """Region tags that make a resource available in `country`.

        The country itself, "global", and "EU" when the country is an EU member state.
        """
        country = country.strip().upper()
        out = {country, "GLOBAL"}
        if country in self.eu_members:
            out.add("EU")
        return out
