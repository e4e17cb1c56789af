"""The precomputed data structures answer exactly as the brute-force semantics they replace."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bench.synthetic import TODAY, generate
from retrieval.documents import keyword_text, tokenize
from retrieval.filters import Filters, MetadataTable
from retrieval.keyword import KeywordIndex
from retrieval.rules import MatchRules

RULES = MatchRules(
    families={"NTRK": {"NTRK1", "NTRK2", "NTRK3"}},
    eu_members={"DE", "FR", "ES", "IT", "NL", "IE", "BE", "SE", "PL", "PT", "AT", "DK", "FI"},
    cancer_parents={"NSCLC": "LUNG", "LUAD": "NSCLC"},
)


def brute_force(res, f: Filters, rules: MatchRules) -> bool:
    """The module docstring of retrieval.filters, one resource at a time."""
    visible = res.is_patient_visible(TODAY) if f.patient_rules else res.is_clinician_visible(TODAY)
    if not visible:
        return False
    if f.biomarkers:
        wanted = set().union(*(rules.expand_biomarker(b) for b in f.biomarkers))
        tags = {rules.normalise_biomarker(b) for b in res.biomarkers}
        if tags and not tags & wanted:
            return False
    if f.cancer_type:
        codes = {c.upper() for c in res.cancer_types}
        if codes and not codes & rules.compatible_cancer_types(f.cancer_type):
            return False
    regions = {r.upper() for r in res.regions}
    if f.country and not regions & rules.qualifying_regions(f.country):
        return False
    lay = {"patients", "caregivers"}
    if f.audience in lay and not set(res.audience) & lay:
        return False
    if f.kinds and res.kind not in f.kinds:
        return False
    return not (f.language and not set(res.languages) & {f.language.lower(), "multi"})


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_metadata_masks_equal_brute_force_on_random_corpora(seed: int) -> None:
    resources = generate(600, seed=seed)
    table = MetadataTable(resources, RULES)
    rng = random.Random(seed)
    markers = sorted({b for r in resources for b in r.biomarkers}) + ["NTRK", "NTRK1"]
    cancers = sorted({c for r in resources for c in r.cancer_types}) + ["LUAD", "LUNG"]
    for _ in range(60):
        f = Filters(
            biomarkers=rng.sample(markers, rng.randint(1, 2)) if rng.random() < 0.6 else None,
            cancer_type=rng.choice(cancers) if rng.random() < 0.5 else None,
            country=rng.choice(["GB", "DE", "US", "FR", "JP"]) if rng.random() < 0.7 else None,
            audience=rng.choice([None, "patients", "caregivers", "clinicians", "organisations"]),
            kind=rng.choice([None, "community", ["guideline", "helpline"]]),
            language=rng.choice([None, None, "en", "de"]),
        )
        expected = np.array([brute_force(r, f, RULES) for r in resources])
        mask = table.mask(f, TODAY)
        assert np.array_equal(mask, expected), f
        # repeated queries (cached per-value masks) give the same answer and never alias
        mask[:] = False
        assert np.array_equal(table.mask(f, TODAY), expected), f


def test_cached_value_masks_are_read_only() -> None:
    table = MetadataTable(generate(50, seed=0), RULES)
    single = table.rows("region", {"GLOBAL"})
    with pytest.raises(ValueError):
        single[0] = True


@pytest.mark.parametrize("seed", [0, 5])
def test_terms_in_row_equals_tokenising_the_document(seed: int) -> None:
    resources = generate(400, seed=seed)
    texts = [keyword_text(r, RULES) for r in resources]
    index = KeywordIndex.build(texts)
    rng = random.Random(seed)
    vocab = sorted({t for text in texts for t in tokenize(text)})
    for _ in range(80):
        query = " ".join(rng.sample(vocab, rng.randint(1, 5)) + ["zzzunknown"])
        row = rng.randrange(len(resources))
        doc_terms = set(tokenize(texts[row]))
        expected = [t for t in index.query_terms(query) if t in doc_terms]
        assert index.terms_in_row(query, row) == expected


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sparse_bm25_top_rows_equal_dense_scoring(seed: int) -> None:
    """The threshold-algorithm/MaxScore path returns a correct top-c: the dense scores of its
    rows, the same multiset of scores as the dense top-c, only allowed rows, rows ascending."""
    resources = generate(3000, seed=seed)
    texts = [keyword_text(r, RULES) for r in resources]
    sparse = KeywordIndex.build(texts, sparse_min=0)
    dense = KeywordIndex.build(texts, sparse_min=10**9)
    assert sparse.sparse and not dense.sparse
    rng = np.random.default_rng(seed)
    vocab = sorted({t for text in texts for t in tokenize(text)})
    for trial in range(120):
        query = " ".join(rng.choice(vocab, int(rng.integers(1, 9))))
        density = [1.0, 0.5, 0.1, 0.01][trial % 4]
        allowed = rng.random(len(texts)) < density
        c = int(rng.choice([1, 5, 100, 400]))
        scores = dense.scores(query)
        positive = np.flatnonzero((scores > 0) & allowed)
        want = np.sort(scores[positive])[::-1][:c]
        for index in (sparse, dense):
            rows, got = index.top_rows(query, c, allowed)
            assert np.all(np.diff(rows) > 0) and allowed[rows].all(), query
            np.testing.assert_array_equal(got, scores[rows])  # bit for bit
            np.testing.assert_array_equal(np.sort(got)[::-1], want)
        some = rng.choice(len(texts), 50, replace=False)
        np.testing.assert_array_equal(sparse.scores_at(query, some), scores[some])
    # the thread's scratch accumulator is left all zero
    assert not sparse._scratch().any()
