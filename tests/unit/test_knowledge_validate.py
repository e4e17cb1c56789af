"""`python -m knowledge validate` checks: vocabulary references, duplicate URLs, review dates,
safety numbers. Uses the fixture vocabulary so the real one can change freely."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from knowledge import vocab
from knowledge.cli import main
from knowledge.validate import normalise_url, validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "knowledge"
TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def fixture_vocab(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMN_VOCAB_DIR", str(FIXTURES / "vocab"))
    vocab.clear_cache()


def _copy(tmp_path: Path, *names: str) -> Path:
    root = tmp_path / "resources"
    root.mkdir()
    for name in names:
        shutil.copy(FIXTURES / name, root / Path(name).name)
    return root


def test_valid_fixtures_pass() -> None:
    report = validate(FIXTURES / "valid", today=TODAY)
    assert report.errors == []
    # the needs_review fixture is reported to curators but is not an error
    assert any(w.field == "status" for w in report.warnings)


def test_unknown_biomarker_names_file_line_and_field() -> None:
    report = validate(FIXTURES / "unknown_biomarker", today=TODAY)
    (error,) = report.errors
    assert Path(error.path).name == "unknown.yaml"
    assert (error.line, error.field) == (9, "biomarkers[1]")
    assert "NOTAGENE1" in error.message
    assert "unknown.yaml:9: field 'biomarkers[1]'" in str(error)


def test_family_members_are_valid_tags_and_alteration_must_match_a_tag(tmp_path: Path) -> None:
    root = _copy(tmp_path, "valid/egfr-group.yaml")
    path = root / "egfr-group.yaml"
    text = path.read_text().replace("biomarkers: [EGFR]", "biomarkers: [NTRK2]")
    path.write_text(text)
    report = validate(root, today=TODAY)
    (error,) = report.errors  # NTRK2 is fine (family member); the EGFR alteration is not
    assert error.field == "alterations[0]"
    assert "EGFR" in error.message


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("cancer_types: [NSCLC]", "cancer_types: [LUNGS]", "cancer_types[0]"),
        ("regions: [GB, global]", "regions: [GB, JP]", "regions[1]"),
        ("alterations: [EGFR exon 19 deletion]", "alterations: [exon 19]", "alterations[0]"),
        ("last_reviewed: 2026-01-15", "last_reviewed: 2026-12-15", "last_reviewed"),
        ("verified: true", "verified: false", "verified"),
    ],
)
def test_reference_and_date_errors(tmp_path: Path, old: str, new: str, field: str) -> None:
    root = _copy(tmp_path, "valid/egfr-group.yaml")
    path = root / "egfr-group.yaml"
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new))
    report = validate(root, today=TODAY)
    assert [e.field for e in report.errors] == [field]


def test_duplicate_urls_are_errors(tmp_path: Path) -> None:
    root = _copy(tmp_path, "valid/egfr-group.yaml")
    text = (root / "egfr-group.yaml").read_text()
    twin = text.replace("fixture-egfr-group", "fixture-twin").replace(
        "https://example.org/egfr\n", "https://www.example.org/egfr/\n"
    )
    (root / "twin.yaml").write_text(twin)
    report = validate(root, today=TODAY)
    (error,) = report.errors
    assert error.field == "url" and "fixture-egfr-group" in error.message


def test_overdue_is_a_warning_not_an_error() -> None:
    report = validate(FIXTURES / "valid", today=date(2027, 6, 1))
    assert report.errors == []
    assert any("past review" in w.message for w in report.warnings)


def test_safety_numbers_without_source_fail(tmp_path: Path, monkeypatch) -> None:
    vdir = tmp_path / "vocab"
    shutil.copytree(FIXTURES / "vocab", vdir)
    path = vdir / "safety_numbers.yaml"
    path.write_text(path.read_text().replace(', source: "https://example.org/fr"', ""))
    monkeypatch.setenv("PMN_VOCAB_DIR", str(vdir))
    report = validate(FIXTURES / "valid", today=TODAY)
    (error,) = report.errors
    assert error.field == "countries.FR.emergency.source"
    assert Path(error.path).name == "safety_numbers.yaml" and error.line == 11


def test_norway_read_as_false_is_caught(tmp_path: Path, monkeypatch) -> None:
    vdir = tmp_path / "vocab"
    shutil.copytree(FIXTURES / "vocab", vdir)
    path = vdir / "countries.yaml"
    path.write_text(path.read_text().replace('code: "NO"', "code: NO"))
    monkeypatch.setenv("PMN_VOCAB_DIR", str(vdir))
    report = validate(FIXTURES / "valid", today=TODAY)
    assert any("quote NO" in e.message and e.line == 4 for e in report.errors)


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--root", str(FIXTURES / "valid"), "--today", "2026-06-01"]) == 0
    assert main(["validate", "--root", str(FIXTURES / "unknown_biomarker")]) == 1
    out = capsys.readouterr().out
    assert "unknown.yaml:9: field 'biomarkers[1]'" in out
    assert main(["validate", "--root", str(FIXTURES / "bad_yaml")]) == 1
    assert "broken.yaml:9:" in capsys.readouterr().out
    # --strict turns warnings (needs_review) into failure
    args = ["validate", "--strict", "--root", str(FIXTURES / "valid"), "--today", "2026-06-01"]
    assert main(args) == 1


def test_review_lists_overdue_and_needs_review(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--root", str(FIXTURES / "valid"), "--today", "2027-02-01"]) == 0
    out = capsys.readouterr().out
    assert "OVERDUE" in out and "fixture-egfr-group" in out
    assert "needs_review" in out and "fixture-helpline" in out
    assert "fixture-retired" not in out
    assert (
        main(["review", "--strict", "--root", str(FIXTURES / "valid"), "--today", "2027-02-01"])
        == 1
    )


def test_stats_table_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--root", str(FIXTURES / "valid"), "--today", "2026-06-01"]) == 0
    out = capsys.readouterr().out
    assert "community" in out and "EGFR" in out
    assert main(["stats", "--csv", "--root", str(FIXTURES / "valid"), "--today", "2026-06-01"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "biomarker,region,kind,count"
    assert "EGFR,GB,community,1" in lines and "EGFR,global,community,1" in lines
    # needs_review and retired fixtures are not patient-visible, so not counted
    assert not any(line.startswith("(any)") for line in lines)
    assert "NTRK,,,0" in lines  # vocabulary gap listed with zero


def test_check_links_offline_says_so_and_exits_zero(monkeypatch, capsys) -> None:
    from knowledge import cli

    monkeypatch.setattr(cli, "_fetch", lambda url, timeout: ("unreachable", "no route"))
    assert main(["check-links", "--root", str(FIXTURES / "valid")]) == 0
    assert "No network" in capsys.readouterr().out


def test_check_links_reports_broken_and_exits_one(monkeypatch, capsys) -> None:
    from knowledge import cli

    def fake(url: str, timeout: float) -> tuple[str, str]:
        return ("broken", "HTTP 404") if "retired" in url or "egfr" in url else ("ok", "200")

    monkeypatch.setattr(cli, "_fetch", fake)
    assert main(["check-links", "--root", str(FIXTURES / "valid")]) == 1
    out = capsys.readouterr().out
    assert "fixture-egfr-group" in out and "HTTP 404" in out


def test_normalise_url() -> None:
    assert normalise_url("https://www.Example.org/a/") == normalise_url("http://example.org/a")
    assert normalise_url("https://example.org/a?x=1") != normalise_url("https://example.org/a")
