"""A registered world for Excel tests: organizations, members, a gap, built through the ORM."""

from __future__ import annotations

from datetime import date

import pytest
from stdnum.cn import uscc as stdnum_uscc

from yeda_desktop.models import Gap, Organization, Person
from yeda_desktop.models.enums import Gender, Ownership, PartyStatus
from yeda_desktop.rules.identifier_checks import ID_CHECK, ID_WEIGHTS
from yeda_desktop.storage import Database


def make_uscc(n: int) -> str:
    body = f"9137060{n:010d}"
    return body + stdnum_uscc.calc_check_digit(body + "0")


def make_id(born: date, seq: int) -> str:
    body = f"110101{born:%Y%m%d}{seq:03d}"
    return body + ID_CHECK[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


@pytest.fixture
def db(any_db: Database) -> Database:
    """Excel exchange runs on both engines: a SQLite file, then a PostgreSQL database."""
    return any_db


@pytest.fixture
def registered(db: Database) -> Database:
    with db.session(officer="测试") as s:
        a = Organization(name="烟台业达示例科技有限公司", uscc=make_uscc(1), staff_count=120,
                         reported_member_count=2, ownership=Ownership.FOREIGN,
                         industry_section="C", address="长江路100号", legal_rep="王大明",
                         contact_phone="13800000001")
        b = Organization(name="烟台衡山路商贸有限公司", uscc=make_uscc(2), staff_count=8)
        s.add_all([a, b])
        s.flush()
        s.add_all([
            Person(organization_id=a.id, name="李红", gender=Gender.FEMALE,
                   id_number=make_id(date(1985, 3, 4), 12), party_status=PartyStatus.FULL,
                   relation_transferred=True, join_date=date(2010, 7, 1),
                   phone="13900000002"),
            Person(organization_id=a.id, name="张伟", gender=Gender.MALE,
                   id_number=make_id(date(1990, 11, 30), 31),
                   party_status=PartyStatus.PROBATIONARY, relation_transferred=False),
        ])
        s.add(Gap(organization_id=a.id, rule_id="no_party_org", detail_zh="=HYPERLINK(\"x\")",
                  due_on=date(2026, 8, 1)))
    return db
