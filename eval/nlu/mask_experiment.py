"""Leave-one-set-out of the masked re-check (``nlu.triage.screen_all``) against the screen
without it, on the same fits.

    flock /tmp/pmn-cpu.lock .venv-engine/bin/python -m eval.nlu.mask_experiment \
        [--errors blind_i ...] [--folds blind_p ...] [--write-model]   # ~2-3 h, 19 folds

Each fold's classifier is fitted once (``eval.nlu.loso.Loso.fold_model``: trained without the
held-out set, thresholds and veto level by the inner leave-one-set-out) and the held-out set is
screened under every variant:

- ``off``: no masking (the screen before the masked re-check);
- ``lowered``: the spans that are not live statements (denied, told as over, framed,
  hypothetical) are taken out before the layer judges the message; such a finding stays only
  when the layer still finds its category in what is left;
- ``live``: ``lowered`` plus the liveness veto (``nlu.triage.LIVE_MODE``): a vetoable rule
  finding is dropped when the liveness head, judging the message with its red-flag terms
  replaced by a placeholder, scores it below the fold's liveness threshold (shipped).

Two more masking variants were run at commit 7b3f508 and two more liveness variants
(letting the head also drop an explicit first-person crisis finding below a tenfold lower
level, and not requiring the layer to disagree) in the run of the liveness head; all were
dropped (eval/nlu/triage_loso.md).

The thresholds and veto level are chosen without the masking (as ``eval.nlu.loso`` chooses
them), so every variant runs at the same operating point. ``--write-model`` also fits on every
set and writes nlu/triage_model.* exactly as ``eval.nlu.loso --write-model`` does. Results:
eval/nlu/triage_loso.md, "Masked re-check".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from eval.nlu import loso
from eval.nlu.triage_data import SETS, VectorCache, prepared_encoder
from nlu import triage

# name: (nlu.triage.MASK_MODE, nlu.triage.LIVE_MODE)
VARIANTS = {"off": (False, False), "lowered": (True, False), "live": (True, True)}
FLAGS = ("MASK_MODE", "LIVE_MODE")


@contextmanager
def variant(name: str) -> Iterator[None]:
    saved = [getattr(triage, f) for f in FLAGS]
    for flag, value in zip(FLAGS, VARIANTS[name], strict=True):
        setattr(triage, flag, value)
    try:
        yield
    finally:
        for flag, value in zip(FLAGS, saved, strict=True):
            setattr(triage, flag, value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--budget", type=float, default=0.01)
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--errors", nargs="*", default=[], help="list errors on these folds")
    parser.add_argument("--write-model", action="store_true")
    parser.add_argument(
        "--folds", nargs="*", default=None, help="hold out only these sets (default: every set)"
    )
    args = parser.parse_args(argv)
    encode, encoder_hash = prepared_encoder()
    vec_of = VectorCache(encode, encoder_hash)
    runner = loso.Loso(loso.TrainConfig(), vec_of, encoder_hash)
    rows: dict[str, dict[str, loso.Counts]] = {v: {} for v in args.variants}
    for name, _ in SETS:
        if args.folds is not None and name not in args.folds:
            continue
        model, settings = runner.fold_model(name, args.budget)
        items = runner.sets[name]
        for v in args.variants:
            with variant(v):
                counts = loso.score(items, loso.screen_with(model, items))
            rows[v][name] = counts
            print(f"fold {name} [{v}] {settings}: " + " | ".join(loso.fmt(counts)), flush=True)
            if name in args.errors:
                for err in counts.errors:
                    print(f"  [{name}/{v}] {err}")
        vec_of.save()
    print()
    print(loso.table(rows))
    if args.write_model:
        runner.write_model(args.budget, report=True)
    vec_of.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
