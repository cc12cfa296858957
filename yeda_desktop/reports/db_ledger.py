"""The special work ledger and rectification notices read from the ledger service and the rules.

The ledger rows come from ``yeda_desktop.ledger.ledger_rows`` (one set-based query);
a notice lists an organization's open ledger gaps plus any shortfall the rules find now
that has not reached the ledger yet, each with its Chinese explanation and action.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop import ledger as ledger_service
from yeda_desktop.errors import YedaError
from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.models import Campaign, Gap
from yeda_desktop.models import Organization as OrgRow
from yeda_desktop.rules import (
    RULES_BY_ID,
    RulesProfile,
    default_context,
    finding,
    firing_facts,
    profile_in_force,
)
from yeda_desktop.stats.dimensions import place_names

from .data import GroupBy, Ledger, LedgerRow, NoticeItem, RectificationNotice
from .db_organization import covering_party_orgs

NOT_ON_LEDGER = "待列入台账"
"""Status printed for a shortfall the rules find that the ledger does not hold yet."""


def campaign_name(session: Session) -> str | None:
    """Name of the current campaign (e.g. 2024年集中扫楼月), if one is marked current."""
    ctx = default_context(session)
    if ctx.campaign_id is None:
        return None
    name = session.scalar(select(Campaign.name).where(Campaign.id == ctx.campaign_id))
    return str(name) if name else None


def ledger_form(
    session: Session,
    flt: ledger_service.LedgerFilter | None = None,
    *,
    group_by: GroupBy = "subdistrict",
    today: date | None = None,
    record_id: str = "open-gaps",
) -> Ledger:
    """The ledger as printed: open gaps (unless the filter says otherwise), sorted for grouping."""
    day = today or date.today()
    wanted = flt if flt is not None else ledger_service.LedgerFilter(open_only=True)
    rows = wanted.select(ledger_service.ledger_rows(session, today=day))
    # By cluster, one section per cluster: two of one name in two subdistricts are two,
    # each headed with its subdistrict.
    names = place_names(session, "cluster") if group_by == "cluster" else {}

    def cluster(r: ledger_service.LedgerRow) -> str | None:
        return names.get(r.cluster_id or "", r.cluster)

    def key(r: ledger_service.LedgerRow) -> tuple[str, ...]:
        group = (r.subdistrict if group_by == "subdistrict" else cluster(r)) or "\uffff"
        other = (r.cluster if group_by == "subdistrict" else r.subdistrict) or ""
        return (group, other, r.building or "", r.organization, r.rule_id)

    printed = tuple(
        LedgerRow(
            subdistrict=r.subdistrict,
            cluster=cluster(r),
            building=r.building,
            organization=r.organization,
            rule_name=r.rule_zh,
            detail=r.detail_zh,
            status=r.status.zh,
            responsible=r.responsible,
            due_date=r.due_on,
            overdue=r.overdue,
        )
        for r in sorted(rows, key=key)
    )
    return Ledger(record_id=record_id, rows=printed, title_suffix=campaign_name(session), as_of=day)


def rectification_notice(
    session: Session,
    org_id: str,
    *,
    today: date | None = None,
    profile: RulesProfile | None = None,
) -> RectificationNotice:
    """The notice for one organization: its open gaps and the rules' current findings."""
    org = session.get(OrgRow, org_id)
    if org is None:
        raise YedaError(f"找不到单位：{org_id}", f"no organization with id {org_id}")
    prof = profile or profile_in_force(session)
    day = today or date.today()
    gaps = session.scalars(
        select(Gap)
        .where(Gap.organization_id == org_id, Gap.status.in_(OPEN_STATUSES))
        .order_by(Gap.due_on, Gap.rule_id)
    ).all()
    items: list[NoticeItem] = []
    seen: set[str] = set()
    for gap in gaps:
        rule = RULES_BY_ID.get(gap.rule_id)
        seen.add(gap.rule_id)
        items.append(
            NoticeItem(
                rule_name=rule.title_zh if rule else gap.rule_id,
                detail=gap.detail_zh,
                action=gap.action.zh if gap.action else (rule.action_zh if rule else None),
                due_date=gap.due_on,
                status=gap.status.zh,
            )
        )
    ctx = default_context(session, day)
    for facts, fired in firing_facts(session, ctx, prof, organization_id=org_id):
        for rule_id in sorted(fired - seen):
            rule = RULES_BY_ID[rule_id]
            f = finding(rule, facts, prof)
            items.append(NoticeItem(rule.title_zh, f.zh, f.action_zh, None, NOT_ON_LEDGER))
    po = covering_party_orgs(session, [org_id]).get(org_id)
    dues = [i.due_date for i in items if i.due_date is not None]
    return RectificationNotice(
        record_id=org_id,
        organization_name=org.name,
        items=tuple(items),
        uscc=org.uscc,
        address=org.address,
        party_org_name=po.name if po else None,
        contact=org.contact_name,
        phone=org.contact_phone,
        reply_by=min(dues) if dues else None,
    )
