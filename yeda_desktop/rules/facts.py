"""The figures the gap rules look at for one organization, as one immutable value.

The sweep workspace evaluates rules on a *draft* while the officer types:
`dataclasses.replace(facts, staff_count=typed)` gives the facts to evaluate
without writing anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.models import Organization, PartyOrg, PartyOrgCoverage, Person
from yeda_desktop.models.enums import PartyStatus


@dataclass(frozen=True)
class OrgFacts:
    organization_id: str | None
    staff_count: int | None
    reported_member_count: int | None
    full_members: int = 0
    probationary_members: int = 0
    covering_party_orgs: int = 0

    @property
    def registered_members(self) -> int:
        return self.full_members + self.probationary_members

    @property
    def known_members(self) -> int:
        """Members registered by name, or reported as a number if more."""
        return max(self.registered_members, self.reported_member_count or 0)


def facts_for(session: Session, organization_id: str) -> OrgFacts:
    org = session.get(Organization, organization_id)
    if org is None:
        raise KeyError(organization_id)
    counts = dict(
        session.execute(
            select(Person.party_status, func.count())
            .where(Person.organization_id == organization_id)
            .group_by(Person.party_status)
        ).tuples()
    )
    covering = session.scalar(
        select(func.count())
        .select_from(PartyOrgCoverage)
        .join(PartyOrg)
        .where(PartyOrgCoverage.organization_id == organization_id)
    )
    return OrgFacts(
        organization_id=organization_id,
        staff_count=org.staff_count,
        reported_member_count=org.reported_member_count,
        full_members=counts.get(PartyStatus.FULL, 0),
        probationary_members=counts.get(PartyStatus.PROBATIONARY, 0),
        covering_party_orgs=covering or 0,
    )
