"""Local bookkeeping of package exchange: what came in or went out, quarantine, conflicts,
duplicates, redirects of merged-away records and export bookmarks (none of it travels)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yeda_desktop.models.base import Base, new_id, utcnow


class SyncPackage(Base):
    """One package this installation wrote or imported (receipts included), with its report.

    Refused packages are never recorded: a refusal writes nothing.
    """

    __tablename__ = "sync_packages"
    __table_args__ = (Index("ix_sync_packages_device_seq", "device_id", "kind", "sequence"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the package id
    kind: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(3))  # in, out
    device_id: Mapped[str] = mapped_column(String(128))  # source device of the package
    target_centre_id: Mapped[str] = mapped_column(String(128))
    officer: Mapped[str | None] = mapped_column(String(200))
    sequence: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64), index=True)
    previous_sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)  # as the manifest says
    handled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20))  # imported, exported, issued
    file_name: Mapped[str | None] = mapped_column(String(260))
    report: Mapped[str | None] = mapped_column(Text)  # JSON of the import report
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)  # receipt received


class QuarantinedPackage(Base):
    """A package from a key not (yet) trusted, kept aside with the reason until approval."""

    __tablename__ = "sync_quarantine"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    package_id: Mapped[str | None] = mapped_column(String(36), index=True)
    device_id: Mapped[str | None] = mapped_column(String(128), index=True)
    kind: Mapped[str | None] = mapped_column(String(20))
    sequence: Mapped[int | None] = mapped_column(Integer)
    problem: Mapped[str] = mapped_column(String(40))
    reason_zh: Mapped[str] = mapped_column(Text)
    reason_en: Mapped[str] = mapped_column(Text)
    stored_path: Mapped[str] = mapped_column(String(500))
    original_name: Mapped[str | None] = mapped_column(String(260))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="waiting")  # imported, discarded
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncConflict(Base):
    """Concurrent edits of one field by different devices: the value applied, the base,
    each side with its provenance, and the administrator's resolution."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (UniqueConstraint("table_name", "record_id", "field"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    base_value: Mapped[str | None] = mapped_column(Text)  # JSON
    applied_value: Mapped[str | None] = mapped_column(Text)  # JSON, the deterministic winner
    sides: Mapped[str] = mapped_column(Text)  # JSON list: device, value, at, officer, package
    signature: Mapped[str] = mapped_column(String(64))  # hash of the sides, to reopen on change
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # resolved
    resolved_value: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(60))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DuplicateCandidate(Base):
    """Two records that may be one organization; linked, or waiting to be merged or dismissed."""

    __tablename__ = "sync_duplicates"
    __table_args__ = (UniqueConstraint("table_name", "record_a", "record_b"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    record_a: Mapped[str] = mapped_column(String(36), index=True)  # record_a < record_b
    record_b: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(20))  # uscc, name_building, phone
    detail: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    survivor_id: Mapped[str | None] = mapped_column(String(36))
    decided_by: Mapped[str | None] = mapped_column(String(60))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RecordRedirect(Base):
    """A merged-away UUID and the surviving record later changes to it land on."""

    __tablename__ = "sync_redirects"

    old_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    new_id: Mapped[str] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(String(20))  # unique (automatic link), merged (by hand)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExportBookmark(Base):
    """Where the next export continues: last change-log seq, sequence number and chain hash."""

    __tablename__ = "sync_bookmarks"

    name: Mapped[str] = mapped_column(String(160), primary_key=True)
    last_change_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_package_id: Mapped[str | None] = mapped_column(String(36))
    last_package_sha256: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
