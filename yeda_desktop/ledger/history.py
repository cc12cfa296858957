"""One gap in full, with its status history, for the ledger view's detail panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import Gap, GapEvent, Organization
from yeda_desktop.models.enums import GapAction, GapStatus


@dataclass(frozen=True)
class HistoryStep:
    at: datetime
    from_status: GapStatus | None
    to_status: GapStatus
    officer: str | None
    note: str | None


@dataclass(frozen=True)
class GapDetail:
    gap_id: str
    organization_id: str
    organization: str
    rule_id: str
    status: GapStatus
    detail_zh: str | None
    detail_en: str | None
    action: GapAction | None
    responsible: str | None
    due_on: date | None
    evidence: str | None
    closed_on: date | None
    waived_reason: str | None
    waived_by: str | None
    history: list[HistoryStep]


def gap_detail(session: Session, gap_id: str) -> GapDetail | None:
    gap = session.get(Gap, gap_id)
    if gap is None:
        return None
    org_name = session.scalar(
        select(Organization.name).where(Organization.id == gap.organization_id)
    )
    events = session.scalars(
        select(GapEvent).where(GapEvent.gap_id == gap_id).order_by(GapEvent.at, GapEvent.created_at)
    )
    return GapDetail(
        gap.id, gap.organization_id, org_name or "", gap.rule_id, gap.status, gap.detail_zh,
        gap.detail_en, gap.action, gap.responsible, gap.due_on, gap.evidence, gap.closed_on,
        gap.waived_reason, gap.waived_by,
        [HistoryStep(e.at, e.from_status, e.to_status, e.officer, e.note) for e in events],
    )
