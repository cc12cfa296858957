"""Benchmark: the gap rules over a demo zone, re-evaluation after one edit, 100,000-row xlsx export.

Run on demand: `.venv/bin/python tests/bench/bench_rules.py [--db PATH] [--orgs 100000]`.
Without --db a demo database is generated (`generate_demo`, seed 7) in a temporary
folder; with --db an existing one is used and left as it was (work happens on a copy).
Prints a Markdown table: each figure beside a reference measured in the same run on
the same data (the machine may be shared and busy, so the ratio says more than the
seconds). There are no pass/fail thresholds (targets: all rules < 2 s, one edit < 20 ms,
xlsx export comparable to a bare write-only openpyxl dump of the same rows).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from yeda_desktop.demo import generate_demo
from yeda_desktop.excel import export_xlsx
from yeda_desktop.ledger import reconcile
from yeda_desktop.ledger.location import primary_location
from yeda_desktop.models import Organization, Person
from yeda_desktop.rules import RulesProfile, default_context, evaluate, evaluate_all, facts_for
from yeda_desktop.rules.facts_query import facts_select
from yeda_desktop.storage import open_database


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_xlsx_dump(rows: Sequence[Sequence[object]], path: Path) -> None:
    """The reference for the export: the same rows appended to a write-only sheet, no styling."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("rows")
    for row in rows:
        ws.append(row)
    wb.save(path)


Row = tuple[str, str, str, str]  # measure, result, reference, ratio


def row(name: str, seconds: float, ref_name: str, ref: float, note: str = "") -> Row:
    def fmt(t: float) -> str:
        return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"
    return (name, fmt(seconds) + note, f"{ref_name}: {fmt(ref)}", f"{seconds / ref:.1f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="existing demo database (copied first)")
    parser.add_argument("--orgs", type=int, default=100_000)
    args = parser.parse_args()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        if args.db:
            shutil.copy(args.db, path)
            started = time.perf_counter()
            db = open_database(path)
            opened = time.perf_counter() - started
            rows.append(("open (and migrate if older)", f"{opened:.1f} s", "", ""))
        else:
            db = open_database(path)
            started = time.perf_counter()
            generate_demo(db, args.orgs, seed=7)
            rows.append(("demo generation", f"{time.perf_counter() - started:.1f} s", "", ""))
        with db.reader() as s:
            orgs = s.scalar(select(func.count()).select_from(Organization)) or 0
            people = s.scalar(select(func.count()).select_from(Person)) or 0
            ctx = default_context(s)
        rows.append(("organizations / people", f"{orgs:,} / {people:,}", "", ""))

        with db.reader() as s:
            facts = facts_select(ctx).subquery()
            count_join = best_of(3, lambda: s.scalar(select(func.count()).select_from(facts)))
            fired = evaluate_all(s, ctx)
            full = best_of(3, lambda: evaluate_all(s, ctx))
            fast = best_of(3, lambda: evaluate_all(s, ctx, RulesProfile(check_identifiers=False)))
        ref = "SELECT count(*) over the facts join"
        rows.append(row("all 9 rules, set-based SQL (default profile)", full, ref, count_join,
                        f" ({len(fired):,} organizations with findings)"))
        rows.append(row("all 9 rules, identifier checks off", fast, ref, count_join))

        # Timed to the end of the session (the commit): ORM writes happen at its flush.
        started = time.perf_counter()
        with db.session(officer="bench") as s:
            result = reconcile(s, ctx)
        first = time.perf_counter() - started
        rows.append(row("first reconciliation (opens every gap, with change log, committed)",
                        first, "all rules", full, f" ({len(result.opened):,} gaps)"))
        started = time.perf_counter()
        with db.session(officer="bench") as s:
            reconcile(s, ctx)
        again = time.perf_counter() - started
        rows.append(row("re-reconciliation, nothing changed", again, "all rules", full))

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
        rows.append(row("one edit: save + re-evaluate + reconcile that organization, median",
                        statistics.median(edit), "live flags (facts_for + evaluate)",
                        statistics.median(live)))

        with db.reader() as s:
            loc = primary_location()
            o = Organization
            query = (
                select(o.name, o.uscc, o.kind, o.ownership, o.industry_section, o.staff_count,
                       o.reported_member_count, o.address, o.legal_rep, o.contact_name,
                       o.contact_phone, loc.c.subdistrict, loc.c.cluster, loc.c.building)
                .outerjoin(loc, loc.c.organization_id == o.id)
                .order_by(o.name, o.id)
            )
            started = time.perf_counter()
            plain = [
                (r[0], r[1], r[2].zh, r[3].zh, *r[4:]) for r in s.execute(query)
            ]
            bare_xlsx_dump(plain, Path(tmp) / "bare.xlsx")
            bare = time.perf_counter() - started
            del plain
            started = time.perf_counter()
            _, count = export_xlsx(s, "organizations", Path(tmp) / "orgs.xlsx")
            orgs_xlsx = time.perf_counter() - started
            started = time.perf_counter()
            _, gap_count = export_xlsx(s, "ledger", Path(tmp) / "ledger.xlsx")
            ledger_xlsx = time.perf_counter() - started
        ref = "same query + bare write-only openpyxl dump"
        rows.append(row("xlsx export, organization list", orgs_xlsx, ref, bare,
                        f" ({count:,} rows)"))
        rows.append(("xlsx export, ledger", f"{ledger_xlsx:.1f} s ({gap_count:,} rows)", "", ""))
        db.close()

    print("| measure | result | reference (same run) | ratio |\n| --- | --- | --- | --- |")
    for name, value, reference, ratio in rows:
        print(f"| {name} | {value} | {reference} | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
