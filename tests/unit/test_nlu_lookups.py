"""Lookup tables and synonyms are generated from the vocabularies and kept up to date."""

from __future__ import annotations

from pathlib import Path

import yaml

from nlu import generate_lookups


def test_generated_file_is_up_to_date() -> None:
    assert generate_lookups.main(["--check"]) == 0, "run: python -m nlu.generate_lookups"


def test_lookups_cover_entities_and_skip_ambiguous_lowercase(tmp_path: Path) -> None:
    out = tmp_path / "lookups.yml"
    assert generate_lookups.main(["--out", str(out)]) == 0
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    tables = {
        item["lookup"]: [line[2:] for line in item["examples"].splitlines()]
        for item in doc["nlu"]
        if "lookup" in item
    }
    assert set(tables) == {"biomarker", "cancer_type", "country"}
    assert "ex19del" not in tables["biomarker"]  # alterations are not biomarker names
    assert "EGFR" in tables["biomarker"] and "HER2" in tables["biomarker"]
    for ambiguous in ("MET", "met", "KIT", "RET", "ATM"):
        assert ambiguous not in tables["biomarker"]
    assert "Spanish" not in tables["country"] and "spanish" not in tables["country"]
    assert "españa" in tables["country"]


def test_synonyms_are_consistent(tmp_path: Path) -> None:
    doc = generate_lookups.build()
    seen: dict[str, str] = {}
    for item in doc["nlu"]:
        if "synonym" not in item:
            continue
        for line in item["examples"].splitlines():
            form = line[2:].lower()
            assert seen.setdefault(form, item["synonym"]) == item["synonym"], form
    assert seen["her2"] == "ERBB2"
    assert seen["bowel cancer"] == "COADREAD"
