"""Evaluate retrieval: BM25 only, dense only, hybrid, hybrid + filters, plus abstention.

    .venv/bin/python -m eval.retrieval                  # print the report
    .venv/bin/python -m eval.retrieval --write-docs     # also update docs/evaluation.md
    .venv/bin/python -m eval.retrieval --sweep          # fusion/weight grid on the dev half
    .venv/bin/python -m eval.retrieval --export DIR     # write queries/corpus/relevant_docs JSON

Conditions. The three baselines rank with no metadata filters and no abstention (pure ranking).
"hybrid + filters" is the production path: the filters the assistant knows from the conversation
(country, biomarker, cancer type, kind, language, audience from the persona), boosts, fallback and
abstention, exactly as `HybridSearch.search` runs for the action server and the gateway.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from eval.retrieval.metrics import METRICS, evaluate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
QUERIES = HERE / "queries.yaml"
DOCS = ROOT / "docs" / "evaluation.md"
START, END = "<!-- retrieval-eval:start -->", "<!-- retrieval-eval:end -->"
PERSONA_AUDIENCE = {
    "patient": "patients",
    "caregiver": "caregivers",
    "clinician": "clinicians",
    "helpline": "organisations",
}
TARGETS = {"R@3": 0.95, "MRR@10": 0.85}


@dataclass
class LabelledQuery:
    qid: str
    text: str
    persona: str
    relevant: set[str]
    filters: dict[str, Any] = field(default_factory=dict)


def load_dataset(path: Path = QUERIES) -> tuple[list[LabelledQuery], list[str]]:
    """Parse queries.yaml into labelled queries (ids q001...) and the off-topic list."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for n, entry in enumerate(data["queries"], start=1):
        persona = entry["p"]
        if persona not in PERSONA_AUDIENCE:
            raise ValueError(f"{path}: query {n}: unknown persona {persona!r}")
        rel = set(entry["rel"])
        if not rel:
            raise ValueError(f"{path}: query {n} has no relevant documents")
        out.append(LabelledQuery(f"q{n:03d}", entry["q"], persona, rel, dict(entry.get("f") or {})))
    return out, list(data.get("off_topic") or [])


def make_filters(query: LabelledQuery) -> Any:
    from retrieval.filters import Filters

    f = query.filters
    return Filters(
        biomarkers=f.get("biomarkers"),
        cancer_type=f.get("cancer_type"),
        country=f.get("country"),
        audience=PERSONA_AUDIENCE[query.persona],
        kind=f.get("kind"),
        language=f.get("language"),
    )


class CachingEncoder:
    """Wraps an encoder and remembers query vectors (sweeps re-run the same queries)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self._cache: dict[str, Any] = {}

    @property
    def model_name(self) -> str:
        return str(self.inner.model_name)

    @property
    def dimension(self) -> int:
        return int(self.inner.dimension)

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> Any:
        import numpy as np

        if len(texts) != 1:
            return self.inner.encode(texts, batch_size=batch_size, progress=progress)
        if texts[0] not in self._cache:
            self._cache[texts[0]] = self.inner.encode(texts)[0]
        return np.asarray([self._cache[texts[0]]])


def run_condition(engine: Any, queries: list[LabelledQuery], condition: str, today: date) -> dict:
    """Ranked ids per query id for one condition."""
    from retrieval.filters import Filters

    runs: dict[str, list[str]] = {}
    for q in queries:
        if condition == "hybrid + filters":
            response = engine.search(q.text, k=10, filters=make_filters(q), today=today)
        else:
            mode = {"BM25 only": "bm25", "dense only": "dense", "hybrid": "hybrid"}[condition]
            baseline = engine.with_config(abstain_below=0.0)
            response = baseline.search(q.text, k=10, filters=Filters(), today=today, mode=mode)
        runs[q.qid] = [h.resource.id for h in response.hits]
    return runs


def check_labels(engine: Any, queries: list[LabelledQuery], today: date) -> list[str]:
    """Problems with labels: unknown ids (fatal) and relevant ids the query's filters exclude."""
    problems = []
    for q in queries:
        unknown = [r for r in q.relevant if engine.get(r) is None]
        if unknown:
            problems.append(f"{q.qid}: unknown resource ids {unknown}")
            continue
        allowed = engine.meta.mask(make_filters(q), today)
        for r in sorted(q.relevant):
            if not allowed[engine._row[r]]:
                problems.append(f"{q.qid}: {r} is excluded by the query's filters ({q.text!r})")
    return problems


def abstention(
    engine: Any, queries: list[LabelledQuery], off_topic: list[str], today: date
) -> dict:
    """Best relevance per on-topic (with filters) and off-topic query, and abstention rates."""
    from retrieval.filters import Filters

    on = [engine.best_relevance(q.text, make_filters(q), today=today) for q in queries]
    off = [engine.best_relevance(t, Filters(), today=today) for t in off_topic]
    threshold = engine.config.abstain_below
    return {
        "threshold": threshold,
        "on_topic": on,
        "off_topic": off,
        "off_topic_abstained": sum(v < threshold for v in off) / max(len(off), 1),
        "on_topic_abstained": sum(v < threshold for v in on) / max(len(on), 1),
    }


def sweep(engine: Any, queries: list[LabelledQuery], today: date) -> list[tuple[dict, dict, dict]]:
    """Grid over fusion settings, then over boosts (other settings at their defaults); metrics
    on the dev half (even ids) and the held-out half (odd ids)."""
    dev = [q for i, q in enumerate(queries) if i % 2 == 0]
    test = [q for i, q in enumerate(queries) if i % 2 == 1]
    rel = {q.qid: q.relevant for q in queries}
    grid: list[dict[str, Any]] = [{"fusion": "rrf", "rrf_k": k} for k in (10, 30, 60)]
    grid += [
        {"fusion": "weighted", "dense_weight": w, "bm25_saturation": s}
        for w, s in itertools.product((0.3, 0.4, 0.5, 0.6, 0.7, 0.8), (4.0, 8.0, 16.0))
    ]
    grid += [
        {"biomarker_boost": b, "country_boost": c}
        for b, c in itertools.product((0.04, 0.08, 0.12, 0.16), (0.0, 0.05, 0.1))
    ]
    out = []
    for params in grid:
        variant = engine.with_config(**params)
        runs = run_condition(variant, queries, "hybrid + filters", today)
        out.append(
            (
                params,
                evaluate(runs, rel, [q.qid for q in dev]),
                evaluate(runs, rel, [q.qid for q in test]),
            )
        )
    out.sort(key=lambda row: (-row[1]["MRR@10"], -row[1]["R@3"]))
    return out


def _table(rows: dict[str, dict[str, float]]) -> str:
    names = list(METRICS)
    lines = ["| condition | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for condition, values in rows.items():
        lines.append(f"| {condition} | " + " | ".join(f"{values[n]:.3f}" for n in names) + " |")
    return "\n".join(lines)


def render(
    results: dict[str, dict[str, float]],
    splits: dict[str, dict[str, float]],
    abst: dict,
    failures: list[str],
    meta: dict[str, Any],
) -> str:
    """The docs/evaluation.md section body (markdown)."""
    best = results["hybrid + filters"]
    ok = all(best[m] >= t for m, t in TARGETS.items()) and all(
        best[m] > results[c][m] for c in ("BM25 only", "dense only", "hybrid") for m in TARGETS
    )
    on = sorted(abst["on_topic"])
    off = sorted(abst["off_topic"])
    lines = [
        START,
        f"Generated by `.venv/bin/python -m eval.retrieval --write-docs` on {meta['date']} "
        f"({meta['queries']} labelled queries, {meta['resources']} resources, model "
        f"`{meta['model']}`, fusion `{meta['fusion']}`).",
        "",
        _table(results),
        "",
        f"Targets (hybrid + filters): R@3 >= {TARGETS['R@3']}, MRR@10 >= {TARGETS['MRR@10']} "
        f"and better than each baseline: **{'met' if ok else 'NOT met'}**.",
        "",
        "Held-out check (fusion settings were chosen on the even-numbered half):",
        "",
        _table(splits),
        "",
        f"Abstention (threshold {abst['threshold']:.2f} on the best relevance): "
        f"{abst['off_topic_abstained']:.0%} of {len(off)} off-topic questions abstained; "
        f"{abst['on_topic_abstained']:.1%} of on-topic questions abstained (false abstentions). "
        f"Best relevance: off-topic max {off[-1]:.3f}; on-topic min {on[0]:.3f}, "
        f"5th percentile {on[max(0, len(on) // 20 - 1)]:.3f}.",
        "",
    ]
    if failures:
        lines += [
            f"Queries where hybrid + filters misses in the top 3 ({len(failures)}):",
            "",
            *[f"- {f}" for f in failures],
            "",
        ]
    lines.append(END)
    return "\n".join(lines)


def write_docs(body: str, path: Path = DOCS) -> None:
    """Replace the marked retrieval block in docs/evaluation.md (the section is created if
    missing; other sections of the file are left untouched)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Evaluation\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        tail = rest.split(END, 1)[1]
        text = head + body + tail
    else:
        section = (
            "\n## Retrieval\n\n"
            "Labelled set: `eval/retrieval/queries.yaml` (queries as patients, caregivers, "
            "clinicians and helpline staff ask them; labels are resource ids). Metrics: R@k is "
            "|relevant in top k| / min(|relevant|, k); Hit@3 is the share of queries with at "
            "least one relevant resource in the top 3; MRR@10 and nDCG@10 use binary relevance. "
            "Baselines rank without filters or abstention; hybrid + filters is the production "
            "path (filters from the conversation, boosts, fallback, abstention).\n\n"
        )
        text = text.rstrip("\n") + "\n" + section + body + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.retrieval", description=__doc__)
    parser.add_argument("--index-dir", help="index directory (default var/index)")
    parser.add_argument("--write-docs", action="store_true", help="update docs/evaluation.md")
    parser.add_argument("--sweep", action="store_true", help="grid-search fusion settings")
    parser.add_argument("--export", help="write queries.json, corpus.json, relevant_docs.json")
    parser.add_argument("--json", action="store_true", help="print metrics as JSON")
    args = parser.parse_args(argv)

    from knowledge.repository import load_resources
    from retrieval.documents import dense_text
    from retrieval.embedder import make_embedder
    from retrieval.search import HybridSearch, default_index_dir

    today = date.today()
    queries, off_topic = load_dataset()
    resources = load_resources()
    index_dir = Path(args.index_dir) if args.index_dir else default_index_dir()
    engine = HybridSearch.load_or_build(resources, index_dir, CachingEncoder(make_embedder()))
    problems = check_labels(engine, queries, today)
    fatal = [p for p in problems if "unknown resource ids" in p]
    for p in problems:
        print(f"label: {p}", file=sys.stderr)
    if fatal:
        return 2
    rel = {q.qid: q.relevant for q in queries}
    if args.export:
        out = Path(args.export)
        out.mkdir(parents=True, exist_ok=True)
        (out / "queries.json").write_text(json.dumps({q.qid: q.text for q in queries}, indent=1))
        corpus = {r.id: dense_text(r, engine.rules) for r in resources}
        (out / "corpus.json").write_text(json.dumps(corpus, indent=1, ensure_ascii=False))
        (out / "relevant_docs.json").write_text(
            json.dumps({k: sorted(v) for k, v in rel.items()}, indent=1)
        )
    if args.sweep:
        for params, dev, test in sweep(engine, queries, today):
            print(
                f"{json.dumps(params):60s} dev R@3 {dev['R@3']:.3f} MRR {dev['MRR@10']:.3f}"
                f" | test R@3 {test['R@3']:.3f} MRR {test['MRR@10']:.3f}"
            )
        return 0

    start = time.perf_counter()
    conditions = ("BM25 only", "dense only", "hybrid", "hybrid + filters")
    runs = {c: run_condition(engine, queries, c, today) for c in conditions}
    results = {c: evaluate(runs[c], rel) for c in conditions}
    dev = [q.qid for i, q in enumerate(queries) if i % 2 == 0]
    test = [q.qid for i, q in enumerate(queries) if i % 2 == 1]
    best_runs = runs["hybrid + filters"]
    splits = {
        "hybrid + filters, dev half": evaluate(best_runs, rel, dev),
        "hybrid + filters, held-out half": evaluate(best_runs, rel, test),
    }
    abst = abstention(engine, queries, off_topic, today)
    by_id = {q.qid: q for q in queries}
    failures = [
        f"{qid} ({by_id[qid].persona}) {by_id[qid].text!r}: expected "
        f"{', '.join(sorted(by_id[qid].relevant))}; got {', '.join(ranked[:3]) or 'nothing'}"
        for qid, ranked in best_runs.items()
        if not (set(ranked[:3]) & by_id[qid].relevant)
    ]
    meta = {
        "date": today.isoformat(),
        "queries": len(queries),
        "resources": len(resources),
        "model": engine.index.model,
        "fusion": json.dumps(
            {
                k: getattr(engine.config, k)
                for k in ("fusion", "dense_weight", "bm25_saturation", "abstain_below")
            }
        ),
    }
    body = render(results, splits, abst, failures, meta)
    if args.json:
        print(json.dumps({"results": results, "splits": splits, "meta": meta}, indent=1))
    else:
        print(body)
        print(f"\n({time.perf_counter() - start:.1f}s)", file=sys.stderr)
    if args.write_docs:
        write_docs(body)
        print(f"updated {DOCS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
