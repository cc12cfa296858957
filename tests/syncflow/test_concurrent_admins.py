"""Two administrators import into one PostgreSQL centre at the same moment, from two processes.

To be sure the imports really overlap, the test itself first holds the centre's merge
lock, starts both `yeda import` processes, waits until the server shows both of them
waiting for that lock, and only then lets go: from there the server alone decides who
goes first. The result must equal importing the same files one after the other.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from flow_helpers import Site, build_sites, centre_url_for
from sqlalchemy import create_engine, text

from yeda_desktop.models import Organization, Person
from yeda_desktop.syncflow.merge_lock import MERGE_LOCK

ROWS = {
    "organizations": "SELECT id, name, staff_count, contact_phone, revision FROM organizations",
    "people": "SELECT id, organization_id, name FROM people",
    "packages": "SELECT id, device_id, sequence, status FROM sync_packages",
    "conflicts": "SELECT table_name, record_id, field, applied_value, status FROM sync_conflicts",
    "log": "SELECT table_name, record_id, op, field, new_value, device_id, package_id "
           "FROM change_log",
}


@pytest.fixture(scope="module", params=["postgresql"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Site, list[Path], Any]:
    """A PostgreSQL centre, two laptops that each made a day's edits (some to the same
    organizations, so the merge has conflicts to record), and each laptop's batch."""
    root = tmp_path_factory.mktemp("concurrent")
    centre, laptops, stick = build_sites(root, 2, orgs=30,
                                         centre_url=centre_url_for(request))
    batches = []
    for n, site in enumerate(laptops):
        db = site.open()
        with db.session(officer=f"{site.name}队员") as session:
            orgs = session.query(Organization).order_by(Organization.name).limit(6).all()
            for i, org in enumerate(orgs):
                org.staff_count = 7000 + 10 * n + i  # both laptops edit the same six
            new = Organization(name=f"烟台并发测试{n}号有限公司", staff_count=12)
            session.add(new)
            session.flush()
            session.add(Person(organization_id=new.id, name="并发" + "甲乙"[n]))
        db.close()
        path = stick / f"{site.name}-1.yeda"
        site.cli("export", str(path), officer=f"{site.name}队员")
        batches.append(path)
    return centre, batches, request.getfixturevalue("pg_cluster")


def _copy(cluster: Any, centre: Site) -> Site:
    """A second centre database with the same content, from the server's template copy."""
    from sqlalchemy.engine import make_url

    url = cluster.new_database(template=make_url(centre.url).database)
    return Site(f"copy-{url[-6:]}", centre.folder, url)


def _import_command(site: Site, path: Path) -> list[str]:
    return [sys.executable, "-m", "yeda_desktop.cli.main", "--db", site.target, "--officer",
            "管理员", "import", str(path), "--keys", str(site.keys)]


def _together(site: Site, paths: list[Path]) -> list[str]:
    """Run one `yeda import` per path, all held at the merge lock until all wait there."""
    engine = create_engine(site.target, isolation_level="AUTOCOMMIT")
    with engine.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MERGE_LOCK})
        runs = [subprocess.Popen(_import_command(site, p), stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT) for p in paths]
        deadline = time.monotonic() + 60
        waiting = 0
        while waiting < len(paths) and time.monotonic() < deadline:
            waiting = holder.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                "AND objid = :k"), {"k": MERGE_LOCK}).scalar_one()
            time.sleep(0.05)
        assert waiting == len(paths), "the imports never met at the lock"
        holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MERGE_LOCK})
        outputs = []
        for run in runs:
            out = run.communicate(timeout=120)[0].decode()
            assert run.returncode == 0, out
            outputs.append(out)
    engine.dispose()
    return outputs


def _state(site: Site) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(site.target)
    try:
        with engine.connect() as conn:
            return {key: sorted((tuple(r) for r in conn.execute(text(sql))), key=repr)
                    for key, sql in ROWS.items()}
    finally:
        engine.dispose()


def test_two_batches_at_once_equal_one_after_the_other(world: tuple[Site, list[Path], Any]) -> None:
    centre, batches, cluster = world
    together, apart = _copy(cluster, centre), _copy(cluster, centre)
    try:
        outputs = _together(together, batches)
        assert all("imported batch 1" in out for out in outputs), outputs
        for path in batches:
            apart.cli("import", str(path), officer="管理员")
        state, reference = _state(together), _state(apart)
        assert sum(r[3] == "imported" for r in state["packages"]) == 2
        assert state["conflicts"], "both laptops edited the same organizations"
        # The merge is order-independent: the same values win and the same conflicts are
        # listed whichever import went first; only revision numbers and the log's
        # update/superseded labels record the order.
        assert [r[:4] for r in state["organizations"]] == [
            r[:4] for r in reference["organizations"]]
        for key in ("people", "conflicts"):
            assert state[key] == reference[key], key
        assert len(state["log"]) == len(reference["log"])
        assert [r[:3] for r in state["packages"]] == [r[:3] for r in reference["packages"]]
        names = {r[1] for r in state["organizations"]}
        assert {"烟台并发测试0号有限公司", "烟台并发测试1号有限公司"} <= names
    finally:
        cluster.drop_database(together.url)
        cluster.drop_database(apart.url)


def test_the_same_batch_twice_at_once_is_applied_once(world: tuple[Site, list[Path], Any]) -> None:
    centre, batches, cluster = world
    twice, once = _copy(cluster, centre), _copy(cluster, centre)
    try:
        outputs = _together(twice, [batches[0], batches[0]])
        assert sum("imported batch 1" in out for out in outputs) == 1, outputs
        assert sum("already imported" in out for out in outputs) == 1, outputs
        once.cli("import", str(batches[0]), officer="管理员")
        assert _state(twice) == _state(once)
    finally:
        cluster.drop_database(twice.url)
        cluster.drop_database(once.url)
