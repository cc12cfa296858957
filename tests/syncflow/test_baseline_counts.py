"""A baseline's signed manifest says how many records of each table it carries.

Its lines are counted as they stream into the package; until 2026-11-30 the counts were
not put into the manifest, so `yeda verify` showed none and a laptop's import progress
had no total.
"""

from __future__ import annotations

from pathlib import Path

from flow_helpers import build_sites
from sqlalchemy import text

from yeda_desktop.syncflow import packages


def test_a_baseline_s_manifest_counts_the_records_the_laptop_gets(tmp_path: Path) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=12)  # the baseline imported
    db = laptop.open()
    try:
        with db.engine.connect() as conn:
            got = {table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                   for table in ("organizations", "people", "units")}
    finally:
        db.close()
    counts = packages.peek(stick / "base.yeda").record_counts
    assert {table: counts.get(table) for table in got} == got
    assert all(got.values())
    shown = centre.cli("verify", str(stick / "base.yeda"))
    assert all(f"'{table}': {count}" in shown for table, count in got.items()), shown
