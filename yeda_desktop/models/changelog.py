"""The append-only change log: every field change of every travelling row.

It feeds the audit view, incremental batch export (changes after the last
exported `seq`) and field-level merging at the centre (`base_revision`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yeda_desktop.models.base import Base, new_id, utcnow


class ChangeLog(Base):
    __tablename__ = "change_log"
    # Only the index a query reads: by record (the audit view, the merge); the export
    # reads a range of seq. Each index more is written with every edit (migration 0007).
    __table_args__ = (Index("ix_change_log_record", "record_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), default=new_id, unique=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)  # JSON
    new_value: Mapped[str | None] = mapped_column(Text)  # JSON
    base_revision: Mapped[int] = mapped_column(Integer, default=0)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    officer: Mapped[str | None] = mapped_column(String(60))
    device_id: Mapped[str | None] = mapped_column(String(36))
    package_id: Mapped[str | None] = mapped_column(String(36))


class AppState(Base):
    """Local key/value state of this installation (never travels)."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
