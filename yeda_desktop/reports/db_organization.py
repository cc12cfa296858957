"""Registration forms and member rosters from the database, a fixed number of queries per batch.

Every query takes all requested organizations at once (chunked IN lists), so printing the
300 organizations of a building costs the same handful of queries as printing one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from yeda_desktop.errors import YedaError
from yeda_desktop.models import (
    Building,
    Cluster,
    Floor,
    Instructor,
    InstructorAssignment,
    Occupancy,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Subdistrict,
    Unit,
)
from yeda_desktop.models import Organization as OrgRow
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, PartyOrgType, PartyStatus

from .data import Organization, Roster, RosterMember

CHUNK = 500
"""Ids per IN list (well under SQLite's bound-variable limit)."""
FORM_RANK = {
    PartyOrgType.COMMITTEE: 4,
    PartyOrgType.GENERAL_BRANCH: 3,
    PartyOrgType.BRANCH: 2,
    PartyOrgType.JOINT_BRANCH: 1,
}
"""Which covering party organization a form names: the highest form, own before joint."""


def chunks(ids: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    """``ids`` in slices of at most ``size``."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


@dataclass(frozen=True, slots=True)
class PartyOrgInfo:
    """The party organization printed for an organization."""

    id: str
    name: str
    type_zh: str
    secretary: str | None


def covering_party_orgs(session: Session, org_ids: Sequence[str]) -> dict[str, PartyOrgInfo]:
    """Organization id → the party organization its forms name (highest form, own first)."""
    secretary = aliased(Person)
    best: dict[str, tuple[int, str, PartyOrgInfo]] = {}
    for part in chunks(org_ids):
        query = (
            select(
                PartyOrgCoverage.organization_id,
                PartyOrg.id,
                PartyOrg.name,
                PartyOrg.type,
                func.coalesce(PartyOrg.secretary_name, secretary.name).label("secretary"),
            )
            .join(PartyOrg, PartyOrg.id == PartyOrgCoverage.party_org_id)
            .outerjoin(secretary, secretary.id == PartyOrg.secretary_id)
            .where(PartyOrgCoverage.organization_id.in_(part))
        )
        for row in session.execute(query):
            rank = FORM_RANK.get(row.type, 0)
            info = PartyOrgInfo(row.id, row.name, row.type.zh, row.secretary)
            oid = str(row.organization_id)
            if oid not in best or (rank, row.name) > best[oid][:2]:
                best[oid] = (rank, row.name, info)
    return {oid: info for oid, (_, _, info) in best.items()}


def member_counts(session: Session, org_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    for part in chunks(org_ids):
        query = (
            select(
                Person.organization_id,
                func.sum(case((Person.party_status == PartyStatus.FULL, 1), else_=0)),
                func.sum(case((Person.party_status == PartyStatus.PROBATIONARY, 1), else_=0)),
            )
            .where(Person.organization_id.in_(part))
            .group_by(Person.organization_id)
        )
        for oid, full, prob in session.execute(query):
            counts[str(oid)] = (int(full or 0), int(prob or 0))
    return counts


def _instructors(session: Session, org_ids: Sequence[str], today: date) -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    active = and_(
        or_(InstructorAssignment.starts_on.is_(None), InstructorAssignment.starts_on <= today),
        or_(InstructorAssignment.ends_on.is_(None), InstructorAssignment.ends_on >= today),
    )
    for part in chunks(org_ids):
        query = (
            select(InstructorAssignment.organization_id, Instructor.name)
            .join(Instructor, Instructor.id == InstructorAssignment.instructor_id)
            .where(InstructorAssignment.organization_id.in_(part), active)
            .order_by(Instructor.name)
        )
        for oid, name in session.execute(query):
            if name not in names[str(oid)]:
                names[str(oid)].append(name)
    return names


@dataclass(frozen=True, slots=True)
class Place:
    """One unit an organization occupies, with the names above it."""

    subdistrict: str
    cluster: str
    building_id: str
    building: str
    floor: str
    unit: str


def places(session: Session, org_ids: Sequence[str]) -> dict[str, list[Place]]:
    """Organization id → its units, by building then floor (B2, B1, 1 … 3A) then unit."""
    out: dict[str, list[Place]] = defaultdict(list)
    for part in chunks(org_ids):
        query = (
            select(
                Occupancy.organization_id,
                Subdistrict.name.label("subdistrict"),
                Cluster.name.label("cluster"),
                Building.id.label("building_id"),
                Building.name.label("building"),
                Floor.label.label("floor"),
                Unit.label.label("unit"),
            )
            .join(Unit, Unit.id == Occupancy.unit_id)
            .join(Floor, Floor.id == Unit.floor_id)
            .join(Building, Building.id == Floor.building_id)
            .join(Cluster, Cluster.id == Building.cluster_id)
            .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
            .where(Occupancy.organization_id.in_(part))
            .order_by(Building.name, Floor.level, Floor.label, Unit.label)
        )
        for r in session.execute(query):
            out[str(r.organization_id)].append(
                Place(r.subdistrict, r.cluster, str(r.building_id), r.building, r.floor, r.unit)
            )
    return out


def unit_labels(units: Sequence[Place]) -> tuple[str, ...]:
    """How the form lists units: "12层 1203", with the building first if there are several."""
    several = len({p.building_id for p in units}) > 1
    return tuple((f"{p.building} " if several else "") + f"{p.floor}层 {p.unit}" for p in units)


def registration_forms(
    session: Session, org_ids: Sequence[str], *, today: date | None = None
) -> list[Organization]:
    """The registration form records of ``org_ids``, in that order (unknown ids: YedaError)."""
    day = today or date.today()
    ids = list(dict.fromkeys(org_ids))
    rows: dict[str, OrgRow] = {}
    for part in chunks(ids):
        for org in session.scalars(select(OrgRow).where(OrgRow.id.in_(part))):
            rows[org.id] = org
    missing = [i for i in ids if i not in rows]
    if missing:
        raise YedaError(f"找不到单位：{missing[0]}", f"no organization with id {missing[0]}")
    counts = member_counts(session, ids)
    party = covering_party_orgs(session, ids)
    teachers = _instructors(session, ids, day)
    where = places(session, ids)
    out = []
    for oid in ids:
        o = rows[oid]
        full, prob = counts.get(oid, (0, 0))
        po = party.get(oid)
        units = where.get(oid, [])
        first = units[0] if units else None
        out.append(
            Organization(
                record_id=oid,
                name=o.name,
                uscc=o.uscc,
                kind=o.kind.zh if o.kind else None,
                ownership=o.ownership.zh if o.ownership else None,
                industry=INDUSTRY_SECTIONS.get(o.industry_section or ""),
                marks="、".join(words for flag, words in (
                    (o.is_above_size, "规模以上企业"), (o.is_listed, "上市公司"),
                    (o.is_key_enterprise, "重点非公企业")) if flag) or "无",
                key_industry=o.key_industry.zh if o.key_industry else "无",
                address=o.address,
                staff_count=o.staff_count,
                reported_member_count=o.reported_member_count,
                full_members=full,
                probationary_members=prob,
                party_org_name=po.name if po else None,
                party_org_type=po.type_zh if po else None,
                secretary=po.secretary if po else None,
                instructor="、".join(teachers.get(oid, [])) or None,
                contact=o.contact_name,
                phone=o.contact_phone,
                units=unit_labels(units),
                building=first.building if first else None,
                cluster=first.cluster if first else None,
                subdistrict=first.subdistrict if first else None,
                remarks=o.note,
            )
        )
    return out


MEMBER_STATUSES = (PartyStatus.FULL, PartyStatus.PROBATIONARY)
_STATUS_ORDER = case((Person.party_status == PartyStatus.FULL, 0), else_=1)


def _roster_members(session: Session, org_ids: Sequence[str], with_org: bool) -> list[RosterMember]:
    members: list[RosterMember] = []
    for part in chunks(org_ids):
        query = (
            select(Person, OrgRow.name)
            .join(OrgRow, OrgRow.id == Person.organization_id)
            .where(Person.organization_id.in_(part), Person.party_status.in_(MEMBER_STATUSES))
            .order_by(_STATUS_ORDER, Person.join_date, Person.name, Person.id)
        )
        for person, org_name in session.execute(query):
            members.append(
                RosterMember(
                    name=person.name,
                    gender=person.gender.zh if person.gender else None,
                    id_number=person.id_number,
                    phone=person.phone,
                    party_status=person.party_status.zh,
                    join_date=person.join_date,
                    relation_transferred=person.relation_transferred,
                    remarks=org_name if with_org else None,
                )
            )
    return members


def organization_roster(session: Session, org_id: str, *, today: date | None = None) -> Roster:
    """The party member roster of one organization (full members first, then probationary)."""
    org = session.get(OrgRow, org_id)
    if org is None:
        raise YedaError(f"找不到单位：{org_id}", f"no organization with id {org_id}")
    po = covering_party_orgs(session, [org_id]).get(org_id)
    return Roster(
        record_id=org_id,
        organization_name=org.name,
        party_org_name=po.name if po else None,
        members=tuple(_roster_members(session, [org_id], with_org=False)),
        as_of=today or date.today(),
    )


def party_org_roster(session: Session, party_org_id: str, *, today: date | None = None) -> Roster:
    """The roster of a party organization: members of every organization it covers.

    For a joint branch the remarks column names each member's organization.
    """
    po = session.get(PartyOrg, party_org_id)
    if po is None:
        raise YedaError(f"找不到党组织：{party_org_id}", f"no party organization {party_org_id}")
    covered = session.execute(
        select(OrgRow.id, OrgRow.name)
        .join(PartyOrgCoverage, PartyOrgCoverage.organization_id == OrgRow.id)
        .where(PartyOrgCoverage.party_org_id == party_org_id)
        .order_by(OrgRow.name)
    ).all()
    ids = [str(r.id) for r in covered]
    names = [str(r.name) for r in covered]
    shown = "、".join(names[:3]) + (f"等 {len(names)} 家单位" if len(names) > 3 else "")
    return Roster(
        record_id=party_org_id,
        organization_name=shown or "（未覆盖单位）",
        party_org_name=po.name,
        members=tuple(_roster_members(session, ids, with_org=len(ids) > 1)),
        as_of=today or date.today(),
    )
