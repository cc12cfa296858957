"""What the officer does at a unit: record the visit, register or attach its occupant."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import (
    Campaign,
    Occupancy,
    Organization,
    Person,
    Team,
    Visit,
    new_id,
    utcnow,
)
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.models.org_class import settle
from yeda_desktop.services.edits import Delete, Edit, Insert, Update, checked, snapshot
from yeda_desktop.services.ordering import code_point, dialect_of
from yeda_desktop.services.unique_values import refuse_taken

PERSON_FIELDS = ("name", "gender", "id_number", "phone", "party_status", "relation_transferred")


def current_campaign(session: Session) -> Campaign | None:
    return session.scalars(
        select(Campaign).where(Campaign.is_current.is_(True))
        .order_by(Campaign.year.desc(), Campaign.id)  # as the rules take it (rules.context)
    ).first()


def ensure_current_campaign(session: Session, today: date | None = None) -> Campaign:
    """The current sweep campaign, creating this year's building-sweep month if there is none."""
    found = current_campaign(session)
    if found is not None:
        return found
    year = (today or date.today()).year
    campaign = Campaign(name=f"{year}年集中扫楼月", year=year, is_current=True)
    session.add(campaign)
    session.flush()
    return campaign


def team_of(session: Session, campaign_id: str, name: str) -> str | None:
    """The id of the campaign's team called `name` (as the officer set it), if there is one."""
    clean = name.strip()
    if not clean:
        return None
    return session.scalar(
        select(Team.id).where(Team.campaign_id == campaign_id, Team.name == clean).limit(1)
    )


def record_visit(
    session: Session,
    unit_id: str,
    campaign_id: str,
    outcome: VisitOutcome,
    officer: str | None = None,
    note: str | None = None,
    team_id: str | None = None,
) -> Edit:
    values = {
        "id": new_id(),
        "unit_id": unit_id,
        "campaign_id": campaign_id,
        "outcome": outcome,
        "officer": officer,
        "team_id": team_id,
        "note": note,
        "visited_at": utcnow(),
    }
    return Edit(f"走访：{outcome.zh}", f"Visit: {outcome.value}", (Insert(Visit, values),))


def _registered_visit(
    session: Session, unit_id: str, campaign_id: str, officer: str | None, team_id: str | None
) -> list[Insert]:
    latest = session.scalar(
        select(Visit.outcome)
        .where(Visit.unit_id == unit_id, Visit.campaign_id == campaign_id)
        .order_by(Visit.visited_at.desc())
        .limit(1)
    )
    if latest == VisitOutcome.REGISTERED:
        return []
    visit = record_visit(
        session, unit_id, campaign_id, VisitOutcome.REGISTERED, officer, team_id=team_id
    )
    return list(visit.steps)  # type: ignore[arg-type]


def register_organization(
    session: Session,
    unit_id: str,
    name: str,
    campaign_id: str,
    officer: str | None = None,
    team_id: str | None = None,
    **fields: Any,
) -> Edit:
    """A new organization in the unit with a "registered" visit, validated before saving."""
    values: dict[str, Any] = {"id": new_id(), "name": checked(Organization, "name", name)}
    for key, value in fields.items():
        values[key] = checked(Organization, key, value)
    values["kind"], values["ownership"] = settle(values.get("kind"), values.get("ownership"))
    refuse_taken(session, Organization, "uscc", values.get("uscc"), values["id"])
    steps: list[Insert] = [
        Insert(Organization, values),
        Insert(Occupancy, {"id": new_id(), "organization_id": values["id"], "unit_id": unit_id}),
        *_registered_visit(session, unit_id, campaign_id, officer, team_id),
    ]
    return Edit(f"登记单位 {values['name']}", f"Register {values['name']}", tuple(steps))


def attach_organization(
    session: Session,
    unit_id: str,
    organization_id: str,
    campaign_id: str,
    officer: str | None = None,
    team_id: str | None = None,
) -> Edit:
    """An existing organization (e.g. last year's baseline) found in this unit, and confirmed."""
    org = session.get(Organization, organization_id)
    if org is None:
        raise LookupError(organization_id)
    already = session.scalar(
        select(Occupancy.id).where(
            Occupancy.unit_id == unit_id, Occupancy.organization_id == organization_id
        )
    )
    steps: list[Insert | Update] = []
    if already is None:
        steps.append(
            Insert(
                Occupancy, {"id": new_id(), "organization_id": organization_id, "unit_id": unit_id}
            )
        )
    steps += _registered_visit(session, unit_id, campaign_id, officer, team_id)
    steps += confirm_organization(session, organization_id, campaign_id).steps  # type: ignore[arg-type]
    return Edit(f"关联单位 {org.name}", f"Attach {org.name}", tuple(steps))


def confirm_organization(session: Session, organization_id: str, campaign_id: str) -> Edit:
    """Mark the organization's record as checked in this campaign."""
    org = session.get(Organization, organization_id)
    if org is None:
        raise LookupError(organization_id)
    steps: list[Update] = []
    if org.verified_campaign_id != campaign_id:
        steps.append(
            Update(
                Organization, org.id, "verified_campaign_id", org.verified_campaign_id, campaign_id
            )
        )
        steps.append(Update(Organization, org.id, "verified_at", org.verified_at, utcnow()))
    return Edit(f"核实单位 {org.name}", f"Confirm {org.name}", tuple(steps))


def detach_organization(session: Session, unit_id: str, organization_id: str) -> Edit:
    occupancy = session.scalars(
        select(Occupancy).where(
            Occupancy.unit_id == unit_id, Occupancy.organization_id == organization_id
        )
    ).first()
    if occupancy is None:
        raise LookupError(organization_id)
    return Edit("移出单位", "Remove from unit", (Delete(Occupancy, snapshot(occupancy)),))


def organizations_in_unit(session: Session, unit_id: str) -> list[Organization]:
    return list(
        session.scalars(
            select(Organization)
            .join(Occupancy, Occupancy.organization_id == Organization.id)
            .where(Occupancy.unit_id == unit_id)
            .order_by(code_point(Organization.name, dialect_of(session)))
        )
    )


def add_person(session: Session, organization_id: str, **fields: Any) -> Edit:
    """A new person of the organization; `name` is required, the rest as typed (validated now)."""
    if "name" not in fields:
        raise ValidationError("name", "姓名", "不能为空", "must not be empty")
    values: dict[str, Any] = {"id": new_id(), "organization_id": organization_id}
    for key, value in fields.items():
        values[key] = checked(Person, key, value)
    name = values["name"]
    return Edit(f"添加人员 {name}", f"Add person {name}", (Insert(Person, values),))


def remove_person(session: Session, person_id: str) -> Edit:
    person = session.get(Person, person_id)
    if person is None:
        raise LookupError(person_id)
    steps = (Delete(Person, snapshot(person)),)
    return Edit(f"删除人员 {person.name}", f"Remove {person.name}", steps)


def people_of(session: Session, organization_id: str) -> list[Person]:
    return list(
        session.scalars(
            select(Person)
            .where(Person.organization_id == organization_id)
            .order_by(Person.created_at, code_point(Person.id, dialect_of(session)))
        )
    )
