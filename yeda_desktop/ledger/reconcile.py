"""Bringing the ledger in line with a fresh evaluation of the rules, deleting nothing.

A new shortfall opens a gap; an open gap whose condition no longer holds
becomes "resolved by data" (kept for history); a waived gap stays waived and
blocks a new one; a gap closed in this campaign blocks a new one too, while
in a later campaign the shortfall is identified afresh. Only rules enabled in
the profile are reconciled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.ledger.lifecycle import OPEN_STATUSES, record_event
from yeda_desktop.models import Gap, GapEvent, new_id, utcnow
from yeda_desktop.models.enums import GapStatus
from yeda_desktop.rules import (
    RULES_BY_ID,
    EvaluationContext,
    RulesProfile,
    default_context,
    finding,
    firing_facts,
)
from yeda_desktop.rules.profile import DEFAULT_PROFILE

DETAIL_MAX = 300
Key = tuple[str, str]  # (organization id, rule id)


@dataclass
class ReconcileResult:
    opened: list[Key] = field(default_factory=list)
    resolved: list[Key] = field(default_factory=list)
    reworded: int = 0
    still_open: int = 0

    def summary_zh(self) -> str:
        return (
            f"新发现 {len(self.opened)} 项，数据更新后消除 {len(self.resolved)} 项，"
            f"仍在整改 {self.still_open} 项"
        )

    def summary_en(self) -> str:
        return (
            f"{len(self.opened)} new gaps, {len(self.resolved)} resolved by data, "
            f"{self.still_open} still open"
        )


def _blocks(gap: Gap, campaign_id: str | None) -> bool:
    """Does this existing gap stand for the shortfall, so no new gap is opened?"""
    if gap.status in OPEN_STATUSES or gap.status == GapStatus.WAIVED:
        return True
    return gap.status == GapStatus.CLOSED and gap.campaign_id == campaign_id


def reconcile(
    session: Session,
    context: EvaluationContext | None = None,
    profile: RulesProfile | None = None,
    *,
    organization_id: str | None = None,
) -> ReconcileResult:
    """Evaluate (all organizations, or one) and update the ledger in this session."""
    prof = profile or DEFAULT_PROFILE
    ctx = context or default_context(session)
    enabled = [rule_id for rule_id in RULES_BY_ID if prof.enabled(rule_id)]
    wording: dict[Key, tuple[str, str]] = {}
    for facts, fired in firing_facts(session, ctx, prof, organization_id=organization_id):
        assert facts.organization_id is not None
        for rule_id in fired:
            found = finding(RULES_BY_ID[rule_id], facts, prof)
            wording[(facts.organization_id, rule_id)] = (found.zh, found.en)

    query = select(Gap).where(
        Gap.rule_id.in_(enabled), Gap.status != GapStatus.RESOLVED_BY_DATA
    )
    if organization_id is not None:
        query = query.where(Gap.organization_id == organization_id)
    result = ReconcileResult()
    blocked: set[Key] = set()
    for gap in session.scalars(query):
        key = (gap.organization_id, gap.rule_id)
        if _blocks(gap, ctx.campaign_id):
            blocked.add(key)
        if gap.status not in OPEN_STATUSES:
            continue
        if key not in wording:
            record_event(session, gap, GapStatus.RESOLVED_BY_DATA, "复核时条件已不成立")
            gap.status = GapStatus.RESOLVED_BY_DATA
            result.resolved.append(key)
            continue
        result.still_open += 1
        zh, en = (text[:DETAIL_MAX] for text in wording[key])
        if (gap.detail_zh, gap.detail_en) != (zh, en):
            gap.detail_zh, gap.detail_en = zh, en
            result.reworded += 1

    now = utcnow()
    officer = session.info.get("officer")
    for key in sorted(wording.keys() - blocked):
        zh, en = (text[:DETAIL_MAX] for text in wording[key])
        gap = Gap(
            id=new_id(),
            organization_id=key[0],
            rule_id=key[1],
            status=GapStatus.IDENTIFIED,
            detail_zh=zh,
            detail_en=en,
            identified_at=now,
            campaign_id=ctx.campaign_id,
        )
        event = GapEvent(
            gap_id=gap.id, from_status=None, to_status=GapStatus.IDENTIFIED, at=now,
            officer=officer, note="规则复核发现",
        )
        session.add_all((gap, event))
        result.opened.append(key)
    return result
