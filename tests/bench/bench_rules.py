"""Benchmark: the gap rules over a demo zone, re-evaluation after one edit, 100,000-row xlsx export.

Run on demand: `.venv/bin/python tests/bench/bench_rules.py [--db PATH] [--orgs 100000]`.
Without --db a demo database is generated (`generate_demo`, seed 7) in a temporary
folder; with --db an existing one is used and left as it was (work happens on a copy).
Prints a Markdown table; there are no pass/fail thresholds (targets: all rules < 2 s,
one edit < 20 ms).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from yeda_desktop.demo import generate_demo
from yeda_desktop.excel import export_xlsx
from yeda_desktop.ledger import reconcile
from yeda_desktop.models import Organization, Person
from yeda_desktop.rules import RulesProfile, default_context, evaluate, evaluate_all, facts_for
from yeda_desktop.storage import open_database


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="existing demo database (copied first)")
    parser.add_argument("--orgs", type=int, default=100_000)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        db = open_database(path)
        if args.db:
            db.close()
            shutil.copy(args.db, path)
            db = open_database(path)
        else:
            started = time.perf_counter()
            generate_demo(db, args.orgs, seed=7)
            rows.append(("demo generation", f"{time.perf_counter() - started:.1f} s"))
        with db.reader() as s:
            orgs = s.scalar(select(func.count()).select_from(Organization)) or 0
            people = s.scalar(select(func.count()).select_from(Person)) or 0
            ctx = default_context(s)
        rows.append(("organizations / people", f"{orgs:,} / {people:,}"))

        with db.reader() as s:
            fired = evaluate_all(s, ctx)
            full = best_of(3, lambda: evaluate_all(s, ctx))
            fast = best_of(3, lambda: evaluate_all(s, ctx, RulesProfile(check_identifiers=False)))
        rows.append(("all 9 rules, set-based SQL (default profile)",
                     f"{full:.2f} s ({len(fired):,} organizations with findings)"))
        rows.append(("all 9 rules, identifier re-checks off", f"{fast:.2f} s"))

        with db.session(officer="bench") as s:
            started = time.perf_counter()
            result = reconcile(s, ctx)
            first = time.perf_counter() - started
        rows.append(("first reconciliation (opens every gap, ORM + change log)",
                     f"{first:.1f} s ({len(result.opened):,} gaps)"))
        with db.session(officer="bench") as s:
            started = time.perf_counter()
            reconcile(s, ctx)
            again = time.perf_counter() - started
        rows.append(("re-reconciliation, nothing changed", f"{again:.1f} s"))

        with db.reader() as s:
            sample = list(s.scalars(select(Organization.id).limit(50)))
        live, edit = [], []
        for n, org_id in enumerate(sample):
            with db.reader() as s:
                started = time.perf_counter()
                evaluate(facts_for(s, org_id, ctx))
                live.append(time.perf_counter() - started)
            with db.session(officer="bench") as s:
                started = time.perf_counter()
                org = s.get(Organization, org_id)
                assert org is not None
                org.staff_count = 40 + n * 3
                s.flush()
                reconcile(s, ctx, organization_id=org_id)
                edit.append(time.perf_counter() - started)
        rows.append(("live flags for one organization (facts_for + evaluate), median",
                     f"{statistics.median(live) * 1000:.1f} ms"))
        rows.append(("one edit: save + re-evaluate + reconcile that organization, median",
                     f"{statistics.median(edit) * 1000:.1f} ms"))

        with db.reader() as s:
            started = time.perf_counter()
            _, count = export_xlsx(s, "organizations", Path(tmp) / "orgs.xlsx")
            orgs_xlsx = time.perf_counter() - started
            started = time.perf_counter()
            _, gap_count = export_xlsx(s, "ledger", Path(tmp) / "ledger.xlsx")
            ledger_xlsx = time.perf_counter() - started
        rows.append(("xlsx export, organization list", f"{orgs_xlsx:.1f} s ({count:,} rows)"))
        rows.append(("xlsx export, ledger", f"{ledger_xlsx:.1f} s ({gap_count:,} rows)"))
        db.close()

    print("| measure | result |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
