"""Curation CLI: ``python -m knowledge validate | stats | review | check-links``.

- validate: every check in `knowledge.validate`; prints ``file:line: field 'x': message``;
  exit 1 on errors (``--strict`` also fails on warnings).
- stats: counts by kind and status; coverage matrix biomarker x region x kind (``--csv``).
- review: what is past its review date or due soon, oldest first.
- check-links: fetch every URL with a timeout; offline it says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from knowledge.errors import KnowledgeError

KIND_ABBREV = {
    "community": "com",
    "organisation": "org",
    "guideline": "gl",
    "decision_support": "ds",
    "trial_registry": "reg",
    "trial_finder": "tf",
    "education": "edu",
    "helpline": "help",
    "crisis_line": "cri",
    "emergency": "em",
}
ANY_BIOMARKER = "(any)"


def _today(value: str | None) -> date:
    return date.fromisoformat(value) if value else date.today()


# --- validate ------------------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace) -> int:
    from knowledge.validate import validate

    start = time.perf_counter()
    report = validate(args.root, today=_today(args.today))
    elapsed = time.perf_counter() - start
    for issue in report.errors:
        print(f"ERROR {issue}")
    if not args.quiet:
        for issue in report.warnings:
            print(f"warning {issue}")
    active = sum(1 for i in report.resources if i.resource.status == "active")
    print(
        f"{len(report.resources)} resources ({active} active), {len(report.errors)} errors, "
        f"{len(report.warnings)} warnings in {elapsed:.2f}s"
    )
    if report.errors or (args.strict and report.warnings):
        return 1
    return 0


# --- stats ---------------------------------------------------------------------------------


def coverage(resources: Sequence, today: date) -> dict[tuple[str, str, str], int]:
    """(biomarker, region, kind) -> number of patient-visible resources. Resources without
    biomarkers count under '(any)'. Regions are as tagged ('global' is its own column)."""
    cells: dict[tuple[str, str, str], int] = Counter()
    for r in resources:
        if not r.is_patient_visible(today):
            continue
        for bm in r.biomarkers or [ANY_BIOMARKER]:
            for region in r.regions:
                cells[(bm, region, r.kind)] += 1
    return dict(cells)


def _region_order(regions: set[str]) -> list[str]:
    head = [
        r
        for r in ("global", "EU", "US", "GB", "IE", "DE", "FR", "ES", "NL", "AU", "CA")
        if r in regions
    ]
    return head + sorted(regions - set(head))


def cmd_stats(args: argparse.Namespace) -> int:
    from knowledge import vocab
    from knowledge.repository import load_resources

    today = _today(args.today)
    resources = load_resources(args.root)
    cells = coverage(resources, today)
    try:
        symbols = sorted(vocab.biomarker_symbols())
    except FileNotFoundError:
        symbols = []
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["biomarker", "region", "kind", "count"])
        for (bm, region, kind), n in sorted(cells.items()):
            writer.writerow([bm, region, kind, n])
        covered = {bm for bm, _, _ in cells}
        for bm in symbols:
            if bm not in covered:
                writer.writerow([bm, "", "", 0])
        return 0

    by_kind: Counter[str] = Counter(r.kind for r in resources)
    by_status = Counter(r.status for r in resources)
    visible = [r for r in resources if r.is_patient_visible(today)]
    overdue = [r for r in resources if r.status == "active" and r.is_overdue(today)]
    print(
        f"Resources: {len(resources)}; shown to patients today: {len(visible)}; "
        f"past review: {len(overdue)}"
    )
    print("Status: " + ", ".join(f"{k} {v}" for k, v in sorted(by_status.items())))
    print("\nBy kind (all / patient-visible):")
    vis_kind: Counter[str] = Counter(r.kind for r in visible)
    for kind in KIND_ABBREV:
        print(f"  {kind:<17} {by_kind.get(kind, 0):>4} {vis_kind.get(kind, 0):>4}")
    regions = _region_order({reg for _, reg, _ in cells})
    rows = sorted({bm for bm, _, _ in cells} - {ANY_BIOMARKER}) + [ANY_BIOMARKER]
    print("\nCoverage: biomarker x region x kind (patient-visible resources; cell = kind+count)")
    print("  " + ", ".join(f"{v}={k}" for k, v in KIND_ABBREV.items()))
    table = [["biomarker", *regions]]
    for bm in rows:
        line = [bm]
        for reg in regions:
            parts = [
                f"{KIND_ABBREV[k]}{cells[(bm, reg, k)]}"
                for k in KIND_ABBREV
                if cells.get((bm, reg, k))
            ]
            line.append(" ".join(parts) or ".")
        table.append(line)
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    tagged = {bm for bm, _, _ in cells}
    try:
        families = vocab.family_members()
    except FileNotFoundError:
        families = {}
    for fam, members in families.items():
        if fam in tagged:
            tagged |= members
        elif tagged & members:
            tagged.add(fam)
    gaps = [s for s in symbols if s not in tagged]
    if gaps:
        print(f"\nVocabulary biomarkers with no resource tagged: {', '.join(gaps)}")
    return 0


# --- review --------------------------------------------------------------------------------


def cmd_review(args: argparse.Namespace) -> int:
    from knowledge.repository import load_located

    today = _today(args.today)
    items, issues = load_located(args.root)
    for issue in issues:
        print(f"ERROR {issue}")
    horizon = today + timedelta(days=args.within)
    rows = []
    for item in items:
        r = item.resource
        if r.status == "retired":
            continue
        due = r.review_due()
        if r.status == "needs_review" or due <= horizon:
            state = (
                "needs_review"
                if r.status == "needs_review"
                else ("OVERDUE" if due <= today else "due soon")
            )
            rows.append((due, state, r.id, f"{item.path.name}:{item.line('last_reviewed')}"))
    rows.sort()
    overdue = sum(1 for _, s, _, _ in rows if s == "OVERDUE")
    print(
        f"{overdue} past review, {len(rows) - overdue} needing review or due within "
        f"{args.within} days (today {today.isoformat()})"
    )
    for due, state, rid, where in rows:
        print(f"  {state:<12} due {due.isoformat()}  {rid:<45} {where}")
    return 1 if (args.strict and overdue) else 0


# --- check-links ---------------------------------------------------------------------------

USER_AGENT = "PM-Navigator-link-checker/0.1 (+https://github.com/; curation)"


def _fetch(url: str, timeout: float) -> tuple[str, str]:
    """Return (state, detail): state is ok | broken | unreachable | suspect."""
    for method in ("HEAD", "GET"):
        req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                final = resp.geturl()
                return "ok", f"{resp.status}" + (f" -> {final}" if final != url else "")
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers refuse HEAD; retry with GET
            if exc.code in (404, 410):
                return "broken", f"HTTP {exc.code}"
            return "suspect", f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            return "unreachable", str(reason)
        except ValueError as exc:
            return "broken", str(exc)
    return "suspect", "refused HEAD and GET"


def cmd_check_links(args: argparse.Namespace) -> int:
    from knowledge.repository import load_resources

    resources = [r for r in load_resources(args.root) if r.status != "retired"]
    targets: list[tuple[str, str, str]] = []
    for r in resources:
        if r.url:
            targets.append((r.id, "url", r.url))
        if r.contact and r.contact.url:
            targets.append((r.id, "contact.url", r.contact.url))
        if args.sources:
            targets.append((r.id, "source", r.source))
    if args.limit:
        targets = targets[: args.limit]
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        # Probe a few distinct hosts first: if none answers, the machine is offline (or only
        # package registries are reachable) and checking the rest would prove nothing.
        by_host = {urlsplit(url).netloc: url for _, _, url in targets}
        probe_urls = list(by_host.values())[: max(args.workers, 1)]
        probe = list(pool.map(lambda u: _fetch(u, args.timeout), probe_urls))
        if probe and all(state == "unreachable" for state, _ in probe):
            print(
                f"No network: none of {len(probe)} probed hosts could be reached (first error: "
                f"{probe[0][1]}). Nothing was checked ({len(targets)} addresses skipped)."
            )
            return 0
        results = list(pool.map(lambda t: _fetch(t[2], args.timeout), targets))
    counts = Counter(state for state, _ in results)
    for (rid, fld, url), (state, detail) in zip(targets, results, strict=True):
        if state != "ok" or args.verbose:
            print(f"{state:<11} {rid} {fld} {url}  {detail}")
    print(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + f" of {len(targets)}")
    return 1 if counts["broken"] else 0


# --- entry point ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument(
            "--root",
            type=Path,
            default=None,
            help="resources directory (default knowledge/resources or PMN_KNOWLEDGE_DIR)",
        )
        p.add_argument("--today", default=None, help="pretend today is YYYY-MM-DD")
        return p

    p = common(sub.add_parser("validate", help="check schema, references, URLs, review dates"))
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--quiet", action="store_true", help="print errors only")
    p.set_defaults(func=cmd_validate)

    p = common(sub.add_parser("stats", help="counts by kind and a coverage matrix"))
    p.add_argument(
        "--csv", action="store_true", help="coverage as CSV (biomarker,region,kind,count)"
    )
    p.set_defaults(func=cmd_stats)

    p = common(sub.add_parser("review", help="resources past review or due soon"))
    p.add_argument("--within", type=int, default=30, help="also list those due within N days")
    p.add_argument("--strict", action="store_true", help="exit 1 if anything is past review")
    p.set_defaults(func=cmd_review)

    p = common(sub.add_parser("check-links", help="fetch every URL (needs network)"))
    p.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--sources", action="store_true", help="also check source URLs")
    p.add_argument("--limit", type=int, default=0, help="check only the first N addresses")
    p.add_argument("--verbose", action="store_true", help="print OK results too")
    p.set_defaults(func=cmd_check_links)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # e.g. `python -m knowledge stats --csv | head`
        sys.stderr.close()
        return 0
    except KnowledgeError as exc:
        for issue in exc.issues:
            print(f"ERROR {issue}", file=sys.stderr)
        return 1
