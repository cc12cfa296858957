"""Registering an organization at a unit, its gap flags, undo, members, visits and progress."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select
from sweep_fixtures import USCC_A, Place

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Campaign, ChangeLog, Organization, Person, Team, Unit, Visit
from yeda_desktop.models.enums import PartyStatus, VisitOutcome
from yeda_desktop.rules import evaluate, facts_for
from yeda_desktop.services import edits, places, progress, sweep
from yeda_desktop.storage import Database


def _units(db: Database, place: Place, text: str) -> list[str]:
    with db.session() as s:
        edit = places.add_units(s, place.floor_id, text)
        edits.apply(s, edit)
    return edit.created(Unit)


def test_register_with_120_staff_shows_both_flags_and_undo_removes_it(
    db: Database, place: Place
) -> None:
    unit = _units(db, place, "301-305")[0]
    with db.session(officer="王芳") as s:
        edit = sweep.register_organization(
            s, unit, "烟台华盛科技有限公司", place.campaign_id, "王芳"
        )
        edits.apply(s, edit)
        org_id = edit.created(Organization)[0]
        staff = edits.set_field(s, Organization, org_id, "staff_count", 120)
        assert staff is not None
        edits.apply(s, staff)
    with db.reader() as s:
        rules = {f.rule_id for f in evaluate(facts_for(s, org_id))}
        tiles = progress.floor_tiles(s, place.floor_id, place.campaign_id)
        logged = s.scalar(select(func.count()).where(ChangeLog.record_id == org_id))
    assert {"no_party_member", "no_party_org"} <= rules
    assert tiles[0].status is VisitOutcome.REGISTERED
    assert tiles[0].org_names == ("烟台华盛科技有限公司",)
    assert tiles[0].gaps >= 2
    assert logged and logged > 2  # insert and field changes are in the change log
    with db.session() as s:
        edits.apply(s, staff.inverse())
        edits.apply(s, edit.inverse())
    with db.reader() as s:
        assert s.get(Organization, org_id) is None
        assert progress.floor_tiles(s, place.floor_id, place.campaign_id)[0].status is None


def test_a_draft_staff_count_is_evaluated_without_saving(db: Database, place: Place) -> None:
    unit = _units(db, place, "301")[0]
    with db.session() as s:
        edit = sweep.register_organization(s, unit, "欣和食品有限公司", place.campaign_id)
        edits.apply(s, edit)
        org_id = edit.created(Organization)[0]
    with db.reader() as s:
        facts = facts_for(s, org_id)
        draft = dataclasses.replace(facts, staff_count=60)
        assert [f.rule_id for f in evaluate(draft) if f.rule_id == "no_party_member"]
        assert s.get(Organization, org_id).staff_count is None  # type: ignore[union-attr]


def test_bad_values_are_refused_before_anything_is_saved(db: Database, place: Place) -> None:
    unit = _units(db, place, "301")[0]
    with db.session() as s:
        with pytest.raises(ValidationError) as err:
            sweep.register_organization(s, unit, "华", place.campaign_id)
        assert err.value.field_zh == "单位名称"
        with pytest.raises(ValidationError):
            sweep.register_organization(s, unit, "华盛公司", place.campaign_id, uscc="123")
        with pytest.raises(ValidationError, match="整数"):
            edits.parse_count("12a", "staff_count", "职工人数")
        assert edits.parse_count(" 1,200 ", "staff_count", "职工人数") == 1200
        with pytest.raises(ValidationError) as negative:  # an integer, but below zero
            edits.parse_count("-3", "party_member_count_self", "党员人数（自报）")
        assert str(negative.value.message("zh")) == "党员人数（自报）：不能为负数"
        with pytest.raises(ValidationError, match="整数"):
            edits.parse_count("²", "staff_count", "职工人数")  # a digit int() refuses
        with pytest.raises(ValidationError) as phone:  # named as the form labels it
            sweep.register_organization(s, unit, "华盛公司", place.campaign_id,
                                        contact_phone="12345")
        assert phone.value.message("zh").startswith("联系电话：")
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0


def test_members_make_the_no_member_flag_go_and_attach_finds_existing(
    db: Database, place: Place
) -> None:
    first, second = _units(db, place, "301-302")
    with db.session() as s:
        edit = sweep.register_organization(
            s, first, "荣昌生物医药有限公司", place.campaign_id, uscc=USCC_A, staff_count=60
        )
        edits.apply(s, edit)
        org_id = edit.created(Organization)[0]
        add = sweep.add_person(
            s, org_id, name="李明", phone="13912345678", party_status=PartyStatus.FULL
        )
        edits.apply(s, add)
    with db.reader() as s:
        assert "no_party_member" not in {f.rule_id for f in evaluate(facts_for(s, org_id))}
        assert [p.name for p in sweep.people_of(s, org_id)] == ["李明"]
    with db.session() as s:
        with pytest.raises(ValidationError, match="关联已有单位"):
            sweep.register_organization(s, second, "另一个公司", place.campaign_id, uscc=USCC_A)
        edits.apply(s, sweep.attach_organization(s, second, org_id, place.campaign_id))
        edits.apply(s, sweep.remove_person(s, add.created(Person)[0]))
    with db.reader() as s:
        assert [o.id for o in sweep.organizations_in_unit(s, second)] == [org_id]
        assert s.get(Organization, org_id).verified_campaign_id == place.campaign_id  # type: ignore[union-attr]
        assert "no_party_member" in {f.rule_id for f in evaluate(facts_for(s, org_id))}


def test_progress_and_next_unvisited_follow_visits(db: Database, place: Place) -> None:
    a, b, c = _units(db, place, "301-303")
    with db.session() as s:
        for unit, outcome in ((a, VisitOutcome.VACANT), (b, VisitOutcome.REVISIT)):
            edits.apply(s, sweep.record_visit(s, unit, place.campaign_id, outcome))
    with db.reader() as s:
        assert progress.next_unvisited_unit(s, place.building_id, place.campaign_id, a) == (
            place.floor_id,
            b,
        )
        tree = progress.place_tree(s, place.campaign_id)
        floors = progress.floors_of(s, place.building_id, place.campaign_id)
    assert (floors[0].done, floors[0].total) == (1, 3)
    assert (tree.nodes[place.building_id].done, tree.nodes[place.building_id].total) == (0, 1)
    with db.session() as s:
        for unit in (b, c):
            edits.apply(s, sweep.record_visit(s, unit, place.campaign_id, VisitOutcome.REFUSED))
    with db.reader() as s:
        assert progress.next_unvisited_unit(s, place.building_id, place.campaign_id) is None
        count = progress.building_count(s, place.campaign_id, place.building_id)
    tree.refresh_building(place.building_id, count)
    assert tree.nodes[place.building_id].done == 1
    assert tree.nodes[place.cluster_id].done == 1  # the change reached the cluster


def test_visits_record_the_officer_s_team_when_it_exists_in_the_campaign(
    db: Database, place: Place
) -> None:
    a, b, c = _units(db, place, "401-403")
    with db.session() as s:
        other = Campaign(name="2024年集中扫楼月", year=2024, is_current=False)
        s.add(other)
        s.flush()
        s.add_all(
            [
                Team(campaign_id=place.campaign_id, name="第三小组"),
                Team(campaign_id=other.id, name="第九小组"),
            ]
        )
    with db.reader() as s:
        team = sweep.team_of(s, place.campaign_id, " 第三小组 ")
        assert team is not None
        assert sweep.team_of(s, place.campaign_id, "第九小组") is None  # another campaign's
        assert sweep.team_of(s, place.campaign_id, "") is None
    with db.session() as s:
        edits.apply(
            s,
            sweep.record_visit(s, a, place.campaign_id, VisitOutcome.VACANT, "王芳", team_id=team),
        )
        edits.apply(
            s,
            sweep.register_organization(
                s, b, "烟台华盛科技有限公司", place.campaign_id, "王芳", team_id=team
            ),
        )
        edits.apply(s, sweep.record_visit(s, c, place.campaign_id, VisitOutcome.REFUSED))
    with db.reader() as s:
        teams = dict(s.execute(select(Visit.unit_id, Visit.team_id)).all())
    assert teams == {a: team, b: team, c: None}
