"""`yeda org show ORG`: one organization as the sweep tab's detail pane shows it (its fields,
where it is, its people, the rules' findings now) with its gaps in the ledger, for the
administrator answering a call about it; ID numbers masked unless asked for."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.id_masking import mask_id_number
from yeda_desktop.models import Gap, Occupancy, Organization
from yeda_desktop.rules import RULES_BY_ID, evaluate, facts_for
from yeda_desktop.services import sweep
from yeda_desktop.services.record_lookup import find_organization
from yeda_desktop.services.search import unit_places
from yeda_desktop.stats.dimensions import group_label


def _yes(value: bool | None) -> str:
    return "—" if value is None else "是" if value else "否"


def organization_lines(session: Session, org_id: str, *, full_ids: bool = False) -> list[str]:
    org = session.get(Organization, org_id)
    assert org is not None
    campaign = sweep.current_campaign(session)
    section = org.industry_section
    lines = [
        f"单位 organization: {org.name}（{org.id}）",
        f"统一社会信用代码 USCC: {org.uscc or '—'}",
        f"类型 kind: {org.kind.zh} · {org.ownership.zh}"
        + (f" · {group_label('industry', section)}" if section else ""),
        f"职工人数 staff: {org.staff_count if org.staff_count is not None else '—'}；"
        f"党员人数（自报）members reported: "
        f"{org.reported_member_count if org.reported_member_count is not None else '—'}",
        f"联系人 contact: {org.contact_name or '—'} {org.contact_phone or ''}".rstrip(),
        f"地址 address: {org.address or '—'}",
        "本次扫楼 this campaign: " + ("已核实 verified" if campaign is not None
                                    and org.verified_campaign_id == campaign.id
                                    else "尚未核实 not verified"),
    ]
    units = set(session.scalars(select(Occupancy.unit_id)
                                .where(Occupancy.organization_id == org_id)))
    places = sorted(unit_places(session, units).values(),
                    key=lambda p: (p.cluster_name, p.building_name, p.floor_label, p.unit_label))
    lines.append("所在位置 places: " + ("；".join(
        f"{p.cluster_name} · {p.building_name} {p.floor_label}层 {p.unit_label}"
        for p in places) or "—"))
    people = sweep.people_of(session, org_id)
    lines.append(f"人员 people: {len(people)}")
    for p in people:
        shown_id = (p.id_number or "") if full_ids else mask_id_number(p.id_number)
        lines.append("  " + "\t".join((
            p.name, p.gender.zh if p.gender else "—", shown_id or "—", p.phone or "—",
            p.party_status.zh, _yes(p.relation_transferred))))
    findings = evaluate(facts_for(session, org_id))
    lines.append(f"问题提示 findings now: {len(findings)}")
    lines += [f"  {f.zh}；{f.action_zh}" for f in findings]
    gaps = list(session.scalars(select(Gap).where(Gap.organization_id == org_id)
                                .order_by(Gap.identified_at, Gap.id)))
    lines.append(f"专项工作台账 ledger: {len(gaps)}")
    for g in gaps:
        rule = RULES_BY_ID.get(g.rule_id)
        lines.append(f"  {g.id}\t{g.status.zh}\t{rule.title_zh if rule else g.rule_id}\t"
                     f"{g.responsible or '—'}\t{g.due_on.isoformat() if g.due_on else '—'}")
    return lines


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, read_only=True)
    try:
        with db.reader() as session:
            lines = organization_lines(session, find_organization(session, args.org),
                                       full_ids=args.full_id)
    finally:
        db.close()
    for line in lines:
        print(line)
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("org", help="one organization in full: fields, places, people, "
                            "the rules' findings and its gaps in the ledger")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="the organization as the detail pane shows it")
    show.add_argument("org", metavar="ORG", help="its id, USCC or name (a unique part of it)")
    show.add_argument("--full-id", action="store_true",
                      help="ID numbers in full (masked otherwise)")
    parser.set_defaults(func=run)
