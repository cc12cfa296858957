"""Devices (field laptops and the centre) and their public keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yeda_desktop.models.base import Base, Synced, enum_column
from yeda_desktop.models.enums import DeviceRole, DeviceStatus


class Device(Synced, Base):
    __tablename__ = "devices"

    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[DeviceRole] = mapped_column(enum_column(DeviceRole), default=DeviceRole.LAPTOP)
    status: Mapped[DeviceStatus] = mapped_column(
        enum_column(DeviceStatus), default=DeviceStatus.PENDING
    )
    team: Mapped[str | None] = mapped_column(String(60))
    officer: Mapped[str | None] = mapped_column(String(60))
    signing_public_key: Mapped[str | None] = mapped_column(Text)
    encryption_public_key: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
