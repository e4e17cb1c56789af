"""HybridSearch with a deterministic keyword encoder: filters, fusion, why, fallback, abstain,
index staleness."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from knowledge.schema import Resource
from retrieval.fakes import KeywordEncoder
from retrieval.filters import Filters
from retrieval.rules import MatchRules
from retrieval.search import HybridSearch, SearchConfig

TODAY = date(2026, 11, 26)
KEYWORDS = [
    "community", "egfr", "alk", "ntrk", "lung", "guideline", "trial", "helpline", "melanoma",
    "support", "talk", "people", "scale", "actionability", "registry", "charity", "sarcoma",
]  # fmt: skip
RULES = MatchRules(
    families={"NTRK": {"NTRK1", "NTRK2", "NTRK3"}},
    eu_members={"DE", "FR", "ES", "IE", "NL"},
    cancer_parents={"NSCLC": "LUNG", "LUAD": "NSCLC", "SCLC": "LUNG"},
    biomarker_lookup={"her2": "ERBB2", "erbb2": "ERBB2", "egfr": "EGFR"},
)


def make(id: str, **fields: Any) -> Resource:
    base: dict[str, Any] = {
        "id": id,
        "name": id.replace("-", " ").title(),
        "owner": "Owner Org",
        "url": f"https://{id}.example.org",
        "kind": "community",
        "audience": ["patients", "caregivers"],
        "cancer_types": [],
        "biomarkers": [],
        "regions": ["global"],
        "languages": ["en"],
        "summary": "A place where people affected by cancer find support and talk together.",
        "source": f"https://{id}.example.org/about",
        "last_reviewed": TODAY - timedelta(days=10),
        "status": "active",
        "verified": True,
    }
    base.update(fields)
    return Resource(**base)


def corpus() -> list[Resource]:
    lung = ["NSCLC"]
    return [
        make("egfr-global", biomarkers=["EGFR"], cancer_types=lung,
             summary="Global EGFR lung community where people talk and find support."),
        make("egfr-uk", biomarkers=["EGFR"], cancer_types=lung, regions=["GB"],
             summary="UK charity community for people with EGFR lung cancer."),
        make("alk-au", biomarkers=["ALK"], cancer_types=lung, regions=["AU"],
             summary="Australian ALK lung community with peer support."),
        make("ntrk-family", biomarkers=["NTRK"], cancer_types=[],
             summary="Community for people with NTRK fusion cancers of any type."),
        make("lung-eu", kind="organisation", cancer_types=["LUNG"], regions=["EU"],
             summary="European umbrella organisation of lung cancer patient charity groups."),
        make("lung-de", kind="organisation", cancer_types=["LUNG"], regions=["DE"],
             languages=["de"], summary="German national lung cancer patient charity."),
        make("lung-uk-org", kind="organisation", cancer_types=["LUNG"], regions=["GB"],
             summary="UK national lung cancer charity with support for patients."),
        make("escat", kind="decision_support", audience=["clinicians"],
             summary="Scale ranking the actionability of molecular targets for clinicians."),
        make("lung-guideline", kind="guideline", audience=["clinicians"], cancer_types=["NSCLC"],
             biomarkers=["EGFR", "ALK"], summary="Guideline for EGFR and ALK lung cancer."),
        make("melanoma-fr", kind="community", cancer_types=["MEL"], regions=["FR"],
             languages=["fr"], summary="French melanoma patient community with support."),
        make("old-helpline", kind="helpline", contact={"phone": "0800 000"}, regions=["GB"],
             last_reviewed=TODAY - timedelta(days=400),
             summary="Cancer helpline for people who want to talk to a nurse."),
        make("review-guideline", kind="guideline", audience=["clinicians"], status="needs_review",
             summary="Guideline for lung cancer trial registry listings.", cancer_types=lung),
        make("unverified-community", verified=False, biomarkers=["EGFR"],
             summary="Unconfirmed EGFR lung community for people to talk."),
        make("retired-registry", kind="trial_registry", status="retired", audience=["clinicians"],
             summary="Retired trial registry for lung cancer trials."),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def engine() -> HybridSearch:
    return HybridSearch.build(corpus(), KeywordEncoder(KEYWORDS), RULES, SearchConfig())


def ids(response) -> list[str]:
    return [h.resource.id for h in response.hits]


def search(engine: HybridSearch, query: str, k: int = 20, **filters: Any):
    return engine.search(query, k=k, filters=Filters(**filters), today=TODAY)


# -- status: never to patients ---------------------------------------------------------------


@pytest.mark.parametrize("audience", [None, "patients", "caregivers", "organisations"])
def test_unverified_retired_overdue_never_reach_patient_facing_users(engine, audience) -> None:
    found = ids(
        search(engine, "egfr lung community helpline trial registry talk", audience=audience)
    )
    assert found, "query should match visible resources"
    for hidden in ("unverified-community", "retired-registry", "old-helpline", "review-guideline"):
        assert hidden not in found


def test_clinicians_see_needs_review_and_overdue_flagged_never_retired_or_unverified(
    engine,
) -> None:
    response = search(engine, "lung cancer trial registry guideline helpline talk",
                      audience="clinicians")  # fmt: skip
    found = {h.resource.id: h for h in response.hits}
    assert "review-guideline" in found
    assert any("needs review" in w for w in found["review-guideline"].why)
    assert "old-helpline" in found
    assert any("past its review date" in w for w in found["old-helpline"].why)
    assert "retired-registry" not in found
    assert "unverified-community" not in found


# -- biomarker, cancer type, region, audience, kind, language --------------------------------


def test_biomarker_filter_keeps_tagged_and_generic_and_ranks_tagged_first(engine) -> None:
    found = ids(search(engine, "lung community support", biomarkers=["EGFR"]))
    assert "alk-au" not in found
    assert "egfr-global" in found
    assert "lung-eu" in found  # not biomarker-specific: still relevant
    assert found.index("egfr-global") < found.index("lung-eu")


@pytest.mark.parametrize("query_marker", ["NTRK1", "NTRK3", "NTRK", "ntrk2"])
def test_family_tags_match_members_and_members_match_family(engine, query_marker) -> None:
    response = search(engine, "fusion community", biomarkers=[query_marker])
    assert "ntrk-family" in ids(response)
    hit = next(h for h in response.hits if h.resource.id == "ntrk-family")
    assert any(w.startswith("biomarker: tagged NTRK") for w in hit.why)


def test_biomarker_aliases_are_normalised(engine) -> None:
    found = ids(search(engine, "lung community", biomarkers=["egfr"]))
    assert "egfr-global" in found


def test_cancer_type_matches_ancestors_descendants_and_untyped(engine) -> None:
    luad = ids(search(engine, "lung community charity support", cancer_type="LUAD"))
    assert {"egfr-global", "lung-eu"} <= set(luad)  # NSCLC and LUNG tags serve LUAD
    assert "ntrk-family" in luad  # any cancer
    assert "melanoma-fr" not in luad
    lung = ids(search(engine, "lung community", cancer_type="LUNG"))
    assert "egfr-global" in lung  # NSCLC is a descendant of LUNG


@pytest.mark.parametrize(
    ("country", "present", "absent"),
    [
        ("DE", {"lung-eu", "lung-de", "egfr-global"}, {"lung-uk-org", "egfr-uk", "alk-au"}),
        ("GB", {"lung-uk-org", "egfr-uk", "egfr-global"}, {"lung-eu", "lung-de"}),
        ("US", {"egfr-global"}, {"lung-eu", "lung-uk-org", "egfr-uk", "alk-au"}),
        ("AU", {"alk-au", "egfr-global"}, {"lung-eu"}),
    ],
)
def test_region_rule_country_eu_membership_and_global(engine, country, present, absent) -> None:
    found = set(ids(search(engine, "lung community charity support egfr alk", country=country)))
    assert present <= found
    assert not (absent & found)


def test_region_why_explains_the_rule(engine) -> None:
    response = search(engine, "lung charity", country="DE")
    why = {h.resource.id: h.why for h in response.hits}
    assert "region: EU-wide, DE is an EU member state" in why["lung-eu"]
    assert "region: serves DE" in why["lung-de"]
    assert "region: international" in why["egfr-global"]


def test_lay_audience_never_gets_clinician_tools(engine) -> None:
    for audience in ("patients", "caregivers"):
        found = ids(search(engine, "scale actionability guideline", audience=audience))
        assert "escat" not in found and "lung-guideline" not in found


def test_clinicians_get_clinician_tools_first(engine) -> None:
    found = ids(search(engine, "scale for actionability", audience="clinicians"))
    assert found[0] == "escat"


def test_kind_filter_accepts_one_or_many(engine) -> None:
    found = search(engine, "lung charity community", kind="organisation").hits
    assert found and {h.resource.kind for h in found} == {"organisation"}
    many = search(engine, "lung charity community", kind=["organisation", "community"]).hits
    assert {h.resource.kind for h in many} == {"organisation", "community"}


def test_language_filter(engine) -> None:
    found = ids(search(engine, "lung charity community melanoma", language="de"))
    assert found == ["lung-de"]


# -- ranking, why, public shape --------------------------------------------------------------


def test_country_tagged_resource_outranks_global_one_for_that_country(engine) -> None:
    found = ids(search(engine, "egfr lung community", biomarkers=["EGFR"], country="GB"))
    assert found.index("egfr-uk") < found.index("egfr-global")


def test_every_hit_has_why_with_keywords_and_similarity(engine) -> None:
    response = search(engine, "egfr community", biomarkers=["EGFR"], country="GB", k=3)
    assert response.hits
    for hit in response.hits:
        assert hit.why
        assert any(w.startswith("meaning similarity") for w in hit.why)
    top = response.hits[0]
    assert "keywords: egfr, community" in top.why


def test_to_public_shape(engine) -> None:
    hit = search(engine, "egfr community", k=1).hits[0]
    public = hit.to_public()
    assert set(public) == {"id", "name", "url", "kind", "owner", "score", "why", "last_reviewed"}
    assert public["last_reviewed"] == hit.resource.last_reviewed.isoformat()
    assert isinstance(public["score"], float)


def test_k_limits_results_and_is_validated(engine) -> None:
    assert len(search(engine, "lung community charity", k=2).hits) == 2
    with pytest.raises(ValueError, match="k must be > 0"):
        engine.search("lung", k=0)


def test_get_returns_resource_or_none(engine) -> None:
    assert engine.get("escat").id == "escat"
    assert engine.get("nope") is None


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_modes_all_find_exact_keyword_match(engine, mode) -> None:
    response = engine.search("actionability scale", k=1, filters=Filters(audience="clinicians"),
                             today=TODAY, mode=mode)  # fmt: skip
    assert ids(response) == ["escat"]


def test_rrf_fusion_ranks_too(engine) -> None:
    rrf = engine.with_config(fusion="rrf")
    assert ids(rrf.search("actionability scale", k=1, filters=Filters(audience="clinicians"),
                          today=TODAY)) == ["escat"]  # fmt: skip


# -- fallback and abstain --------------------------------------------------------------------


def test_fallback_when_no_biomarker_resource_for_country(engine) -> None:
    response = search(engine, "alk lung community", k=5, biomarkers=["ALK"], country="DE",
                      cancer_type="NSCLC", audience="patients")  # fmt: skip
    assert response.fallback is True
    assert response.note and "ALK" in response.note and "DE" in response.note
    found = ids(response)
    assert found[0] == "alk-au"  # the only ALK community, wherever it is
    assert found[1] == "lung-de"  # the national organisation for the cancer type
    assert any("nearest available" in w for w in response.hits[0].why)


def test_no_fallback_when_a_biomarker_resource_serves_the_country(engine) -> None:
    response = search(engine, "alk lung community", biomarkers=["ALK"], country="AU")
    assert response.fallback is False
    assert ids(response)[0] == "alk-au"


def test_abstains_on_unrelated_question(engine) -> None:
    response = search(engine, "best pizza recipe in naples")
    assert response.abstained is True
    assert response.hits == []
    assert response.reason and "close enough" in response.reason


def test_abstains_when_filters_exclude_everything(engine) -> None:
    response = search(engine, "lung community", language="ja")
    assert response.abstained is True
    assert "no resource matches the filters" in (response.reason or "")


def test_empty_query_abstains(engine) -> None:
    response = search(engine, "   ")
    assert response.abstained and response.reason == "empty query"


def test_filters_validate_audience() -> None:
    with pytest.raises(ValueError, match="audience must be one of"):
        Filters(audience="doctors")


# -- index persistence -----------------------------------------------------------------------


def test_load_or_build_reuses_index_until_content_or_model_changes(tmp_path) -> None:
    resources = corpus()
    encoder = KeywordEncoder(KEYWORDS)
    first = HybridSearch.load_or_build(resources, tmp_path, encoder, RULES)
    assert first.rebuilt is True
    calls = encoder.calls
    second = HybridSearch.load_or_build(resources, tmp_path, encoder, RULES)
    assert second.rebuilt is False
    assert encoder.calls == calls  # nothing re-embedded
    changed = [*resources[:-1], resources[-1].model_copy(update={"summary": "A new summary text."})]
    third = HybridSearch.load_or_build(changed, tmp_path, encoder, RULES)
    assert third.rebuilt is True
    other_model = KeywordEncoder(KEYWORDS, name="another-model")
    assert HybridSearch.load_or_build(changed, tmp_path, other_model, RULES).rebuilt is True
    # metadata that is not embedded (review date) does not force a rebuild
    touched = [r.model_copy(update={"last_reviewed": TODAY}) for r in changed]
    assert HybridSearch.load_or_build(touched, tmp_path, other_model, RULES).rebuilt is False


def test_loaded_index_gives_same_results_as_fresh_build(tmp_path) -> None:
    encoder = KeywordEncoder(KEYWORDS)
    HybridSearch.load_or_build(corpus(), tmp_path, encoder, RULES)
    loaded = HybridSearch.load_or_build(corpus(), tmp_path, encoder, RULES)
    fresh = HybridSearch.build(corpus(), encoder, RULES)
    for query in ("egfr community", "lung charity", "actionability scale"):
        assert ids(loaded.search(query, today=TODAY)) == ids(fresh.search(query, today=TODAY))


def test_fallback_without_any_biomarker_resource_offers_the_national_organisation(
    engine,
) -> None:
    response = search(engine, "lung charity", k=5, biomarkers=["ROS1"], country="GB",
                      cancer_type="NSCLC", audience="patients")  # fmt: skip
    assert response.fallback is True
    assert ids(response)[0] == "lung-uk-org"
    assert response.note == (
        "No resource specific to ROS1 is listed for GB or elsewhere. "
        "Showing the national organisation for your cancer type."
    )


def test_fallback_does_not_rescue_an_unrelated_question(engine) -> None:
    response = search(engine, "best pizza recipe in naples", biomarkers=["ROS1"], country="DE")
    assert response.fallback is False
    assert response.abstained is True


def test_repeated_query_is_encoded_once() -> None:
    encoder = KeywordEncoder(KEYWORDS)
    engine = HybridSearch.build(corpus(), encoder, RULES)
    calls = encoder.calls
    for _ in range(3):
        engine.search("egfr community", today=TODAY)
    assert encoder.calls == calls + 1
