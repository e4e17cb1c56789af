"""Biomarker normaliser: aliases, case rules, alteration patterns, variants and fusions."""

from __future__ import annotations

import pytest

from nlu.biomarkers import BiomarkerNormaliser


@pytest.fixture(scope="module")
def norm() -> BiomarkerNormaliser:
    return BiomarkerNormaliser.from_vocab()


def _values(norm: BiomarkerNormaliser, text: str, entity: str) -> list[str]:
    return [m.value for m in norm.extract(text) if m.entity == entity]


@pytest.mark.parametrize(
    ("text", "biomarker"),
    [
        ("egfr+", "EGFR"),
        ("my wife is EGFR positive", "EGFR"),
        ("efgr lung cancer", "EGFR"),
        ("ALK-rearranged", "ALK"),
        ("my mum is alk positive", "ALK"),
        ("ROS-1", "ROS1"),
        ("ros 1 fusion", "ROS1"),
        ("HER2 mutant", "ERBB2"),
        ("her2-positive breast cancer", "ERBB2"),
        ("MSI-high bowel cancer", "MSI-H"),
        ("mismatch repair deficient", "dMMR"),
        ("PD-L1 of 80%", "PD-L1"),
        ("NTRK fusion", "NTRK"),
        ("Philadelphia chromosome positive", "BCR::ABL1"),
        ("mutation in ATM", "ATM"),
        ("BRCA 2 carrier", "BRCA2"),
    ],
)
def test_aliases_normalise_to_symbol(norm: BiomarkerNormaliser, text: str, biomarker: str) -> None:
    assert _values(norm, text, "biomarker") == [biomarker]


@pytest.mark.parametrize(
    "text",
    [
        "I met my oncologist yesterday",
        "Met the nurse at the clinic",
        "we got a first-aid kit",
        "her alkaline phosphatase is high",
        "the ATM near the hospital is broken",
        "she has her 2 kids with her",
        "we will ret urn later",
        "I set off early",
        "tell us more",
        "I MET MY ONCOLOGIST TODAY AND WE TALKED",
    ],
)
def test_ordinary_words_are_not_genes(norm: BiomarkerNormaliser, text: str) -> None:
    assert norm.extract(text) == []


@pytest.mark.parametrize(
    ("text", "gene", "alteration"),
    [
        ("ex19del", "EGFR", "EGFR exon 19 deletion"),
        ("exon 19 deletion", "EGFR", "EGFR exon 19 deletion"),
        ("exon 20 insertion", "EGFR", "EGFR exon 20 insertion"),
        ("HER2 exon 20 insertion", "ERBB2", "ERBB2 exon 20 insertion"),
        ("my tumour has MET exon 14", "MET", "MET exon 14 skipping"),
        ("METex14 skipping", "MET", "MET exon 14 skipping"),
        ("G12C", "KRAS", "KRAS G12C"),
        ("V600E", "BRAF", "BRAF V600E"),
        ("L858R", "EGFR", "EGFR L858R"),
        ("T790M resistance", "EGFR", "EGFR T790M"),
        ("D842V", "PDGFRA", "PDGFRA D842V"),
        ("EML4-ALK", "ALK", "EML4-ALK fusion"),
        ("KIF5B-RET", "RET", "KIF5B-RET fusion"),
        ("CD74-ROS1", "ROS1", "CD74-ROS1 fusion"),
        ("ETV6-NTRK3", "NTRK3", "ETV6-NTRK3 fusion"),
        ("BCR-ABL", "BCR::ABL1", "BCR::ABL1 fusion"),
        ("EML4::ALK variant 3", "ALK", "EML4-ALK fusion"),
    ],
)
def test_gene_inferred_from_alteration(
    norm: BiomarkerNormaliser, text: str, gene: str, alteration: str
) -> None:
    assert _values(norm, text, "biomarker") == [gene]
    assert alteration in _values(norm, text, "alteration")


def test_capitals_with_context_still_count_when_shouting(norm: BiomarkerNormaliser) -> None:
    assert _values(norm, "MY MUM IS ALK POSITIVE, ANY GROUPS?", "biomarker") == ["ALK"]


def test_explicit_gene_before_variant_wins(norm: BiomarkerNormaliser) -> None:
    assert _values(norm, "NRAS G12C", "alteration") == ["NRAS G12C"]
    assert _values(norm, "NRAS G12C", "biomarker") == ["NRAS"]


def test_gene_plus_unlisted_variant(norm: BiomarkerNormaliser) -> None:
    assert _values(norm, "ERBB2 S310F", "alteration") == ["ERBB2 S310F"]


def test_offsets_point_at_surface_text(norm: BiomarkerNormaliser) -> None:
    text = "Dad has KRAS G12C and is ALK negative"
    for m in norm.extract(text):
        assert text[m.start : m.end] == m.text
    spans = {(m.entity, m.text) for m in norm.extract(text)}
    assert ("biomarker", "KRAS") in spans
    assert ("alteration", "G12C") in spans
    assert ("biomarker", "ALK") in spans


def test_multiple_biomarkers_in_order(norm: BiomarkerNormaliser) -> None:
    assert _values(norm, "EGFR, then ALK, then ROS1", "biomarker") == ["EGFR", "ALK", "ROS1"]


def test_normalise_single_form(norm: BiomarkerNormaliser) -> None:
    assert norm.normalise("her2") == "ERBB2"
    assert norm.normalise("hello") is None


def test_every_emitted_symbol_is_in_vocabulary(norm: BiomarkerNormaliser) -> None:
    text = "EGFR ex19del, EML4-ALK, BCR-ABL T315I, G12C, MSI-H, TMB high, HER2-low"
    for m in norm.extract(text):
        if m.entity == "biomarker":
            assert m.value in norm.symbols


def test_empty_vocabulary_is_rejected() -> None:
    with pytest.raises(ValueError, match="no `biomarkers`"):
        BiomarkerNormaliser({"biomarkers": []})
