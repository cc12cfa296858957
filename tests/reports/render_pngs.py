"""Write every form as PDF and PNG pages (pdftoppm) into pdf-renders/ at the repo root.

Run: .venv/bin/python tests/reports/render_pngs.py [--dpi 80]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import report_demo as demo  # noqa: E402
import report_samples as samples  # noqa: E402

from yeda_desktop.reports import (  # noqa: E402
    render_blank_registration,
    render_ledger,
    render_notice,
    render_registration,
    render_roster,
    render_sweep_summary,
)
from yeda_desktop.reports.jobs import PrintJob, run_job  # noqa: E402


def demo_jobs(out: Path) -> dict[str, Callable[[Path], int]]:
    """The forms printed from a fresh ~300-organization demo database."""
    path = out / "demo.sqlite"
    path.unlink(missing_ok=True)
    db = demo.build_demo(path)
    building = demo.busiest_building(db)
    org = demo.org_with_members(db)
    day = demo.TODAY
    jobs_ = {
        "db-registration": PrintJob("registration", organization_ids=(org.id,), as_of=day),
        "db-registration-building": PrintJob("registration", building_id=building.id, as_of=day),
        "db-roster": PrintJob("roster", organization_ids=(org.id,), as_of=day),
        "db-sweep": PrintJob("sweep", building_id=building.id, as_of=day),
        "db-ledger": PrintJob("ledger", as_of=day),
        "db-ledger-by-cluster": PrintJob("ledger", group_by="cluster", as_of=day),
        "db-notice": PrintJob("notice", organization_ids=(org.id,), as_of=day),
        "db-statistics": PrintJob("statistics", as_of=day),
        "db-statistics-by-building": PrintJob("statistics", dimension="building", as_of=day),
    }

    def runner(job: PrintJob) -> Callable[[Path], int]:
        def run(p: Path) -> int:
            with db.reader() as session:
                return run_job(session, job, p)

        return run

    return {name: runner(job) for name, job in jobs_.items()}


def main() -> int:
    """Render all forms; returns a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--out", type=Path, default=ROOT / "pdf-renders")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (Debian: poppler-utils)", file=sys.stderr)
        return 1
    out: Path = args.out
    out.mkdir(exist_ok=True)
    m = samples.META
    jobs = {
        "registration": lambda p: render_registration([samples.ORG, samples.SPARSE_ORG], p, meta=m),
        "registration-blank": lambda p: render_blank_registration(p, meta=m),
        "roster": lambda p: render_roster(samples.roster(), p, meta=m),
        "roster-full-ids": lambda p: render_roster(
            samples.roster(8), p, full_id_numbers=True, meta=m
        ),
        "sweep": lambda p: render_sweep_summary(samples.sweep(), p, meta=m),
        "ledger": lambda p: render_ledger(samples.ledger(120), p, meta=m),
        "ledger-by-cluster": lambda p: render_ledger(
            samples.ledger(40), p, group_by="cluster", meta=m
        ),
        "notice": lambda p: render_notice(samples.notice(), p, meta=m),
    }
    jobs.update(demo_jobs(out))
    for name, job in jobs.items():
        pdf = out / f"{name}.pdf"
        pages = job(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(args.dpi), "-png", str(pdf), str(out / name)], check=True
        )
        print(f"{name}: {pages} page(s) -> {pdf}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
