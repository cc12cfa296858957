"""Coverage rates, sweep progress and the funding estimate on a hand-made zone."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select
from zone_builder import occupy

from yeda_desktop.models import (
    Building,
    Campaign,
    Cluster,
    Floor,
    Instructor,
    InstructorAssignment,
    Occupancy,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Subdistrict,
    Unit,
    Visit,
    Zone,
)
from yeda_desktop.models.enums import ClusterKind, Ownership, PartyOrgType, VisitOutcome
from yeda_desktop.stats import (
    FundingInputs,
    campaign_pair,
    coverage_by,
    estimate_funding,
    sweep_progress,
)
from yeda_desktop.storage import Database


@pytest.fixture
def zone(db: Database) -> Database:
    with db.session(officer="测试") as s:
        old = Campaign(name="2025年", year=2025, ends_on=date(2025, 7, 31))
        now = Campaign(name="2026年", year=2026, is_current=True)
        z = Zone(name="烟台开发区")
        sub = Subdistrict(zone=z, name="八角街道")
        cl = Cluster(subdistrict=sub, name="人才港", kind=ClusterKind.PARK)
        b = Building(cluster=cl, name="一号楼")
        s.add_all([old, now, z, sub, cl, b])
        s.flush()
        floors = [Floor(building_id=b.id, label=label) for label in ("1", "2", "B1")]
        s.add_all(floors)
        s.flush()
        units = [Unit(floor_id=floors[0].id, label="101"), Unit(floor_id=floors[0].id, label="102"),
                 Unit(floor_id=floors[1].id, label="201")]
        s.add_all(units)
        orgs = [
            Organization(name="烟台甲公司", ownership=Ownership.FOREIGN,
                         created_at=datetime(2024, 1, 1)),
            Organization(name="烟台乙公司", created_at=datetime(2026, 1, 1)),
            Organization(name="烟台丙公司", created_at=datetime(2026, 1, 1)),
        ]
        s.add_all(orgs)
        s.flush()
        for org, unit in zip(orgs, units, strict=True):
            s.add(Occupancy(organization_id=org.id, unit_id=unit.id))
        committee = PartyOrg(name="甲公司党委", type=PartyOrgType.COMMITTEE,
                             established_on=date(2024, 6, 1))
        general = PartyOrg(name="乙公司党总支", type=PartyOrgType.GENERAL_BRANCH)
        teacher = Instructor(name="周指导")
        s.add_all([committee, general, teacher])
        s.flush()
        s.add_all([
            PartyOrgCoverage(party_org_id=committee.id, organization_id=orgs[0].id,
                             created_at=datetime(2024, 6, 1)),
            InstructorAssignment(instructor_id=teacher.id, organization_id=orgs[2].id,
                                 starts_on=date(2026, 3, 1)),
            # unit 101 and 102 visited this year: floor 1 swept; floor 2 not; B1 has no units
            Visit(campaign_id=now.id, unit_id=units[0].id, outcome=VisitOutcome.REGISTERED),
            Visit(campaign_id=now.id, unit_id=units[1].id, outcome=VisitOutcome.REVISIT),
            Visit(campaign_id=old.id, unit_id=units[2].id, outcome=VisitOutcome.REGISTERED),
        ])
    return db


def test_coverage_now_and_as_of_the_previous_campaign(zone: Database) -> None:
    with zone.reader() as s:
        (now,) = coverage_by(s, "all")
        assert (now.organizations, now.org_covered, now.work_only) == (3, 1, 1)
        assert now.org_rate == pytest.approx(1 / 3) and now.work_rate == pytest.approx(2 / 3)
        pair = campaign_pair(s)
        assert pair.current is not None and pair.previous is not None
        (before,) = coverage_by(s, "all", as_of=pair.previous.ends_on)
        assert (before.organizations, before.org_covered, before.work_only) == (1, 1, 0)
        by_owner = {r.group: r for r in coverage_by(s, "ownership")}
        assert by_owner["foreign"].org_rate == 1.0 and by_owner["private"].org_rate == 0.0


def test_sweep_progress_counts_floors_and_units(zone: Database) -> None:
    with zone.reader() as s:
        pair = campaign_pair(s)
        assert pair.current is not None and pair.previous is not None
        (now,) = sweep_progress(s, pair.current.id, "building")
        assert (now.floors, now.floors_swept, now.units, now.units_visited) == (2, 1, 3, 2)
        (before,) = sweep_progress(s, pair.previous.id, "subdistrict")
        assert (before.floors_swept, before.units_visited) == (1, 1)
        owners = {r.group: r for r in sweep_progress(s, pair.current.id, "ownership")}
        assert owners["foreign"].units_visited == 1 and owners["private"].units == 2


def test_funding_estimate_uses_explicit_inputs(zone: Database) -> None:
    with zone.reader() as s:
        default = estimate_funding(s)
        assert default.total == 50_000 + 30_000
        custom = estimate_funding(s, FundingInputs(staff_by_level=(2, 3, 4), months=12))
        assert custom.total == 80_000 + (2 * 300 + 3 * 200 + 4 * 100) * 12
    with pytest.raises(ValueError):
        FundingInputs(staff_by_level=(1, 2))


def test_buildings_and_clusters_of_one_name_are_counted_apart(zone: Database) -> None:
    """Grouped by name, a zone's several 一号楼 were one row of all their organizations."""
    with zone.session(officer="测试") as s:
        sub = Subdistrict(zone_id=s.scalars(select(Zone.id)).one(), name="古现街道")
        park = Cluster(subdistrict=sub, name="人才港", kind=ClusterKind.PARK)
        occupy(s, park, "一号楼", Organization(name="烟台丁公司"))
    with zone.reader() as s:
        by_building = {r.group: r.organizations for r in coverage_by(s, "building")}
        assert by_building == {"一号楼（八角街道 · 人才港）": 3, "一号楼（古现街道 · 人才港）": 1}
        by_cluster = {r.group: r.organizations for r in coverage_by(s, "cluster")}
        assert by_cluster == {"人才港（八角街道）": 3, "人才港（古现街道）": 1}
        current = campaign_pair(s).current
        assert current is not None
        progress = {r.group: r.units for r in sweep_progress(s, current.id, "building")}
        assert progress == {"一号楼（八角街道 · 人才港）": 3, "一号楼（古现街道 · 人才港）": 1}
        assert [r.group for r in coverage_by(s, "subdistrict")] == ["八角街道", "古现街道"]


def test_coverage_and_progress_of_enterprises_above_designated_size(zone: Database) -> None:
    """The article's headline group: 规上 (above designated size) apart from the rest."""
    with zone.session(officer="测试") as s:
        s.scalars(select(Organization).where(Organization.name == "烟台甲公司")).one() \
            .is_above_size = True
    with zone.reader() as s:
        by_size = {r.group: r for r in coverage_by(s, "size")}
        assert set(by_size) == {"规模以上企业", "规模以下"}
        above, below = by_size["规模以上企业"], by_size["规模以下"]
        assert (above.organizations, above.org_covered) == (1, 1)
        assert (below.organizations, below.org_covered, below.work_only) == (2, 0, 1)
        pair = campaign_pair(s)
        assert pair.current is not None
        progress = {r.group: r for r in sweep_progress(s, pair.current.id, "size")}
        assert (progress["规模以上企业"].units, progress["规模以上企业"].units_visited) == (1, 1)
        assert (progress["规模以下"].units, progress["规模以下"].units_visited) == (2, 1)


def test_coverage_and_progress_by_key_industry(zone: Database) -> None:
    """Each key industry's alliance apart, the rest together."""
    from yeda_desktop.models.enums import KeyIndustry
    from yeda_desktop.stats.dimensions import NO_KEY_INDUSTRY, group_label

    with zone.session(officer="测试") as s:
        s.scalars(select(Organization).where(Organization.name == "烟台甲公司")).one() \
            .key_industry = KeyIndustry.EXPRESS
    with zone.reader() as s:
        by_industry = {r.group: r for r in coverage_by(s, "key_industry")}
        assert set(by_industry) == {"express", NO_KEY_INDUSTRY}
        assert (by_industry["express"].organizations, by_industry["express"].org_covered) == (1, 1)
        assert by_industry[NO_KEY_INDUSTRY].organizations == 2
        assert group_label("key_industry", "express") == "快递"
        pair = campaign_pair(s)
        assert pair.current is not None
        progress = {r.group: r for r in sweep_progress(s, pair.current.id, "key_industry")}
        assert (progress["express"].units, progress[NO_KEY_INDUSTRY].units) == (1, 2)
