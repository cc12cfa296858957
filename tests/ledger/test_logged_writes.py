"""Batched gap writes leave the same ledger and change log as the ORM writes do (each engine)."""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from yeda_desktop.ledger import reconcile
from yeda_desktop.ledger.logged_writes import new_ids
from yeda_desktop.models import ChangeLog, Gap, PartyOrg, PartyOrgCoverage
from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.rules import RulesProfile
from yeda_desktop.storage import open_database

PROFILE = RulesProfile(disabled=("data_quality",))
RANDOM_FIELDS = {"gap_id", "organization_id", "campaign_id", "identified_at", "at"}


def _scenario(
    target: str, orm_limit: int, monkeypatch: pytest.MonkeyPatch, world: type
) -> list[Any]:
    """Open gaps, reword some and resolve others; return the change log without ids/times."""
    module = importlib.import_module("yeda_desktop.ledger.reconcile")
    monkeypatch.setattr(module, "ORM_WRITE_LIMIT", orm_limit)
    db = open_database(target)
    try:
        with db.session(officer="系统") as s:
            w = world(s)
            w.campaign(2026)
            big = w.org("烟台大厂有限公司", staff=150)
            grows = w.org("烟台中厂有限公司", staff=120, full_members=1)
            w.org("烟台小店有限公司", staff=60, full_members=4)
            reconcile(s, profile=PROFILE)
        with db.session(officer="系统") as s:
            party = PartyOrg(name="业达联合党支部", type=PartyOrgType.JOINT_BRANCH)
            s.add(party)
            s.flush()
            s.add(PartyOrgCoverage(party_org_id=party.id, organization_id=big.id))
            s.merge(grows).staff_count = 130  # reworded: the explanation names the staff
            s.flush()
            result = reconcile(s, profile=PROFILE)
            assert result.resolved and result.reworded
        with db.reader() as s:
            log = [
                (r.table_name, r.op, r.field, r.base_revision, r.officer,
                 r.old_value if r.field not in RANDOM_FIELDS else "~",
                 r.new_value if r.field not in RANDOM_FIELDS else "~")
                for r in s.scalars(select(ChangeLog).where(
                    ChangeLog.table_name.in_(["gaps", "gap_events"])))
            ]
            gaps = sorted(
                (g.rule_id, g.status.value, g.detail_en, g.revision)
                for g in s.scalars(select(Gap))
            )
        return [sorted(log, key=repr), gaps]
    finally:
        db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def two_targets(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two fresh databases on one engine: SQLite files, then PostgreSQL databases."""
    if request.param == "sqlite":
        yield str(tmp_path / "orm.sqlite"), str(tmp_path / "batches.sqlite")
        return
    cluster = request.getfixturevalue("pg_cluster")
    template = request.getfixturevalue("pg_template")
    urls = (cluster.new_database(template=template), cluster.new_database(template=template))
    yield urls
    for url in urls:
        cluster.drop_database(url)


@pytest.mark.both_write_paths
def test_batched_writes_match_orm_writes(
    two_targets: tuple[str, str], monkeypatch: pytest.MonkeyPatch, world: type
) -> None:
    through_orm = _scenario(two_targets[0], 10_000, monkeypatch, world)
    in_batches = _scenario(two_targets[1], -1, monkeypatch, world)
    assert through_orm[0]  # the log is not empty
    assert in_batches == through_orm


def test_batched_ids_are_distinct_ascending_version_7_uuids() -> None:
    ids = new_ids(2000)
    assert len(set(ids)) == 2000 and ids == sorted(ids)
    for text in ids[:50]:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 7, uuid.RFC_4122)
