"""Schema, loader and visibility rules of the knowledge repository, with broken fixtures."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from knowledge import KnowledgeError, Repository, load_repository, load_resources
from knowledge.schema import Resource

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "knowledge"
ROOT = Path(__file__).resolve().parents[2]
FIXTURE_IDS = ["fixture-egfr-group", "fixture-helpline", "fixture-retired"]


def _record(**overrides) -> dict:
    base = {
        "id": "test-resource",
        "name": "Test resource",
        "owner": "Test owner",
        "url": "https://example.org/",
        "kind": "community",
        "audience": ["patients"],
        "regions": ["GB"],
        "languages": ["en"],
        "summary": "A resource that exists only inside this unit test module.",
        "source": "https://example.org/about",
        "last_reviewed": date(2026, 1, 1),
        "status": "active",
        "verified": True,
    }
    base.update(overrides)
    return base


def test_importing_knowledge_does_not_import_pydantic() -> None:
    code = "import sys, knowledge, knowledge.vocab; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_valid_fixtures_load_single_records_and_groups() -> None:
    resources = load_resources(FIXTURES / "valid")
    assert [r.id for r in resources] == [
        "fixture-egfr-group",
        "fixture-helpline",
        "fixture-retired",
    ]
    egfr = resources[0]
    assert egfr.biomarkers == ["EGFR"]
    assert egfr.review_every_days == 365  # default
    assert resources[1].contact is not None and resources[1].contact.phone == "0800 000 0000"


def test_bad_yaml_reports_file_and_line() -> None:
    with pytest.raises(KnowledgeError) as info:
        load_resources(FIXTURES / "bad_yaml")
    message = str(info.value)
    assert "broken.yaml:9:" in message
    assert "line 8" in message  # where the unclosed '[' was opened


def test_http_url_is_rejected_with_file_line_and_field() -> None:
    with pytest.raises(KnowledgeError) as info:
        load_resources(FIXTURES / "http_url")
    (issue,) = info.value.issues
    assert Path(issue.path).name == "insecure.yaml"
    assert issue.line == 5
    assert issue.field == "url"
    assert "https" in issue.message


def test_duplicate_id_names_both_places() -> None:
    with pytest.raises(KnowledgeError) as info:
        load_resources(FIXTURES / "duplicate_id")
    (issue,) = info.value.issues
    assert Path(issue.path).name == "second.yaml"
    assert issue.field == "id" and issue.line == 2
    assert "first.yaml:2" in issue.message


def test_missing_required_field_points_at_the_record() -> None:
    with pytest.raises(KnowledgeError) as info:
        load_resources(FIXTURES / "missing_field")
    (issue,) = info.value.issues
    assert issue.field == "source"
    assert "missing" in issue.message
    assert issue.line == 2  # first line of the record (line 1 is a comment)


def test_nested_field_errors_point_at_the_nested_line(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        "id: nested\nname: Nested\nowner: Owner\nurl: https://example.org\nkind: helpline\n"
        "audience: [patients]\nregions: [GB]\nlanguages: [en]\n"
        "summary: A helpline record whose contact block has a bad address in it.\n"
        "contact:\n  phone: '0800 1'\n  url: http://example.org/contact\n"
        "source: https://example.org/s\nlast_reviewed: 2026-01-01\nstatus: active\nverified: true\n"
    )
    with pytest.raises(KnowledgeError) as info:
        load_resources(tmp_path)
    (issue,) = info.value.issues
    assert (issue.field, issue.line) == ("contact.url", 12)


def test_duplicate_yaml_keys_are_errors(tmp_path: Path) -> None:
    text = (FIXTURES / "valid" / "egfr-group.yaml").read_text() + "status: retired\n"
    (tmp_path / "dupkey.yaml").write_text(text)
    with pytest.raises(KnowledgeError) as info:
        load_resources(tmp_path)
    assert "duplicate key" in str(info.value)
    assert "status" in str(info.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "Not A Slug"),
        ("kind", "blog"),
        ("audience", ["everyone"]),
        ("regions", ["United Kingdom"]),
        ("languages", ["english"]),
        ("source", "somewhere on the web"),
        ("summary", "too short"),
        ("biomarkers", ["EGFR", "EGFR"]),
        ("unknown_field", 1),
    ],
)
def test_schema_rejects_bad_values(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Resource.model_validate(_record(**{field: value}))


def test_phone_services_need_a_phone_number() -> None:
    with pytest.raises(ValidationError):
        Resource.model_validate(_record(kind="crisis_line"))
    with pytest.raises(ValidationError):
        Resource.model_validate(_record(url=None))  # unreachable: no url and no phone
    ok = Resource.model_validate(_record(kind="crisis_line", contact={"phone": "116 123"}))
    assert ok.contact and ok.contact.phone == "116 123"


def test_review_dates_and_visibility_rules() -> None:
    reviewed = date(2026, 1, 1)
    r = Resource.model_validate(_record(last_reviewed=reviewed, review_every_days=30))
    assert not r.is_overdue(reviewed + timedelta(days=29))
    assert r.is_overdue(reviewed + timedelta(days=30))
    assert r.is_patient_visible(reviewed + timedelta(days=29))
    assert not r.is_patient_visible(reviewed + timedelta(days=30))
    # clinicians still see an overdue resource, flagged
    assert r.is_clinician_visible(reviewed + timedelta(days=30))
    assert r.review_flag(reviewed + timedelta(days=30)) == "overdue"


def test_repository_never_shows_unverified_retired_or_overdue_to_patients() -> None:
    today = date(2026, 6, 1)
    resources = [
        Resource.model_validate(_record(id="ok")),
        Resource.model_validate(_record(id="unverified", verified=False)),
        Resource.model_validate(_record(id="retired", status="retired")),
        Resource.model_validate(_record(id="needs-review", status="needs_review")),
        Resource.model_validate(_record(id="overdue", last_reviewed=date(2025, 1, 1))),
    ]
    repo = Repository(resources)
    for role in ("patients", "caregivers", "organisations", "someone-else"):
        assert [r.id for r in repo.visible(role, today)] == ["ok"]
    clinician = {r.id for r in repo.visible("clinicians", today)}
    assert clinician == {"ok", "needs-review", "overdue"}
    assert repo.get("needs-review").review_flag(today) == "needs_review"  # type: ignore[union-attr]
    assert repo.get("missing") is None


def test_repository_rejects_duplicate_ids() -> None:
    r = Resource.model_validate(_record())
    with pytest.raises(ValueError, match="duplicate"):
        Repository([r, r])


def test_content_hash_is_order_independent_and_content_sensitive() -> None:
    a = Resource.model_validate(_record(id="a"))
    b = Resource.model_validate(_record(id="b"))
    b2 = Resource.model_validate(_record(id="b", summary="A different summary for the same id b."))
    assert Repository([a, b]).content_hash() == Repository([b, a]).content_hash()
    assert Repository([a, b]).content_hash() != Repository([a, b2]).content_hash()
    assert len(Repository([a]).content_hash()) == 64


def test_load_repository_honours_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMN_KNOWLEDGE_DIR", str(FIXTURES / "valid"))
    repo = load_repository()
    assert {r.id for r in repo.all()} == {
        "fixture-egfr-group",
        "fixture-helpline",
        "fixture-retired",
    }
