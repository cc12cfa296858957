"""Write every form as PDF and PNG pages (pdftoppm) into pdf-renders/ at the repo root.

Run: .venv/bin/python tests/reports/render_pngs.py [--dpi 80]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import report_samples as samples  # noqa: E402

from yeda_desktop.reports import (  # noqa: E402
    render_blank_registration,
    render_ledger,
    render_notice,
    render_registration,
    render_roster,
    render_sweep_summary,
)


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
