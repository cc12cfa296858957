"""One set-based SQL query giving every organization's rule facts at once.

Each aggregate (people, coverage, instructors, units and visits) is a grouped
subquery joined to organizations; given one organization id, every subquery is
narrowed to it first, so the same query serves live flags in milliseconds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Subquery,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal

from yeda_desktop.models import (
    InstructorAssignment,
    Occupancy,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Visit,
)
from yeda_desktop.models.enums import PartyOrgType, PartyStatus, VisitOutcome
from yeda_desktop.models.identifier_sql import invalid_id_number, invalid_uscc
from yeda_desktop.rules.context import EvaluationContext

ORG_FORM_RANK: dict[PartyOrgType, int] = {
    PartyOrgType.BRANCH: 1,
    PartyOrgType.GENERAL_BRANCH: 2,
    PartyOrgType.COMMITTEE: 3,
}


class SortableTime(ColumnElement[str]):
    """A timestamp as fixed-width text that sorts as the time does (to key a latest row).

    SQLite stores SQLAlchemy's DateTime as such text already ("2026-06-01 09:00:00.000000");
    PostgreSQL's cast drops zero microseconds ("09:00:00" but "09:00:00.000001"), so there
    the text is written out with to_char.
    """

    type = String()
    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 - SQLAlchemy's class-level declaration
        ("timestamp", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, timestamp: Any) -> None:
        self.timestamp = timestamp


@compiles(SortableTime)
def _sortable_time_cast(element: SortableTime, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(cast(element.timestamp, String), **kw)


@compiles(SortableTime, "postgresql")
def _sortable_time_to_char(element: SortableTime, compiler: SQLCompiler, **kw: Any) -> str:
    text = func.to_char(element.timestamp, literal_column("'YYYY-MM-DD HH24:MI:SS.US'"))
    return compiler.process(text, **kw)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """count(*) FILTER (WHERE …): fewer steps per row than sum(CASE …) on both engines."""
    return func.count().filter(condition)


def facts_select(
    ctx: EvaluationContext, *, organization_id: str | None = None, identifiers: bool = True
) -> Select[Any]:
    """Columns named after OrgFacts' fields (own_rank for own_org_type).

    `identifiers=False` leaves invalid identifiers out (invalid_id_numbers and
    uscc_invalid are 0). uscc_invalid (0/1) has no OrgFacts field: Python checks `uscc`.
    """

    def narrow(column: Any) -> ColumnElement[bool]:
        return true() if organization_id is None else column == organization_id

    is_member = Person.party_status.in_([PartyStatus.FULL, PartyStatus.PROBATIONARY])
    people = (
        select(
            Person.organization_id.label("oid"),
            _count_if(Person.party_status == PartyStatus.FULL).label("full"),
            _count_if(Person.party_status == PartyStatus.PROBATIONARY).label("prob"),
            _count_if(and_(is_member, Person.relation_transferred == false())).label("floating"),
        )
        .where(narrow(Person.organization_id))
        .group_by(Person.organization_id)
        .subquery("people_agg")
    )

    # Invalid identifiers are read from their partial indexes (a handful of entries), never
    # re-checked here: the condition (values inlined) is the index's, see models.identifier_sql.
    bad_ids = (
        select(Person.organization_id.label("oid"), func.count().label("n"))
        .where(invalid_id_number(literal_column("id_number")), narrow(Person.organization_id))
        .group_by(Person.organization_id)
        .subquery("bad_id_agg")
    )
    bad_usccs = (
        select(Organization.id.label("oid"))
        .where(invalid_uscc(literal_column("uscc")), narrow(Organization.id))
        .group_by(Organization.id)  # materialized from the index, not flattened into a lookup
        .subquery("bad_uscc")
    )

    own = PartyOrg.type != PartyOrgType.JOINT_BRANCH
    rank = case(
        *((PartyOrg.type == form, value) for form, value in ORG_FORM_RANK.items()), else_=0
    )
    coverage = (
        select(
            PartyOrgCoverage.organization_id.label("oid"),
            func.count().label("covering"),
            _count_if(own).label("own"),
            func.max(rank).label("own_rank"),
        )
        .join(PartyOrg, PartyOrg.id == PartyOrgCoverage.party_org_id)
        .where(narrow(PartyOrgCoverage.organization_id))
        .group_by(PartyOrgCoverage.organization_id)
        .subquery("coverage_agg")
    )

    active = and_(
        or_(InstructorAssignment.starts_on.is_(None), InstructorAssignment.starts_on <= ctx.as_of),
        or_(InstructorAssignment.ends_on.is_(None), InstructorAssignment.ends_on >= ctx.as_of),
    )
    instructors = (
        select(InstructorAssignment.organization_id.label("oid"), func.count().label("n"))
        .where(active, narrow(InstructorAssignment.organization_id))
        .group_by(InstructorAssignment.organization_id)
        .subquery("instructor_agg")
    )

    units = _units_subquery(ctx, organization_id)

    verified: ColumnElement[bool]
    if ctx.campaign_id is None:
        verified = true()
    else:
        verified = func.coalesce(Organization.verified_campaign_id == ctx.campaign_id, false())

    def zero(column: ColumnElement[int]) -> ColumnElement[int]:
        return func.coalesce(column, 0)

    columns: list[Any] = [
        Organization.id.label("organization_id"),
        Organization.staff_count,
        Organization.reported_member_count,
        zero(people.c.full).label("full_members"),
        zero(people.c.prob).label("probationary_members"),
        zero(coverage.c.covering).label("covering_party_orgs"),
        zero(coverage.c.own).label("own_party_orgs"),
        zero(coverage.c.own_rank).label("own_rank"),
        zero(instructors.c.n).label("instructors"),
        Organization.ownership,
        Organization.has_party_activities,
        Organization.has_party_guarantees,
        zero(people.c.floating).label("floating_members"),
        Organization.uscc,
        (zero(bad_ids.c.n) if identifiers else literal(0, Integer)).label("invalid_id_numbers"),
        (
            case((bad_usccs.c.oid.is_not(None), 1), else_=0) if identifiers
            else literal(0, Integer)
        ).label("uscc_invalid"),
        zero(units.c.units).label("units"),
        zero(units.c.unvisited).label("units_unvisited"),
        zero(units.c.revisit).label("units_revisit"),
        verified.label("verified"),
    ]
    query = (
        select(*columns)
        .select_from(Organization)
        .outerjoin(people, people.c.oid == Organization.id)
        .outerjoin(coverage, coverage.c.oid == Organization.id)
        .outerjoin(instructors, instructors.c.oid == Organization.id)
        .outerjoin(units, units.c.oid == Organization.id)
    )
    if identifiers:
        query = query.outerjoin(bad_ids, bad_ids.c.oid == Organization.id).outerjoin(
            bad_usccs, bad_usccs.c.oid == Organization.id
        )
    if organization_id is not None:
        query = query.where(Organization.id == organization_id)
    return query


def _units_subquery(ctx: EvaluationContext, organization_id: str | None) -> Subquery:
    """Per organization: units occupied, not visited in the campaign, latest visit "revisit"."""
    occupied = select(Occupancy.unit_id, Occupancy.organization_id)
    if organization_id is not None:
        occupied = occupied.where(Occupancy.organization_id == organization_id)
    occ = occupied.subquery("occ")
    if ctx.campaign_id is None:
        return (
            select(
                occ.c.organization_id.label("oid"),
                func.count().label("units"),
                literal(0, Integer).label("unvisited"),
                literal(0, Integer).label("revisit"),
            )
            .group_by(occ.c.organization_id)
            .subquery("units_agg")
        )
    # Per unit, the key of its latest visit in the campaign (time, then id, as text) and
    # the key of its latest "revisit" visit: the unit awaits a revisit when they are equal.
    key = SortableTime(Visit.visited_at).concat(Visit.id)
    latest = (
        select(
            Visit.unit_id,
            func.max(key).label("last_key"),
            func.max(case((Visit.outcome == VisitOutcome.REVISIT, key))).label("revisit_key"),
        )
        .group_by(Visit.unit_id)
    )
    if organization_id is None:
        latest = latest.where(Visit.campaign_id == ctx.campaign_id)
    else:
        # Reach the few visits through the organization's units, not through the campaign
        # index (tens of thousands of rows): the campaign test is kept out of any index.
        latest = latest.where(
            Visit.unit_id.in_(select(occ.c.unit_id)),
            func.coalesce(Visit.campaign_id, "") == ctx.campaign_id,
        )
    last = latest.subquery("latest_visits")
    return (
        select(
            occ.c.organization_id.label("oid"),
            func.count().label("units"),
            _count_if(last.c.unit_id.is_(None)).label("unvisited"),
            _count_if(last.c.revisit_key == last.c.last_key).label("revisit"),
        )
        .select_from(occ)
        .outerjoin(last, last.c.unit_id == occ.c.unit_id)
        .group_by(occ.c.organization_id)
        .subquery("units_agg")
    )
