"""Sweep progress of a campaign: floors swept and units visited, by group.

A floor is swept when it has units and every one was visited in the campaign.
For place groups a unit belongs to its building's chain; for industry and
ownership it belongs to the groups of the organizations occupying it (a unit
with none counts under "（无单位）").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, Subquery, case, cast, distinct, func, literal, select
from sqlalchemy.orm import Session

from yeda_desktop.models import (
    Building,
    Cluster,
    Floor,
    Occupancy,
    Organization,
    Subdistrict,
    Unit,
    Visit,
)
from yeda_desktop.stats.dimensions import key_industry_key, place_names, size_key


@dataclass(frozen=True)
class ProgressRow:
    group: str
    floors: int
    floors_swept: int
    units: int
    units_visited: int

    @property
    def floor_rate(self) -> float:
        return self.floors_swept / self.floors if self.floors else 0.0

    @property
    def unit_rate(self) -> float:
        return self.units_visited / self.units if self.units else 0.0


def _unit_status(campaign_id: str | None) -> Subquery:
    visited = select(Visit.unit_id).where(Visit.campaign_id == campaign_id)
    return select(
        Unit.id.label("unit_id"),
        Unit.floor_id,
        case((Unit.id.in_(visited), 1), else_=0).label("visited"),
    ).subquery("unit_status")


def sweep_progress(
    session: Session, campaign_id: str | None, dimension: str = "all"
) -> list[ProgressRow]:
    units = _unit_status(campaign_id)
    floor_done = (
        select(
            units.c.floor_id,
            case((func.min(units.c.visited) == 1, 1), else_=0).label("swept"),
        )
        .group_by(units.c.floor_id)
        .subquery("floor_done")
    )
    base = (
        select(units.c.unit_id, units.c.floor_id, units.c.visited, floor_done.c.swept)
        .join(floor_done, floor_done.c.floor_id == units.c.floor_id)
    )
    if dimension in ("all", "subdistrict", "cluster", "building"):
        keys = {
            "all": literal("全区"),
            "subdistrict": Subdistrict.name,
            "cluster": Cluster.id,
            "building": Building.id,
        }
        keyed = (
            base.add_columns(keys[dimension].label("grp"))
            .join(Floor, Floor.id == units.c.floor_id)
            .join(Building, Building.id == Floor.building_id)
            .join(Cluster, Cluster.id == Building.cluster_id)
            .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
        )
    elif dimension in ("industry", "ownership", "size", "key_industry"):
        column: Any
        if dimension == "industry":
            column = func.coalesce(Organization.industry_section, "（未填）")
        elif dimension == "size":
            column = size_key()
        elif dimension == "key_industry":
            column = key_industry_key()
        else:
            column = cast(Organization.ownership, String)
        keyed = (
            base.add_columns(func.coalesce(column, "（无单位）").label("grp"))
            .outerjoin(Occupancy, Occupancy.unit_id == units.c.unit_id)
            .outerjoin(Organization, Organization.id == Occupancy.organization_id)
            .distinct()
        )
    else:
        raise ValueError(f"unknown dimension {dimension!r}")
    k = keyed.subquery("keyed")
    query = (
        select(
            k.c.grp,
            func.count(distinct(k.c.floor_id)),
            func.count(distinct(case((k.c.swept == 1, k.c.floor_id)))),
            func.count(distinct(k.c.unit_id)),
            func.count(distinct(case((k.c.visited == 1, k.c.unit_id)))),
        )
        .group_by(k.c.grp)
    )
    names = place_names(session, dimension)  # clusters and buildings are grouped by id
    rows = [
        ProgressRow(names.get(str(g), str(g)), int(f), int(fs), int(u), int(uv))
        for g, f, fs, u, uv in session.execute(query).all()
    ]
    return sorted(rows, key=lambda r: r.group)
