"""The thresholds in force: those the centre's profile brought, read by every evaluation
that has a session (both engines)."""

from __future__ import annotations

import json

import pytest

from yeda_desktop.models import (
    AppState,
    Building,
    Cluster,
    Floor,
    Occupancy,
    Organization,
    Subdistrict,
    Unit,
    Zone,
)
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.rules import DEFAULT_PROFILE, profile_in_force
from yeda_desktop.rules.in_force import STATE_KEY
from yeda_desktop.services.progress import floor_tiles
from yeda_desktop.storage import Database


def _keep(db: Database, value: str) -> None:
    with db.session(officer="测试") as s:
        s.merge(AppState(key=STATE_KEY, value=value))


def test_none_kept_means_the_defaults(db: Database) -> None:
    with db.reader() as s:
        assert profile_in_force(s) is DEFAULT_PROFILE


@pytest.mark.parametrize(("kept", "staff"), [
    ('{"no_party_member_staff": 20}', 20),
    # a newer centre's threshold this version does not know: the rest apply
    ('{"no_party_member_staff": 20, "alliance_members": 5}', 20),
    ('{"no_party_member_staff": -1}', 50),  # refused when issued; never half-applied
    ("not json", 50),
    ("[1, 2]", 50),
])
def test_what_is_kept_is_read_safely(db: Database, kept: str, staff: int) -> None:
    _keep(db, kept)
    with db.reader() as s:
        assert profile_in_force(s).no_party_member_staff == staff


def test_the_floor_s_badges_count_with_the_thresholds_in_force(db: Database) -> None:
    """A 30-person firm with no party member: no badge by the defaults, one from 20."""
    with db.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        cluster = Cluster(subdistrict=Subdistrict(zone=zone, name="福莱山街道"), name="国际人才港",
                          kind=ClusterKind.PARK)
        building = Building(cluster=cluster, name="阈值大厦")
        floor = Floor(building=building, label="1")
        unit = Unit(floor=floor, label="101")
        org = Organization(name="烟台阈值徽标有限公司", staff_count=30)
        s.add_all([building, floor, unit, org])
        s.flush()
        s.add(Occupancy(unit_id=unit.id, organization_id=org.id))
        floor_id = floor.id

    def badge() -> int:
        with db.reader() as s:
            [tile] = floor_tiles(s, floor_id, None)
            return tile.gaps

    before = badge()
    _keep(db, json.dumps({"no_party_member_staff": 20}))
    assert badge() == before + 1
