"""Sweep campaigns (the yearly building-sweep month), teams, and visits to units."""

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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from yeda_desktop.models.base import Base, Synced, enum_column, utcnow
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.models.zone import Building, Unit


class Campaign(Synced, Base):
    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(100))
    year: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)


class Team(Synced, Base):
    __tablename__ = "teams"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    leader: Mapped[str | None] = mapped_column(String(60))

    campaign: Mapped[Campaign] = relationship()


class TeamBuilding(Synced, Base):
    """A building a team sweeps in its campaign (the scope of its baseline)."""

    __tablename__ = "team_buildings"
    __table_args__ = (UniqueConstraint("team_id", "building_id"),)

    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    building_id: Mapped[str] = mapped_column(ForeignKey("buildings.id"), index=True)

    team: Mapped[Team] = relationship()
    building: Mapped[Building] = relationship()


class Visit(Synced, Base):
    """One visit to a unit and its outcome; the latest visit per unit is its status."""

    __tablename__ = "visits"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    outcome: Mapped[VisitOutcome] = mapped_column(enum_column(VisitOutcome))
    visited_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    officer: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)

    unit: Mapped[Unit] = relationship()
    campaign: Mapped[Campaign] = relationship()


# The gap rules' latest visit per unit in a campaign, read from the index alone.
Index("ix_visits_campaign_unit", Visit.campaign_id, Visit.unit_id, Visit.visited_at, Visit.id,
      Visit.outcome)
