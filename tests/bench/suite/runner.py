"""The runner: machine facts, datasets, every benchmark, growth exponents, report.md/.json.

    .venv/bin/python -m tests.bench [--sizes 10000 100000] [--engines sqlite postgresql]
        [--centre-import-sizes 10000 100000] [--out bench-report/] [--only NAME ...]

The centre's import at 1,000,000 organizations (PostgreSQL; about an hour) is opt-in:
`--only import --engines postgresql --centre-import-sizes 10000 100000 1000000` (with
--only import no demo dataset is built, whatever --sizes says).

There are no pass/fail thresholds: each figure stands beside a reference measured in
the same run on the same machine (which may be busy), the ratio, the target the issues
set where there is one, and how it grows with the size: the exponent
log(t2/t1)/log(n2/n1) between consecutive sizes (1.0 = linear; above 1.15 is flagged).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import b_check, b_demo, b_gui, b_import, b_pdf, b_rules, b_search, b_xlsx
from .common import Context, Dataset, Figure

ROOT = Path(__file__).resolve().parents[3]
NAMES = ["demo", "search", "check", "gui", "rules", "xlsx", "pdf", "import"]
PER_DATASET = {"search": b_search, "check": b_check, "gui": b_gui, "rules": b_rules,
               "xlsx": b_xlsx}  # in this order: rules writes the ledger xlsx then exports
FLAG = 1.15


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine(cluster: Any | None) -> dict[str, Any]:
    def read(path: str) -> str:
        try:
            return Path(path).read_text()
        except OSError:
            return ""
    cpu = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((line.split()[1] for line in read("/proc/meminfo").splitlines()
                if line.startswith("MemTotal")), "0")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                                capture_output=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, text=True, capture_output=True).stdout.strip()
    except OSError:
        commit, dirty = "?", ""
    info: dict[str, Any] = {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gib": round(int(mem) / 2**20, 1),
        "os": platform.platform(), "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "postgresql": None,
        "git_commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }
    if cluster is not None:
        from sqlalchemy import create_engine, text
        engine = create_engine(cluster.admin_url)
        with engine.connect() as conn:
            info["postgresql"] = conn.execute(text("SHOW server_version")).scalar()
        engine.dispose()
    return info


def growth(figures: list[Figure]) -> list[dict[str, Any]]:
    series: dict[tuple[str, str], list[Figure]] = {}
    for f in figures:
        if f.seconds is not None and f.seconds > 0:
            series.setdefault((f.name, f.engine), []).append(f)
    rows = []
    for (name, engine), fs in series.items():
        fs.sort(key=lambda f: f.size)
        for a, b in itertools.pairwise(fs):
            if b.size == a.size:
                continue
            assert a.seconds and b.seconds
            k = math.log(b.seconds / a.seconds) / math.log(b.size / a.size)
            rows.append({"name": name, "engine": engine, "from": a.size, "to": b.size,
                         "exponent": round(k, 2), "faster_than_linear": k > FLAG})
    return rows


def fmt(t: float | None) -> str:
    if t is None:
        return ""
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def size_label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else (
        f"{n // 1000}k" if n % 1000 == 0 else str(n))


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    lines = [
        "## Benchmarks",
        "",
        f"Measured {m['date']} by `.venv/bin/python -m tests.bench "
        f"{report['arguments']}` at commit {m['git_commit']}.",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']}; "
        f"Python {m['python']}, SQLite {m['sqlite']}, PostgreSQL {m['postgresql'] or '—'}; "
        f"load average (1/5/15 min) {m['load_average_start']} at the start, "
        f"{m.get('load_average_end')} at the end; total {report['total_seconds'] / 60:.1f} min.",
        "The machine may be shared and busy: the ratio to a reference measured in the same run",
        "on the same data says more than the seconds. Demo data: `generate_demo(seed=1)`.",
        "",
        "| measure | engine | orgs | time | reference (same run) | ratio | target | notes |",
        "| --- | --- | ---: | ---: | --- | ---: | --- | --- |",
    ]
    for f in report["figures"]:
        if f["error"]:
            value, notes = "**error**", f["error"].replace("|", "\\|").replace("\n", " ")
        else:
            value = fmt(f["seconds"])
            notes = ", ".join(f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}"
                              for k, v in f["extra"].items())
        ref = f"{f['reference_name']}: {fmt(f['reference_seconds'])}" if f[
            "reference_seconds"] is not None else f["reference_name"]
        ratio = f"{f['ratio']:.2f}×" if f["ratio"] is not None else ""
        lines.append(f"| {f['name']} | {f['engine']} | {size_label(f['size'])} | {value} | "
                     f"{ref} | {ratio} | {f['target']} | {notes} |")
    lines += ["", "Growth with the size: exponent k of t ∝ n^k between consecutive sizes "
              "(1.0 = linear; above 1.15 flagged).", "",
              "| measure | engine | sizes | k | |", "| --- | --- | --- | ---: | --- |"]
    for g in report["growth"]:
        verdict = "**grows faster than linear**" if g["faster_than_linear"] else "≤ linear" \
            if g["exponent"] <= 1.0 else "about linear"
        lines.append(f"| {g['name']} | {g['engine']} | {size_label(g['from'])} → "
                     f"{size_label(g['to'])} | {g['exponent']:.2f} | {verdict} |")
    if report["notes"]:
        lines += ["", *(f"- {n}" for n in report["notes"])]
    return "\n".join(lines) + "\n"


def merge(paths: list[Path], out: Path) -> int:
    """One report from several runs: the first one's machine, cells replaced in order."""
    reports = [json.loads(p.read_text()) for p in paths]
    cells: dict[tuple[str, str, int], dict[str, Any]] = {}
    notes: list[str] = []
    for p, r in zip(paths, reports, strict=True):
        for f in r["figures"]:
            cells[(f["name"], f["engine"], f["size"])] = f
        m = r["machine"]
        notes.append(f"Merged from `{p}`: `{r['arguments']}`, {m['date']}, load "
                     f"{m['load_average_start']} → {m.get('load_average_end')}.")
        notes += [n for n in r["notes"] if not n.startswith("Errors:")]
    figures = [Figure(**f) for f in cells.values()]
    errors = [f for f in figures if f.error]
    if errors:
        notes.append("Errors: " + "; ".join(f"{f.name} on {f.engine} at {size_label(f.size)}"
                                            for f in errors))
    report = dict(reports[0], figures=[asdict(f) for f in figures], growth=growth(figures),
                  notes=notes, total_seconds=sum(r["total_seconds"] for r in reports),
                  arguments=reports[0]["arguments"])
    report["machine"] = dict(reports[0]["machine"],
                             load_average_end=reports[-1]["machine"].get("load_average_end"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    (out / "report.md").write_text(markdown(report))
    log(f"wrote {out / 'report.md'} and report.json")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--engines", nargs="+", choices=["sqlite", "postgresql"],
                        default=["sqlite", "postgresql"])
    parser.add_argument("--centre-import-sizes", type=int, nargs="*",
                        default=[10_000, 100_000],
                        help="batch import sizes; above 100,000 on PostgreSQL only "
                        "(1000000 is opt-in: about an hour)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-report")
    parser.add_argument("--only", nargs="+", choices=NAMES, default=NAMES)
    parser.add_argument("--runs", type=int, default=3, help="runs of the cheap measures")
    parser.add_argument("--merge", type=Path, nargs="+", metavar="REPORT_JSON",
                        help="combine earlier reports (later ones replace equal cells)")
    args = parser.parse_args(argv)
    if args.merge:
        return merge(args.merge, args.out)
    started = time.perf_counter()
    notes: list[str] = []
    cluster = None
    if "postgresql" in args.engines:
        from tests.pg_cluster import Cluster, unavailable_reason
        reason = unavailable_reason()
        if reason:
            notes.append(f"PostgreSQL not benchmarked: {reason}")
            args.engines = [e for e in args.engines if e != "postgresql"]
        else:
            cluster = Cluster()
    info = machine(cluster)
    figures: list[Figure] = []
    report: dict[str, Any] = {"machine": info, "arguments": " ".join(sys.argv[1:] if argv is None
                                                                      else argv)}

    def write() -> None:
        info["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
        report.update({"figures": [asdict(f) for f in figures], "growth": growth(figures),
                   "notes": notes, "total_seconds": time.perf_counter() - started})
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
        (args.out / "report.md").write_text(markdown(report))

    try:
        with tempfile.TemporaryDirectory(prefix="yeda-bench-") as tmp:
            ctx = Context(Path(tmp), cluster, runs=args.runs)
            data_needed = any(n in args.only for n in [*PER_DATASET, "demo"])
            for size in sorted(args.sizes) if data_needed else []:
                sqlite_ds: Dataset | None = None
                demo_figs: list[Figure] = []
                for engine in ["sqlite", *[e for e in args.engines if e != "sqlite"]]:
                    log(f"demo {engine} {size:,}")
                    try:
                        ds = b_demo.build(ctx, engine, size, sqlite_ds, demo_figs)
                    except Exception as exc:  # recorded
                        notes.append(f"{engine} {size:,}: no demo data ({exc}); "
                                     "its benchmarks were not run")
                        continue
                    if engine == "sqlite":
                        sqlite_ds = ds
                    if ds.note:
                        notes.append(f"{engine} {size:,}: {ds.note}")
                    if engine not in args.engines:
                        continue
                    if "demo" in args.only:
                        b_demo.reference(ctx, ds, demo_figs)
                    figures.extend(f for f in demo_figs if f.engine == engine
                                   and "demo" in args.only)
                    for name, module in PER_DATASET.items():
                        if name in args.only:
                            log(f"{name} {engine} {size:,}")
                            figures.extend(module.run(ctx, ds))
                            write()
                    ds.close()
                    if engine == "postgresql" and cluster is not None:
                        cluster.drop_database(ds.location)
                    write()
                if "pdf" in args.only:
                    log(f"pdf {size:,}")
                    figures.extend(b_pdf.run_size(ctx, size))
                    write()
                if sqlite_ds is not None:
                    sqlite_ds.sqlite_source.unlink(missing_ok=True)
                if "import" in args.only and size in args.centre_import_sizes:
                    for engine in args.engines:
                        if engine == "sqlite" and size > 100_000:
                            continue
                        log(f"import {engine} {size:,}")
                        figures.extend(b_import.run_size(ctx, engine, size))
                        write()
            if "import" in args.only:
                done = set(args.sizes) if data_needed else set()
                for size in sorted(set(args.centre_import_sizes) - done):
                    for engine in args.engines:
                        if engine == "sqlite" and size > 100_000:
                            continue
                        log(f"import {engine} {size:,}")
                        figures.extend(b_import.run_size(ctx, engine, size))
                        write()
            if "postgresql" in args.engines and 1_000_000 not in args.centre_import_sizes \
                    and "import" in args.only:
                notes.append("The centre's import at 1,000,000 organizations on PostgreSQL "
                             "was not run in this report (--centre-import-sizes "
                             f"{' '.join(map(str, args.centre_import_sizes))}).")
            errors = [f for f in figures if f.error]
            if errors:
                notes.append("Errors: " + "; ".join(f"{f.name} on {f.engine} at "
                                                    f"{size_label(f.size)}" for f in errors))
            write()
    except KeyboardInterrupt:
        notes.append(f"Interrupted at {time.strftime('%H:%M')} UTC (time budget): the "
                     "benchmarks after the last row above were not run.")
        write()
    finally:
        if cluster is not None:
            cluster.stop()
    log(f"wrote {args.out / 'report.md'} and report.json")
    return 0
