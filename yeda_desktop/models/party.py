"""Party organizations, the organizations each covers, and instructors."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from yeda_desktop.models import checks
from yeda_desktop.models.base import Base, Synced, enum_column
from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.models.organization import Organization, Person
from yeda_desktop.validation import normalize_org_name, normalize_person_name, normalize_phone


class PartyOrg(Synced, Base):
    """A committee, general branch, branch or joint branch.

    An organization's *own* party organization is a non-joint one covering it;
    a joint branch covers several neighbours at once.
    """

    __tablename__ = "party_orgs"

    name: Mapped[str] = mapped_column(String(100), index=True)
    type: Mapped[PartyOrgType] = mapped_column(enum_column(PartyOrgType))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("party_orgs.id"), index=True)
    secretary_id: Mapped[str | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    secretary_name: Mapped[str | None] = mapped_column(String(60))
    established_on: Mapped[date | None] = mapped_column(Date)

    coverages: Mapped[list[PartyOrgCoverage]] = relationship(
        back_populates="party_org", cascade="all, delete-orphan"
    )
    secretary: Mapped[Person | None] = relationship()

    @validates("name")
    def _name(self, key: str, value: str) -> str:
        return normalize_org_name(value, key, "党组织名称")

    @validates("secretary_name")
    def _secretary(self, key: str, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        return normalize_person_name(value, key, "书记姓名")


class PartyOrgCoverage(Synced, Base):
    """Party organization P covers organization O (many-to-many)."""

    __tablename__ = "party_org_coverages"
    __table_args__ = (UniqueConstraint("party_org_id", "organization_id"),)

    party_org_id: Mapped[str] = mapped_column(
        ForeignKey("party_orgs.id", ondelete="CASCADE"), index=True
    )
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )

    party_org: Mapped[PartyOrg] = relationship(back_populates="coverages")
    organization: Mapped[Organization] = relationship()


class Instructor(Synced, Base):
    """A party-building instructor sent to organizations without their own party org."""

    __tablename__ = "instructors"

    name: Mapped[str] = mapped_column(String(60), index=True)
    phone: Mapped[str | None] = mapped_column(String(30))
    employer: Mapped[str | None] = mapped_column(String(100))

    assignments: Mapped[list[InstructorAssignment]] = relationship(
        back_populates="instructor", cascade="all, delete-orphan"
    )

    @validates("name")
    def _name(self, key: str, value: str) -> str:
        return normalize_person_name(value, key, "党建指导员姓名")

    @validates("phone")
    def _phone(self, key: str, value: str | None) -> str | None:
        return checks.optional(normalize_phone, value, key)


class InstructorAssignment(Synced, Base):
    __tablename__ = "instructor_assignments"

    instructor_id: Mapped[str] = mapped_column(
        ForeignKey("instructors.id", ondelete="CASCADE"), index=True
    )
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)

    instructor: Mapped[Instructor] = relationship(back_populates="assignments")
    organization: Mapped[Organization] = relationship()
