"""Reconciliation after re-evaluation: new gaps open, cleared ones resolve by data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from yeda_desktop.ledger import assign, close, reconcile, waive
from yeda_desktop.models import Campaign, Gap, GapEvent, Organization, PartyOrg, PartyOrgCoverage
from yeda_desktop.models.enums import GapAction, GapStatus, PartyOrgType
from yeda_desktop.rules import RulesProfile
from yeda_desktop.storage import Database

ONLY_ORG_RULES = RulesProfile(disabled=("no_work_coverage", "data_quality", "no_party_member"))


def _gaps(db: Database) -> list[tuple[str, str, GapStatus]]:
    with db.reader() as s:
        rows = s.execute(
            select(Organization.name, Gap.rule_id, Gap.status)
            .join(Organization, Organization.id == Gap.organization_id)
            .order_by(Organization.name, Gap.rule_id, Gap.identified_at)
        ).all()
        return list(rows)


def test_new_shortfalls_open_gaps_once(db: Database, world: type) -> None:
    with db.session(officer="系统") as s:
        w = world(s)
        w.campaign(2026)
        w.org("烟台大厂有限公司", staff=150)
        w.org("烟台小店有限公司", staff=5)
        first = reconcile(s, profile=ONLY_ORG_RULES)
    assert first.opened == [(first.opened[0][0], "no_party_org")]
    with db.session(officer="系统") as s:
        again = reconcile(s, profile=ONLY_ORG_RULES)
    assert again.opened == [] and again.still_open == 1
    assert _gaps(db) == [("烟台大厂有限公司", "no_party_org", GapStatus.IDENTIFIED)]
    with db.reader() as s:
        event = s.scalars(select(GapEvent)).one()
        assert (event.from_status, event.to_status, event.officer) == (
            None, GapStatus.IDENTIFIED, "系统")


def test_cleared_condition_resolves_by_data_and_keeps_history(db: Database, world: type) -> None:
    with db.session(officer="系统") as s:
        w = world(s)
        w.campaign(2026)
        org = w.org("烟台大厂有限公司", staff=150)
        reconcile(s, profile=ONLY_ORG_RULES)
        gap = s.scalars(select(Gap)).one()
        assign(s, gap, GapAction.JOINT_BRANCH, responsible="李四")
    with db.session(officer="系统") as s:
        party = PartyOrg(name="业达联合党支部", type=PartyOrgType.JOINT_BRANCH)
        s.add(party)
        s.flush()
        s.add(PartyOrgCoverage(party_org_id=party.id, organization_id=org.id))
        s.flush()
        result = reconcile(s, profile=ONLY_ORG_RULES)
    assert len(result.resolved) == 1
    with db.reader() as s:
        gap = s.scalars(select(Gap)).one()
        assert gap.status == GapStatus.RESOLVED_BY_DATA
        assert gap.responsible == "李四"
        assert [e.to_status for e in gap.events] == [
            GapStatus.IDENTIFIED, GapStatus.ASSIGNED, GapStatus.RESOLVED_BY_DATA]


def test_returning_shortfall_opens_a_new_gap_beside_the_old(db: Database, world: type) -> None:
    with db.session(officer="系统") as s:
        w = world(s)
        w.campaign(2026)
        org = w.org("烟台大厂有限公司", staff=150)
        reconcile(s, profile=ONLY_ORG_RULES)
        org.staff_count = 90
        s.flush()
        reconcile(s, profile=ONLY_ORG_RULES, organization_id=org.id)
        org.staff_count = 130
        s.flush()
        result = reconcile(s, profile=ONLY_ORG_RULES, organization_id=org.id)
    assert len(result.opened) == 1
    assert [status for *_, status in _gaps(db)] == [
        GapStatus.RESOLVED_BY_DATA, GapStatus.IDENTIFIED]


def test_waived_stays_waived_and_blocks_a_new_gap(db: Database, world: type) -> None:
    with db.session(officer="王主任") as s:
        w = world(s)
        w.campaign(2026)
        w.org("烟台大厂有限公司", staff=150)
        reconcile(s, profile=ONLY_ORG_RULES)
        waive(s, s.scalars(select(Gap)).one(), "企业即将注销")
    with db.session(officer="系统") as s:
        result = reconcile(s, profile=ONLY_ORG_RULES)
        assert result.opened == [] and result.resolved == []
        s.scalars(select(Organization)).one().staff_count = 10
        s.flush()
        result = reconcile(s, profile=ONLY_ORG_RULES)
        assert result.resolved == []
    assert [status for *_, status in _gaps(db)] == [GapStatus.WAIVED]


def test_closed_blocks_in_its_campaign_and_reopens_in_the_next(db: Database, world: type) -> None:
    with db.session(officer="王主任") as s:
        w = world(s)
        old = w.campaign(2025)
        w.org("烟台大厂有限公司", staff=150)
        reconcile(s, profile=ONLY_ORG_RULES)
        gap = s.scalars(select(Gap)).one()
        assign(s, gap, GapAction.INSTRUCTOR)
        close(s, gap, "已选派指导员，筹建中", date(2025, 7, 30))
        assert reconcile(s, profile=ONLY_ORG_RULES).opened == []
        old.is_current = False
        w.campaign(2026)
        assert len(reconcile(s, profile=ONLY_ORG_RULES).opened) == 1
    assert [status for *_, status in _gaps(db)] == [GapStatus.CLOSED, GapStatus.IDENTIFIED]


def test_nothing_is_ever_deleted_and_wording_follows_the_figures(db: Database,
                                                                   world: type) -> None:
    with db.session(officer="系统") as s:
        w = world(s)
        w.campaign(2026)
        org = w.org("烟台大厂有限公司", staff=150)
        reconcile(s)
        count = s.scalar(select(func.count()).select_from(Gap))
        org.staff_count = 180
        s.flush()
        result = reconcile(s)
        assert result.reworded >= 1
        gap = s.scalars(select(Gap).where(Gap.rule_id == "no_party_org")).one()
        assert gap.detail_zh is not None and "180" in gap.detail_zh
        org.staff_count = 1
        s.flush()
        reconcile(s)
        assert s.scalar(select(func.count()).select_from(Gap)) == count
        assert s.scalar(select(func.count()).select_from(Campaign)) == 1


def test_disabled_rules_leave_their_gaps_alone(db: Database, world: type) -> None:
    with db.session(officer="系统") as s:
        w = world(s)
        w.campaign(2026)
        w.org("烟台大厂有限公司", staff=150)
        reconcile(s, profile=ONLY_ORG_RULES)
        result = reconcile(s, profile=RulesProfile(disabled=("no_party_org",)))
        assert ("no_party_org" not in {rule for _, rule in result.resolved})
    assert ("烟台大厂有限公司", "no_party_org", GapStatus.IDENTIFIED) in _gaps(db)


class Stop(Exception):
    """What a Cancel raises from the progress callback."""


def test_progress_rises_to_the_last_point_before_writing_and_a_cancel_writes_nothing(
    db: Database, world: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    import yeda_desktop.rules.engine as engine

    reconciling = importlib.import_module("yeda_desktop.ledger.reconcile")  # the module

    monkeypatch.setattr(engine, "EACH_ROWS", 2)
    monkeypatch.setattr(reconciling, "EXPLAIN_EVERY", 2)
    with db.session(officer="系统") as s:
        w = world(s)
        w.campaign(2026)
        for n in range(7):
            w.org(f"烟台大厂{n}有限公司", staff=150)
    seen: list[tuple[int, int]] = []
    with db.session(officer="系统") as s:
        reconcile(s, profile=ONLY_ORG_RULES,
                  progress=lambda done, total: seen.append((done, total)))
    steps = [done for done, _ in seen]
    assert steps == sorted(steps) and steps[0] == 0 and steps[-1] == 85
    assert {total for _, total in seen} == {100} and len(steps) >= 5  # rows read in between
    assert any(50 < done < 70 for done in steps)  # and findings explained
    assert len(_gaps(db)) == 7

    with db.session(officer="系统") as s:
        for gap in s.scalars(select(Gap)):
            s.delete(gap)
        s.execute(GapEvent.__table__.delete())

    def cancel_when(at: int) -> Callable[[int, int], None]:
        def progress(done: int, _total: int) -> None:
            if done >= at:
                raise Stop
        return progress

    for at in (0, 30, 60, 85):  # before reading, reading, explaining, just before writing
        with pytest.raises(Stop), db.session(officer="系统") as s:
            reconcile(s, profile=ONLY_ORG_RULES, progress=cancel_when(at))
        assert _gaps(db) == []
