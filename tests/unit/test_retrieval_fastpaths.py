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
