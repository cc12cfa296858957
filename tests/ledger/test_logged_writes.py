"""Batched gap writes leave the same ledger and change log as the ORM writes do."""

from __future__ import annotations

import importlib
import uuid
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
    path: Path, orm_limit: int, monkeypatch: pytest.MonkeyPatch, world: type
) -> list[Any]:
    """Open gaps, reword some and resolve others; return the change log without ids/times."""
    module = importlib.import_module("yeda_desktop.ledger.reconcile")
    monkeypatch.setattr(module, "ORM_WRITE_LIMIT", orm_limit)
    db = open_database(path)
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


@pytest.mark.both_write_paths
def test_batched_writes_match_orm_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, world: type
) -> None:
    through_orm = _scenario(tmp_path / "orm.sqlite", 10_000, monkeypatch, world)
    in_batches = _scenario(tmp_path / "batches.sqlite", -1, monkeypatch, world)
    assert through_orm[0]  # the log is not empty
    assert in_batches == through_orm


def test_batched_ids_are_distinct_ascending_version_7_uuids() -> None:
    ids = new_ids(2000)
    assert len(set(ids)) == 2000 and ids == sorted(ids)
    for text in ids[:50]:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 7, uuid.RFC_4122)
