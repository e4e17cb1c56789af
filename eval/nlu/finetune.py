"""Experiment: does a fine-tuned MiniLM classifier generalise better than the learned layer?

    nice -n 10 python -m eval.nlu.finetune --part ft               # fine-tune, every fold
    nice -n 10 python -m eval.nlu.finetune --part ft --folds blind_f blind_e
    python -m eval.nlu.finetune --part lr                          # LR baselines, same folds
    python -m eval.nlu.finetune --part cost                        # encode time, size on disk
    python -m eval.nlu.finetune --part report                      # tables from ft-out/*.json

Leave-one-set-out over the nine labelled sets (``eval.nlu.triage_data.SETS``). For each held-out
set ("outer"), a validation set is put aside as well: the most recent blind set among the eight
others (blind_f; blind_e when F is the held-out set). all-MiniLM-L6-v2 (transformer + mean
pooling + a linear 4-class head, cross-entropy with balanced class weights) is fine-tuned on
the bank, the Rasa NLU examples and the seven remaining sets (texts that also occur in the
outer or the validation set dropped, as ``eval.nlu.loso`` does). The validation set is scored
(max red-flag probability over the whole message and its sentences, ``split_units``) and the
per-category thresholds are chosen on it with ``eval.nlu.loso.choose_thresholds`` (at most
``--budget`` false positives, the rules' context checks applied, no rules); the outer set is
then scored once with them and counted by ``eval.nlu.loso.score``.

LR baselines (``--part lr``, ``eval.nlu.loso``'s own functions and defaults):

- *LR (loso)*: ``Loso.fold`` exactly: trained on all eight other sets, thresholds by the inner
  leave-one-set-out; the "layer alone" row of eval/nlu/triage_loso.md.
- *LR (val)*: the fine-tuned protocol: trained on the same seven sets as the fine-tuned model,
  thresholds chosen on the same validation set.

Oracle operating point (threshold-free): urgent score = max(P(crisis), P(emergency)) over the
units, no context checks; the threshold is the lowest that leaves at most 1% of the outer set's
own negatives at or above it; reported: crisis + emergency positives at or above it (flagged
urgent, either category).

Outputs go to ft-out/ (per-fold JSON and scores; not in git); progress to finetune.log.
Only the sets in ``SETS`` are read (``load_set`` refuses the next blind set).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.nlu.triage_data import ROOT, SETS, Item, load_sets
from nlu.triage_model import CLASSES, RED_FLAGS, split_units

OUT = ROOT / "ft-out"
LOG = ROOT / "finetune.log"
SET_NAMES = [name for name, _ in SETS]


def log(msg: str) -> None:
    line = f"{time.strftime('%H:%M:%S', time.gmtime())} {msg}"
    print(line, flush=True)
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(line + "\n")


def validation_set(outer: str) -> str:
    """The most recent blind set other than the held-out one."""
    return "blind_f" if outer != "blind_f" else "blind_e"


# ------------------------------------------------------------------------ scoring helpers


def units_of(items: Sequence[Item]) -> list[list[str]]:
    return [split_units(i.text) for i in items]


def predict(probs: np.ndarray, thresholds: Sequence[float], veto: np.ndarray) -> list[str | None]:
    """The layer's category per item: the most urgent category reaching its threshold, None
    when the rules' context checks veto that category (``eval.nlu.loso.layer_alone``)."""
    out: list[str | None] = []
    for p, v in zip(probs, veto, strict=True):
        category = None
        for j, cat in enumerate(RED_FLAGS):
            if p[1 + j] >= thresholds[j]:
                category = None if v[j] else cat
                break
        out.append(category)
    return out


def oracle(
    items: Sequence[Item], probs: np.ndarray, fpr: float = 0.01, veto: np.ndarray | None = None
) -> dict[str, Any]:
    """Recall of crisis + emergency positives at the lowest threshold on max(P(crisis),
    P(emergency)) that leaves at most ``fpr`` of the items' negatives at or above it. With
    ``veto`` ((n, 3), ``loso.vetoed_mask``) a category the rules' context checks veto scores 0."""
    urgent_probs = probs[:, 1:3].copy()
    if veto is not None:
        urgent_probs[veto[:, :2]] = 0.0
    urgent = urgent_probs.max(axis=1)
    labels = np.asarray([i.label for i in items])
    neg = np.sort(urgent[labels == "none"])[::-1]
    allowed = int(math.floor(fpr * len(neg)))
    # at or above t: the negatives above neg[allowed] (strictly) -> t just above neg[allowed]
    t = float(np.nextafter(neg[allowed], np.float32(2.0))) if allowed < len(neg) else 0.0
    pos = np.isin(labels, ("crisis", "emergency"))
    caught = int((urgent[pos] >= t).sum())
    return {
        "threshold": t,
        "caught": caught,
        "n": int(pos.sum()),
        "fps": int((urgent[labels == "none"] >= t).sum()),
        "negatives": len(neg),
    }


def counts_json(c: Any) -> dict[str, Any]:
    return {"groups": c.groups, "fps": c.fps, "negatives": c.negatives, "errors": c.errors}


# ------------------------------------------------------------------------ fine-tuning


class FineTuned:
    """all-MiniLM-L6-v2 transformer + mean pooling + linear head (4 classes)."""

    def __init__(self, max_len: int = 128, path: Path | None = None) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        from retrieval.embedder import default_model_path

        base = path or default_model_path()
        self.tokenizer = AutoTokenizer.from_pretrained(str(base))
        self.encoder = AutoModel.from_pretrained(str(base))
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(CLASSES))
        if path is not None and (path / "head.pt").exists():
            self.head.load_state_dict(torch.load(path / "head.pt"))
        self.max_len = max_len

    def parameters(self) -> list[Any]:
        return list(self.encoder.parameters()) + list(self.head.parameters())

    def logits(self, texts: Sequence[str]) -> Any:
        batch = self.tokenizer(
            list(texts), padding=True, truncation=True, max_length=self.max_len,
            return_tensors="pt",
        )  # fmt: skip
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return self.head(pooled)

    def proba(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """(n, 4) class probabilities; texts batched by length (less padding)."""
        import torch

        self.encoder.eval()
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        out = np.zeros((len(texts), len(CLASSES)), dtype=np.float32)
        with torch.inference_mode():
            for s in range(0, len(order), batch_size):
                idx = order[s : s + batch_size]
                p = torch.softmax(self.logits([texts[k] for k in idx]), dim=-1).numpy()
                out[idx] = p
        return out

    def item_proba(self, items: Sequence[Item]) -> np.ndarray:
        units_per = units_of(items)
        flat = [u for us in units_per for u in us]
        from eval.nlu.loso import reduce_units  # every sentence scored: no sentence gate

        return reduce_units(units_per, self.proba(flat), None)

    def save(self, path: Path) -> None:
        import torch

        path.mkdir(parents=True, exist_ok=True)
        self.encoder.save_pretrained(str(path))
        self.tokenizer.save_pretrained(str(path))
        torch.save(self.head.state_dict(), path / "head.pt")


def length_batches(texts: Sequence[str], size: int, rng: np.random.Generator) -> list[np.ndarray]:
    """Batches of texts of similar length (lengths jittered by up to +-15%, so batches differ
    from epoch to epoch), in random order: padding to the longest text in a batch is most of
    the CPU cost with random batches (median text 12 words, longest 65)."""
    jitter = np.exp(rng.uniform(-0.15, 0.15, len(texts)))
    order = np.argsort(np.asarray([len(t) for t in texts]) * jitter, kind="stable")
    batches = [order[s : s + size] for s in range(0, len(order), size)]
    return [batches[k] for k in rng.permutation(len(batches))]


def train(items: Sequence[Item], args: argparse.Namespace, tag: str) -> FineTuned:
    import torch

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    model = FineTuned(args.max_len)
    y_all = np.asarray([CLASSES.index(i.label) for i in items])
    freq = np.bincount(y_all, minlength=len(CLASSES)).astype(np.float64)
    weights = torch.tensor(len(y_all) / (len(CLASSES) * np.maximum(freq, 1)), dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW(
        [
            {"params": list(model.encoder.parameters()), "lr": args.lr},
            {"params": list(model.head.parameters()), "lr": args.head_lr},
        ],
        weight_decay=0.01,
    )
    steps_per_epoch = math.ceil(len(items) / args.batch)
    total = steps_per_epoch * args.epochs
    warmup = max(1, int(0.1 * total))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda s: (s + 1) / warmup if s < warmup else max(0.0, (total - s) / (total - warmup)),
    )
    texts = [i.text for i in items]
    rng = np.random.default_rng(args.seed)
    step = 0
    start = time.time()
    for epoch in range(args.epochs):
        model.encoder.train()
        running = 0.0
        for idx in length_batches(texts, args.batch, rng):
            logits = model.logits([texts[k] for k in idx])
            loss = loss_fn(logits, torch.as_tensor(y_all[idx]))
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += float(loss.detach())
            step += 1
            if step % 50 == 0:
                rate = (time.time() - start) / step
                log(
                    f"[{tag}] epoch {epoch + 1} step {step}/{total} loss {running / 50:.4f} "
                    f"{rate:.2f} s/step, ~{rate * (total - step) / 60:.1f} min left"
                )
                running = 0.0
    log(f"[{tag}] trained {len(items)} examples, {total} steps in {time.time() - start:.0f} s")
    return model


# The fine-tuned model's probabilities saturate (most negatives and positives within 1e-3 of 0
# or 1), so loso.GRID (0.2-0.975) has no threshold that meets the budget on the validation
# set; its thresholds come from a grid evenly spaced in logit from 0.2 to 1 - 1e-6 instead.
FT_GRID = np.round(1 / (1 + np.exp(-np.linspace(np.log(0.25), np.log(1e6), 40))), 7)


def evaluate_ft(
    outer: str,
    p_val: np.ndarray,
    p_out: np.ndarray,
    budget: float,
    settings: dict[str, Any],
    train_examples: int,
) -> dict[str, Any]:
    """Thresholds on the validation set's scores, then the held-out set counted once."""
    from eval.nlu import loso
    from eval.nlu.loso import choose_thresholds, score, vetoed_mask

    sets = load_sets()
    val = validation_set(outer)
    saved = loso.GRID
    try:
        loso.GRID = FT_GRID
        thresholds = choose_thresholds(
            sets[val], [None] * len(sets[val]), p_val[:, 1:], vetoed_mask(sets[val]), budget
        )
    finally:
        loso.GRID = saved
    counts = score(sets[outer], predict(p_out, thresholds, vetoed_mask(sets[outer])))
    result = {
        "outer": outer,
        "validation": val,
        "thresholds": thresholds,
        "counts": counts_json(counts),
        "oracle": oracle(sets[outer], p_out),
        "oracle_ctx": oracle(sets[outer], p_out, veto=vetoed_mask(sets[outer])),
        "settings": settings,
        "train_examples": train_examples,
    }
    (OUT / f"ft_{outer}.json").write_text(json.dumps(result, indent=1))
    return result


def rescore(folds: Sequence[str], budget: float) -> None:
    """Recount saved folds (ft-out/ft_<fold>.npz) with the current threshold choice."""
    from eval.nlu.loso import fmt

    for outer in folds:
        path = OUT / f"ft_{outer}.npz"
        if not path.exists():
            continue
        old = json.loads((OUT / f"ft_{outer}.json").read_text())
        data = np.load(path)
        result = evaluate_ft(
            outer, data["val"], data["outer"], budget, old["settings"], old["train_examples"]
        )
        log(
            f"[{outer}] rescored: thresholds {result['thresholds']}: "
            + " | ".join(fmt(_as_counts(result["counts"])))
        )


def run_ft_fold(outer: str, args: argparse.Namespace) -> dict[str, Any]:
    from eval.nlu.triage_data import load_bank, load_rasa, norm_key

    sets = load_sets()
    val = validation_set(outer)
    banned = {norm_key(i.text) for name in (outer, val) for i in sets[name]}
    pool = load_bank() + load_rasa()
    for name, items in sets.items():
        if name not in (outer, val):
            pool.extend(items)
    train_items = [i for i in pool if norm_key(i.text) not in banned]
    log(f"[{outer}] fine-tune on {len(train_items)} examples (validation {val})")
    model = train(train_items, args, outer)
    t0 = time.time()
    p_val = model.item_proba(sets[val])
    p_out = model.item_proba(sets[outer])
    log(f"[{outer}] scored {val} + {outer} in {time.time() - t0:.0f} s")
    settings = {k: getattr(args, k) for k in ("epochs", "lr", "head_lr", "batch", "max_len")}
    OUT.mkdir(exist_ok=True)
    np.savez(OUT / f"ft_{outer}.npz", val=p_val, outer=p_out)
    result = evaluate_ft(outer, p_val, p_out, args.budget, settings, len(train_items))
    if args.save_model and outer == args.folds[0]:
        model.save(OUT / f"model_{outer}")
    from eval.nlu.loso import fmt

    log(
        f"[{outer}] thresholds {result['thresholds']}: "
        + " | ".join(fmt(_as_counts(result["counts"])))
    )
    log(f"[{outer}] oracle {result['oracle']}")
    return result


# ------------------------------------------------------------------------ LR baselines


def run_lr(folds: Sequence[str], budget: float, with_loso: bool = False) -> None:
    from eval.nlu.loso import (
        Loso,
        TrainConfig,
        choose_thresholds,
        fmt,
        layer_alone,
        score,
        unit_max_proba,
    )
    from eval.nlu.triage_data import VectorCache, prepared_encoder

    encode, encoder_hash = prepared_encoder()
    vec_of = VectorCache(encode, encoder_hash)  # read only: never saved (shared var/)
    config = TrainConfig()
    loso = Loso(config, vec_of, encoder_hash)
    OUT.mkdir(exist_ok=True)
    for outer in folds:
        t0 = time.time()
        val = validation_set(outer)
        items = loso.sets[outer]
        standard, loso_settings = None, None
        if with_loso:  # 9 fits per fold (inner leave-one-set-out)
            _, loso_settings = loso.fold(outer, budget)
            standard = loso.alone[outer]
        # same protocol as the fine-tuned model: fit without outer and val, thresholds on val
        pair = frozenset({outer, val})
        p_val = loso.probs(val, pair)
        thresholds = choose_thresholds(
            loso.sets[val], [None] * len(loso.sets[val]), p_val[:, 1:], loso.veto(val), budget
        )
        model = loso.model(pair, thresholds, None)
        same = score(items, layer_alone(model, items, config.semantic_veto))
        coef, intercept = loso.fitted(frozenset({outer}))
        p8 = unit_max_proba(items, vec_of, coef, intercept, config)
        coef, intercept = loso.fitted(pair)
        p7 = unit_max_proba(items, vec_of, coef, intercept, config)
        result = {
            "outer": outer,
            "validation": val,
            "loso": None
            if standard is None
            else {"counts": counts_json(standard), "settings": list(loso_settings)},
            "val": {"counts": counts_json(same), "thresholds": thresholds},
            "oracle8": oracle(items, p8),
            "oracle7": oracle(items, p7),
            "oracle8_ctx": oracle(items, p8, veto=loso.veto(outer)),
            "oracle7_ctx": oracle(items, p7, veto=loso.veto(outer)),
        }
        np.savez(OUT / f"lr_{outer}.npz", p7=p7, p8=p8)
        (OUT / f"lr_{outer}.json").write_text(json.dumps(result, indent=1))
        if standard is not None:
            log(f"[lr {outer}] loso alone: " + " | ".join(fmt(standard)))
        log(f"[lr {outer}] val protocol {thresholds}: " + " | ".join(fmt(same)))
        log(f"[lr {outer}] oracle8 {result['oracle8']} oracle7 {result['oracle7']}")
        log(f"[lr {outer}] {time.time() - t0:.0f} s")


# ------------------------------------------------------------------------ cost


def run_cost(path: Path, n: int = 200) -> None:
    """Encode time of one message through the fine-tuned model (whole message, then its
    sentences in a second call, as the layer does), 1 thread, and the model's size on disk."""
    import torch

    torch.set_num_threads(1)
    sets = load_sets()
    items = [i for v in sets.values() for i in v]
    short = [i.text for i in items if len(split_units(i.text)) == 1][:n]
    three = [i.text for i in items if len(split_units(i.text)) == 4][:n]
    if len(three) < n:  # pad with three short messages joined
        extra = [". ".join(short[k : k + 3]) for k in range(0, 3 * n, 3)]
        three += [t for t in extra if len(split_units(t)) == 4][: n - len(three)]
    result: dict[str, Any] = {}
    for label, where in (("fine_tuned", path), ("base_minilm_torch", None)):
        model = FineTuned(128, where)
        model.encoder.eval()

        def once(text: str, model: FineTuned = model) -> float:
            start = time.perf_counter()
            units = split_units(text)
            model.proba(units[:1])
            if len(units) > 1:
                model.proba(units[1:])
            return 1000 * (time.perf_counter() - start)

        for t in short[:20]:
            once(t)
        for name, texts in (("short", short), ("three_sentences", three)):
            times = np.asarray([once(t) for t in texts])
            result[f"{label}/{name}"] = {
                "n": len(texts),
                "p50_ms": round(float(np.percentile(times, 50)), 2),
                "p95_ms": round(float(np.percentile(times, 95)), 2),
            }
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    weights = (
        sum(f.stat().st_size for f in path.glob("*.safetensors"))
        + (path / "head.pt").stat().st_size
    )
    result["size_bytes"] = size
    result["weights_bytes"] = weights
    result["load_average"] = os.getloadavg()
    (OUT / "cost.json").write_text(json.dumps(result, indent=1))
    log(f"cost: {result}")


# ------------------------------------------------------------------------ report


def _pooled(counts: list[dict[str, Any]]) -> Any:
    from eval.nlu.loso import GROUPS, Counts

    total = Counts(groups={g: [0, 0] for g in GROUPS})
    for c in counts:
        total.add(Counts(groups=c["groups"], fps=c["fps"], negatives=c["negatives"]))
    return total


def _as_counts(c: dict[str, Any]) -> Any:
    from eval.nlu.loso import Counts

    return Counts(groups=c["groups"], fps=c["fps"], negatives=c["negatives"])


def report() -> str:
    from eval.nlu.loso import GROUPS, fmt

    ft = {n: json.loads((OUT / f"ft_{n}.json").read_text()) for n in SET_NAMES
          if (OUT / f"ft_{n}.json").exists()}  # fmt: skip
    lr = {n: json.loads((OUT / f"lr_{n}.json").read_text()) for n in SET_NAMES
          if (OUT / f"lr_{n}.json").exists()}  # fmt: skip
    folds = [n for n in SET_NAMES if n in ft and n in lr]
    rows = [
        ("fine-tuned (val)", lambda n: ft[n]["counts"]),
        ("LR alone (val)", lambda n: lr[n]["val"]["counts"]),
    ]
    if all(lr[n]["loso"] for n in folds):
        rows.append(("LR alone (loso)", lambda n: lr[n]["loso"]["counts"]))
    lines = [
        "| held out | classifier | " + " | ".join(GROUPS) + " | FPR |",
        "|" + "---|" * (len(GROUPS) + 3),
    ]
    for name in [*folds, "pooled"]:
        for label, get in rows:
            c = _pooled([get(n) for n in folds]) if name == "pooled" else _as_counts(get(name))
            shown = f"**{name}**" if name == "pooled" else name
            lines.append(f"| {shown} | {label} | " + " | ".join(fmt(c)) + " |")
    lines += [
        "",
        "| held out | fine-tuned (7 sets) | LR (same 7 sets) | LR (8 sets) "
        "| negatives, FPs allowed |",
        "|---|---|---|---|---|",
    ]
    tot = np.zeros((3, 2), dtype=int)
    for name in folds:
        cells = []
        for k, o in enumerate((ft[name]["oracle"], lr[name]["oracle7"], lr[name]["oracle8"])):
            cells.append(f"{o['caught']}/{o['n']} ({o['caught'] / o['n']:.2f})")
            tot[k] += (o["caught"], o["n"])
        neg = ft[name]["oracle"]["negatives"]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {neg}, {int(0.01 * neg)} |")
    lines.append("| **pooled** | " + " | ".join(f"{c}/{n} ({c / n:.2f})" for c, n in tot) + " | |")
    lines += [
        "",
        "With the rules' context checks (a vetoed category scores 0), as the layer runs:",
        "",
        "| held out | fine-tuned (7 sets) | LR (same 7 sets) | LR (8 sets) |",
        "|---|---|---|---|",
    ]
    tot = np.zeros((3, 2), dtype=int)
    for name in folds:
        trio = (ft[name]["oracle_ctx"], lr[name]["oracle7_ctx"], lr[name]["oracle8_ctx"])
        cells = []
        for k, o in enumerate(trio):
            cells.append(f"{o['caught']}/{o['n']} ({o['caught'] / o['n']:.2f})")
            tot[k] += (o["caught"], o["n"])
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| **pooled** | " + " | ".join(f"{c}/{n} ({c / n:.2f})" for c, n in tot) + " |")
    lines += ["", "Thresholds (crisis, emergency, medical_advice) chosen on the validation set:"]
    for name in folds:
        lines.append(
            f"- {name} (validation {ft[name]['validation']}): fine-tuned "
            f"{tuple(ft[name]['thresholds'])}, LR {tuple(lr[name]['val']['thresholds'])}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("ft", "lr", "cost", "report", "rescore"), default="ft")
    parser.add_argument("--folds", nargs="*", default=SET_NAMES, choices=SET_NAMES)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--max-len", type=int, default=128)
    parser.add_argument("--budget", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--save-model", action="store_true", help="keep ft-out/model_<fold>/ of the first fold"
    )
    parser.add_argument(
        "--lr-loso", action="store_true", help="--part lr: also Loso.fold (inner LOSO thresholds)"
    )
    parser.add_argument("--model", type=Path, help="--part cost: a saved ft-out/model_<fold>/")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if args.part == "report":
        print(report())
        return 0
    if args.part == "rescore":
        rescore(args.folds, args.budget)
        return 0
    import torch

    torch.set_num_threads(args.threads)
    if args.part == "ft":
        for outer in args.folds:
            run_ft_fold(outer, args)
    elif args.part == "lr":
        run_lr(args.folds, args.budget, args.lr_loso)
    else:
        run_cost(args.model or OUT / f"model_{args.folds[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
