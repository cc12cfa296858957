"""Organizations ("two new" organizations), the units they occupy and their people."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import checks
from yeda_desktop.models.base import Base, Synced, enum_column
from yeda_desktop.models.enums import (
    INDUSTRY_SECTIONS,
    Gender,
    KeyIndustry,
    OrgKind,
    Ownership,
    PartyStatus,
    PersonRole,
)
from yeda_desktop.models.identifier_sql import invalid_id_number_where, invalid_uscc_where
from yeda_desktop.models.zone import Unit
from yeda_desktop.validation import (
    normalize_id_number,
    normalize_org_name,
    normalize_past_day,
    normalize_person_name,
    normalize_phone,
    normalize_uscc,
)

_PERSON_FIELDS_ZH = {"legal_rep": "法定代表人", "contact_name": "联系人"}


class Organization(Synced, Base):
    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(100), index=True)
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    kind: Mapped[OrgKind] = mapped_column(enum_column(OrgKind), default=OrgKind.ENTERPRISE)
    ownership: Mapped[Ownership] = mapped_column(enum_column(Ownership), default=Ownership.PRIVATE)
    industry_section: Mapped[str | None] = mapped_column(String(1))
    key_industry: Mapped[KeyIndustry | None] = mapped_column(enum_column(KeyIndustry))
    is_listed: Mapped[bool] = mapped_column(Boolean, default=False)
    is_above_size: Mapped[bool] = mapped_column(Boolean, default=False)
    is_key_enterprise: Mapped[bool] = mapped_column(Boolean, default=False)
    staff_count: Mapped[int | None] = mapped_column(Integer)
    reported_member_count: Mapped[int | None] = mapped_column(Integer)
    address: Mapped[str | None] = mapped_column(String(200))
    legal_rep: Mapped[str | None] = mapped_column(String(60))
    contact_name: Mapped[str | None] = mapped_column(String(60))
    contact_phone: Mapped[str | None] = mapped_column(String(30), index=True)
    # Foreign-invested "four haves": members and organization come from the data;
    # the role played and the guarantees (funds, venue) are recorded by the officer.
    has_party_activities: Mapped[bool] = mapped_column(Boolean, default=False)
    has_party_guarantees: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"), index=True)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)

    occupancies: Mapped[list[Occupancy]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )
    people: Mapped[list[Person]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )

    @validates("name")
    def _name(self, key: str, value: str) -> str:
        return normalize_org_name(value, key)

    @validates("uscc")
    def _uscc(self, key: str, value: str | None) -> str | None:
        return checks.optional(normalize_uscc, value, key)

    @validates("contact_phone")
    def _phone(self, key: str, value: str | None) -> str | None:
        return checks.optional(normalize_phone, value, key)

    @validates("staff_count")
    def _staff(self, key: str, value: int | None) -> int | None:
        return checks.count(value, key, "职工人数")

    @validates("reported_member_count")
    def _reported(self, key: str, value: int | None) -> int | None:
        return checks.count(value, key, "党员人数（自报）")

    @validates("industry_section")
    def _industry(self, key: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        section = value.strip().upper()
        if section not in INDUSTRY_SECTIONS:
            raise ValidationError(
                key, "行业门类", "应为国民经济行业分类门类A至T", "must be a GB/T 4754 section A-T"
            )
        return section

    @validates("address")
    def _address(self, key: str, value: str | None) -> str | None:
        return checks.text(value, key, "地址", 200)

    @validates("legal_rep", "contact_name")
    def _person_names(self, key: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        return normalize_person_name(value, key, _PERSON_FIELDS_ZH[key])


class Occupancy(Synced, Base):
    """One organization in one unit; an organization may occupy many units and floors."""

    __tablename__ = "occupancies"
    __table_args__ = (UniqueConstraint("organization_id", "unit_id"),)

    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)

    organization: Mapped[Organization] = relationship(back_populates="occupancies")
    unit: Mapped[Unit] = relationship()


class Person(Synced, Base):
    """Someone registered for an organization: staff, contact or party member."""

    __tablename__ = "people"

    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(60), index=True)
    gender: Mapped[Gender | None] = mapped_column(enum_column(Gender))
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(30), index=True)
    role: Mapped[PersonRole] = mapped_column(enum_column(PersonRole), default=PersonRole.STAFF)
    party_status: Mapped[PartyStatus] = mapped_column(
        enum_column(PartyStatus), default=PartyStatus.NONE
    )
    # Membership relation transferred into this organization's party org (False: floating).
    relation_transferred: Mapped[bool | None] = mapped_column(Boolean)
    join_date: Mapped[date | None] = mapped_column(Date)

    organization: Mapped[Organization] = relationship(back_populates="people")

    @validates("name")
    def _name(self, key: str, value: str) -> str:
        return normalize_person_name(value, key)

    @validates("id_number")
    def _id_number(self, key: str, value: str | None) -> str | None:
        return checks.optional(normalize_id_number, value, key)

    @validates("phone")
    def _phone(self, key: str, value: str | None) -> str | None:
        return checks.optional(normalize_phone, value, key)

    @validates("join_date")
    def _join_date(self, key: str, value: date | str | None) -> date | None:
        return normalize_past_day(value, key, "入党日期")

    @property
    def is_member(self) -> bool:
        return self.party_status in (PartyStatus.FULL, PartyStatus.PROBATIONARY)


# Only the rows whose stored identifier fails its check (normally none): kept up to date by
# the database on every write path, so the data-quality rule never re-checks them all.
Index("ix_people_invalid_id_number", Person.organization_id,
      sqlite_where=text(invalid_id_number_where()),
      postgresql_where=text(invalid_id_number_where("postgresql")))
Index("ix_organizations_invalid_uscc", Organization.id, sqlite_where=text(invalid_uscc_where()),
      postgresql_where=text(invalid_uscc_where("postgresql")))
# The gap rules' member counts per organization, read from the index alone.
Index("ix_people_org_party", Person.organization_id, Person.party_status,
      Person.relation_transferred)
