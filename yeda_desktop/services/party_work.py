"""What closes the sweep's coverage gaps, recorded as undoable edits: an organization joins
a party organization (its own, or a joint branch with its neighbours) or leaves one, a new
party organization is formed, an instructor is sent or his assignment ends.

The rules read coverage and instructors from these rows (rules.facts_query); without them
a gap could only be closed on the ledger while the rule still fired on the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError, YedaError
from yeda_desktop.models import (
    Floor,
    Instructor,
    InstructorAssignment,
    Occupancy,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Unit,
    new_id,
)
from yeda_desktop.models.enums import PartyOrgType, PartyStatus
from yeda_desktop.services.edits import Delete, Edit, Insert, Update, checked, snapshot


@dataclass(frozen=True)
class Covering:
    """A party organization covering an organization, and how many it covers in all."""

    coverage_id: str
    party_org_id: str
    name: str
    type: PartyOrgType
    covers: int

    def words(self) -> str:
        return f"{self.name}（{self.type.zh}）"


@dataclass(frozen=True)
class Assignment:
    assignment_id: str
    instructor_id: str
    name: str
    phone: str | None
    employer: str | None
    starts_on: date | None
    ends_on: date | None

    def active_on(self, day: date) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or self.ends_on >= day)

    def words(self) -> str:
        since = f"，自 {self.starts_on.isoformat()}" if self.starts_on else ""
        until = f"，至 {self.ends_on.isoformat()}" if self.ends_on else ""
        phone = f" {self.phone}" if self.phone else ""
        return f"{self.name}{phone}{since}{until}"


@dataclass(frozen=True)
class PartyOrgChoice:
    """A party organization an organization could join; `nearby`: it covers an organization
    in the same building (a joint branch is formed with the neighbours)."""

    party_org_id: str
    name: str
    type: PartyOrgType
    covers: int
    nearby: bool


@dataclass(frozen=True)
class PartyOrgRow:
    """A party organization as the list of them shows it, with the organizations it covers."""

    party_org_id: str
    name: str
    type: PartyOrgType
    secretary: str | None
    established_on: date | None
    covered: tuple[tuple[str, str], ...]  # (organization id, name), by name

    def holds(self, typed: str) -> bool:
        """Whether its name, secretary or an organization's name holds `typed`."""
        needle = typed.strip().lower()
        return not needle or needle in " ".join(
            (self.name, self.secretary or "", *(name for _, name in self.covered))).lower()


def party_org_rows(session: Session) -> list[PartyOrgRow]:
    """Every party organization with the organizations it covers, by name."""
    covered: dict[str, list[tuple[str, str]]] = {}
    for party_id, org_id, org_name in session.execute(
            select(PartyOrgCoverage.party_org_id, Organization.id, Organization.name)
            .join(Organization, Organization.id == PartyOrgCoverage.organization_id)):
        covered.setdefault(str(party_id), []).append((str(org_id), str(org_name)))
    rows = [
        PartyOrgRow(str(party_id), str(name), kind, secretary, established,
                    tuple(sorted(covered.get(str(party_id), []), key=lambda o: (o[1], o[0]))))
        for party_id, name, kind, secretary, established in session.execute(
            select(PartyOrg.id, PartyOrg.name, PartyOrg.type, PartyOrg.secretary_name,
                   PartyOrg.established_on))]
    return sorted(rows, key=lambda r: (r.name, r.party_org_id))


def _organization(session: Session, org_id: str) -> Organization:
    org = session.get(Organization, org_id)
    if org is None:
        raise YedaError("该单位已不存在", "the organization no longer exists")
    return org


def _covers_counts(session: Session, party_org_ids: list[str] | None) -> dict[str, int]:
    """How many organizations each covers (None: every party organization, in one pass
    rather than a list of ids as long as a centre's party organizations)."""
    query = (select(PartyOrgCoverage.party_org_id, func.count())
             .group_by(PartyOrgCoverage.party_org_id))
    if party_org_ids is not None:
        if not party_org_ids:
            return {}
        query = query.where(PartyOrgCoverage.party_org_id.in_(party_org_ids))
    return {str(p): int(n) for p, n in session.execute(query)}


def coverage_of(session: Session, org_id: str) -> list[Covering]:
    """The party organizations covering the organization, its own ones first."""
    rows = session.execute(
        select(PartyOrgCoverage.id, PartyOrg.id, PartyOrg.name, PartyOrg.type)
        .join(PartyOrg, PartyOrg.id == PartyOrgCoverage.party_org_id)
        .where(PartyOrgCoverage.organization_id == org_id)).all()
    counts = _covers_counts(session, [str(r[1]) for r in rows])
    found = [Covering(str(c), str(p), str(n), t, counts.get(str(p), 0)) for c, p, n, t in rows]
    return sorted(found, key=lambda c: (c.type is PartyOrgType.JOINT_BRANCH,
                                        c.name, c.party_org_id))


def assignments_of(session: Session, org_id: str) -> list[Assignment]:
    """The organization's instructors, the latest assignment first."""
    rows = session.execute(
        select(InstructorAssignment.id, Instructor.id, Instructor.name, Instructor.phone,
               Instructor.employer, InstructorAssignment.starts_on, InstructorAssignment.ends_on)
        .join(Instructor, Instructor.id == InstructorAssignment.instructor_id)
        .where(InstructorAssignment.organization_id == org_id)).all()
    found = [Assignment(str(a), str(i), str(n), p, e, s, end) for a, i, n, p, e, s, end in rows]
    return sorted(found, key=lambda a: (a.ends_on is not None, -(a.starts_on or date.min)
                                        .toordinal(), a.assignment_id))


def full_members(session: Session, org_id: str) -> int:
    """Three full members or more should form their own branch (the party constitution)."""
    return int(session.scalar(select(func.count()).select_from(Person).where(
        Person.organization_id == org_id, Person.party_status == PartyStatus.FULL)) or 0)


def _buildings_of(session: Session, org_id: str) -> set[str]:
    return {str(b) for b in session.scalars(
        select(Floor.building_id).join(Unit, Unit.floor_id == Floor.id)
        .join(Occupancy, Occupancy.unit_id == Unit.id)
        .where(Occupancy.organization_id == org_id))}


def party_org_choices(session: Session, org_id: str) -> list[PartyOrgChoice]:
    """Every party organization the organization is not in yet; those covering a neighbour
    in its building first (joint branches before others), then by name."""
    already = {c.party_org_id for c in coverage_of(session, org_id)}
    buildings = _buildings_of(session, org_id)
    near: set[str] = set()
    if buildings:
        near = {str(p) for p in session.scalars(
            select(PartyOrgCoverage.party_org_id)
            .join(Occupancy, Occupancy.organization_id == PartyOrgCoverage.organization_id)
            .join(Unit, Unit.id == Occupancy.unit_id).join(Floor, Floor.id == Unit.floor_id)
            .where(Floor.building_id.in_(buildings)))}
    rows = [(str(i), str(n), t) for i, n, t in session.execute(
        select(PartyOrg.id, PartyOrg.name, PartyOrg.type)) if str(i) not in already]
    counts = _covers_counts(session, None)
    choices = [PartyOrgChoice(i, n, t, counts.get(i, 0), i in near) for i, n, t in rows]
    return sorted(choices, key=lambda c: (not c.nearby, c.type is not PartyOrgType.JOINT_BRANCH,
                                          c.name, c.party_org_id))


def join_party_org(session: Session, org_id: str, party_org_id: str) -> Edit:
    org = _organization(session, org_id)
    party = session.get(PartyOrg, party_org_id)
    if party is None:
        raise YedaError("该党组织已不存在", "the party organization no longer exists")
    if session.scalar(select(PartyOrgCoverage.id).where(
            PartyOrgCoverage.organization_id == org_id,
            PartyOrgCoverage.party_org_id == party_org_id)) is not None:
        raise YedaError(f"{org.name}已在{party.name}中", f"{org.name} is already in {party.name}")
    return Edit(f"纳入{party.name}", f"Join {party.name}", (
        Insert(PartyOrgCoverage, {"id": new_id(), "party_org_id": party_org_id,
                                  "organization_id": org_id}),))


def form_party_org(
    session: Session,
    org_id: str,
    name: str,
    type_: PartyOrgType,
    *,
    secretary_name: str | None = None,
    established_on: date | None = None,
    today: date | None = None,
) -> Edit:
    """A new party organization covering the organization (a joint branch: its neighbours
    join it afterwards)."""
    _organization(session, org_id)
    values = {"id": new_id(), "name": checked(PartyOrg, "name", name), "type": type_,
              "secretary_name": checked(PartyOrg, "secretary_name", secretary_name or None),
              "established_on": established_on}
    if established_on is not None and established_on > (today or date.today()):
        raise ValidationError("established_on", "成立日期", "不能晚于今天",
                              "must not be later than today")
    if session.scalar(select(PartyOrg.id).where(PartyOrg.name == values["name"])) is not None:
        raise ValidationError("name", "党组织名称", "已有同名党组织，请选择加入它",
                              "a party organization of this name exists; join it instead")
    return Edit(f"成立{values['name']}", f"Form {values['name']}", (
        Insert(PartyOrg, values),
        Insert(PartyOrgCoverage, {"id": new_id(), "party_org_id": values["id"],
                                  "organization_id": org_id}),
    ))


def change_party_org(
    session: Session,
    party_org_id: str,
    *,
    name: str | None = None,
    type_: PartyOrgType | None = None,
    secretary_name: str | None = None,
    established_on: date | None = None,
    today: date | None = None,
) -> Edit | None:
    """One edit of what is given and differs (a branch grown past fifty members becomes a
    general branch, a new secretary); None when nothing would change."""
    party = session.get(PartyOrg, party_org_id)
    if party is None:
        raise YedaError("该党组织已不存在", "the party organization no longer exists")
    wanted: dict[str, object] = {}
    if name is not None:
        wanted["name"] = checked(PartyOrg, "name", name)
        if session.scalar(select(PartyOrg.id).where(PartyOrg.name == wanted["name"],
                                                    PartyOrg.id != party_org_id)) is not None:
            raise ValidationError("name", "党组织名称", "已有同名党组织",
                                  "another party organization has this name")
    if type_ is not None:
        wanted["type"] = type_
    if secretary_name is not None:
        wanted["secretary_name"] = checked(PartyOrg, "secretary_name", secretary_name or None)
    if established_on is not None:
        if established_on > (today or date.today()):
            raise ValidationError("established_on", "成立日期", "不能晚于今天",
                                  "must not be later than today")
        wanted["established_on"] = established_on
    steps = tuple(Update(PartyOrg, party_org_id, field, getattr(party, field), value)
                  for field, value in wanted.items() if getattr(party, field) != value)
    if not steps:
        return None
    return Edit(f"修改{party.name}", f"Edit {party.name}", steps)


def leave_party_org(session: Session, coverage_id: str) -> Edit:
    row = session.get(PartyOrgCoverage, coverage_id)
    if row is None:
        raise YedaError("该单位已不在这个党组织中", "the organization is no longer in it")
    party = session.get(PartyOrg, row.party_org_id)
    name = party.name if party is not None else ""
    return Edit(f"移出{name}", f"Leave {name}", (Delete(PartyOrgCoverage, snapshot(row)),))


def send_instructor(
    session: Session,
    org_id: str,
    name: str,
    *,
    phone: str | None = None,
    employer: str | None = None,
    starts_on: date | None = None,
) -> Edit:
    """An instructor assigned to the organization from `starts_on`: one already on file
    (the same name and phone) is sent again rather than entered twice."""
    _organization(session, org_id)
    who = checked(Instructor, "name", name)
    number = checked(Instructor, "phone", phone or None)
    employer = (employer or "").strip() or None
    found = session.scalar(select(Instructor).where(
        Instructor.name == who,
        Instructor.phone == number if number is not None else Instructor.phone.is_(None)))
    steps: list[Insert] = []
    if found is None:
        instructor_id = new_id()
        steps.append(Insert(Instructor, {"id": instructor_id, "name": who, "phone": number,
                                         "employer": employer}))
    else:
        instructor_id = found.id
        day = starts_on or date.today()
        if session.scalar(select(InstructorAssignment.id).where(
                InstructorAssignment.instructor_id == instructor_id,
                InstructorAssignment.organization_id == org_id,
                or_(InstructorAssignment.ends_on.is_(None),
                    InstructorAssignment.ends_on >= day))) is not None:
            raise ValidationError("name", "党建指导员", "已在指导该单位",
                                  "is already this organization's instructor")
    steps.append(Insert(InstructorAssignment, {
        "id": new_id(), "instructor_id": instructor_id, "organization_id": org_id,
        "starts_on": starts_on, "ends_on": None}))
    return Edit(f"选派党建指导员 {who}", f"Send instructor {who}", tuple(steps))


def end_assignment(session: Session, assignment_id: str, ends_on: date) -> Edit:
    row = session.get(InstructorAssignment, assignment_id)
    if row is None:
        raise YedaError("该选派记录已不存在", "the assignment no longer exists")
    if row.ends_on is not None:
        raise YedaError(f"该选派已于 {row.ends_on.isoformat()} 结束",
                        f"the assignment ended on {row.ends_on.isoformat()}")
    if row.starts_on is not None and ends_on < row.starts_on:
        start = row.starts_on.isoformat()
        raise ValidationError("ends_on", "结束日期", f"不能早于开始日期 {start}",
                              f"must not be before the start, {start}")
    instructor = session.get(Instructor, row.instructor_id)
    who = instructor.name if instructor is not None else ""
    return Edit(f"结束指导员 {who} 的选派", f"End {who}'s assignment", (
        Update(InstructorAssignment, assignment_id, "ends_on", None, ends_on),))
