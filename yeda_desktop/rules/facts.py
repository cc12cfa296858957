"""The figures the gap rules look at for one organization, as one immutable value.

The sweep workspace evaluates rules on a *draft* while the officer types:
`dataclasses.replace(facts, staff_count=typed)` gives the facts to evaluate
without writing anything. `facts_for` reads them with the same SQL the
whole-database evaluation uses, narrowed to one organization.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam
from sqlalchemy.orm import Session

from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.rules.context import EvaluationContext, default_context
from yeda_desktop.rules.facts_query import ORG_FORM_RANK, facts_select

_RANK_FORM = {rank: form for form, rank in ORG_FORM_RANK.items()}


@dataclass(frozen=True)
class OrgFacts:
    organization_id: str | None
    staff_count: int | None
    reported_member_count: int | None
    full_members: int = 0
    probationary_members: int = 0
    covering_party_orgs: int = 0
    # Non-joint party organizations covering it, and the highest form among them.
    own_party_orgs: int = 0
    own_org_type: PartyOrgType | None = None
    # Instructor assignments active on the evaluation date.
    instructors: int = 0
    ownership: str | None = None
    has_party_activities: bool = False
    has_party_guarantees: bool = False
    # Members (full or probationary) whose relation is recorded as not transferred.
    floating_members: int = 0
    uscc: str | None = None
    invalid_id_numbers: int = 0
    # Units it occupies; of those, not visited in the current campaign / latest visit "revisit".
    units: int = 0
    units_unvisited: int = 0
    units_revisit: int = 0
    # Verified in the current campaign (True when there is no current campaign).
    verified: bool = True

    @property
    def registered_members(self) -> int:
        return self.full_members + self.probationary_members

    @property
    def known_members(self) -> int:
        """Members registered by name, or reported as a number if more."""
        return max(self.registered_members, self.reported_member_count or 0)

    @property
    def covered(self) -> bool:
        return self.covering_party_orgs > 0


def facts_from_row(row: Any) -> OrgFacts:
    """OrgFacts from one row of `facts_query.facts_select`."""
    rank = int(row.own_rank)
    return OrgFacts(
        organization_id=row.organization_id,
        staff_count=row.staff_count,
        reported_member_count=row.reported_member_count,
        full_members=int(row.full_members),
        probationary_members=int(row.probationary_members),
        covering_party_orgs=int(row.covering_party_orgs),
        own_party_orgs=int(row.own_party_orgs),
        own_org_type=_RANK_FORM.get(rank),
        instructors=int(row.instructors),
        ownership=row.ownership,
        has_party_activities=bool(row.has_party_activities),
        has_party_guarantees=bool(row.has_party_guarantees),
        floating_members=int(row.floating_members),
        uscc=row.uscc,
        invalid_id_numbers=int(row.invalid_id_numbers),
        units=int(row.units),
        units_unvisited=int(row.units_unvisited),
        units_revisit=int(row.units_revisit),
        verified=bool(row.verified),
    )


@lru_cache(maxsize=16)
def _one_org_select(ctx: EvaluationContext) -> Select[Any]:
    """The facts query for one organization given as a bound parameter, built once per context.

    Building the statement costs more than running it; live flags reuse it.
    """
    return facts_select(ctx, organization_id=bindparam("one_organization_id"))  # type: ignore[arg-type]


def facts_for(
    session: Session, organization_id: str, context: EvaluationContext | None = None
) -> OrgFacts:
    """The stored facts of one organization (KeyError if it does not exist)."""
    ctx = context or default_context(session)
    row = session.execute(
        _one_org_select(ctx), {"one_organization_id": organization_id}
    ).one_or_none()
    if row is None:
        raise KeyError(organization_id)
    return facts_from_row(row)
