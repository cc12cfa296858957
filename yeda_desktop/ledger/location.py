"""Where an organization is: its first unit by subdistrict, cluster, building, floor and unit.

An organization may occupy units in several buildings; listings and statistics
count it once, at this primary location.
"""

from __future__ import annotations

from sqlalchemy import Subquery, func, select

from yeda_desktop.models import Building, Cluster, Floor, Occupancy, Subdistrict, Unit


def primary_location() -> Subquery:
    """Columns: organization_id, subdistrict, cluster, building, building_id, floor, unit."""
    ranked = (
        select(
            Occupancy.organization_id,
            Subdistrict.name.label("subdistrict"),
            Cluster.name.label("cluster"),
            Building.name.label("building"),
            Building.id.label("building_id"),
            Floor.label.label("floor"),
            Unit.label.label("unit"),
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
