"""What "current" means for an evaluation: the campaign in progress and the day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import Campaign


@dataclass(frozen=True)
class EvaluationContext:
    campaign_id: str | None
    as_of: date


def current_campaign_id(session: Session) -> str | None:
    """The campaign marked current (the latest year if several are)."""
    return session.scalar(
        select(Campaign.id)
        .where(Campaign.is_current.is_(True))
        .order_by(Campaign.year.desc(), Campaign.id)
        .limit(1)
    )


def default_context(session: Session, as_of: date | None = None) -> EvaluationContext:
    return EvaluationContext(current_campaign_id(session), as_of or date.today())
