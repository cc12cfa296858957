"""Ledger counts by rule and status, optionally for one campaign."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.models import Gap
from yeda_desktop.models.enums import GapStatus


@dataclass(frozen=True)
class GapCount:
    rule_id: str
    status: GapStatus
    count: int


def gap_counts(session: Session, campaign_id: str | None = None) -> list[GapCount]:
    query = select(Gap.rule_id, Gap.status, func.count()).group_by(Gap.rule_id, Gap.status)
    if campaign_id is not None:
        query = query.where(Gap.campaign_id == campaign_id)
    return [
        GapCount(rule, status, int(n))
        for rule, status, n in session.execute(query.order_by(Gap.rule_id, Gap.status)).all()
    ]
