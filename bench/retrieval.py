"""Retrieval benchmark: latency, build time, peak memory and ANN recall at N synthetic resources.

    .venv/bin/python -m bench.retrieval --sizes 1000,10000,100000,1000000 --write-docs
    .venv/bin/python -m bench.retrieval --backend onnx --sizes 1000,10000
    .venv/bin/python -m bench.retrieval --compare-backends   # torch vs onnx vectors + latency

Each size runs in its own subprocess so that peak memory (ru_maxrss) belongs to that size.
Per size:
- resources: bench.synthetic.generate(N) (realistic field lengths, real-looking text);
- vectors: real MiniLM embeddings of the synthetic texts up to --real-max (default 10k); above
  it, bench.synthetic.derive_vectors from the real embeddings (embedding 1M texts on 2 cores
  would take hours); the embedding throughput measured on the real part is reported;
- build: FAISS index (flat below the ANN threshold, IVF above) and HybridSearch's BM25 and
  metadata tables, timed separately;
- latency: the labelled evaluation queries with their filters through HybridSearch.search
  (encode + dense + BM25 + filters + fusion + why), p50/p95/p99, plus the same without the
  encoder (query vectors precomputed) to show where the time goes;
- ANN recall@10 against exact search, for the real evaluation queries: on real embeddings at
  --real-max (an IVF index forced at that size) and on the derived vectors at sizes >= the ANN
  threshold.
Results go to var/bench/retrieval-<N>.json and, with --write-docs, to docs/benchmarks.md.
Timings are from this shared 2-core machine: treat them as indicative, not as a spec.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- retrieval-bench:start -->", "<!-- retrieval-bench:end -->"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)

    def pct(p: float) -> float:
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    return {"p50": pct(50), "p95": pct(95), "p99": pct(99), "mean": statistics.fmean(values)}


class PrecomputedEncoder:
    """Returns stored query vectors (to time search without the model)."""

    def __init__(self, inner: Any, texts: list[str]) -> None:
        self.inner = inner
        # one text at a time, as HybridSearch encodes queries: with the default onnx-query
        # backend a batch would load torch into the process, which a serving process with a
        # current index never does (and which slowed the timed ONNX queries by 0.4-3 ms)
        vectors = np.vstack([inner.encode([t]) for t in texts])
        self._vectors = {t: v for t, v in zip(texts, vectors, strict=True)}

    @property
    def model_name(self) -> str:
        return str(self.inner.model_name)

    @property
    def dimension(self) -> int:
        return int(self.inner.dimension)

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> Any:
        return np.asarray([self._vectors[t] for t in texts])


def _recall(approx: np.ndarray, exact: np.ndarray) -> float:
    return float(
        np.mean([len(set(a) & set(e)) / len(e) for a, e in zip(approx, exact, strict=True)])
    )


def _exact_top(vectors: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """Exact top-k rows by inner product, in chunks (no second index in memory)."""
    best_s = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_i = np.full((len(queries), k), -1, dtype=np.int64)
    for start in range(0, len(vectors), 200_000):
        sims = queries @ vectors[start : start + 200_000].T
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        s = np.concatenate([best_s, np.take_along_axis(sims, top, axis=1)], axis=1)
        i = np.concatenate([best_i, top + start], axis=1)
        order = np.argsort(-s, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(s, order, axis=1), np.take_along_axis(i, order, axis=1)
    return best_i


def base_embeddings(real_max: int, embedder: Any, seed: int) -> tuple[np.ndarray, float]:
    """Real embeddings of the first real_max synthetic resources (cached under var/bench).

    Returns (vectors, texts per second; 0.0 when read from the cache)."""
    from bench import real_vectors
    from bench.synthetic import generate
    from retrieval.documents import dense_text
    from retrieval.rules import MatchRules

    OUT.mkdir(parents=True, exist_ok=True)
    chunked = real_vectors.load(real_max, seed)  # `python -m bench.real_vectors --n N` fills it
    if chunked is not None:
        return chunked, 0.0
    cache = OUT / f"base-{real_max}-seed{seed}.npy"
    if cache.exists():
        return np.load(cache, allow_pickle=False), 0.0
    import torch

    rules = MatchRules.from_vocab()
    texts = [dense_text(r, rules) for r in generate(real_max, seed=seed)]
    threads = torch.get_num_threads()
    torch.set_num_threads(os.cpu_count() or 1)  # batch encoding uses every core
    start = time.perf_counter()
    vectors = embedder.encode(texts, batch_size=64, progress=False)
    rate = len(texts) / (time.perf_counter() - start)
    torch.set_num_threads(threads)
    np.save(cache, vectors, allow_pickle=False)
    return vectors, rate


def run_one(n: int, args: argparse.Namespace) -> dict[str, Any]:
    """Benchmark one size in this process; returns the result dict."""
    from bench.synthetic import TODAY, derive_vectors, generate
    from eval.retrieval.__main__ import load_dataset, make_filters
    from retrieval.embedder import make_embedder
    from retrieval.index import VectorIndex
    from retrieval.rules import MatchRules
    from retrieval.search import HybridSearch, SearchConfig

    result: dict[str, Any] = {"n": n}
    if args.threads:
        import faiss

        # torch.set_num_threads also sets OpenMP's (hence FAISS's) thread count; do it
        # explicitly so every backend searches FAISS with the same number of threads
        faiss.omp_set_num_threads(args.threads)
    embedder = make_embedder(args.backend, threads=args.threads)
    result["backend"] = type(embedder).__name__
    embedder.encode(["warm up"])
    result["rss_model_mb"] = _rss_mb()
    rules = MatchRules.from_vocab()
    queries, _ = load_dataset()
    query_texts = [q.text for q in queries][: args.queries]
    query_filters = [make_filters(q) for q in queries][: args.queries]

    # a size below real_max loads only its own rows (peak RSS belongs to that size)
    from bench import real_vectors

    own = real_vectors.load(n, args.seed) if n < args.real_max else None
    base, rate = (
        (own, 0.0) if own is not None else base_embeddings(args.real_max, embedder, args.seed)
    )
    if rate:
        result["embed_texts_per_s"] = rate
    t0 = time.perf_counter()
    resources = generate(n, seed=args.seed)
    result["generate_s"] = time.perf_counter() - t0
    if n <= args.real_max:
        vectors = np.ascontiguousarray(base[:n])
        result["vectors"] = "real"
    else:
        vectors = derive_vectors(base, n, seed=args.seed)
        result["vectors"] = "derived"
    ids = [r.id for r in resources]
    config = SearchConfig(ann_threshold=args.ann_threshold)
    t0 = time.perf_counter()
    index = VectorIndex.build(
        vectors, ids, embedder.model_name, "bench", ann_threshold=args.ann_threshold,
        nprobe=args.nprobe,
    )  # fmt: skip
    result["index_type"] = index.index_type
    result["index_params"] = {k: v for k, v in index.params.items() if k != "exact_subset_max"}
    result["build_faiss_s"] = time.perf_counter() - t0
    precomputed = PrecomputedEncoder(embedder, query_texts)  # may load a model: not timed
    t0 = time.perf_counter()
    engine = HybridSearch(resources, index, precomputed, rules, config)
    result["build_bm25_meta_s"] = time.perf_counter() - t0
    result["rss_after_build_mb"] = _rss_mb()

    def timed(search: HybridSearch) -> tuple[list[float], list[float]]:
        """Wall-clock and CPU (process_time: all threads of this process) ms per query."""
        for text, filters in zip(query_texts[:10], query_filters[:10], strict=True):
            search.search(text, k=5, filters=filters, today=TODAY)  # warm caches
        search._query_cache.clear()  # every measured query pays for its encoding
        wall, cpu = [], []
        for text, filters in zip(query_texts, query_filters, strict=True):
            start, start_cpu = time.perf_counter(), time.process_time()
            search.search(text, k=5, filters=filters, today=TODAY)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        return wall, cpu

    wall, cpu = timed(engine)
    result["search_ms"], result["search_cpu_ms"] = _percentiles(wall), _percentiles(cpu)
    live = HybridSearch.__new__(HybridSearch)
    live.__dict__.update(engine.__dict__)
    live.embedder = embedder
    live._query_cache = {}
    wall, cpu = timed(live)
    result["latency_ms"], result["latency_cpu_ms"] = _percentiles(wall), _percentiles(cpu)
    result["rss_peak_mb"] = _rss_mb()

    qv = embedder.encode(query_texts)
    if index.index_type != "flat":
        exact = _exact_top(vectors, qv, 10)
        sweep = []
        default = result["index_params"]["nprobe"]
        probes = {max(1, index.params["nlist"] // d) for d in (32, 16, 8, 4)} | {default}
        for nprobe in sorted(probes):
            index.set_search_params(nprobe=nprobe)
            start = time.perf_counter()
            _, approx = index.search(qv, 10)
            per_query = (time.perf_counter() - start) * 1000 / len(qv)
            sweep.append({"nprobe": nprobe, "recall@10": _recall(approx, exact), "ms": per_query})
        result["ann_recall"] = sweep
        index.set_search_params(nprobe=result["index_params"]["nprobe"])
        result["ann_recall@10"] = next(
            s["recall@10"] for s in sweep if s["nprobe"] == result["index_params"]["nprobe"]
        )
    if n == args.real_max and index.index_type == "flat":  # force an IVF on real embeddings
        real = base[:n]
        ivf = VectorIndex.build(
            real, ids, embedder.model_name, "bench", index_type="ivf", nprobe=args.nprobe,
        )  # fmt: skip
        exact = _exact_top(real, qv, 10)
        sweep = []
        for nprobe in sorted({max(1, ivf.params["nlist"] // d) for d in (32, 16, 8, 4)}):
            ivf.set_search_params(nprobe=nprobe)
            _, approx = ivf.search(qv, 10)
            sweep.append({"nprobe": nprobe, "recall@10": _recall(approx, exact)})
        result["ann_recall_real"] = {"nlist": ivf.params["nlist"], "sweep": sweep}
    return result


def compare_backends(repeats: int = 3, threads: int = 1) -> dict[str, Any]:
    """torch vs onnx: vector agreement on the curated corpus texts and the evaluation queries
    (batch 64 and one at a time), and single-query encode latency, `repeats` interleaved rounds.

    Returns {"corpus": {n, max_abs_diff, min_cosine}, "queries": {...}, "latency": {"torch":
    [percentiles (ms) per round], "onnx": [...]}, "latency_cpu": {same, process CPU ms},
    "loadavg": [1-min load before, after]}."""
    from eval.retrieval.__main__ import load_dataset
    from knowledge.repository import load_resources
    from retrieval.documents import dense_text
    from retrieval.embedder import Embedder
    from retrieval.onnx_embedder import OnnxEmbedder
    from retrieval.rules import MatchRules

    load_before = os.getloadavg()
    torch_enc, onnx_enc = Embedder(threads=threads), OnnxEmbedder(threads=threads)
    rules = MatchRules.from_vocab()
    corpus = [dense_text(r, rules) for r in load_resources()]
    queries = [q.text for q in load_dataset()[0]][:200]

    def agree(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
        return {
            "n": len(a),
            "max_abs_diff": float(np.abs(a - b).max()),
            "min_cosine": float((a * b).sum(axis=1).min()),
        }

    out: dict[str, Any] = {
        "corpus": agree(torch_enc.encode(corpus), onnx_enc.encode(corpus)),
        "queries": agree(
            np.vstack([torch_enc.encode([q]) for q in queries]),
            np.vstack([onnx_enc.encode([q]) for q in queries]),
        ),
        "latency": {"torch": [], "onnx": []},
        "latency_cpu": {"torch": [], "onnx": []},
    }
    for _ in range(repeats):
        for name, enc in (("torch", torch_enc), ("onnx", onnx_enc)):
            wall, cpu = [], []
            for q in queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                enc.encode([q])
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            out["latency"][name].append(_percentiles(wall))
            out["latency_cpu"][name].append(_percentiles(cpu))
    out["loadavg"] = [load_before[0], os.getloadavg()[0]]
    return out


def render(results: list[dict[str, Any]], args: argparse.Namespace) -> str:
    """Markdown block for docs/benchmarks.md."""
    lines = [
        START,
        f"Generated by `.venv/bin/python -m bench.retrieval --sizes "
        f"{','.join(str(r['n']) for r in results)} --real-max {args.real_max} --write-docs` "
        f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores shared with other work: load "
        f"average {os.getloadavg()[0]:.1f} at the end; query embedding backend "
        f"{results[0].get('backend', 'Embedder')}, threads {args.threads or 'default'}; "
        f"{args.queries} evaluation queries with their filters, k=5).",
        "",
        "| N | vectors | index | build FAISS s | build BM25+meta s | p50 ms | p95 ms | "
        "p99 ms | CPU p50 / p95 ms | search-only p95 ms (CPU) | peak RSS MB | ANN recall@10 |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        params = r["index_params"]
        storage = params.get("storage", "flat")
        rerank = f", exact re-rank of {params['rerank']}" if "rerank" in params else ""
        index = r["index_type"] + (
            f" (nlist {params['nlist']}, nprobe {params['nprobe']}, {storage}{rerank})"
            if "nlist" in params
            else ""
        )
        recall = f"{r['ann_recall@10']:.3f}" if "ann_recall@10" in r else "exact"
        lat, only = r["latency_ms"], r["search_ms"]
        cpu, only_cpu = r["latency_cpu_ms"], r["search_cpu_ms"]
        lines.append(
            f"| {r['n']:,} | {r['vectors']} | {index} | {r['build_faiss_s']:.1f} | "
            f"{r['build_bm25_meta_s']:.1f} | {lat['p50']:.1f} | {lat['p95']:.1f} | "
            f"{lat['p99']:.1f} | {cpu['p50']:.1f} / {cpu['p95']:.1f} | {only['p95']:.1f} "
            f"({only_cpu['p95']:.1f}) | {r['rss_peak_mb']:,.0f} | {recall} |"
        )
    lines.append("")
    for r in results:
        if "ann_recall_real" in r:
            real = r["ann_recall_real"]
            pts = ", ".join(f"nprobe {s['nprobe']}: {s['recall@10']:.3f}" for s in real["sweep"])
            lines.append(
                f"ANN recall@10 on real MiniLM embeddings (N={r['n']:,}, IVF nlist "
                f"{real['nlist']}): {pts}."
            )
        if "ann_recall" in r:
            pts = ", ".join(
                f"nprobe {s['nprobe']}: {s['recall@10']:.3f} ({s['ms']:.2f} ms/query)"
                for s in r["ann_recall"]
            )
            lines.append(f"ANN recall@10 at N={r['n']:,} ({r['vectors']} vectors): {pts}.")
        if "embed_texts_per_s" in r:
            lines.append(
                f"Embedding throughput (index build, batch 64): {r['embed_texts_per_s']:.0f} "
                f"texts/s, so embedding N=1M real texts would take "
                f"~{1_000_000 / r['embed_texts_per_s'] / 3600:.1f} h on this machine."
            )
    lines += [
        "",
        "p50/p95/p99: wall-clock time of the full `HybridSearch.search` (query encoding + dense "
        "+ BM25 + filters + fusion + `why`); CPU: process CPU time for the same calls, which "
        "leaves out waiting for a core on the shared machine (it counts every thread, so it "
        "can exceed wall time); search-only: the same with precomputed query vectors. Peak RSS "
        "includes the model (~"
        f"{results[0]['rss_model_mb']:,.0f} MB) and the input vector array.",
        END,
    ]
    return "\n".join(lines)


def write_docs(body: str, path: Path = DOCS) -> None:
    """Replace the marked retrieval block in docs/benchmarks.md (create the section if absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + body + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Retrieval\n\n" + body + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.retrieval", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--real-max", type=int, default=10_000)
    parser.add_argument("--ann-threshold", type=int, default=50_000)
    parser.add_argument("--nprobe", type=int, default=None, help="IVF lists scanned per query")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (0 = default)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument(
        "--backend", choices=["torch", "onnx", "onnx-query"], default=None,
        help="embedding backend (default: env PMN_EMBEDDING_BACKEND, else onnx-query)",
    )  # fmt: skip
    parser.add_argument(
        "--compare-backends", action="store_true",
        help="torch vs onnx vector agreement and single-query encode latency, then exit",
    )  # fmt: skip
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.threads = args.threads or None
    if args.compare_backends:
        print(json.dumps(compare_backends(threads=args.threads or 1), indent=1))
        return 0
    if args.one:
        print(json.dumps(run_one(args.one, args)))
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    results = []
    OUT.mkdir(parents=True, exist_ok=True)
    passthrough = [
        f"--queries={args.queries}", f"--real-max={args.real_max}",
        f"--ann-threshold={args.ann_threshold}", f"--threads={args.threads or 0}",
        f"--seed={args.seed}",
    ] + ([f"--nprobe={args.nprobe}"] if args.nprobe else []) + (
        [f"--backend={args.backend}"] if args.backend else []
    )  # fmt: skip
    for n in sorted(sizes, key=lambda s: (s != args.real_max, s)):  # real_max first: fills cache
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "bench.retrieval", f"--one={n}", *passthrough],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        suffix = f"-{args.backend}" if args.backend else ""
        (OUT / f"retrieval-{n}{suffix}.json").write_text(json.dumps(result, indent=1))
        print(
            f"N={n:,}: p50 {result['latency_ms']['p50']:.1f} ms, p95 "
            f"{result['latency_ms']['p95']:.1f} ms, peak {result['rss_peak_mb']:,.0f} MB, "
            f"recall {result.get('ann_recall@10', 'exact')} ({time.perf_counter() - start:.0f}s)",
            file=sys.stderr,
        )
        results.append(result)
    results.sort(key=lambda r: r["n"])
    body = render(results, args)
    print(body)
    if args.write_docs:
        write_docs(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
