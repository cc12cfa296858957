"""A small world for ledger tests: organizations built through the ORM, as the app writes them."""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy.orm import Session

from yeda_desktop.models import Campaign, Organization, Person
from yeda_desktop.models.enums import PartyStatus
from yeda_desktop.storage import Database


@pytest.fixture
def db(any_db: Database) -> Database:
    """The ledger runs on both engines: a SQLite file, then a PostgreSQL database."""
    return any_db


class World:
    def __init__(self, session: Session) -> None:
        self.session = session

    def campaign(self, year: int, current: bool = True) -> Campaign:
        campaign = Campaign(name=f"{year}年集中扫楼月", year=year, is_current=current)
        self.session.add(campaign)
        self.session.flush()
        return campaign

    def org(self, name: str, staff: int | None = None, full_members: int = 0,
            campaign: Campaign | None = None) -> Organization:
        org = Organization(name=name, staff_count=staff,
                           verified_campaign_id=campaign.id if campaign else None)
        self.session.add(org)
        self.session.flush()
        for _ in range(full_members):
            self.session.add(Person(organization_id=org.id, name="党员甲",
                                    party_status=PartyStatus.FULL, relation_transferred=True))
        self.session.flush()
        return org


@pytest.fixture
def world() -> type[World]:
    return World


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every ledger test runs twice, unless it compares the two write paths itself."""
    if "write_path" in metafunc.fixturenames and not metafunc.definition.get_closest_marker(
        "both_write_paths"
    ):
        metafunc.parametrize("write_path", ["orm", "batches"], indirect=True)


@pytest.fixture(autouse=True)
def write_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Gap writes through the ORM, or in logged batches (see pytest_generate_tests)."""
    param = str(getattr(request, "param", "orm"))
    if param == "batches":
        # The package exports the function under the module's name, so import the module.
        module = importlib.import_module("yeda_desktop.ledger.reconcile")
        monkeypatch.setattr(module, "ORM_WRITE_LIMIT", -1)
    return param
