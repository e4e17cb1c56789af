"""Content tests on the shipped repository: every resource real-looking, sourced, dated;
the validator clean; safety numbers linked to resources; honest community coverage."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from knowledge import load_repository, vocab
from knowledge.repository import resources_dir
from knowledge.validate import covered_by_community, normalise_url, validate

#: Entries the reference research could NOT verify (or flagged); they must never ship unless
#: a curator verifies them with a source and removes them from this list deliberately.
UNVERIFIED_URLS = {"kraskickers.org", "alknowledge.org"}
UNVERIFIED_IDS = {
    "kras-kickers",
    "alknowledge",
    "exon-20-group",
    "ret-renegades",
    "alk-positive-canada",
    "es-aecc-infocancer",
    "fr-cancer-info-line",
    "cruk-nurse-helpline",
    "lungevity-clinical-trial-finder",
}


@pytest.fixture(scope="module")
def repo():
    return load_repository()


@pytest.fixture(scope="module")
def report():
    vocab.clear_cache()
    return validate()


@pytest.fixture(autouse=True)
def real_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PMN_VOCAB_DIR", raising=False)
    monkeypatch.delenv("PMN_KNOWLEDGE_DIR", raising=False)


def test_repository_validates_without_errors(report) -> None:
    assert [str(e) for e in report.errors] == []


def test_at_least_120_active_verified_resources(repo) -> None:
    active = [r for r in repo.all() if r.status == "active" and r.verified]
    assert len(active) >= 120, len(active)


def test_every_active_resource_is_sourced_owned_and_dated(repo) -> None:
    for r in repo.all():
        if r.status != "active":
            continue
        assert r.source.startswith(("https://", "http://")), r.id
        assert r.owner.strip(), r.id
        assert r.last_reviewed <= date.today(), r.id
        assert r.url is None or r.url.startswith("https://"), r.id
        assert r.summary and len(r.summary) >= 30, r.id


def test_no_unverified_reference_entry_is_shipped(repo) -> None:
    for r in repo.all():
        assert r.id not in UNVERIFIED_IDS
        assert r.url is None or normalise_url(r.url).split("/")[0] not in UNVERIFIED_URLS


def test_core_resources_present(repo) -> None:
    expected = {
        "egfr-resisters": "https://egfrcancer.org",
        "alk-positive-uk": "https://www.alkpositive.org.uk",
        "the-ros1ders": "https://www.theros1ders.org",
        "retpositive": "https://www.retpositive.org",
        "met-crusaders": "https://metcrusaders.org/",
        "clinicaltrials-gov": "https://clinicaltrials.gov",
    }
    for rid, url in expected.items():
        r = repo.get(rid)
        assert r is not None and r.url == url, rid
    kinds = {r.kind for r in repo.all() if r.status == "active"}
    assert {
        "community",
        "guideline",
        "trial_registry",
        "helpline",
        "crisis_line",
        "emergency",
    } <= kinds


def test_safety_numbers_point_at_matching_resources(repo) -> None:
    countries = vocab.load_vocab("safety_numbers")["countries"]
    for code, entry in countries.items():
        for service in ("emergency", "crisis", "cancer_helpline", "urgent"):
            value = entry.get(service) or {}
            rid = value.get("resource_id")
            if not rid:
                continue
            r = repo.get(rid)
            assert r is not None, (code, service, rid)
            assert r.status == "active" and r.verified, rid
            if value.get("number") and r.contact and r.contact.phone:
                digits = "".join(ch for ch in value["number"] if ch.isdigit())
                assert digits[:3] in "".join(ch for ch in r.contact.phone if ch.isdigit()), rid
            if code != "international":
                assert code in r.regions or "EU" in r.regions, (code, rid)


def test_every_vocabulary_biomarker_has_a_community_or_an_honest_note(repo) -> None:
    from knowledge.repository import load_located

    items, _ = load_located(resources_dir())
    covered = covered_by_community(items, date.today())
    notes = vocab.community_notes()
    missing = sorted(
        e["symbol"]
        for e in vocab.biomarker_entries()
        if e["symbol"] not in covered and e["symbol"] not in notes
    )
    assert missing == []


def test_resource_ids_match_file_names() -> None:
    from knowledge.repository import load_located

    items, _ = load_located(resources_dir())
    for item in items:
        if item.path.suffix == ".yaml" and not isinstance(item.record.data, list):
            assert item.path.stem == item.resource.id


def test_real_content_disappears_for_patients_once_past_review(repo) -> None:
    """The never-shown-to-patients rule on the shipped content: a year after the last review
    nothing is patient-visible, while clinicians still see everything verified (flagged)."""
    latest = max(r.last_reviewed for r in repo.all())
    far = latest + timedelta(days=3 * 365 + 1)
    assert repo.visible("patients", far) == []
    assert repo.visible("caregivers", far) == []
    clinician = repo.visible("clinicians", far)
    assert len(clinician) == sum(1 for r in repo.all() if r.verified and r.status != "retired")
    assert all(r.review_flag(far) == "overdue" for r in clinician if r.status == "active")


def test_content_hash_is_stable_across_loads(repo) -> None:
    again = load_repository()
    assert again.content_hash() == repo.content_hash()
    assert len(again.all()) == len(repo.all())
