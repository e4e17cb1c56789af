"""Vocabulary checks on the real knowledge/vocab files (PyYAML-only loader)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from knowledge import vocab

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "knowledge"

#: Everyday English words that must never be read as genes when written in lower case.
ENGLISH_WORDS = {
    "met",
    "ret",
    "kit",
    "alk",
    "alkaline",
    "ros",
    "atm",
    "set",
    "can",
    "all",
    "her",
    "pole",
    "bad",
    "was",
    "has",
    "his",
    "him",
    "ar",
    "me",
    "it",
    "be",
}


@pytest.fixture(autouse=True)
def real_vocab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PMN_VOCAB_DIR", raising=False)
    vocab.clear_cache()


def _entries() -> list[dict]:
    return vocab.biomarker_entries()


def test_no_alias_maps_to_two_biomarkers() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in _entries():
        for alias in [e["symbol"], *(e.get("aliases") or [])]:
            owners[str(alias).lower()].add(e["symbol"])
        for alias in e.get("case_sensitive_aliases") or []:
            owners["=" + str(alias)].add(e["symbol"])
    clashes = {a: s for a, s in owners.items() if len(s) > 1}
    assert clashes == {}


def test_lower_case_english_words_are_not_genes() -> None:
    data = vocab.load_vocab("biomarkers")
    stop = {w.lower() for w in data.get("not_genes_lowercase") or []}
    assert {"met", "ret", "kit", "alk"} <= stop
    for e in _entries():
        guarded = e.get("upper_only") or e.get("requires_context")
        for alias in e.get("aliases") or []:
            if str(alias).lower() in ENGLISH_WORDS | stop:
                assert guarded, (
                    f"{e['symbol']}: alias {alias!r} is an English word but the "
                    "entry is neither upper_only nor requires_context"
                )


def test_symbols_are_unique_and_families_resolve() -> None:
    symbols = [e["symbol"] for e in _entries()]
    assert len(symbols) == len(set(symbols))
    fams = vocab.family_members()
    assert fams["NTRK"] == {"NTRK1", "NTRK2", "NTRK3"}
    for fam, members in fams.items():
        assert fam in symbols
        assert members <= vocab.biomarker_symbols()


def test_issue_alterations_have_canonical_names() -> None:
    names = vocab.alteration_names()
    for required in [
        "EGFR exon 19 deletion",
        "EGFR exon 20 insertion",
        "EGFR L858R",
        "EGFR T790M",
        "KRAS G12C",
        "KRAS G12D",
        "BRAF V600E",
        "MET exon 14 skipping",
        "MET amplification",
        "EML4-ALK fusion",
        "CD74-ROS1 fusion",
        "KIF5B-RET fusion",
        "ETV6-NTRK3 fusion",
        "PDGFRA D842V",
    ]:
        assert required in names, required
    assert names["KRAS G12C"] == "KRAS"


def test_every_country_alias_resolves_to_exactly_one_country() -> None:
    seen: dict[str, set[str]] = defaultdict(set)
    for c in vocab.country_entries():
        code = c["code"]
        assert isinstance(code, str) and len(code) == 2 and code.isupper(), code
        for alias in [c["name"], *(c.get("aliases") or [])]:
            seen[str(alias).lower()].add(code)
    clashes = {a: codes for a, codes in seen.items() if len(codes) > 1}
    assert clashes == {}
    for alias, code in {
        "uk": "GB",
        "england": "GB",
        "britain": "GB",
        "the states": "US",
        "deutschland": "DE",
        "holland": "NL",
    }.items():
        assert seen.get(alias) == {code}, alias


def test_required_countries_and_eu_members() -> None:
    codes = vocab.country_codes()
    assert {"US", "CA", "AU", "NZ", "GB", "CH", "NO"} <= codes
    assert len(vocab.eu_members()) == 27
    assert "GB" not in vocab.eu_members() and "DE" in vocab.eu_members()
    assert vocab.region_codes() >= codes | {"EU", "global"}


def test_required_cancer_types() -> None:
    codes = vocab.cancer_type_codes()
    assert {
        "LUNG",
        "NSCLC",
        "LUAD",
        "CHOL",
        "GIST",
        "CML",
        "MEL",
        "COADREAD",
        "THYROID",
        "BREAST",
        "OVARY",
        "PROSTATE",
        "PANCREAS",
    } <= codes


def test_every_safety_number_has_a_source() -> None:
    countries = vocab.load_vocab("safety_numbers")["countries"]
    assert {"US", "GB", "IE", "DE", "FR", "ES", "NL", "AU", "CA", "international"} <= set(countries)
    numbers = 0
    for code, entry in countries.items():
        for service in ("emergency", "crisis", "cancer_helpline", "urgent"):
            value = entry.get(service)
            if value and value.get("number"):
                numbers += 1
                assert str(value.get("source", "")).startswith(("https://", "http://")), (
                    code,
                    service,
                )
                assert value.get("name"), (code, service)
            elif value is None and service in entry:
                assert entry.get("note"), f"{code}.{service} is a gap without a note"
    assert numbers >= 25


def test_safety_numbers_lookup_and_fallback() -> None:
    gb = vocab.safety_numbers("gb")
    assert gb["country"] == "GB" and not gb["fallback"]
    assert gb["emergency"]["number"] == "999"
    assert vocab.safety_numbers("UK")["country"] == "GB"
    for unknown in (None, "", "ZZ", "international"):
        fb = vocab.safety_numbers(unknown)
        assert fb["fallback"] and fb["country"] == "international"
        assert fb["emergency"] is not None and "local emergency" in fb["emergency"]["note"]
    # a recorded gap stays a gap: no French cancer helpline is guessed
    assert vocab.safety_numbers("FR")["cancer_helpline"] is None


def test_vocab_dir_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMN_VOCAB_DIR", str(FIXTURES / "vocab"))
    vocab.clear_cache()
    assert vocab.biomarker_symbols() == {"EGFR", "NTRK", "NTRK1", "NTRK2", "NTRK3"}
    assert vocab.community_notes() == {"NTRK": "No dedicated NTRK patient community was found."}
    with pytest.raises(ValueError):
        vocab.load_vocab("nonsense")
