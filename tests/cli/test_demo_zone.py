"""The demo zone looks like the real one: every kind of place, organization and coverage."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import distinct, func, select

from yeda_desktop.demo import generate_demo
from yeda_desktop.models import (
    Building,
    Cluster,
    Floor,
    Occupancy,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Subdistrict,
    Visit,
)
from yeda_desktop.storage import Database, open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    generate_demo(db, 1500, seed=11)
    return db


def test_places_cover_every_kind(demo: Database) -> None:
    with demo.reader() as s:
        assert s.scalar(select(func.count()).select_from(Subdistrict)) == 4
        kinds = set(s.scalars(select(Cluster.kind).distinct()))
        assert {k.value for k in kinds} == {"park", "office_building", "business_district", "other"}
        floors = s.execute(
            select(func.min(Building.floors_above), func.max(Building.floors_above))
        ).one()
        assert floors[0] >= 5 and floors[1] <= 40
        assert s.scalar(select(func.count()).select_from(Floor).where(Floor.level < 0)) > 0
        assert s.scalar(select(func.count()).select_from(Floor).where(Floor.label == "3A")) > 0


def test_organizations_of_every_kind_and_size(demo: Database) -> None:
    with demo.reader() as s:
        owners = {o.value for o in s.scalars(select(Organization.ownership).distinct())}
        assert {"private", "foreign", "hmt", "individual", "association"} <= owners
        big_no_member = s.scalar(
            select(func.count())
            .select_from(Organization)
            .where(
                Organization.staff_count >= 50,
                ~select(Person.id)
                .where(
                    Person.organization_id == Organization.id,
                    Person.party_status.in_(["full", "probationary"]),
                )
                .exists(),
            )
        )
        assert big_no_member > 0  # the sweep has something to find
        multi_unit = s.scalar(
            select(func.count()).select_from(
                select(Occupancy.organization_id)
                .group_by(Occupancy.organization_id)
                .having(func.count() > 1)
                .subquery()
            )
        )
        assert multi_unit > 0


def test_party_organizations_include_joint_branches(demo: Database) -> None:
    with demo.reader() as s:
        types = {t.value for t in s.scalars(select(PartyOrg.type).distinct())}
        assert {"branch", "joint_branch"} <= types
        joint_sizes = s.scalars(
            select(func.count())
            .select_from(PartyOrgCoverage)
            .join(PartyOrg)
            .where(PartyOrg.type == "joint_branch")
            .group_by(PartyOrg.id)
        ).all()
        assert joint_sizes and min(joint_sizes) >= 2


def test_this_year_is_part_way_swept(demo: Database) -> None:
    with demo.reader() as s:
        units_total = s.scalar(select(func.count(distinct(Visit.unit_id))))
        this_year = s.scalar(
            select(func.count(distinct(Visit.unit_id)))
            .join(Visit.campaign)
            .where(Visit.campaign.property.mapper.class_.is_current.is_(True))
        )
        assert 0 < this_year < units_total


def test_demo_refuses_a_database_with_data(demo: Database) -> None:
    from yeda_desktop.errors import DatabaseError

    with pytest.raises(DatabaseError, match="已有数据"):
        generate_demo(demo, 10, seed=1)


def test_cancel_leaves_the_database_empty(tmp_path: Path) -> None:
    from yeda_desktop.demo.generator import DemoCancelled

    db = open_database(tmp_path / "cancel.sqlite")
    with pytest.raises(DemoCancelled):
        generate_demo(db, 300, seed=1, progress=lambda stage, done, total: stage != "organizations")
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 0
        assert s.scalar(select(func.count()).select_from(Building)) == 0
    db.close()
