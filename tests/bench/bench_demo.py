"""Benchmark: demo generation and `yeda check` at 10,000 and 100,000 organizations.

Run on demand: `.venv/bin/python tests/bench/bench_demo.py [--orgs 10000 100000] [--runs 3]`.
Each run is a fresh subprocess (so peak memory, ru_maxrss, is its own) and reports:
the demo's wall time split at the first search batch written (rows before it,
search index and the rest after; from 20,000 organizations the worker sends the
first documents while it still makes the visits, so the two overlap), CPU seconds
and peak memory of the process and of the demo's worker process (from 20,000
organizations), and a
reference measured in the same subprocess right after: a bare `executemany` of
the demo's own organization and people rows into an empty database of the same
schema. The machine is shared, so the ratio demo / reference (both slow down
together under load) is the figure to compare between runs; the load average is
printed beside it. Medians over `--runs`.

`--code DIR` runs the yeda_desktop package in DIR instead (an exported older commit,
its migrations copied into it: before/after figures). `--engine postgresql
--pg-admin URL` runs the demo on a fresh PostgreSQL database per run (created and
dropped through the admin URL); its reference is psycopg's executemany.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = """
import json, os, resource, sys, time
if os.environ.get("YEDA_BENCH_CODE"):  # another checkout's package before the installed one
    sys.path.insert(0, os.environ["YEDA_BENCH_CODE"])
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.storage.check import check_database

target, orgs, admin, scratch = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
run_check = sys.argv[5] == "check"

def fresh(name):
    if not admin:
        return os.path.join(scratch, name + ".sqlite")
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin).set(database=name).render_as_string(False)

db = open_database(fresh(target))
marks = {}
t0 = time.perf_counter(); c0 = os.times()
def progress(stage, done, total):
    marks.setdefault(stage, time.perf_counter() - t0)
    return True
generate_demo(db, orgs, seed=1, progress=progress)
t1 = time.perf_counter(); c1 = os.times()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the reference's rows
worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
with db.engine.connect() as conn:
    problems = check_database(conn) if db.dialect == "sqlite" and run_check else []
    t2 = time.perf_counter()
    tables = {}
    for table in ("organizations", "people"):
        result = conn.exec_driver_sql(f"SELECT * FROM {table}")
        tables[table] = ([c for c in result.keys()], [tuple(r) for r in result])
size = os.path.getsize(db.location.path) / 2**20 if db.location.path else 0.0
db.close()
# The reference: the same rows, bare executemany, one transaction, into the same schema.
ref = open_database(fresh(target + "_ref"))
with ref.engine.begin() as conn:
    cursor = conn.connection.dbapi_connection.cursor()
    mark = "?" if ref.dialect == "sqlite" else "%s"
    r0 = time.perf_counter()
    for table, (cols, rows) in tables.items():
        if table == "organizations":  # its campaign is not in the empty database
            at = cols.index("verified_campaign_id")
            rows = [r[:at] + (None,) + r[at + 1:] for r in rows]
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(mark for _ in cols)})"
        cursor.executemany(sql, rows)
r1 = time.perf_counter()
ref.close()
search = marks.get("search", t1 - t0)
print(json.dumps({
    "demo_s": t1 - t0, "data_s": search, "index_s": t1 - t0 - search,
    "cpu_s": c1.user + c1.system - c0.user - c0.system,
    "worker_cpu_s": c1.children_user + c1.children_system - c0.children_user - c0.children_system,
    "check_s": t2 - t1, "problems": len(problems), "ref_s": r1 - r0,
    "peak_mb": peak, "worker_peak_mb": worker_peak,
    "file_mb": size, "load": os.getloadavg()[0],
    "code": os.path.dirname(os.path.dirname(sys.modules["yeda_desktop"].__file__)),
}))
"""


def run(orgs: int, admin: str, number: int, code: str, check: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        name = f"bench_demo_{orgs}_{number}"
        out = subprocess.run(
            [sys.executable, "-c", CHILD, name, str(orgs), admin, tmp, "check" if check else ""],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "YEDA_BENCH_CODE": code} if code else None,
        )
        if out.returncode != 0:
            raise SystemExit(out.stderr)
        if admin:
            _drop(admin, [name, name + "_ref"])
        result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"  {orgs:,}: run {number + 1} done, code in {result.pop('code')}", file=sys.stderr)
        return result


def _drop(admin: str, names: list[str]) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--pg-admin", default="", help="admin URL of a PostgreSQL server")
    parser.add_argument("--json", action="store_true", help="print each run as JSON too")
    parser.add_argument("--no-check", action="store_true", help="skip timing `yeda check`")
    parser.add_argument(
        "--code", default="", help="run the yeda_desktop package found in this folder instead"
    )
    args = parser.parse_args()
    admin = args.pg_admin if args.engine == "postgresql" else ""
    if args.engine == "postgresql" and not admin:
        parser.error("--engine postgresql needs --pg-admin")
    print(
        f"{args.engine}, median of {args.runs} run(s); reference: bare executemany of the "
        "demo's organization and people rows, measured right after in the same process\n"
    )
    print(
        "| organizations | demo (data + search index) | CPU (+ worker) | reference "
        "| demo / reference | yeda check | peak memory (worker) | file size | load |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for orgs in args.orgs:
        runs = []
        for number in range(args.runs):
            started = time.perf_counter()
            r = run(orgs, admin, number, args.code, not args.no_check)
            r["wall_s"] = time.perf_counter() - started
            r["ratio"] = r["demo_s"] / r["ref_s"]
            runs.append(r)
            if args.json:
                print(json.dumps(r), file=sys.stderr)

        def med(key: str, got: list[dict[str, float]] = runs) -> float:
            return statistics.median(r[key] for r in got)

        ratios = ", ".join(f"{r['ratio']:.1f}" for r in runs)
        check = "–" if args.engine != "sqlite" or args.no_check else f"{med('check_s'):.1f} s"
        print(
            f"| {orgs:,} | {med('demo_s'):.1f} s ({med('data_s'):.1f} + {med('index_s'):.1f}) "
            f"| {med('cpu_s'):.0f} (+ {med('worker_cpu_s'):.0f}) s | {med('ref_s'):.1f} s "
            f"| {med('ratio'):.1f} ({ratios}) | {check} "
            f"| {med('peak_mb'):.0f} ({med('worker_peak_mb'):.0f}) MB | {med('file_mb'):.0f} MB "
            f"| {min(r['load'] for r in runs):.1f}–{max(r['load'] for r in runs):.1f} |"
        )


if __name__ == "__main__":
    main()
