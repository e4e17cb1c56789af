"""Command line: build the index, search it.

python -m retrieval build [--index-dir var/index] [--force]
python -m retrieval search "EGFR community" --biomarker EGFR --country GB --audience patients
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def _load_resources(knowledge_dir: str | None) -> list[Any]:
    from knowledge.repository import load_resources

    return load_resources(Path(knowledge_dir) if knowledge_dir else None)


def _engine(args: argparse.Namespace, force: bool = False) -> Any:
    from retrieval.embedder import make_embedder
    from retrieval.search import HybridSearch, default_index_dir

    resources = _load_resources(args.knowledge_dir)
    index_dir = Path(args.index_dir) if args.index_dir else default_index_dir()
    return HybridSearch.load_or_build(
        resources, index_dir, embedder=make_embedder(args.backend, args.model), force=force
    )


def cmd_build(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    from retrieval.embedder import Embedder

    engine = _engine(args, force=args.force)
    state = "built" if engine.rebuilt else "up to date"
    if not isinstance(engine.embedder, Embedder):
        engine.embedder.encode(["warm up"])  # ONNX backends: export to var/onnx if not cached
    print(
        f"index {state}: {len(engine)} resources, model {engine.index.model}, "
        f"{engine.index.index_type}, hash {engine.index.content_hash[:12]} "
        f"({time.perf_counter() - start:.1f}s)"
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from retrieval.filters import Filters

    engine = _engine(args)
    filters = Filters(
        biomarkers=args.biomarker or None,
        cancer_type=args.cancer_type,
        country=args.country,
        audience=args.audience,
        kind=args.kind or None,
        language=args.language,
    )
    response = engine.search(args.query, k=args.k, filters=filters)
    if args.json:
        print(json.dumps(response.to_public(), indent=2, ensure_ascii=False))
        return 0
    if response.abstained:
        print(f"no answer: {response.reason}")
        return 0
    if response.note:
        print(f"note: {response.note}")
    rows = [("#", "score", "id", "kind", "url")]
    for n, hit in enumerate(response.hits, 1):
        pub = hit.to_public()
        rows.append((str(n), f"{hit.score:.3f}", pub["id"], pub["kind"], pub["url"] or ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n:
            print("     why: " + "; ".join(response.hits[n - 1].why))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m retrieval", description=__doc__.split("\n")[0])
    parser.add_argument("--index-dir", help="index directory (default var/index or PMN_INDEX_DIR)")
    parser.add_argument("--knowledge-dir", help="resources directory (default knowledge/resources)")
    parser.add_argument("--model", help="embedding model path or name (default: packaged MiniLM)")
    parser.add_argument(
        "--backend",
        choices=["torch", "onnx", "onnx-query"],
        help="embedding backend (default: env PMN_EMBEDDING_BACKEND, else onnx-query: queries "
        "with onnxruntime, index builds with torch)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the index if the resources or model changed")
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    build.set_defaults(func=cmd_build)
    search = sub.add_parser("search", help="search the index")
    search.add_argument("query")
    search.add_argument("-k", type=int, default=5, help="number of results (default 5)")
    search.add_argument("--biomarker", action="append", help="repeatable")
    search.add_argument("--cancer-type", help="OncoTree code, e.g. NSCLC")
    search.add_argument("--country", help="ISO 3166-1 alpha-2, e.g. GB")
    search.add_argument(
        "--audience", choices=["patients", "caregivers", "clinicians", "organisations"]
    )
    search.add_argument("--kind", action="append", help="repeatable, e.g. community")
    search.add_argument("--language", help="ISO 639-1, e.g. en")
    search.add_argument("--json", action="store_true", help="print the API-shaped JSON")
    search.set_defaults(func=cmd_search)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:  # noqa: BLE001 - a CLI reports errors as one line
        if args.__dict__.get("debug"):
            raise
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
