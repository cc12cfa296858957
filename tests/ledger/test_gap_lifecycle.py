"""The gap lifecycle: allowed moves, refused moves as sentences, history and change log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from yeda_desktop.ledger import (
    LedgerError,
    allowed_transitions,
    assign,
    close,
    reopen,
    set_responsible,
    start,
    waive,
)
from yeda_desktop.models import ChangeLog, Gap, Organization
from yeda_desktop.models.enums import GapAction, GapStatus
from yeda_desktop.storage import Database


def _gap(db: Database) -> str:
    with db.session(officer="王主任") as s:
        org = Organization(name="烟台示例科技有限公司", staff_count=120)
        s.add(org)
        s.flush()
        gap = Gap(organization_id=org.id, rule_id="no_party_org", detail_zh="职工 120 人")
        s.add(gap)
        s.flush()
        return gap.id


def test_the_whole_path_to_closed_is_recorded(db: Database) -> None:
    gap_id = _gap(db)
    with db.session(officer="王主任") as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None
        assign(s, gap, GapAction.INSTRUCTOR, responsible="李指导员", due_on=date(2026, 8, 31))
        start(s, gap, "已选派指导员进驻")
        close(s, gap, "已成立联合党支部，见批复文件", date(2026, 7, 20))
    with db.session() as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None
        assert gap.status == GapStatus.CLOSED
        assert (gap.action, gap.responsible, gap.closed_on) == (
            GapAction.INSTRUCTOR, "李指导员", date(2026, 7, 20))
        steps = [(e.from_status, e.to_status, e.officer) for e in gap.events]
        assert steps == [
            (GapStatus.IDENTIFIED, GapStatus.ASSIGNED, "王主任"),
            (GapStatus.ASSIGNED, GapStatus.IN_PROGRESS, "王主任"),
            (GapStatus.IN_PROGRESS, GapStatus.CLOSED, "王主任"),
        ]
        logged = s.scalars(
            select(ChangeLog.new_value)
            .where(ChangeLog.record_id == gap_id, ChangeLog.field == "status")
            .order_by(ChangeLog.seq)
        ).all()
        assert logged == ['"identified"', '"assigned"', '"in_progress"', '"closed"']


@pytest.mark.parametrize(
    ("prepare", "move", "needle"),
    [
        (None, lambda s, g: start(s, g), "已发现"),
        (None, lambda s, g: close(s, g, "证据", date.today()), "不能改为“已整改”"),
        ("closed", lambda s, g: waive(s, g, "理由", "王主任"), "已整改"),
        ("waived", lambda s, g: assign(s, g, GapAction.INSTRUCTOR), "已豁免"),
    ],
)
def test_invalid_moves_are_refused_with_a_sentence(db: Database, prepare: str | None,
                                                   move: object, needle: str) -> None:
    gap_id = _gap(db)
    with db.session(officer="王主任") as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None
        if prepare == "closed":
            assign(s, gap, GapAction.JOINT_BRANCH)
            close(s, gap, "已加入联合党支部", date.today())
        elif prepare == "waived":
            waive(s, gap, "企业已注销")
        before = gap.status
        with pytest.raises(LedgerError) as err:
            move(s, gap)  # type: ignore[operator]
        assert needle in err.value.zh
        assert gap.status == before


def test_closing_needs_evidence_and_a_past_date(db: Database) -> None:
    gap_id = _gap(db)
    with db.session(officer="王主任") as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None
        assign(s, gap, GapAction.ESTABLISH_BRANCH)
        with pytest.raises(LedgerError, match="佐证"):
            close(s, gap, "  ", date.today())
        with pytest.raises(LedgerError, match="晚于今天"):
            close(s, gap, "批复", date.today() + timedelta(days=1))
        assert gap.status == GapStatus.ASSIGNED


def test_a_reopened_closing_leaves_the_gap_and_stays_in_its_history(db: Database) -> None:
    """Reopened, a gap no longer shows the evidence of a closing that no longer holds
    (the ledger's detail said "佐证: … ()" beside the status 已发现); its history still
    says when it was closed and on what evidence, and who waived it for someone else."""
    gap_id = _gap(db)
    with db.session(officer="王主任") as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None
        assign(s, gap, GapAction.ESTABLISH_BRANCH)
        close(s, gap, "已成立党支部，见批复", date(2026, 7, 20), "区委组织部核实")
        reopen(s, gap, "复查时党支部未正常运转")
        assert (gap.status, gap.evidence, gap.closed_on) == (GapStatus.IDENTIFIED, None, None)
        waive(s, gap, "企业已注销", "刘书记")
        notes = [e.note for e in gap.events]
    assert notes[1:] == ["2026-07-20 整改完成；佐证：已成立党支部，见批复；区委组织部核实",
                         "复查时党支部未正常运转", "企业已注销（决定人：刘书记）"]


def test_waiving_needs_a_reason_and_records_who(db: Database) -> None:
    gap_id = _gap(db)
    with db.session(officer="王主任") as s:
        gap = s.get(Gap, gap_id)
        assert gap is not None
        with pytest.raises(LedgerError, match="豁免理由"):
            waive(s, gap, "")
        waive(s, gap, "企业已迁出开发区")
        assert (gap.status, gap.waived_by) == (GapStatus.WAIVED, "王主任")
        reopen(s, gap, "企业回迁")
        assert gap.status == GapStatus.IDENTIFIED and gap.waived_reason is None
        assert [e.to_status for e in gap.events][-2:] == [GapStatus.WAIVED, GapStatus.IDENTIFIED]


def test_resolved_by_data_is_final() -> None:
    assert allowed_transitions(GapStatus.RESOLVED_BY_DATA) == frozenset()


def test_bulk_responsible_and_due_date(db: Database) -> None:
    ids = [_gap(db) for _ in range(1)]
    with db.session(officer="王主任") as s:
        org = Organization(name="烟台另一家公司", staff_count=60)
        s.add(org)
        s.flush()
        extra = Gap(organization_id=org.id, rule_id="no_party_member")
        s.add(extra)
        s.flush()
        ids.append(extra.id)
    with db.session(officer="王主任") as s:
        gaps = [s.get(Gap, i) for i in ids]
        assert all(gaps)
        changed = set_responsible(s, gaps, "张科长", date(2026, 9, 1))  # type: ignore[arg-type]
        assert changed == 2
        assert set_responsible(s, gaps, "张科长", date(2026, 9, 1)) == 0  # type: ignore[arg-type]
    with db.session() as s:
        for i in ids:
            gap = s.get(Gap, i)
            assert gap is not None
            assert (gap.responsible, gap.due_on) == ("张科长", date(2026, 9, 1))
            assert gap.events[-1].note == "负责人：张科长；期限：2026-09-01"


def test_bulk_assignment_refuses_closed_gaps_without_touching_any(db: Database) -> None:
    first, second = _gap(db), None
    with db.session(officer="王主任") as s:
        org = Organization(name="烟台第三家公司", staff_count=60)
        s.add(org)
        s.flush()
        closed = Gap(organization_id=org.id, rule_id="no_party_member",
                     status=GapStatus.WAIVED)
        s.add(closed)
        s.flush()
        second = closed.id
    with pytest.raises(LedgerError), db.session(officer="王主任") as s:
        set_responsible(s, [s.get(Gap, first), s.get(Gap, second)], "张科长", None)  # type: ignore[list-item]
    with db.session() as s:
        gap = s.get(Gap, first)
        assert gap is not None and gap.responsible is None
