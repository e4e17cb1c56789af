"""Real MiniLM embeddings of the synthetic benchmark resources, cached in chunks.

    flock /tmp/pmn-cpu.lock is taken per chunk by the code itself, so other engineers' heavy
    jobs can interleave with a long encode:

    .venv/bin/python -m bench.real_vectors --n 100000          # encode (resumable)
    .venv/bin/python -m bench.real_vectors --n 100000 --status # how many chunks are cached
    .venv/bin/python -m bench.real_vectors --n 1000000 --no-lock   # background, idle CPU only

``--no-lock`` lowers the process to nice 19 and, on kernels with autogroup scheduling (here:
/proc/sys/kernel/sched_autogroup_enabled = 1), its whole autogroup too: with autogroups, a
plain `nice -n 19` only ranks a process against its own session's, and a background encode
started from its own shell still took an equal share of the two cores from the others.

Chunks of `CHUNK` texts are written to var/bench/real-g<GEN>-t<TEXT>-seed<seed>/<start>.npy
(float32, unit rows; never committed). The key holds the generator version
(`bench.synthetic.GENERATOR_VERSION`), the dense-text version (`retrieval.documents.TEXT_VERSION`)
and the seed, so a change to either regenerates. Texts are `dense_text(r)` of
`bench.synthetic.generate(n, seed)`; because the generator draws resources in sequence, the
first m resources of generate(n) are those of generate(m), so a prefix of the cache serves any
smaller n. Encoding uses the ONNX backend (same vectors as torch within 2e-7,
docs/benchmarks.md "ONNX backend") with all cores.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
CHUNK = 10_000
LOCK = Path("/tmp/pmn-cpu.lock")


def cache_dir(seed: int) -> Path:
    """var/bench/real-g<generator version>-t<text version>-seed<seed>."""
    from bench.synthetic import GENERATOR_VERSION
    from retrieval.documents import TEXT_VERSION

    return OUT / f"real-g{GENERATOR_VERSION}-t{TEXT_VERSION}-seed{seed}"


def cached_rows(seed: int) -> int:
    """Number of leading rows available in the cache (contiguous chunks from 0)."""
    directory = cache_dir(seed)
    rows = 0
    while (directory / f"{rows:08d}.npy").is_file():
        rows += CHUNK
    return rows


def load(n: int, seed: int = 0) -> np.ndarray | None:
    """Real embeddings of the first n synthetic resources, shape (n, 384), or None when the
    cache does not hold n rows yet."""
    if cached_rows(seed) < n:
        return None
    directory = cache_dir(seed)
    parts = []
    for start in range(0, n, CHUNK):
        parts.append(np.load(directory / f"{start:08d}.npy", allow_pickle=False))
    return np.ascontiguousarray(np.concatenate(parts)[:n])


def encode(n: int, seed: int = 0, threads: int | None = None, lock: bool = True) -> dict:
    """Encode the missing chunks up to n (rounded up to CHUNK). Each chunk takes the shared
    CPU lock (flock on /tmp/pmn-cpu.lock) while it encodes. Returns {"rows", "texts_per_s",
    "loadavg"} for the chunks encoded by this call."""
    from bench.synthetic import generate
    from retrieval.documents import dense_text
    from retrieval.onnx_embedder import OnnxEmbedder
    from retrieval.rules import MatchRules

    directory = cache_dir(seed)
    directory.mkdir(parents=True, exist_ok=True)
    total = -(-n // CHUNK) * CHUNK
    rules = MatchRules.from_vocab()
    resources = generate(total, seed=seed)
    embedder = OnnxEmbedder(threads=threads or os.cpu_count() or 1)
    encoded, seconds, loads = 0, 0.0, []
    for start in range(0, total, CHUNK):
        path = directory / f"{start:08d}.npy"
        if path.is_file():
            continue
        texts = [dense_text(r, rules) for r in resources[start : start + CHUNK]]
        with LOCK.open("a") as fh:
            if lock:
                fcntl.flock(fh, fcntl.LOCK_EX)
            loads.append(os.getloadavg()[0])
            t0 = time.perf_counter()
            vectors = embedder.encode(texts, batch_size=32)
            seconds += time.perf_counter() - t0
        tmp = directory / f".{start:08d}.tmp.npy"
        np.save(tmp, vectors.astype(np.float32), allow_pickle=False)
        os.replace(tmp, path)
        encoded += len(texts)
        print(
            f"rows {start + len(texts):,}/{total:,}: {len(texts) / (time.perf_counter() - t0):.0f}"
            f" texts/s (load {loads[-1]:.2f})",
            file=sys.stderr,
            flush=True,
        )
    return {
        "rows": encoded,
        "texts_per_s": encoded / seconds if seconds else 0.0,
        "loadavg": loads,
    }


def yield_cpu() -> None:
    """Lowest CPU priority for this process and its autogroup (best effort)."""
    with contextlib.suppress(OSError):
        os.nice(19 - os.nice(0))
    with contextlib.suppress(OSError):
        Path("/proc/self/autogroup").write_text("19\n", encoding="ascii")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.real_vectors", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0, help="0 = all cores")
    parser.add_argument("--status", action="store_true")
    parser.add_argument(
        "--no-lock",
        action="store_true",
        help="do not take /tmp/pmn-cpu.lock per chunk; instead run at nice 19 (process and"
        " autogroup), yielding the CPU to everything else: for a long background run",
    )
    args = parser.parse_args(argv)
    if args.status:
        print(f"{cached_rows(args.seed):,} rows cached in {cache_dir(args.seed)}")
        return 0
    if args.no_lock:
        yield_cpu()
    print(encode(args.n, args.seed, args.threads or None, lock=not args.no_lock))
    return 0


if __name__ == "__main__":
    sys.exit(main())
