"""Cancer type, country and role matchers."""

from __future__ import annotations

import pytest

from nlu.cancer_types import CancerTypeMatcher
from nlu.countries import CountryMatcher
from nlu.roles import detect_role


@pytest.fixture(scope="module")
def cancers() -> CancerTypeMatcher:
    return CancerTypeMatcher.from_vocab()


@pytest.fixture(scope="module")
def countries() -> CountryMatcher:
    return CountryMatcher.from_vocab()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("stage 4 non-small cell lung cancer", "NSCLC"),
        ("NSCLC", "NSCLC"),
        ("my mum has lung cancer", "LUNG"),
        ("lung adenocarcinoma", "LUAD"),
        ("bile duct cancer", "CHOL"),
        ("cholangiocarcinoma", "CHOL"),
        ("GIST", "GIST"),
        ("chronic myeloid leukaemia", "CML"),
        ("melanoma", "MEL"),
        ("bowel cancer", "COADREAD"),
        ("brest cancer", "BREAST"),
        ("pancreatic cancer", "PANCREAS"),
    ],
)
def test_cancer_types_map_to_oncotree(cancers: CancerTypeMatcher, text: str, code: str) -> None:
    assert [m.value for m in cancers.extract(text)] == [code]


@pytest.mark.parametrize("text", ["the gist of it is", "my lungs hurt", "breast feeding"])
def test_cancer_type_negatives(cancers: CancerTypeMatcher, text: str) -> None:
    assert cancers.extract(text) == []


def test_cancer_type_ancestors(cancers: CancerTypeMatcher) -> None:
    assert cancers.ancestors("LUAD") == ["NSCLC", "LUNG"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I live in Spain", "ES"),
        ("we're in España", "ES"),
        ("I'm Spanish", "ES"),
        ("in the uk", "GB"),
        ("Scotland", "GB"),
        ("in the US", "US"),
        ("Deutschland", "DE"),
        ("a Polish patient group", "PL"),
        ("New South Wales", "AU"),
        ("Northern Ireland", "GB"),
        ("Republic of Ireland", "IE"),
        ("Zürich", "CH"),
        ("we're Dutch", "NL"),
    ],
)
def test_countries(countries: CountryMatcher, text: str, code: str) -> None:
    assert [m.value for m in countries.extract(text)] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "do you have this in Spanish?",
        "he only speaks Danish",
        "tell us about trials",
        "can you help us",
        "nail polish remover",
        "is there a leaflet in French",
    ],
)
def test_country_negatives(countries: CountryMatcher, text: str) -> None:
    assert countries.extract(text) == []


def test_country_vocab_has_all_eu_members(countries: CountryMatcher) -> None:
    assert len(countries.eu) == 27
    assert {"GB", "US", "CA", "AU", "NZ", "CH", "NO"} <= countries.codes


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'm an oncology nurse looking for ALK resources", "clinician"),
        ("As a medical oncologist I want the ESMO guideline", "clinician"),
        ("one of my patients has ROS1", "clinician"),
        ("my mum has EGFR lung cancer", "caregiver"),
        ("im a carer for my dad", "caregiver"),
        ("I was diagnosed with ALK last month", "patient"),
        ("I have stage 4 lung cancer", "patient"),
        ("our charity supports people with RET", "organisation"),
        ("I work for a patient organisation in Spain", "organisation"),
    ],
)
def test_roles(text: str, role: str) -> None:
    found = detect_role(text)
    assert found is not None and found.value == role
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize("text", ["hello", "what is EGFR?", "my husband's oncologist's name"])
def test_role_absent_or_not_clinician(text: str) -> None:
    found = detect_role(text)
    assert found is None or found.value != "clinician"
