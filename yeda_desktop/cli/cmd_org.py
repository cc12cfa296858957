"""`yeda org show ORG`: one organization as the sweep tab's detail pane shows it (its fields,
where it is, its people, the rules' findings now) with its gaps in the ledger, for the
administrator answering a call about it; ID numbers masked unless asked for.

`yeda org list`: the directory tab (单位名录) with its filters and order, as lines or as
the organization workbook (`--xlsx`).

`yeda org set ORG --staff 120 --ownership foreign …`: what the detail pane's boxes and
drop-downs record (its fields, kind, ownership, industry, its marks, a foreign-invested
one's activities and guarantees).

`yeda org register | attach | detach | confirm`: a unit's organizations (org_sweep)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.cli import org_sweep
from yeda_desktop.cli.common import limit_or_all, open_from_args, require_output
from yeda_desktop.cli.org_field_args import add_class_options, add_field_options, typed_fields
from yeda_desktop.errors import YedaError
from yeda_desktop.id_masking import mask_id_number
from yeda_desktop.models import Gap, Occupancy, Organization
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, KeyIndustry, OrgKind, Ownership
from yeda_desktop.models.labels import column_label
from yeda_desktop.models.org_class import settle
from yeda_desktop.rules import RULES_BY_ID, evaluate, facts_for, profile_in_force
from yeda_desktop.services import directory, edits, party_work, sweep
from yeda_desktop.services.record_lookup import (
    find_building,
    find_cluster,
    find_organization,
    find_subdistrict,
    require_subdistrict,
)
from yeda_desktop.services.search import unit_places
from yeda_desktop.stats.dimensions import group_label


def _marks(org: Organization) -> str:
    """规模以上企业、重点非公企业 · 重点行业 快递, or 无 none."""
    marks = "、".join(words for flag, words in (
        (org.is_above_size, "规模以上企业"), (org.is_listed, "上市公司"),
        (org.is_key_enterprise, "重点非公企业")) if flag)
    if org.key_industry is not None:
        marks += ("；" if marks else "") + f"重点行业 {org.key_industry.zh}"
    return marks or "无 none"


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
        f"标识 marks: {_marks(org)}",
        f"职工人数 staff: {org.staff_count if org.staff_count is not None else '—'}；"
        f"党员人数（自报）members reported: "
        f"{org.reported_member_count if org.reported_member_count is not None else '—'}",
        f"联系人 contact: {org.contact_name or '—'} {org.contact_phone or ''}".rstrip(),
        f"法定代表人 legal representative: {org.legal_rep or '—'}",
        f"地址 address: {org.address or '—'}",
        *([f"备注 note: {org.note}"] if org.note else []),
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
    coverings = party_work.coverage_of(session, org_id)
    lines.append("党组织 party organizations: "
                 + ("；".join(c.words() for c in coverings) or "无 none"))
    today = date.today()
    lines.append("党建指导员 instructors: " + ("；".join(
        a.words() for a in party_work.assignments_of(session, org_id) if a.active_on(today))
        or "无 none"))
    people = sweep.people_of(session, org_id)
    lines.append(f"人员 people: {len(people)}（编号 姓名 类别 性别 身份证号 电话 政治面貌 "
                 "组织关系已转入 入党日期 / id name role gender ID phone party relation joined）")
    for p in people:
        shown_id = (p.id_number or "") if full_ids else mask_id_number(p.id_number)
        lines.append("  " + "\t".join((
            p.id[:8], p.name, p.role.zh, p.gender.zh if p.gender else "—", shown_id or "—",
            p.phone or "—", p.party_status.zh, _yes(p.relation_transferred),
            p.join_date.isoformat() if p.join_date else "—")))
    findings = evaluate(facts_for(session, org_id), profile_in_force(session))
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


# `org set` options → the organization's fields, and how the typed value is read.
_SETTABLE: dict[str, tuple[str, Any]] = {
    "kind": ("kind", OrgKind),
    "ownership": ("ownership", Ownership),
    "industry": ("industry_section", lambda v: None if v == "none" else v),
    "activities": ("has_party_activities", lambda v: v == "yes"),
    "guarantees": ("has_party_guarantees", lambda v: v == "yes"),
    "above_size": ("is_above_size", lambda v: v == "yes"),
    "listed": ("is_listed", lambda v: v == "yes"),
    "key_enterprise": ("is_key_enterprise", lambda v: v == "yes"),
    "key_industry": ("key_industry", lambda v: None if v == "none" else KeyIndustry(v)),
}


def run_set(args: argparse.Namespace) -> int:
    wanted = typed_fields(args) | {field: read(getattr(args, option))
                                   for option, (field, read) in _SETTABLE.items()
                                   if getattr(args, option) is not None}
    if not wanted:
        raise YedaError("请至少给出一项要修改的内容（如 --staff 120 或 --ownership foreign）",
                        "give at least one thing to change (such as --staff 120 or "
                        "--ownership foreign)")
    if "kind" in wanted and "ownership" in wanted:
        settle(wanted["kind"], wanted["ownership"])  # at odds: refused before anything is opened
        del wanted["kind"]  # the ownership brings its kind
    db = open_from_args(args)
    try:
        with db.session(officer=args.officer) as session:  # all of them, or none
            org = find_organization(session, args.org)
            changed: dict[str, str] = {}
            for field, value in wanted.items():
                edit = edits.set_field(session, Organization, org, field, value)
                if edit is not None:
                    edits.apply(session, edit)
                    changed |= {step.field: column_label("organizations", step.field)
                                for step in edit.steps if isinstance(step, edits.Update)}
            row = session.get(Organization, org)
            assert row is not None
            name, kind, ownership = row.name, row.kind, row.ownership
    finally:
        db.close()
    print(f"{name}：已修改 {'、'.join(changed.values())} / changed {len(changed)} field(s)"
          if changed else f"{name}：没有需要修改的内容 / nothing to change")
    if changed.keys() & {"kind", "ownership"}:
        print(f"类型 kind: {kind.zh} · {ownership.zh}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action in org_sweep.ACTIONS:
        return org_sweep.run(args)
    if args.action == "list":
        return run_list(args)
    if args.action == "set":
        return run_set(args)
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


def directory_filter(session: Session, args: argparse.Namespace) -> directory.DirectoryFilter:
    """The tab's filters from the options; a place that fits nothing, or several, stops."""
    subdistrict = require_subdistrict(session, args.subdistrict)
    return directory.DirectoryFilter(
        subdistrict_id=find_subdistrict(session, subdistrict) if subdistrict else None,
        cluster_id=find_cluster(session, args.cluster, subdistrict) if args.cluster else None,
        building_id=find_building(session, args.building) if args.building else None,
        ownership=Ownership(args.ownership) if args.ownership else None,
        industry_section=args.industry,
        has_gaps={"yes": True, "no": False}.get(args.gaps or ""),
        text=(args.text or "").strip(),
        mark=args.mark,
        key_industry=KeyIndustry(args.key_industry) if args.key_industry else None,
    )


def _row_line(r: directory.DirectoryRow) -> str:
    place = " ".join(p for p in (r.building, f"{r.floor}层" if r.floor else "", r.unit) if p)
    return "\t".join((r.id, r.name, r.uscc or "—", place or "—", r.ownership.zh,
                      "—" if r.staff is None else str(r.staff), str(r.members), str(r.gaps)))


def run_list(args: argparse.Namespace) -> int:
    if args.xlsx:
        require_output(args.xlsx)
    db = open_from_args(args, read_only=True)
    try:
        with db.reader() as session:
            wanted = directory_filter(session, args)
            if args.xlsx:
                from yeda_desktop.excel import export_xlsx  # openpyxl: only when asked

                path, count = export_xlsx(session, "organizations", args.xlsx,
                                          organization_filter=wanted)
                print(f"已导出 {count} 家单位到 {path} / exported {count} organizations "
                      f"to {path}")
                return 0
            total = directory.count(session, wanted)
            shown = 0
            for row in directory.every_row(session, wanted, args.sort, args.desc):
                if args.limit and shown >= args.limit:
                    break
                print(_row_line(row))
                shown += 1
    finally:
        db.close()
    print(f"列出 {shown} / {total} 家单位 / listed {shown} of {total} organizations")
    return 0 if total else 1


def register(sub: Any) -> None:
    parser = sub.add_parser("org", help="one organization in full: fields, places, people, "
                            "the rules' findings and its gaps in the ledger")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="the organization as the detail pane shows it")
    show.add_argument("org", metavar="ORG", help="its id, USCC or name (a unique part of it)")
    show.add_argument("--full-id", action="store_true",
                      help="ID numbers in full (masked otherwise)")
    change = actions.add_parser("set", help="its fields (name, USCC, staff, members, "
                                "contact, …), kind, ownership, industry, its marks (above "
                                "size, listed, key enterprise, key industry), and a "
                                "foreign-invested one's activities and guarantees (the four "
                                "haves)")
    change.add_argument("org", metavar="ORG", help="its id, USCC or name (a unique part of it)")
    add_field_options(change)
    add_class_options(change)
    change.add_argument("--industry", choices=[*sorted(INDUSTRY_SECTIONS), "none"],
                        help="industry section (GB/T 4754: C, I, …; none: not given)")
    change.add_argument("--activities", choices=("yes", "no"),
                        help="its party organization plays its role (activities)")
    change.add_argument("--guarantees", choices=("yes", "no"),
                        help="guarantees for party work (funds, venue)")
    change.add_argument("--above-size", choices=("yes", "no"), help="规模以上企业")
    change.add_argument("--listed", choices=("yes", "no"), help="上市公司")
    change.add_argument("--key-enterprise", choices=("yes", "no"),
                        help="重点非公企业 (managed by the zone's committee)")
    change.add_argument("--key-industry", choices=[*(k.value for k in KeyIndustry), "none"],
                        help="the key industry whose alliance it belongs to (none: not one)")
    listing = actions.add_parser(
        "list", help="the organizations as the directory tab (单位名录) lists them: "
        "id, name, USCC, place, ownership, staff, party members, open gaps; "
        "exit 1 if none")
    listing.add_argument("--text", metavar="T", help="what the search box finds them by: "
                         "name, pinyin initials, USCC or phone")
    listing.add_argument("--subdistrict", metavar="S", help="only this subdistrict's")
    listing.add_argument("--cluster", metavar="C", help="only this cluster's (its id, or a "
                         "name no other cluster of --subdistrict has)")
    listing.add_argument("--building", metavar="B", help="only this building's (its id, or "
                         "a name no other building has)")
    listing.add_argument("--ownership", choices=[o.value for o in Ownership])
    listing.add_argument("--industry", choices=sorted(INDUSTRY_SECTIONS),
                         help="industry section (GB/T 4754: C, I, …)")
    listing.add_argument("--gaps", choices=("yes", "no"),
                         help="only those with (yes) or without (no) open gaps")
    listing.add_argument("--mark", choices=list(directory.MARKS),
                         help="only 规模以上企业 (above_size), 上市公司 (listed) or 重点非公企业 "
                         "(key_enterprise)")
    listing.add_argument("--key-industry", choices=[k.value for k in KeyIndustry],
                         help="only the key industry's (its alliance's members)")
    listing.add_argument("--sort", choices=directory.SORTS, default="name")
    listing.add_argument("--desc", action="store_true", help="in descending order")
    listing.add_argument("--limit", type=limit_or_all, default=0, help="print at most N")
    listing.add_argument("--xlsx", metavar="FILE", type=Path,
                         help="write the organization workbook of those listed instead "
                         "(the columns `yeda export-xlsx organizations` writes)")
    org_sweep.add_parsers(actions)
    parser.set_defaults(func=run)
