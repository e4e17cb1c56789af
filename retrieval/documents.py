"""Texts that represent a resource to the dense and keyword indexes, and their content hash.

Resources are read by attribute (the contract's `knowledge.schema.Resource`); only the fields
named here are used, so any object with them works.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from retrieval.rules import MatchRules

#: Bump when dense_text changes: the hash changes and saved indexes are rebuilt. (keyword_text
#: needs no version: the BM25 index is rebuilt at every load.)
TEXT_VERSION = 1

KIND_PHRASES = {
    "community": "patient community support group for people with",
    "organisation": "patient organisation charity",
    "guideline": "clinical practice guideline recommendations",
    "decision_support": "clinical decision support tool for actionability of targets",
    "trial_registry": "clinical trial registry",
    "trial_finder": "clinical trial finder search service",
    "education": "education information",
    "helpline": "helpline phone support line",
    "crisis_line": "crisis line emotional support",
    "emergency": "emergency number",
}

AUDIENCE_PHRASES = {
    "patients": "for patients",
    "caregivers": "for carers family caregivers",
    "clinicians": "for clinicians oncologists health professionals",
    "organisations": "for patient organisations",
}


def _list(resource: Any, name: str) -> list[str]:
    value = getattr(resource, name, None) or []
    return [str(v) for v in value]


def _str(resource: Any, name: str) -> str:
    value = getattr(resource, name, None)
    return "" if value is None else str(getattr(value, "value", value))


def dense_text(resource: Any, rules: MatchRules | None = None) -> str:
    """Text embedded for a resource: name, owner, kind, audience, biomarkers, cancers, summary."""
    rules = rules or MatchRules()
    kind = _str(resource, "kind")
    parts = [
        _str(resource, "name"),
        f"by {_str(resource, 'owner')}" if _str(resource, "owner") else "",
        KIND_PHRASES.get(kind, kind.replace("_", " ")),
        " ".join(_list(resource, "biomarkers")),
        " ".join(_list(resource, "alterations")),
        "; ".join(_cancer_words(resource, rules, lay_only=True)),
        " ".join(AUDIENCE_PHRASES.get(a, a) for a in _list(resource, "audience")),
        _str(resource, "summary"),
        _str(resource, "clinician_summary"),
    ]
    return ". ".join(p.strip() for p in parts if p and p.strip())


def keyword_text(resource: Any, rules: MatchRules | None = None) -> str:
    """Text for BM25: name, owner, summary, biomarkers with aliases, alterations, cancer names,
    kind, version and boost tags."""
    rules = rules or MatchRules()
    biomarkers = _list(resource, "biomarkers")
    aliases: list[str] = []
    for symbol in biomarkers:
        aliases += rules.biomarker_aliases.get(symbol.upper(), [])
        aliases += sorted(rules.families.get(symbol.upper(), set()))
    kind = _str(resource, "kind")
    parts = [
        _str(resource, "name"),
        _str(resource, "name"),  # names count twice: exact-name queries should win
        _str(resource, "owner"),
        _str(resource, "summary"),
        _str(resource, "clinician_summary"),
        " ".join(biomarkers),
        " ".join(aliases),
        " ".join(_list(resource, "alterations")),
        " ".join(_cancer_words(resource, rules, lay_only=False)),
        kind.replace("_", " "),
        _str(resource, "version"),
        " ".join(_list(resource, "boost_tags")),
        _contact_phone(resource),
    ]
    return " ".join(p for p in parts if p)


def _contact_phone(resource: Any) -> str:
    """The phone number in two spellings ("0808 808 00 00" and "08088080000") so that people who
    search by number find the line."""
    contact = getattr(resource, "contact", None)
    phone = getattr(contact, "phone", None) if contact is not None else None
    if not phone:
        return ""
    return f"{phone} {re.sub(r'[^0-9A-Za-z]', '', str(phone))}"


def _cancer_words(resource: Any, rules: MatchRules, lay_only: bool) -> list[str]:
    out: list[str] = []
    for code in _list(resource, "cancer_types"):
        names = rules.cancer_names.get(code.upper(), [])
        if lay_only:
            out.append(names[1] if len(names) > 1 else names[0] if names else code)
        else:
            out += [code, *names]
    return out


def content_hash(ids: Sequence[str], texts: Iterable[str]) -> str:
    """sha256 over (text version, ids, texts): what the dense index was built from."""
    payload = json.dumps(
        {"text_version": TEXT_VERSION, "docs": [[i, t] for i, t in zip(ids, texts, strict=True)]},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# -- tokenisation for BM25 and for explaining keyword matches ---------------------------------

_TOKEN = re.compile(r"[a-z0-9]+(?:[-:.][a-z0-9]+)*")
_JOINERS = re.compile(r"[-:.]+")

_STOPWORD_TEXT = (
    "a about above after again against all am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for "
    "from further had has have having he her here hers herself him himself his how i if in "
    "into is it its itself just me more most my myself no nor not now of off on once only or "
    "other our ours ourselves out over own same she should so some such than that the their "
    "theirs them themselves then there these they this those through to too under until up "
    "very was we were what when where which while who whom why will with would you your yours "
    "yourself yourselves im ive id dont please find looking look want need get someone "
    "somewhere something anyone anything tell know help "
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lower-case tokens for BM25, stopwords removed, light plural stemming.

    Hyphenated or colon-joined symbols (PD-L1, BCR::ABL1, MSI-H) yield their parts and the
    joined form ("pd", "l1", "pdl1"), so "PDL1" and "PD-L1" meet.
    """
    return [t for match in _TOKEN.findall(text.lower()) for t in _token_terms(match)]


@functools.lru_cache(maxsize=200_000)
def _token_terms(match: str) -> tuple[str, ...]:
    """Terms for one raw token (cached: the vocabulary is small, documents are many)."""
    if "-" in match or ":" in match or "." in match:
        pieces = [p for p in _JOINERS.split(match) if p]
        joined = ["".join(pieces)]
    else:
        pieces, joined = [match], []
    return tuple(joined + [_stem(p) for p in pieces if p not in STOPWORDS])
