"""A demo database shared by the DB-backed form tests (built once per session, read only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from yeda_desktop.demo import generate_demo
from yeda_desktop.ledger import reconcile
from yeda_desktop.models import Building, Organization, Person
from yeda_desktop.models.enums import PartyStatus
from yeda_desktop.services.record_lookup import organizations_in_building
from yeda_desktop.storage import Database, open_database

ORGS = 300
SEED = 6
TODAY = date(2024, 7, 1)


def build_demo(path: Path) -> Database:
    """A ~300-organization demo zone with its ledger reconciled."""
    db = open_database(path)
    generate_demo(db, ORGS, SEED)
    with db.session(officer="测试") as session:
        reconcile(session)
    return db


def busiest_building(db: Database) -> Building:
    """The building with the most organizations (a multi-page batch)."""
    with db.reader() as session:
        buildings = session.scalars(select(Building)).all()
        return max(buildings, key=lambda b: len(organizations_in_building(session, b.id)))


def org_with_members(db: Database) -> Organization:
    """An organization with a USCC and at least three party members."""
    with db.reader() as session:
        org_id = session.scalar(
            select(Person.organization_id)
            .join(Organization, Organization.id == Person.organization_id)
            .where(
                Person.party_status.in_([PartyStatus.FULL, PartyStatus.PROBATIONARY]),
                Organization.uscc.is_not(None),
            )
            .group_by(Person.organization_id)
            .having(func.count() >= 3)
            .order_by(func.count().desc(), Person.organization_id)
            .limit(1)
        )
        org = session.get(Organization, org_id)
        assert org is not None
        return org
