"""eval.nlu.screen_diff.compare: what a change to the screen does to labelled messages."""

from __future__ import annotations

import pytest

from eval.nlu.screen_diff import compare

pytestmark = pytest.mark.unit


def _row(label: str, rules: list[str] | None, full: list[str] | None) -> dict[str, object]:
    return {"label": label, "explicit": True, "rules": rules, "full": full}


def test_compare_counts_lost_and_gained_positives_and_new_false_positives() -> None:
    before = {
        "a\tI can't breathe": _row("emergency", ["emergency", "breathing"], ["emergency", "x"]),
        "a\tI want to die": _row("crisis", None, ["crisis", "semantic"]),
        "a\tdying to know": _row("none", None, None),
        "a\tthis wait is killing me": _row("none", ["crisis", "kill"], None),
        "a\thow long have I got": _row("medical_advice", None, None),
    }
    after = {
        "a\tI can't breathe": _row("emergency", None, ["emergency", "x"]),  # rules lost it
        "a\tI want to die": _row("crisis", ["crisis", "want_die"], ["crisis", "want_die"]),
        "a\tdying to know": _row("none", ["crisis", "die"], None),  # rules fire on a negative
        "a\tthis wait is killing me": _row("none", None, None),
        "a\thow long have I got": _row("medical_advice", ["emergency", "y"], None),  # still wrong
        "b\tnew text": _row("none", None, None),
    }
    lines, lost = compare(before, after)
    assert lost  # a crisis/emergency positive lost by the rules fails the comparison
    assert lines[0].startswith("rules: 5 messages; positives gained 1, positives lost 1")
    assert "negatives quiet 1, negatives firing 1" in lines[0]
    full = next(line for line in lines if line.startswith("full:"))
    assert "positives gained 0, positives lost 0, negatives quiet 0, negatives firing 0" in full
    assert lines[-1] == "1 messages not in the snapshot (new sets or edited texts)"


def test_compare_of_identical_snapshots_reports_no_change() -> None:
    rows = {"a\tI can't breathe": _row("emergency", ["emergency", "b"], ["emergency", "b"])}
    lines, lost = compare(rows, rows)
    assert not lost
    assert lines == [
        "rules: 1 messages; positives gained 0, positives lost 0, negatives quiet 0, "
        "negatives firing 0",
        "full: 1 messages; positives gained 0, positives lost 0, negatives quiet 0, "
        "negatives firing 0",
    ]
