"""The ledger as rows to show, filter, sort and export: each gap with its organization and place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.ledger.location import primary_location
from yeda_desktop.models import Gap, Organization
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, GapAction, GapStatus, Ownership
from yeda_desktop.rules import RULES_BY_ID


@dataclass(frozen=True)
class LedgerRow:
    gap_id: str
    organization_id: str
    organization: str
    uscc: str | None
    rule_id: str
    severity: str
    status: GapStatus
    detail_zh: str | None
    action: GapAction | None
    responsible: str | None
    due_on: date | None
    identified_at: datetime
    closed_on: date | None
    evidence: str | None
    waived_reason: str | None
    subdistrict: str | None
    cluster: str | None
    building: str | None
    industry_section: str | None
    ownership: Ownership
    overdue: bool

    @property
    def rule_zh(self) -> str:
        rule = RULES_BY_ID.get(self.rule_id)
        return rule.title_zh if rule else self.rule_id

    @property
    def industry_zh(self) -> str:
        return INDUSTRY_SECTIONS.get(self.industry_section or "", "")


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger view narrows to; None means "any"."""

    rule_id: str | None = None
    status: GapStatus | None = None
    open_only: bool = False
    subdistrict: str | None = None
    cluster: str | None = None
    building: str | None = None
    industry_section: str | None = None
    ownership: Ownership | None = None
    responsible: str | None = None
    overdue_only: bool = False
    text: str = ""

    def matches(self, row: LedgerRow) -> bool:
        checks = (
            (self.rule_id, row.rule_id),
            (self.status, row.status),
            (self.subdistrict, row.subdistrict),
            (self.cluster, row.cluster),
            (self.building, row.building),
            (self.industry_section, row.industry_section),
            (self.ownership, row.ownership),
            (self.responsible, row.responsible),
        )
        if any(wanted is not None and wanted != actual for wanted, actual in checks):
            return False
        if self.open_only and row.status not in OPEN_STATUSES:
            return False
        if self.overdue_only and not row.overdue:
            return False
        needle = self.text.strip().lower()
        if needle:
            haystack = f"{row.organization} {row.uscc or ''} {row.detail_zh or ''}".lower()
            return needle in haystack
        return True


def ledger_rows(session: Session, today: date | None = None) -> list[LedgerRow]:
    """Every gap of the ledger with its organization and primary location, newest first."""
    day = today or date.today()
    loc = primary_location()
    query = (
        select(
            Gap.id, Gap.organization_id, Organization.name, Organization.uscc, Gap.rule_id,
            Gap.status, Gap.detail_zh, Gap.action, Gap.responsible, Gap.due_on,
            Gap.identified_at, Gap.closed_on, Gap.evidence, Gap.waived_reason,
            loc.c.subdistrict, loc.c.cluster, loc.c.building,
            Organization.industry_section, Organization.ownership,
        )
        .join(Organization, Organization.id == Gap.organization_id)
        .outerjoin(loc, loc.c.organization_id == Gap.organization_id)
        .order_by(Gap.identified_at.desc(), Organization.name, Gap.rule_id)
    )
    rows = []
    for r in session.execute(query):
        rule = RULES_BY_ID.get(r.rule_id)
        overdue = r.status in OPEN_STATUSES and r.due_on is not None and r.due_on < day
        rows.append(
            LedgerRow(
                gap_id=r.id, organization_id=r.organization_id, organization=r.name,
                uscc=r.uscc, rule_id=r.rule_id,
                severity=rule.severity.value if rule else "info", status=r.status,
                detail_zh=r.detail_zh, action=r.action, responsible=r.responsible,
                due_on=r.due_on, identified_at=r.identified_at, closed_on=r.closed_on,
                evidence=r.evidence, waived_reason=r.waived_reason,
                subdistrict=r.subdistrict, cluster=r.cluster, building=r.building,
                industry_section=r.industry_section, ownership=r.ownership, overdue=overdue,
            )
        )
    return rows
