"""Country matcher: free text -> ``country`` entities valued with ISO 3166-1 alpha-2 codes.

Built from knowledge/vocab/countries.yaml: names, local names, adjectives and a few large
cities/regions (``aliases``, case-insensitive) plus ``case_sensitive_aliases`` ("US" but not
"us", "Polish" but not "polish"). Adjectives that are also language names are not read as a
country when they name a language ("do you have this in Spanish?", "he speaks Danish").
PyYAML + stdlib only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nlu.matching import EntityMatch, compile_alternation, fold, select_non_overlapping
from nlu.vocabulary import load

# Aliases that are also language names; they need a non-language reading to count.
LANGUAGE_WORDS = frozenset(
    {
        "spanish",
        "french",
        "german",
        "italian",
        "dutch",
        "portuguese",
        "swedish",
        "danish",
        "finnish",
        "norwegian",
        "czech",
        "croatian",
        "bulgarian",
        "estonian",
        "icelandic",
        "irish",
        "polish",
        "slovak",
        "slovenian",
        "latvian",
        "lithuanian",
        "hungarian",
        "greek",
        "maltese",
        "romanian",
        "welsh",
        "luxembourgish",
        "english",
        "scottish",
    }
)
# Nationality adjectives count only when they describe a person or an institution ("I'm
# Spanish", "a Danish charity", "Canadian here"), not food, music or style ("French fries").
ADJECTIVES = LANGUAGE_WORDS | frozenset(
    {
        "american",
        "british",
        "canadian",
        "australian",
        "aussie",
        "swiss",
        "austrian",
        "belgian",
        "cypriot",
        "kiwi",
    }
)
_ADJ_BEFORE = re.compile(
    r"(?:\bi'?m|\bim|\bi\s+am|\bwe'?re|\bwe\s+are|\bthey'?re|\bhe'?s|\bshe'?s|\bis|\bare|\bwas|"
    r"\bwere|\bam|\bbeing|\bas\s+an?|\bhalf|\bfellow)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_ADJ_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:patients?|family|families|charity|charities|organi[sz]ations?|groups?|"
    r"hospitals?|doctors?|oncologists?|nurses?|clinics?|citizens?|nationals?|residents?|health|"
    r"healthcare|system|guidelines?|guidance|trials?|registry|here|man|woman|men|women|mum|mom|"
    r"dad|husband|wife|partner|people|community|communities|association|foundation|society|"
    r"insurance|government|national|centres?|centers?|network|helpline|support|cancer|"
    r"resources?|services?|living|based|expat|friends?)\b",
    re.IGNORECASE,
)
_ADJ_ALONE = re.compile(r"^\W*(?:\w+\W+)?$")
_LANGUAGE_BEFORE = re.compile(
    r"(?:\bin|\bspeaks?|\bspeaking|\bspoke|\binto|\blanguage|\btranslat\w*|\bread|\bwrite|"
    r"\bversions?\s+in|\bonly)\s+$",
    re.IGNORECASE,
)
_LANGUAGE_AFTER = re.compile(
    r"^\s+(?:language|speaker|speakers|speaking|version|translation|subtitles|leaflets?\s+in)",
    re.IGNORECASE,
)


class CountryMatcher:
    """Maps country mentions to ISO alpha-2 codes. ``extract`` is pure."""

    def __init__(self, vocab: dict[str, Any]) -> None:
        entries = vocab.get("countries") or []
        if not entries:
            raise ValueError("countries vocabulary has no `countries` entries")
        self.codes: set[str] = set()
        self.eu: set[str] = set()
        self._ci: dict[str, str] = {}
        self._exact: dict[str, str] = {}
        ci_surfaces: set[str] = set()
        exact_surfaces: set[str] = set()
        for entry in entries:
            code = entry["code"]
            self.codes.add(code)
            if entry.get("eu"):
                self.eu.add(code)
            for form in [entry.get("name"), *(entry.get("aliases") or [])]:
                if form:
                    self._ci.setdefault(fold(str(form)), code)
                    ci_surfaces.add(str(form))
            for form in entry.get("case_sensitive_aliases") or []:
                self._exact.setdefault(str(form), code)
                exact_surfaces.add(str(form))
        self._rx_ci = compile_alternation(ci_surfaces)
        self._rx_exact = compile_alternation(exact_surfaces, flags=0)

    @classmethod
    def from_vocab(cls, vocab_dir: str | Path | None = None) -> CountryMatcher:
        """Matcher for knowledge/vocab/countries.yaml (or ``vocab_dir``)."""
        return cls(load("countries", vocab_dir))

    def extract(self, text: str) -> list[EntityMatch]:
        """``country`` mentions in ``text`` (value: ISO alpha-2 code), sorted by offset."""
        text = text or ""
        cands: list[EntityMatch] = []
        for m in self._rx_ci.finditer(text):
            key = fold(m.group(0))
            if key in LANGUAGE_WORDS and self._is_language(text, m.start(), m.end()):
                continue
            if key in ADJECTIVES and not self._describes_someone(text, m.start(), m.end()):
                continue
            cands.append(
                EntityMatch(
                    "country", self._ci[key], m.start(), m.end(), m.group(0), {"kind": "ci"}
                )
            )
        for m in self._rx_exact.finditer(text):
            word = m.group(0).lower()
            if word in LANGUAGE_WORDS and self._is_language(text, m.start(), m.end()):
                continue
            if word in ADJECTIVES and not self._describes_someone(text, m.start(), m.end()):
                continue
            cands.append(
                EntityMatch(
                    "country",
                    self._exact[m.group(0)],
                    m.start(),
                    m.end(),
                    m.group(0),
                    {"kind": "exact"},
                )
            )
        return [
            EntityMatch(c.entity, c.value, c.start, c.end, c.text)
            for c in select_non_overlapping(cands)
        ]

    @staticmethod
    def _describes_someone(text: str, start: int, end: int) -> bool:
        return bool(
            _ADJ_BEFORE.search(text[max(0, start - 25) : start])
            or _ADJ_AFTER.match(text[end : end + 40])
            or (_ADJ_ALONE.match(text[end:]) and not text[:start].strip(" \t,.!?"))
        )

    @staticmethod
    def _is_language(text: str, start: int, end: int) -> bool:
        return bool(
            _LANGUAGE_BEFORE.search(text[max(0, start - 25) : start])
            or _LANGUAGE_AFTER.match(text[end : end + 25])
        )
