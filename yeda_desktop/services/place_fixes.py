"""Correcting the zone's places: a unit, floor or building typed wrong is renamed, and a
unit or floor added by mistake is removed (undoable edits, like adding them).

Only what nothing hangs on goes: a unit with an organization registered in it or a visit
recorded (this campaign's or an earlier one's) stays, and so does a floor with units;
their history is the sweep's record. Renaming keeps everything that names them.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Building, Floor, Occupancy, Organization, Unit, Visit
from yeda_desktop.services.edits import Delete, Edit, Update, checked, snapshot


def rename_unit(session: Session, unit_id: str, label: str) -> Edit | None:
    """None when the label is the one it has."""
    unit = session.get_one(Unit, unit_id)
    clean = checked(Unit, "label", label)
    if clean == unit.label:
        return None
    taken = session.scalar(select(Unit.id).where(Unit.floor_id == unit.floor_id,
                                                 Unit.label == clean))
    if taken is not None:
        raise ValidationError("label", "房间号", f"本层已有{clean}",
                              f"the floor has {clean} already")
    return Edit(f"将房间 {unit.label} 改为 {clean}", f"Rename unit {unit.label} to {clean}",
                (Update(Unit, unit.id, "label", unit.label, clean),))


def remove_unit(session: Session, unit_id: str) -> Edit:
    unit = session.get_one(Unit, unit_id)
    org = session.scalar(select(Organization.name).join(
        Occupancy, Occupancy.organization_id == Organization.id)
        .where(Occupancy.unit_id == unit_id).limit(1))
    if org is not None:
        raise ValidationError("unit", "房间", f"{unit.label}登记有单位“{org}”，请先将其移出",
                              f"{org} is registered in {unit.label}; remove it from the unit "
                              "first")
    visits = session.scalar(select(func.count()).where(Visit.unit_id == unit_id))
    if visits:
        raise ValidationError("unit", "房间",
                              f"{unit.label}已有{visits}条走访记录，不能删除（可改房间号）",
                              f"{unit.label} has {visits} recorded visit(s) and stays (it can "
                              "be renamed)")
    return Edit(f"删除房间 {unit.label}", f"Remove unit {unit.label}",
                (Delete(Unit, snapshot(unit)),))


def rename_floor(session: Session, floor_id: str, label: str) -> Edit | None:
    floor = session.get_one(Floor, floor_id)
    clean = checked(Floor, "label", label)
    if clean == floor.label:
        return None
    taken = session.scalar(select(Floor.id).where(Floor.building_id == floor.building_id,
                                                  Floor.label == clean))
    if taken is not None:
        raise ValidationError("label", "楼层", f"{clean}层已存在", f"floor {clean} already exists")
    return Edit(f"将{floor.label}层改为{clean}层", f"Rename floor {floor.label} to {clean}",
                (Update(Floor, floor.id, "label", floor.label, clean),))


def remove_floor(session: Session, floor_id: str) -> Edit:
    floor = session.get_one(Floor, floor_id)
    units = session.scalar(select(func.count()).where(Unit.floor_id == floor_id))
    if units:
        raise ValidationError("floor", "楼层", f"{floor.label}层有{units}个房间，请先删除房间",
                              f"floor {floor.label} has {units} unit(s); remove them first")
    return Edit(f"删除{floor.label}层", f"Remove floor {floor.label}",
                (Delete(Floor, snapshot(floor)),))


def rename_building(session: Session, building_id: str, name: str) -> Edit | None:
    building = session.get_one(Building, building_id)
    clean = name.strip()
    if not clean:
        raise ValidationError("name", "楼宇名称", "不能为空", "must not be empty")
    if len(clean) > 100:
        raise ValidationError("name", "楼宇名称", "不能超过100个字", "at most 100 characters")
    if clean == building.name:
        return None
    taken = session.scalar(select(Building.id).where(Building.cluster_id == building.cluster_id,
                                                     Building.name == clean))
    if taken is not None:
        raise ValidationError("name", "楼宇名称", f"本集聚区已有“{clean}”",
                              f"the cluster has a building called {clean} already")
    return Edit(f"将楼宇 {building.name} 改名为 {clean}",
                f"Rename building {building.name} to {clean}",
                (Update(Building, building.id, "name", building.name, clean),))
