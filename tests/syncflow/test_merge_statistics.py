"""A large batch keeps a PostgreSQL centre's planner statistics current as it merges.

Without it the planner (and the plans psycopg prepares) keep seeing the tables as they
were before the batch, and every chunk's lookup by id scans the table the batch is
filling: a 500,000-organization import did not end in 26 minutes. The threshold is
lowered here so that a small batch crosses it several times.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_helpers import build_sites
from sqlalchemy import text

from yeda_desktop.models import Organization
from yeda_desktop.syncflow import merge


def test_the_merge_re_samples_the_tables_it_fills(
    tmp_path: Path, empty_pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=20, centre_url=empty_pg_url)
    db = laptop.open()
    with db.session(officer="队员") as session:
        session.add_all(Organization(name=f"烟台统计测试{n:03d}有限公司") for n in range(300))
    db.close()
    laptop.cli("export", str(stick / "big.yeda"), officer="队员")
    monkeypatch.setattr(merge, "RESTAT_FROM", 8)
    monkeypatch.setattr(merge, "CHUNK", 50)

    centre_db = centre.open()
    with centre_db.reader() as session:
        before = session.execute(text(
            "SELECT reltuples FROM pg_class WHERE relname = 'organizations'")).scalar_one()
    centre_db.close()
    assert "imported batch" in centre.cli("import", str(stick / "big.yeda"))

    centre_db = centre.open()
    with centre_db.reader() as session:
        seen = session.execute(text(
            "SELECT reltuples FROM pg_class WHERE relname = 'organizations'")).scalar_one()
        count = session.execute(text("SELECT count(*) FROM organizations")).scalar_one()
    centre_db.close()
    assert count == 320 and before < 200 <= seen  # re-sampled while the batch went in
