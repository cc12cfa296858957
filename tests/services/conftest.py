"""A fresh migrated database with one building per test, built through the ORM."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sweep_fixtures import Place

from yeda_desktop.models import Building, Cluster, Floor, Subdistrict, Zone
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.services.sweep import ensure_current_campaign
from yeda_desktop.storage import Database, open_database


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    """Each service test runs on a SQLite file, then on a PostgreSQL database."""
    database = open_database(db_target)
    yield database
    database.close()


@pytest.fixture
def place(db: Database) -> Place:
    with db.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        sub = Subdistrict(zone=zone, name="福莱山街道")
        cluster = Cluster(subdistrict=sub, name="烟台留学人员创业园", kind=ClusterKind.PARK)
        building = Building(cluster=cluster, name="创业大厦", floors_above=3)
        floor = Floor(building=building, label="3")
        s.add_all([zone, sub, cluster, building, floor])
        s.flush()
        campaign = ensure_current_campaign(s)
        return Place(cluster.id, building.id, floor.id, campaign.id)
