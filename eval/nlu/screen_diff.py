"""What a change to the red-flag screen does to every labelled message.

    .venv-engine/bin/python -m eval.nlu.screen_diff --write var/screen-before.json
    # ... change nlu/triage.py ...
    .venv-engine/bin/python -m eval.nlu.screen_diff --compare var/screen-before.json

Screens every message of the development sets (``eval.nlu.triage_data.SETS``; a reserved blind
set is never read) twice, with the rules alone (``nlu.triage.screen_rules``) and with the full
screen (``nlu.triage.screen``, the shipped learned layer on the prepared encoder, ``make
encoder``), and records the category and rule of each answer. ``--compare`` reports, for each
of the two screens, the positives lost or gained (a positive counts when its own category is
answered) and the negatives that begin or stop firing, with their texts. Exit status 1 when a
crisis or emergency positive is lost, so a rule change that costs recall cannot pass unnoticed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eval.nlu.triage_data import load_sets
from nlu import triage

Row = dict[str, Any]


def _answer(result: Any) -> list[str] | None:
    return None if result is None else [result.category, result.rule]


def snapshot() -> dict[str, Row]:
    """{"<set>\\t<text>": {"label", "explicit", "rules", "full"}} for every labelled message."""
    from nlu.triage_model import from_encoder_dir

    triage.enable_semantic(from_encoder_dir())  # the layer on, as Rasa and the gateway run it
    rows: dict[str, Row] = {}
    for name, items in load_sets().items():
        for item in items:
            rows[f"{name}\t{item.text}"] = {
                "label": item.label,
                "explicit": item.explicit,
                "rules": _answer(triage.screen_rules(item.text)),
                "full": _answer(triage.screen(item.text)),
            }
    return rows


def _right(row: Row, screen: str) -> bool:
    """A positive answered with its own category, or a negative left quiet."""
    answer = row[screen]
    if row["label"] == "none":
        return answer is None
    return answer is not None and answer[0] == row["label"]


def compare(before: dict[str, Row], after: dict[str, Row]) -> tuple[list[str], bool]:
    """Report lines and whether a crisis or emergency positive was lost (either screen)."""
    lines: list[str] = []
    lost_red_flag = False
    common = [k for k in after if k in before]
    for screen in ("rules", "full"):
        counts = {"positives gained": 0, "positives lost": 0, "negatives quiet": 0}
        counts["negatives firing"] = 0
        detail: list[str] = []
        for key in common:
            old, new = before[key], after[key]
            if _right(old, screen) == _right(new, screen):
                continue
            name, text = key.split("\t", 1)
            if new["label"] == "none":
                kind = "negatives quiet" if _right(new, screen) else "negatives firing"
            else:
                kind = "positives gained" if _right(new, screen) else "positives lost"
                if kind == "positives lost" and new["label"] in ("crisis", "emergency"):
                    lost_red_flag = True
            counts[kind] += 1
            detail.append(f"  {kind} [{name}] {new['label']}: {old[screen]} -> {new[screen]}")
            detail.append(f"      {text}")
        summary = ", ".join(f"{k} {v}" for k, v in counts.items())
        lines.append(f"{screen}: {len(common)} messages; {summary}")
        lines += detail
    added = [k for k in after if k not in before]
    if added:
        lines.append(f"{len(added)} messages not in the snapshot (new sets or edited texts)")
    return lines, lost_red_flag


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write a snapshot of the current screen")
    group.add_argument("--compare", type=Path, help="compare the current screen to a snapshot")
    args = parser.parse_args(argv)
    rows = snapshot()
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {len(rows)} messages to {args.write}")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    lines, lost = compare(before, rows)
    print("\n".join(lines))
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
