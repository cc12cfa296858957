"""Find a floor or a unit the way an officer names it: building, floor label, unit number.

Labels are matched as the models store them (stripped, upper case), so "3a" finds 3A; a
floor or unit that is not there is a sentence listing what the building or floor has.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Building, Floor, Unit
from yeda_desktop.services.record_lookup import find_building

SHOWN = 12  # labels listed in a refusal; more are abbreviated first…last


def _listed(labels: list[str], sep: str = "、") -> str:
    return sep.join(labels) if len(labels) <= SHOWN else f"{labels[0]}…{labels[-1]}"


def find_floor(session: Session, building_id: str, label: str) -> str:
    """The id of the building's floor labelled `label` (5, B1, 3A)."""
    clean = label.strip().upper()
    found = session.scalar(select(Floor.id).where(Floor.building_id == building_id,
                                                  func.upper(Floor.label) == clean))
    if found is not None:
        return str(found)
    name = session.scalar(select(Building.name).where(Building.id == building_id))
    labels = list(session.scalars(select(Floor.label).where(Floor.building_id == building_id)
                                  .order_by(Floor.level)))
    raise YedaError(f"楼宇“{name}”没有“{label.strip()}”层（现有：{_listed(labels) or '无'}）",
                    f"building {name} has no floor {label.strip()!r} "
                    f"(it has: {_listed(labels, ', ') or 'none'})")


def find_unit(session: Session, building: str, floor: str, unit: str) -> str:
    """The id of unit `unit` on floor `floor` of `building` (an id or a name no other has)."""
    floor_id = find_floor(session, find_building(session, building), floor)
    clean = unit.strip().upper()
    found = session.scalar(select(Unit.id).where(Unit.floor_id == floor_id,
                                                 func.upper(Unit.label) == clean))
    if found is not None:
        return str(found)
    where = session.execute(select(Building.name, Floor.label).join(
        Floor, Floor.building_id == Building.id).where(Floor.id == floor_id)).one()
    labels = list(session.scalars(select(Unit.label).where(Unit.floor_id == floor_id)
                                  .order_by(Unit.label)))
    raise YedaError(
        f"{where[0]} {where[1]}层没有“{unit.strip()}”房间"
        f"（现有：{_listed(labels) or '无，请先添加房间'}）",
        f"floor {where[1]} of {where[0]} has no unit {unit.strip()!r} "
        f"(it has: {_listed(labels, ', ') or 'none; add units first'})")
