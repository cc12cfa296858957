"""Test helper: an organization placed in a new building of a cluster, through the ORM."""

from __future__ import annotations

from sqlalchemy.orm import Session

from yeda_desktop.models import Building, Cluster, Floor, Occupancy, Organization, Unit


def occupy(session: Session, cluster: Cluster, building: str, org: Organization) -> Building:
    """A building named `building` in `cluster`, with `org` in room 101 of its floor 1."""
    made = Building(cluster=cluster, name=building)
    session.add_all([cluster, made])
    session.flush()
    floor = Floor(building_id=made.id, label="1")
    session.add(floor)
    session.flush()
    unit = Unit(floor_id=floor.id, label="101")
    session.add_all([unit, org])
    session.flush()
    session.add(Occupancy(organization_id=org.id, unit_id=unit.id))
    return made
