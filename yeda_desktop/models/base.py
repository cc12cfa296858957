"""Declarative base and the columns every travelling row carries.

Rows that move between laptops and the centre get a UUID made where they were
created, a revision bumped on every change, and timestamps; the change log
(see storage.audit) records each field change against them.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Enum, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC, the one spelling of time stored in every engine."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return str(uuid.uuid4())


def enum_column(enum_cls: type[StrEnum]) -> Enum:
    """Store an enum as its lower-case code in a VARCHAR, portable to PostgreSQL."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Synced:
    """Mixin for rows that travel: UUID primary key, revision and timestamps."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    revision: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    # Columns managed by the storage layer itself, never logged as field changes.
    BOOKKEEPING = frozenset({"id", "revision", "created_at", "updated_at"})

    def logged_fields(self) -> dict[str, Any]:
        """Column values the change log records for this row."""
        table = self.__table__  # type: ignore[attr-defined]
        return {
            col.key: getattr(self, col.key)
            for col in table.columns
            if col.key not in self.BOOKKEEPING
        }
