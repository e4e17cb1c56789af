"""eval.nlu: the cross-validation report says which run (commit, time) it comes from."""

from __future__ import annotations

import json
from pathlib import Path

from eval.nlu.__main__ import read_intent_report

REPORT = {
    "greet": {"precision": 1.0, "recall": 0.9, "f1-score": 0.95, "support": 30},
    "crisis": {"precision": 0.8, "recall": 1.0, "f1-score": 0.89, "support": 28},
    "accuracy": 0.93,
    "macro avg": {"precision": 0.9, "recall": 0.95, "f1-score": 0.92, "support": 58},
    "weighted avg": {"precision": 0.9, "recall": 0.95, "f1-score": 0.921, "support": 58},
}


def test_report_names_the_commit_it_was_run_on(tmp_path: Path) -> None:
    (tmp_path / "intent_report.json").write_text(json.dumps(REPORT))
    (tmp_path / "run.json").write_text(
        json.dumps({"commit": "abc1234", "finished": "2026-11-27 05:10 UTC", "folds": 5})
    )
    cv = read_intent_report(tmp_path)
    assert cv is not None
    assert cv["macro_f1"] == 0.92 and cv["examples"] == 58
    assert cv["per_intent"] == {"greet": (0.95, 30), "crisis": (0.89, 28)}
    assert cv["run"] == "commit abc1234, 2026-11-27 05:10 UTC"


def test_report_without_a_run_record_says_so(tmp_path: Path) -> None:
    (tmp_path / "intent_report.json").write_text(json.dumps(REPORT))
    cv = read_intent_report(tmp_path)
    assert cv is not None and cv["run"].startswith("commit not recorded, report written 20")
    assert read_intent_report(tmp_path / "missing") is None
