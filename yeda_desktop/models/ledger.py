"""The special work ledger: gaps found by the rules and how each one closes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from yeda_desktop.models.base import Base, Synced, enum_column, utcnow
from yeda_desktop.models.enums import GapAction, GapStatus
from yeda_desktop.models.organization import Organization


class Gap(Synced, Base):
    """One shortfall of one organization against one rule, kept for history once closed."""

    __tablename__ = "gaps"

    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    rule_id: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[GapStatus] = mapped_column(
        enum_column(GapStatus), default=GapStatus.IDENTIFIED, index=True
    )
    detail_zh: Mapped[str | None] = mapped_column(String(300))
    detail_en: Mapped[str | None] = mapped_column(String(300))
    action: Mapped[GapAction | None] = mapped_column(enum_column(GapAction))
    responsible: Mapped[str | None] = mapped_column(String(60), index=True)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    evidence: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None] = mapped_column(Date)
    waived_reason: Mapped[str | None] = mapped_column(Text)
    waived_by: Mapped[str | None] = mapped_column(String(60))
    identified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    campaign_id: Mapped[str | None] = mapped_column(ForeignKey("campaigns.id"), index=True)

    organization: Mapped[Organization] = relationship()
    events: Mapped[list[GapEvent]] = relationship(
        back_populates="gap", cascade="all, delete-orphan", order_by="GapEvent.at"
    )


class GapEvent(Synced, Base):
    """One step of a gap's status history, as the ledger view shows it."""

    __tablename__ = "gap_events"

    gap_id: Mapped[str] = mapped_column(ForeignKey("gaps.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[GapStatus | None] = mapped_column(enum_column(GapStatus))
    to_status: Mapped[GapStatus] = mapped_column(enum_column(GapStatus))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    officer: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)

    gap: Mapped[Gap] = relationship(back_populates="events")
