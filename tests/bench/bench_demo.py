"""Benchmark: demo generation and `yeda check` at 10,000 and 100,000 organizations.

Run on demand: `.venv/bin/python tests/bench/bench_demo.py [--orgs 10000 100000]`.
Each size runs in a fresh subprocess so peak memory (ru_maxrss) is its own.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import json, resource, sys, time
from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.storage.check import check_database
path, orgs = sys.argv[1], int(sys.argv[2])
db = open_database(path)
t0 = time.perf_counter(); generate_demo(db, orgs, seed=1); t1 = time.perf_counter()
with db.engine.connect() as conn:
    problems = check_database(conn)
t2 = time.perf_counter()
db.close()
print(json.dumps({"demo_s": t1 - t0, "check_s": t2 - t1, "problems": len(problems),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(orgs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(orgs)],
            capture_output=True,
            text=True,
            check=True,
        )
        result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
        result["wall_s"] = time.perf_counter() - started
        result["file_mb"] = path.stat().st_size / 2**20
        return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    print("| organizations | demo generation | yeda check | problems | peak memory | file size |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for orgs in args.orgs:
        r = run(orgs)
        print(
            f"| {orgs:,} | {r['demo_s']:.1f} s | {r['check_s']:.1f} s | {int(r['problems'])} "
            f"| {r['peak_mb']:.0f} MB | {r['file_mb']:.0f} MB |"
        )


if __name__ == "__main__":
    main()
