"""HybridSearch on the real repository with the real MiniLM model (needs the app env)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from retrieval.filters import Filters
from retrieval.rules import MatchRules

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def resources():
    from knowledge.repository import load_resources

    return load_resources()


@pytest.fixture(scope="module")
def engine(resources, tmp_path_factory):
    from retrieval.embedder import Embedder
    from retrieval.search import HybridSearch

    return HybridSearch.load_or_build(resources, tmp_path_factory.mktemp("index"), Embedder())


def _ids(response) -> list[str]:
    return [h.resource.id for h in response.hits]


def test_embedder_gives_unit_float32_vectors(engine) -> None:
    import numpy as np

    vectors = engine.embedder.encode(["EGFR lung cancer community", "trial registry"])
    assert vectors.dtype == np.float32
    assert vectors.shape == (2, engine.embedder.dimension)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_second_load_reuses_the_saved_index(resources, tmp_path: Path) -> None:
    from retrieval.embedder import Embedder
    from retrieval.search import HybridSearch

    embedder = Embedder()
    assert HybridSearch.load_or_build(resources, tmp_path, embedder).rebuilt is True
    again = HybridSearch.load_or_build(resources, tmp_path, embedder)
    assert again.rebuilt is False
    assert again.search("scale for actionability of molecular targets").hits


def test_paraphrase_finds_the_actionability_scale(engine) -> None:
    response = engine.search(
        "the scale for actionability of targets", k=3, filters=Filters(audience="clinicians")
    )
    assert _ids(response)[0] == "esmo-escat"


def test_caregiver_in_gb_gets_the_uk_egfr_community_first(engine) -> None:
    response = engine.search(
        "somewhere my mum can talk to people with the same mutation",
        k=5,
        filters=Filters(biomarkers=["EGFR"], country="GB", audience="caregivers"),
    )
    assert _ids(response)[0] == "egfr-positive-uk"


@pytest.mark.parametrize("country", ["GB", "DE", "US", "AU"])
def test_every_hit_is_available_in_the_users_country(engine, country) -> None:
    rules = MatchRules.from_vocab()
    allowed = rules.qualifying_regions(country)
    for query in ("lung cancer support group", "clinical trials", "cancer helpline"):
        response = engine.search(query, k=10, filters=Filters(country=country))
        for hit in response.hits:
            assert {r.upper() for r in hit.resource.regions} & allowed, (query, hit.resource.id)


def test_patients_never_get_clinician_only_resources(engine) -> None:
    for query in ("variant interpretation knowledge base", "guideline for NSCLC targeted therapy"):
        response = engine.search(query, k=10, filters=Filters(audience="patients"))
        for hit in response.hits:
            assert {"patients", "caregivers"} & set(hit.resource.audience), hit.resource.id
            assert hit.resource.is_patient_visible(date.today())


def test_off_topic_question_abstains(engine) -> None:
    response = engine.search("best pizza recipe in naples", filters=Filters(audience="patients"))
    assert response.abstained
    assert response.reason


def test_public_shape_is_json_ready(engine) -> None:
    import json

    response = engine.search("EGFR community", filters=Filters(country="GB"))
    payload = response.to_public()
    json.dumps(payload)
    assert payload["results"][0]["why"]
