"""Benchmark: the gap rules over a demo zone, re-evaluation after one edit, 100,000-row xlsx export.

Run on demand: `.venv/bin/python tests/bench/bench_rules.py [--db PATH|URL] [--orgs 100000]
[--runs 5] [--rules-only]`. Without --db a demo database is generated (`generate_demo`,
seed 7) in a temporary folder; with --db an existing one is used and left as it was (work
happens on a copy: a copied file, or for a PostgreSQL URL a database created from it as a
template, dropped afterwards). Prints a Markdown table: each figure beside a reference
measured in the same run on the same data (the machine may be shared and busy, so the ratio
says more than the seconds). The rules are timed `--runs` times: the median wall time, the
median CPU time of this process (SQLite works inside it; PostgreSQL in its server) and the
load average are shown. There are no pass/fail thresholds (targets: all rules < 2 s, one
edit < 20 ms, xlsx export comparable to a bare write-only openpyxl dump of the same rows).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from yeda_desktop.demo import generate_demo
from yeda_desktop.excel import export_xlsx
from yeda_desktop.ledger import reconcile
from yeda_desktop.ledger.location import primary_location
from yeda_desktop.models import Organization, Person
from yeda_desktop.rules import RulesProfile, default_context, evaluate, evaluate_all, facts_for
from yeda_desktop.rules.facts_query import facts_select
from yeda_desktop.storage import open_database


def median_of(runs: int, work: Callable[[], object]) -> tuple[float, float]:
    """Median wall time and median CPU time of this process over `runs` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


@contextmanager
def server_copy(url: str) -> Iterator[str]:
    """A throwaway copy of a PostgreSQL database (CREATE DATABASE … TEMPLATE), dropped after."""
    source = make_url(url)
    copy = f"{source.database}_bench"
    admin = create_engine(source.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{copy}"'))
            conn.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{source.database}"'))
        yield source.set(database=copy).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)'))
        admin.dispose()


def load() -> str:
    return "load average {:.2f} / {:.2f} / {:.2f} on {} cores".format(
        *os.getloadavg(), os.cpu_count())


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
    parser.add_argument("--db", help="existing demo database, a file or a PostgreSQL URL "
                        "(copied first)")
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of the rules")
    parser.add_argument("--rules-only", action="store_true",
                        help="time the rules only (no reconciliation, edits or exports)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.db and "://" in args.db:
            with server_copy(args.db) as url:
                rows = measure(url, args, Path(tmp))
        else:
            path = Path(tmp) / "bench.sqlite"
            if args.db:
                shutil.copy(args.db, path)
            rows = measure(str(path), args, Path(tmp))

    print("| measure | result | reference (same run) | ratio |\n| --- | --- | --- | --- |")
    for name, value, reference, ratio in rows:
        print(f"| {name} | {value} | {reference} | {ratio} |")
    return 0


def measure(target: str, args: argparse.Namespace, tmp: Path) -> list[Row]:
    rows: list[Row] = []
    if args.db:
        started = time.perf_counter()
        db = open_database(target)
        opened = time.perf_counter() - started
        rows.append(("open (and migrate if older)", f"{opened:.1f} s", "", ""))
    else:
        db = open_database(target)
        started = time.perf_counter()
        generate_demo(db, args.orgs, seed=7)
        rows.append(("demo generation", f"{time.perf_counter() - started:.1f} s", "", ""))
    rows.append(("engine", db.dialect, "", ""))
    with db.reader() as s:
        orgs = s.scalar(select(func.count()).select_from(Organization)) or 0
        people = s.scalar(select(func.count()).select_from(Person)) or 0
        ctx = default_context(s)
    rows.append(("organizations / people", f"{orgs:,} / {people:,}", "", ""))

    before = load()
    with db.reader() as s:
        facts = facts_select(ctx).subquery()
        count_join, _ = median_of(args.runs, lambda: s.scalar(
            select(func.count()).select_from(facts)))
        fired = evaluate_all(s, ctx)
        full, full_cpu = median_of(args.runs, lambda: evaluate_all(s, ctx))
        fast, _ = median_of(args.runs, lambda: evaluate_all(
            s, ctx, RulesProfile(check_identifiers=False)))
    ref = f"SELECT count(*) over the facts join (median of {args.runs})"
    rows.append(row(f"all 9 rules, set-based SQL (default profile), median of {args.runs}",
                    full, ref, count_join,
                    f" (CPU here {full_cpu:.2f} s; {len(fired):,} organizations with findings)"))
    rows.append(row("all 9 rules, identifier checks off, median", fast, ref, count_join))
    rows.append(("machine while the rules ran", f"before: {before}; after: {load()}", "", ""))
    if args.rules_only:
        db.close()
        return rows

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
        bare_xlsx_dump(plain, tmp / "bare.xlsx")
        bare = time.perf_counter() - started
        del plain
        started = time.perf_counter()
        _, count = export_xlsx(s, "organizations", tmp / "orgs.xlsx")
        orgs_xlsx = time.perf_counter() - started
        started = time.perf_counter()
        _, gap_count = export_xlsx(s, "ledger", tmp / "ledger.xlsx")
        ledger_xlsx = time.perf_counter() - started
    ref = "same query + bare write-only openpyxl dump"
    rows.append(row("xlsx export, organization list", orgs_xlsx, ref, bare,
                    f" ({count:,} rows)"))
    rows.append(("xlsx export, ledger", f"{ledger_xlsx:.1f} s ({gap_count:,} rows)", "", ""))
    db.close()
    return rows


if __name__ == "__main__":
    sys.exit(main())
