"""Closing coverage gaps in the data: a joint branch formed and joined by a neighbour, an
instructor sent and his assignment ended, each undoable, each seen by the rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sweep_fixtures import Place

from yeda_desktop.errors import ValidationError, YedaError
from yeda_desktop.models import (
    ChangeLog,
    Instructor,
    InstructorAssignment,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Unit,
)
from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.rules import evaluate, facts_for
from yeda_desktop.services import edits, party_work, places, sweep
from yeda_desktop.services.edits import Edit
from yeda_desktop.storage import Database

TODAY = date.today()


def _orgs(db: Database, place: Place, *staff: int) -> list[str]:
    """Organizations of these staff counts in units 301, 302 … of the place's floor."""
    ids = []
    with db.session(officer="王芳") as s:
        add = places.add_units(s, place.floor_id, f"301-{300 + len(staff)}")
        edits.apply(s, add)
        for n, (unit, count) in enumerate(zip(add.created(Unit), staff, strict=True)):
            edit = sweep.register_organization(s, unit, f"烟台第{n + 1}科技有限公司",
                                               place.campaign_id, "王芳", staff_count=count)
            edits.apply(s, edit)
            ids += edit.created(Organization)
    return ids


def _rules(db: Database, org_id: str) -> set[str]:
    with db.reader() as s:
        return {f.rule_id for f in evaluate(facts_for(s, org_id))}


def _apply(db: Database, edit: Edit) -> Edit:
    with db.session(officer="王芳") as s:
        edits.apply(s, edit)
    return edit


def test_a_joint_branch_covers_two_neighbours_and_undo_uncovers(
    db: Database, place: Place
) -> None:
    big, small = _orgs(db, place, 120, 30)
    assert "no_party_org" in _rules(db, big)
    with db.reader() as s:
        formed = party_work.form_party_org(s, big, "创业大厦联合党支部", PartyOrgType.JOINT_BRANCH,
                                           secretary_name="刘洋", established_on=TODAY)
    _apply(db, formed)
    assert "no_party_org" not in _rules(db, big)
    with db.reader() as s:
        [covering] = party_work.coverage_of(s, big)
        assert covering.words() == "创业大厦联合党支部（联合党支部）" and covering.covers == 1
        # the neighbour is offered the building's joint branch first
        first = party_work.party_org_choices(s, small)[0]
        assert (first.name, first.nearby) == ("创业大厦联合党支部", True)
        joined = party_work.join_party_org(s, small, first.party_org_id)
    _apply(db, joined)
    with db.reader() as s:
        assert party_work.coverage_of(s, big)[0].covers == 2
        assert party_work.party_org_choices(s, small) == []  # nothing left to join
        with pytest.raises(YedaError, match="已在创业大厦联合党支部中"):
            party_work.join_party_org(s, small, first.party_org_id)
        logged = set(s.scalars(select(ChangeLog.record_id).where(
            ChangeLog.table_name == "party_org_coverages", ChangeLog.op == "insert")))
    # both coverages travel to the centre with the next batch
    assert logged == {*formed.created(PartyOrgCoverage), *joined.created(PartyOrgCoverage)}

    with db.reader() as s:
        left = party_work.leave_party_org(s, party_work.coverage_of(s, small)[0].coverage_id)
    _apply(db, left)
    _apply(db, left.inverse())  # undo: covered again
    _apply(db, joined.inverse())
    _apply(db, formed.inverse())
    assert "no_party_org" in _rules(db, big)
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(PartyOrg)) == 0


def test_what_forming_a_party_organization_refuses(db: Database, place: Place) -> None:
    [org] = _orgs(db, place, 120)
    with db.reader() as s:
        _apply(db, party_work.form_party_org(s, org, "华盛科技党支部", PartyOrgType.BRANCH))
    with db.reader() as s:
        with pytest.raises(ValidationError, match="已有同名党组织") as same:
            party_work.form_party_org(s, org, " 华盛科技党支部 ", PartyOrgType.BRANCH)
        assert same.value.field == "name"
        with pytest.raises(ValidationError, match="不能晚于今天"):
            party_work.form_party_org(s, org, "另一党支部", PartyOrgType.BRANCH,
                                      established_on=TODAY + timedelta(days=1))
        with pytest.raises(ValidationError) as blank:
            party_work.form_party_org(s, org, "  ", PartyOrgType.BRANCH)
        assert (blank.value.field, blank.value.field_zh) == ("name", "党组织名称")
        with pytest.raises(ValidationError) as secretary:
            party_work.form_party_org(s, org, "另一党支部", PartyOrgType.BRANCH,
                                      secretary_name="刘1")
        assert secretary.value.field_zh == "书记姓名"


def test_an_instructor_gives_work_coverage_until_his_assignment_ends(
    db: Database, place: Place
) -> None:
    first, second = _orgs(db, place, 20, 40)
    assert "no_work_coverage" in _rules(db, first)
    start = TODAY - timedelta(days=30)
    with db.reader() as s:
        sent = party_work.send_instructor(s, first, "张建国", phone="13805351234",
                                          employer="开发区党工委", starts_on=start)
    _apply(db, sent)
    assert "no_work_coverage" not in _rules(db, first)
    with db.reader() as s:
        [assigned] = party_work.assignments_of(s, first)
        assert assigned.words() == f"张建国 13805351234，自 {start.isoformat()}"
        assert assigned.active_on(TODAY)
        with pytest.raises(ValidationError, match="已在指导该单位"):
            party_work.send_instructor(s, first, "张建国", phone="138 0535 1234")
        # the same instructor sent to a second organization is one instructor
        again = party_work.send_instructor(s, second, "张建国", phone="13805351234")
    _apply(db, again)
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Instructor)) == 1
        assert s.scalar(select(func.count()).select_from(InstructorAssignment)) == 2
        with pytest.raises(ValidationError, match="不能早于开始日期"):
            party_work.end_assignment(s, assigned.assignment_id, start - timedelta(days=1))
        ended = party_work.end_assignment(s, assigned.assignment_id, TODAY - timedelta(days=1))
    _apply(db, ended)
    assert "no_work_coverage" in _rules(db, first)  # ended yesterday: no coverage today
    with db.reader() as s:
        assert "至" in party_work.assignments_of(s, first)[0].words()
        with pytest.raises(YedaError, match="该选派已于"):
            party_work.end_assignment(s, assigned.assignment_id, TODAY)
    _apply(db, ended.inverse())
    assert "no_work_coverage" not in _rules(db, first)


def test_a_party_organization_changes_in_one_undoable_edit(db: Database, place: Place) -> None:
    first, second = _orgs(db, place, 120, 110)
    with db.reader() as s:
        _apply(db, party_work.form_party_org(s, first, "华盛科技党支部", PartyOrgType.BRANCH))
    with db.reader() as s:
        _apply(db, party_work.form_party_org(s, second, "欣和食品党支部", PartyOrgType.BRANCH))
    with db.reader() as s:
        party = party_work.coverage_of(s, first)[0].party_org_id
        assert party_work.change_party_org(s, party, name="华盛科技党支部",
                                           type_=PartyOrgType.BRANCH) is None
        with pytest.raises(ValidationError, match="已有同名党组织"):
            party_work.change_party_org(s, party, name="欣和食品党支部")
        with pytest.raises(ValidationError, match="不能晚于今天"):
            party_work.change_party_org(s, party, established_on=TODAY + timedelta(days=1))
        grown = party_work.change_party_org(s, party, type_=PartyOrgType.GENERAL_BRANCH,
                                            secretary_name="赵敏")
    assert grown is not None and len(grown.steps) == 2
    _apply(db, grown)
    with db.reader() as s:
        assert party_work.coverage_of(s, first)[0].words() == "华盛科技党支部（党总支）"
    _apply(db, grown.inverse())
    with db.reader() as s:
        row = s.get(PartyOrg, party)
        assert row is not None and (row.type, row.secretary_name) == (PartyOrgType.BRANCH, None)
