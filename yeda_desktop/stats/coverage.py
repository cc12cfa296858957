"""The two coverages (两个覆盖) by group, now or as of a past date.

Organization coverage: a party organization (own or joint) covers it. Work
coverage: covered by an organization, or else an instructor is assigned; the
work-only count is the second kind alone. "As of" counts organizations,
coverages and instructor assignments that existed on that day (from their
creation and start/end dates; coverages removed since are not reconstructed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from yeda_desktop.ledger.location import primary_location
from yeda_desktop.models import InstructorAssignment, Organization, PartyOrg, PartyOrgCoverage
from yeda_desktop.stats.dimensions import DIMENSIONS, group_key, place_names

__all__ = ["DIMENSIONS", "CoverageRow", "coverage_by"]


@dataclass(frozen=True)
class CoverageRow:
    group: str
    organizations: int
    org_covered: int
    work_only: int

    @property
    def work_covered(self) -> int:
        return self.org_covered + self.work_only

    @property
    def org_rate(self) -> float:
        return self.org_covered / self.organizations if self.organizations else 0.0

    @property
    def work_rate(self) -> float:
        return self.work_covered / self.organizations if self.organizations else 0.0


def coverage_by(
    session: Session, dimension: str = "all", as_of: date | None = None
) -> list[CoverageRow]:
    day = as_of or date.today()
    end = datetime.combine(day, time.max)
    covered_ids = (
        select(PartyOrgCoverage.organization_id)
        .join(PartyOrg, PartyOrg.id == PartyOrgCoverage.party_org_id)
        .where(
            PartyOrgCoverage.created_at <= end,
            or_(PartyOrg.established_on.is_(None), PartyOrg.established_on <= day),
        )
    )
    instructed_ids = select(InstructorAssignment.organization_id).where(
        or_(InstructorAssignment.starts_on.is_(None), InstructorAssignment.starts_on <= day),
        or_(InstructorAssignment.ends_on.is_(None), InstructorAssignment.ends_on >= day),
        InstructorAssignment.created_at <= end,
    )
    covered = Organization.id.in_(covered_ids)
    instructed = Organization.id.in_(instructed_ids)
    location = primary_location()
    key = group_key(dimension, location).label("grp")
    query = (
        select(
            key,
            func.count(),
            func.sum(case((covered, 1), else_=0)),
            func.sum(case((and_(~covered, instructed), 1), else_=0)),
        )
        .select_from(Organization)
        .outerjoin(location, location.c.organization_id == Organization.id)
        .where(Organization.created_at <= end)
        .group_by(key)
    )
    names = place_names(session, dimension)
    rows = [
        CoverageRow(names.get(str(g), str(g)), int(n), int(c or 0), int(w or 0))
        for g, n, c, w in session.execute(query).all()
    ]
    return sorted(rows, key=lambda r: r.group)
