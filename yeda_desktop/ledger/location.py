"""Where an organization is: its first unit by subdistrict, cluster, building, floor and unit.

An organization may occupy units in several buildings; listings and statistics
count it once, at this primary location.
"""

from __future__ import annotations

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from yeda_desktop.models import Building, Cluster, Floor, Occupancy, Subdistrict, Unit

# Where a building stands: subdistrict, cluster, building, cluster id, building id, address.
Place = tuple[str | None, str | None, str | None, str | None, str | None, str | None]


def primary_location() -> Subquery:
    """Columns: organization_id, subdistrict, cluster(_id), building(_id, _address), floor(_id),
    unit(_id)."""
    ranked = (
        select(
            Occupancy.organization_id,
            Subdistrict.name.label("subdistrict"),
            Cluster.name.label("cluster"),
            Cluster.id.label("cluster_id"),
            Building.name.label("building"),
            Building.id.label("building_id"),
            Building.address.label("building_address"),
            Floor.label.label("floor"),
            Floor.id.label("floor_id"),
            Unit.label.label("unit"),
            Unit.id.label("unit_id"),
            func.row_number()
            .over(
                partition_by=Occupancy.organization_id,
                order_by=(Subdistrict.name, Cluster.name, Building.name, Floor.level,
                          Floor.label, Unit.label),
            )
            .label("rn"),
        )
        .join(Unit, Unit.id == Occupancy.unit_id)
        .join(Floor, Floor.id == Unit.floor_id)
        .join(Building, Building.id == Floor.building_id)
        .join(Cluster, Cluster.id == Building.cluster_id)
        .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
        .subquery("ranked_locations")
    )
    return (
        select(*(c for c in ranked.c if c.key != "rn"))
        .where(ranked.c.rn == 1)
        .subquery("primary_location")
    )


def place_of(session: Session, organization_id: str) -> tuple[str, str, str] | None:
    """(building id, floor id, unit id) of an organization's primary location, if it has one."""
    loc = primary_location()
    row = session.execute(
        select(loc.c.building_id, loc.c.floor_id, loc.c.unit_id).where(
            loc.c.organization_id == organization_id
        )
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def building_places(session: Session) -> dict[str, Place]:
    """Building id → (subdistrict, cluster, building, cluster id, building id, address)."""
    return {
        building_id: (subdistrict, cluster, name, cluster_id, building_id, address)
        for building_id, name, address, cluster_id, cluster, subdistrict in session.execute(
            select(Building.id, Building.name, Building.address, Cluster.id, Cluster.name,
                   Subdistrict.name)
            .join(Cluster, Cluster.id == Building.cluster_id)
            .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id))
    }
