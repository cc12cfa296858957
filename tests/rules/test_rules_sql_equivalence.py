"""Property: the set-based SQL evaluation and the per-organization evaluation agree.

Hypothesis builds small random worlds (organizations with figures around every
threshold, people with any status and good or bad ID numbers, own and joint
party organizations, instructor assignments in and out of date, units and
visits in two campaigns, some a microsecond apart), inserted with Core so
invalid identifiers get in. A plain-Python reference of the facts keeps the
facts query honest too. It runs on both engines, one database each per run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert
from stdnum.cn import uscc as stdnum_uscc

from yeda_desktop.models import (
    Base,
    Building,
    Campaign,
    Cluster,
    Floor,
    InstructorAssignment,
    Occupancy,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Subdistrict,
    Unit,
    Visit,
    Zone,
)
from yeda_desktop.models.enums import (
    ClusterKind,
    Ownership,
    PartyOrgType,
    PartyStatus,
    VisitOutcome,
)
from yeda_desktop.rules import (
    EvaluationContext,
    OrgFacts,
    RulesProfile,
    evaluate,
    evaluate_all,
    facts_for,
)
from yeda_desktop.rules.identifier_checks import ID_CHECK, ID_WEIGHTS, id_number_is_valid
from yeda_desktop.storage import Database, open_database

AS_OF = date(2026, 7, 1)
NINE = datetime(2026, 6, 1, 9, 0)
# Visit times in microseconds after NINE: equal, a microsecond, a second, a minute apart
# (text forms of these differ in length on PostgreSQL: "09:00:00" and "09:00:00.000001").
OFFSETS = [0, 1, 999_999, 1_000_000, 60_000_000]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def valid_uscc(body: str) -> str:
    return body + stdnum_uscc.calc_check_digit(body + "0")


def valid_id(region: str, born: date, seq: int) -> str:
    body = f"{region}{born:%Y%m%d}{seq:03d}"
    return body + ID_CHECK[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


usccs = st.one_of(
    st.none(),
    st.builds(valid_uscc, st.text(ALPHABET, min_size=9, max_size=9).map(lambda s: "91370600" + s)),
    st.text("0123456789AXZ", min_size=16, max_size=18),  # the column holds 18 (PostgreSQL says so)
)
id_numbers = st.one_of(
    st.none(),
    st.builds(valid_id, st.just("110101"), st.dates(date(1950, 1, 1), date(2005, 12, 31)),
              st.integers(0, 999)),
    st.text("0123456789X", min_size=17, max_size=18),
    st.builds(lambda y, m, d: f"110101{y:04d}{m:02d}{d:02d}0010", st.integers(0, 2024),
              st.integers(0, 13), st.integers(0, 32)),
)


@dataclass
class PersonSpec:
    status: PartyStatus
    transferred: bool | None
    id_number: str | None


@dataclass
class OrgSpec:
    staff: int | None
    reported: int | None
    ownership: Ownership
    activities: bool
    guarantees: bool
    uscc: str | None
    verified: bool
    people: list[PersonSpec]
    # Per unit, its visits: (in the current campaign?, outcome, microseconds after 9:00).
    units: list[list[tuple[bool, VisitOutcome, int]]]


org_specs = st.builds(
    OrgSpec,
    staff=st.sampled_from([None, 0, 1, 49, 50, 51, 99, 100, 101]),
    reported=st.sampled_from([None, 0, 1, 2, 3, 51, 100]),
    ownership=st.sampled_from([Ownership.PRIVATE, Ownership.FOREIGN, Ownership.HMT]),
    activities=st.booleans(),
    guarantees=st.booleans(),
    uscc=usccs,
    verified=st.booleans(),
    people=st.lists(
        st.builds(PersonSpec, st.sampled_from(list(PartyStatus)),
                  st.sampled_from([None, True, False]), id_numbers),
        max_size=5,
    ),
    units=st.lists(
        st.lists(st.tuples(st.booleans(), st.sampled_from(list(VisitOutcome)),
                           st.sampled_from(OFFSETS)), max_size=3),
        max_size=2,
    ),
)
party_specs = st.lists(
    st.tuples(st.sampled_from(list(PartyOrgType)), st.sets(st.integers(0, 5), max_size=3)),
    max_size=4,
)
instructor_specs = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from([None, -10, 0, 10]),
              st.sampled_from([None, -10, 0, 10])),
    max_size=3,
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """One database per engine for the whole property run (reset before every example)."""
    if request.param == "sqlite":
        db = open_database(tmp_path_factory.mktemp("equiv") / "equiv.sqlite")
        yield db
        db.close()
        return
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.new_database(template=request.getfixturevalue("pg_template"))
    db = open_database(url)
    yield db
    db.close()
    cluster.drop_database(url)


def _reset(db: Database) -> None:
    with db.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in ("alembic_version",):
                conn.execute(delete(table))


def _build(db: Database, orgs: list[OrgSpec], parties: list[tuple[PartyOrgType, set[int]]],
           instructors: list[tuple[int, int | None, int | None]], with_campaign: bool
           ) -> tuple[list[str], str | None]:
    t = Base.metadata.tables
    with db.engine.begin() as conn:
        conn.execute(insert(Zone), [{"id": "z", "name": "烟台开发区"}])
        conn.execute(insert(Subdistrict), [{"id": "s", "zone_id": "z", "name": "八角街道"}])
        conn.execute(insert(Cluster), [{"id": "c", "subdistrict_id": "s", "name": "园区",
                                        "kind": ClusterKind.PARK}])
        conn.execute(insert(Building), [{"id": "b", "cluster_id": "c", "name": "一号楼"}])
        conn.execute(insert(Floor), [{"id": "f", "building_id": "b", "label": "1", "level": 1}])
        conn.execute(insert(Campaign), [
            {"id": "cur", "name": "今年", "year": 2026, "is_current": with_campaign},
            {"id": "prev", "name": "去年", "year": 2025, "is_current": False},
        ])
        ids = [f"o{i}" for i in range(len(orgs))]
        for oid, spec in zip(ids, orgs, strict=True):
            conn.execute(insert(Organization), [{
                "id": oid, "name": f"单位{oid}", "staff_count": spec.staff,
                "reported_member_count": spec.reported, "ownership": spec.ownership,
                "has_party_activities": spec.activities, "has_party_guarantees": spec.guarantees,
                "uscc": spec.uscc, "verified_campaign_id": "cur" if spec.verified else "prev",
            }])
            for n, person in enumerate(spec.people):
                conn.execute(insert(Person), [{
                    "id": f"{oid}p{n}", "organization_id": oid, "name": "张三",
                    "party_status": person.status, "relation_transferred": person.transferred,
                    "id_number": person.id_number,
                }])
            for u, visits in enumerate(spec.units):
                unit_id = f"{oid}u{u}"
                conn.execute(insert(Unit), [{"id": unit_id, "floor_id": "f", "label": unit_id}])
                conn.execute(insert(Occupancy), [{"organization_id": oid, "unit_id": unit_id}])
                for v, (current, outcome, offset) in enumerate(visits):
                    conn.execute(insert(Visit), [{
                        "id": f"{unit_id}v{v}", "unit_id": unit_id,
                        "campaign_id": "cur" if current else "prev", "outcome": outcome,
                        "visited_at": NINE + timedelta(microseconds=offset),
                    }])
        for n, (kind, covered) in enumerate(parties):
            conn.execute(insert(PartyOrg), [{"id": f"po{n}", "name": f"党组织{n}", "type": kind}])
            for index in covered:
                if index < len(ids):
                    conn.execute(insert(PartyOrgCoverage),
                                 [{"party_org_id": f"po{n}", "organization_id": ids[index]}])
        conn.execute(insert(t["instructors"]), [{"id": "i", "name": "李四"}])
        for index, starts, ends in instructors:
            if index < len(ids):
                conn.execute(insert(InstructorAssignment), [{
                    "instructor_id": "i", "organization_id": ids[index],
                    "starts_on": AS_OF + timedelta(days=starts) if starts is not None else None,
                    "ends_on": AS_OF + timedelta(days=ends) if ends is not None else None,
                }])
    return ids, "cur" if with_campaign else None


def _reference(index: int, spec: OrgSpec, parties: list[tuple[PartyOrgType, set[int]]],
               instructors: list[tuple[int, int | None, int | None]], campaign: str | None
               ) -> OrgFacts:
    """The facts, worked out by hand from the spec."""
    members = [p for p in spec.people if p.status in (PartyStatus.FULL, PartyStatus.PROBATIONARY)]
    covering = [kind for kind, covered in parties if index in covered]
    own = [kind for kind in covering if kind != PartyOrgType.JOINT_BRANCH]
    rank = {PartyOrgType.BRANCH: 1, PartyOrgType.GENERAL_BRANCH: 2, PartyOrgType.COMMITTEE: 3}
    active = [
        1 for i, s, e in instructors
        if i == index and (s is None or s <= 0) and (e is None or e >= 0)
    ]
    unvisited = revisit = 0
    if campaign:
        for visits in spec.units:
            current = sorted((m, v, o) for v, (cur, o, m) in enumerate(visits) if cur)
            if not current:
                unvisited += 1
            elif current[-1][2] == VisitOutcome.REVISIT:
                revisit += 1
    return OrgFacts(
        organization_id=f"o{index}", staff_count=spec.staff, reported_member_count=spec.reported,
        full_members=sum(p.status == PartyStatus.FULL for p in spec.people),
        probationary_members=sum(p.status == PartyStatus.PROBATIONARY for p in spec.people),
        covering_party_orgs=len(covering), own_party_orgs=len(own),
        own_org_type=max(own, key=rank.__getitem__) if own else None,
        instructors=len(active), ownership=spec.ownership,
        has_party_activities=spec.activities, has_party_guarantees=spec.guarantees,
        floating_members=sum(p.transferred is False for p in members), uscc=spec.uscc,
        invalid_id_numbers=sum(
            p.id_number is not None and not id_number_is_valid(p.id_number) for p in spec.people
        ),
        units=len(spec.units), units_unvisited=unvisited, units_revisit=revisit,
        verified=spec.verified or campaign is None,
    )


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    orgs=st.lists(org_specs, min_size=1, max_size=6),
    parties=party_specs,
    instructors=instructor_specs,
    with_campaign=st.booleans(),
    profile=st.builds(RulesProfile, no_party_member_staff=st.sampled_from([1, 50]),
                      member_count_tolerance=st.sampled_from([0, 1]),
                      check_identifiers=st.booleans()),
)
# A revisit at 9:00:00 and a registration a microsecond later: the registration is the
# latest visit (as text, "09:00:00" + id sorts after "09:00:00.000001" + id).
@example(
    orgs=[OrgSpec(staff=10, reported=None, ownership=Ownership.PRIVATE, activities=True,
                  guarantees=True, uscc=None, verified=True, people=[],
                  units=[[(True, VisitOutcome.REVISIT, 0), (True, VisitOutcome.REGISTERED, 1)]])],
    parties=[], instructors=[], with_campaign=True, profile=RulesProfile(),
)
def test_sql_and_per_organization_evaluation_agree(
    shared_db: Database,
    orgs: list[OrgSpec],
    parties: list[tuple[PartyOrgType, set[int]]],
    instructors: list[tuple[int, int | None, int | None]],
    with_campaign: bool,
    profile: RulesProfile,
) -> None:
    seen: set[str] = set()
    for spec in orgs:  # the USCC column is unique
        if spec.uscc in seen:
            spec.uscc = None
        seen.add(spec.uscc or "")
    _reset(shared_db)
    ids, campaign = _build(shared_db, orgs, parties, instructors, with_campaign)
    ctx = EvaluationContext(campaign, AS_OF)
    with shared_db.reader() as session:
        bulk = evaluate_all(session, ctx, profile)
        single: dict[str, frozenset[str]] = {}
        for index, oid in enumerate(ids):
            facts = facts_for(session, oid, ctx)
            assert facts == _reference(index, orgs[index], parties, instructors, campaign)
            rules = frozenset(f.rule_id for f in evaluate(facts, profile))
            if rules:
                single[oid] = rules
    assert bulk == single
