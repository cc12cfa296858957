"""Bringing the ledger in line with a fresh evaluation of the rules, deleting nothing.

A new shortfall opens a gap; an open gap whose condition no longer holds
becomes "resolved by data" (kept for history); a waived gap stays waived and
blocks a new one; a gap closed in this campaign blocks a new one too, while
in a later campaign the shortfall is identified afresh. Only rules enabled in
the profile are reconciled.

The findings are diffed against the ledger as plain rows (no ORM object per gap),
and only the gaps that change are written: through the ORM when they are few (an
edit of one organization), in batches with the same change-log rows when they are
many (the first reconciliation of a whole district opens every gap at once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.ledger.lifecycle import OPEN_STATUSES, record_event
from yeda_desktop.ledger.logged_writes import FieldChange, insert_logged, new_ids, update_logged
from yeda_desktop.models import Gap, GapEvent, Organization, new_id, utcnow
from yeda_desktop.models.enums import GapStatus
from yeda_desktop.rules import (
    RULES_BY_ID,
    EvaluationContext,
    RulesProfile,
    default_context,
    firing_facts,
)
from yeda_desktop.rules.in_force import profile_in_force

DETAIL_MAX = 300
# Up to this many gap writes go through the ORM (one object each); more are written in batches.
ORM_WRITE_LIMIT = 200
RESOLVED_NOTE = "复核时条件已不成立"
OPENED_NOTE = "规则复核发现"
Key = tuple[str, str]  # (organization id, rule id)
Progress = Callable[[int, int], None]
# The progress bar's scale: reading the findings, explaining them, comparing them with the
# ledger, then writing what changed (timed on a 100,000-organization district).
STEPS, EVALUATED, EXPLAINED, COMPARED = 100, 50, 70, 85
EXPLAIN_EVERY = 5000  # findings explained between two progress calls


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


def _blocks(status: GapStatus, gap_campaign: str | None, campaign_id: str | None) -> bool:
    """Does this existing gap stand for the shortfall, so no new gap is opened?"""
    if status in OPEN_STATUSES or status == GapStatus.WAIVED:
        return True
    return status == GapStatus.CLOSED and gap_campaign == campaign_id


@dataclass
class _Plan:
    """What reconciliation changes: gap ids to resolve, rewordings, new (org, rule) keys."""

    resolve: list[tuple[str, int, GapStatus]] = field(default_factory=list)  # id, revision, from
    reword: list[FieldChange] = field(default_factory=list)
    open: dict[Key, tuple[str, str]] = field(default_factory=dict)

    @property
    def writes(self) -> int:
        return len(self.resolve) + len(self.reword) + len(self.open)


def _wording(
    session: Session, ctx: EvaluationContext, prof: RulesProfile, organization_id: str | None,
    progress: Progress | None = None,
) -> dict[Key, tuple[str, str]]:
    """(organization, rule) → explanation (Chinese, English) of every current finding."""
    each = None
    if progress is not None:  # reading the findings: the first EVALUATED of the bar
        organizations = session.scalar(select(func.count()).select_from(Organization)) or 1
        progress(0, STEPS)

        def each(read: int) -> None:
            progress(min(EVALUATED, EVALUATED * read // organizations), STEPS)

    wording: dict[Key, tuple[str, str]] = {}
    findings = firing_facts(session, ctx, prof, organization_id=organization_id, each=each)
    for n, (facts, fired) in enumerate(findings, 1):
        assert facts.organization_id is not None
        for rule_id in fired:
            zh, en = RULES_BY_ID[rule_id].explain(facts, prof)
            wording[(facts.organization_id, rule_id)] = (zh[:DETAIL_MAX], en[:DETAIL_MAX])
        if progress is not None and n % EXPLAIN_EVERY == 0:  # then explaining them
            progress(EVALUATED + (EXPLAINED - EVALUATED) * n // len(findings), STEPS)
    return wording


def reconcile(
    session: Session,
    context: EvaluationContext | None = None,
    profile: RulesProfile | None = None,
    *,
    organization_id: str | None = None,
    progress: Progress | None = None,
) -> ReconcileResult:
    """Evaluate (all organizations, or one) and update the ledger in this session.

    `progress(done, STEPS)` is called as the work goes (a whole district takes seconds);
    an exception it raises (the user cancelled) stops it before anything is written.
    """
    prof = profile or profile_in_force(session)
    ctx = context or default_context(session)
    enabled = [rule_id for rule_id in RULES_BY_ID if prof.enabled(rule_id)]
    wording = _wording(session, ctx, prof, organization_id, progress)
    if progress is not None:
        progress(EXPLAINED, STEPS)

    query = select(
        Gap.id, Gap.organization_id, Gap.rule_id, Gap.status, Gap.campaign_id,
        Gap.detail_zh, Gap.detail_en, Gap.revision,
    ).where(Gap.rule_id.in_(enabled), Gap.status != GapStatus.RESOLVED_BY_DATA)
    if organization_id is not None:
        query = query.where(Gap.organization_id == organization_id)
    result = ReconcileResult()
    plan = _Plan()
    blocked: set[Key] = set()
    for gap_id, org_id, rule_id, status, campaign, detail_zh, detail_en, revision in (
        session.execute(query)
    ):
        key = (org_id, rule_id)
        if _blocks(status, campaign, ctx.campaign_id):
            blocked.add(key)
        if status not in OPEN_STATUSES:
            continue
        if key not in wording:
            plan.resolve.append((gap_id, revision, status))
            result.resolved.append(key)
            continue
        result.still_open += 1
        zh, en = wording[key]
        if (detail_zh, detail_en) != (zh, en):
            plan.reword.append(FieldChange(
                gap_id, revision, {"detail_zh": detail_zh, "detail_en": detail_en},
                {"detail_zh": zh, "detail_en": en},
            ))
    for key in sorted(wording.keys() - blocked):
        plan.open[key] = wording[key]
        result.opened.append(key)
    result.reworded = len(plan.reword)
    if progress is not None:
        progress(COMPARED, STEPS)  # the last point at which it can stop

    if organization_id is not None or plan.writes <= ORM_WRITE_LIMIT:
        _write_with_orm(session, plan, ctx.campaign_id)
    else:
        _write_in_batches(session, plan, ctx.campaign_id)
    return result


def _write_with_orm(session: Session, plan: _Plan, campaign_id: str | None) -> None:
    for gap_id, _revision, _status in plan.resolve:
        gap = session.get_one(Gap, gap_id)
        record_event(session, gap, GapStatus.RESOLVED_BY_DATA, RESOLVED_NOTE)
        gap.status = GapStatus.RESOLVED_BY_DATA
    for change in plan.reword:
        gap = session.get_one(Gap, change.record_id)
        gap.detail_zh, gap.detail_en = change.new["detail_zh"], change.new["detail_en"]
    now = utcnow()
    officer = session.info.get("officer")
    for (org_id, rule_id), (zh, en) in plan.open.items():
        gap = Gap(
            id=new_id(),
            organization_id=org_id,
            rule_id=rule_id,
            status=GapStatus.IDENTIFIED,
            detail_zh=zh,
            detail_en=en,
            identified_at=now,
            campaign_id=campaign_id,
        )
        event = GapEvent(
            gap_id=gap.id, from_status=None, to_status=GapStatus.IDENTIFIED, at=now,
            officer=officer, note=OPENED_NOTE,
        )
        session.add_all((gap, event))


def _event_row(
    event_id: str, gap_id: str, from_status: GapStatus | None, to: GapStatus, now: datetime,
    officer: str | None, note: str,
) -> dict[str, Any]:
    return {"id": event_id, "gap_id": gap_id, "from_status": from_status, "to_status": to,
            "at": now, "officer": officer, "note": note}


def _write_in_batches(session: Session, plan: _Plan, campaign_id: str | None) -> None:
    session.flush()  # pending ORM changes first, in their order
    now = utcnow()
    officer = session.info.get("officer")
    ids = iter(new_ids(len(plan.resolve) + 2 * len(plan.open)))
    events = [
        _event_row(next(ids), gap_id, status, GapStatus.RESOLVED_BY_DATA, now, officer,
                   RESOLVED_NOTE)
        for gap_id, _revision, status in plan.resolve
    ]
    changes = [
        FieldChange(gap_id, revision, {"status": status}, {"status": GapStatus.RESOLVED_BY_DATA})
        for gap_id, revision, status in plan.resolve
    ] + plan.reword
    gaps = []
    for (org_id, rule_id), (zh, en) in plan.open.items():
        gap_id = next(ids)
        gaps.append({
            "id": gap_id, "organization_id": org_id, "rule_id": rule_id,
            "status": GapStatus.IDENTIFIED, "detail_zh": zh, "detail_en": en,
            "identified_at": now, "campaign_id": campaign_id,
        })
        events.append(
            _event_row(next(ids), gap_id, None, GapStatus.IDENTIFIED, now, officer, OPENED_NOTE)
        )
    insert_logged(session, Gap, gaps, now)
    update_logged(session, Gap, changes, now)
    insert_logged(session, GapEvent, events, now)
    # Gaps and events this session holds were changed underneath it: reload them when used.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Gap | GapEvent):
            session.expire(obj)
