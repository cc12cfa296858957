"""`yeda org register | attach | detach | confirm`: what the sweep tab does with a unit's
organizations, from the command line (the same services, the same checks, one
transaction each).

A name already registered somewhere is not registered again silently: the window asks
whether it is the same organization; here the command stops and names where it is, and
`--new` says it is another one of the same name."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.cli.org_field_args import add_class_options, add_field_options, typed_fields
from yeda_desktop.cli.unit_args import (
    add_team_argument,
    add_unit_arguments,
    campaign_and_team,
    unit_from_args,
)
from yeda_desktop.errors import YedaError
from yeda_desktop.models import Organization
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, OrgKind, Ownership
from yeda_desktop.services import edits, namesakes, sweep
from yeda_desktop.services.record_lookup import find_organization
from yeda_desktop.services.search import unit_places

ORG_HELP = "its id, USCC or name (a unique part of it)"


def _where(session: Session, unit: str) -> tuple[str, str]:
    p = unit_places(session, {unit})[unit]
    return (f"{p.building_name} {p.floor_label}层 {p.unit_label}",
            f"{p.building_name} floor {p.floor_label} unit {p.unit_label}")


def _register(session: Session, args: argparse.Namespace) -> tuple[edits.Edit, str, str]:
    unit = unit_from_args(session, args)
    campaign, team = campaign_and_team(session, args)
    fields = typed_fields(args)
    if args.kind:
        fields["kind"] = OrgKind(args.kind)
    if args.ownership:
        fields["ownership"] = Ownership(args.ownership)
    if args.industry:
        fields["industry_section"] = args.industry
    twins = namesakes.namesakes(session, args.name)
    if twins and not args.new:
        zh = "；".join(f"{t.name}（{t.where_zh()}，{t.organization_id[:8]}）" for t in twins)
        en = "; ".join(f"{t.name} ({t.where_en()}, {t.organization_id[:8]})" for t in twins)
        raise YedaError(
            f"已有同名单位：{zh}。若是同一单位，请用 yeda org attach 关联到此房间；"
            "若确是另一单位，请加 --new",
            f"an organization of this name is registered already: {en}. If it is the same "
            "one, attach it to this unit (yeda org attach); if it is another, add --new")
    edit = sweep.register_organization(session, unit, args.name, campaign, args.officer,
                                       team, **fields)
    return edit, str(edit.steps[0].values["id"]), unit  # type: ignore[union-attr]


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        with db.session(officer=args.officer) as session:  # all of it, or none
            if args.action == "register":
                edit, org_id, unit = _register(session, args)
                where = _where(session, unit)
            else:
                org_id = find_organization(session, args.org)
                where = ("", "")
                if args.action == "confirm":
                    campaign, _ = campaign_and_team(session, args)
                    edit = sweep.confirm_organization(session, org_id, campaign)
                else:
                    unit = unit_from_args(session, args)
                    where = _where(session, unit)
                    if args.action == "attach":
                        campaign, team = campaign_and_team(session, args)
                        edit = sweep.attach_organization(session, unit, org_id, campaign,
                                                         args.officer, team)
                    else:
                        edit = _detach(session, unit, org_id, where)
            edits.apply(session, edit)
            name = session.get_one(Organization, org_id).name
    finally:
        db.close()
    print(_said(args.action, name, org_id, where, bool(edit.steps)))
    return 0


def _detach(session: Session, unit: str, org_id: str, where: tuple[str, str]) -> edits.Edit:
    try:
        return sweep.detach_organization(session, unit, org_id)
    except LookupError:
        name = session.get_one(Organization, org_id).name
        raise YedaError(f"单位“{name}”不在{where[0]}", f"{name} is not in {where[1]}") from None


def _said(action: str, name: str, org_id: str, where: tuple[str, str], changed: bool) -> str:
    if action == "register":
        return (f"已登记单位“{name}”于{where[0]}（{org_id}） / registered {name} in "
                f"{where[1]} ({org_id})")
    if action == "attach":
        return f"已将“{name}”关联到{where[0]} / {name} attached to {where[1]}"
    if action == "detach":
        return f"已将“{name}”移出{where[0]} / {name} removed from {where[1]}"
    if not changed:
        return f"“{name}”本次扫楼已核实 / {name} was verified in this campaign already"
    return f"已核实“{name}”（本次扫楼核实无误） / {name} verified in this campaign"


def add_parsers(actions: Any) -> None:
    reg = actions.add_parser(
        "register", help="a new organization in a unit, with a registered visit (as the "
        "sweep tab's 登记新单位); stops if the name is registered already")
    add_unit_arguments(reg)
    reg.add_argument("name", metavar="NAME", help="单位名称")
    add_field_options(reg, with_name=False)
    add_class_options(reg)
    reg.add_argument("--industry", choices=sorted(INDUSTRY_SECTIONS),
                     help="industry section (GB/T 4754: C, I, …)")
    reg.add_argument("--new", action="store_true",
                     help="register it even though an organization of this name exists "
                     "(another one of the same name)")
    add_team_argument(reg)
    attach = actions.add_parser(
        "attach", help="an organization already registered (last year's, or one renting "
        "another room) found in a unit: linked to it, visited and verified")
    attach.add_argument("org", metavar="ORG", help=ORG_HELP)
    add_unit_arguments(attach)
    add_team_argument(attach)
    detach = actions.add_parser("detach", help="an organization no longer in a unit (moved "
                                "out): the link goes, the organization stays")
    detach.add_argument("org", metavar="ORG", help=ORG_HELP)
    add_unit_arguments(detach)
    confirm = actions.add_parser("confirm", help="the organization's record checked in this "
                                 "campaign (本次扫楼核实无误)")
    confirm.add_argument("org", metavar="ORG", help=ORG_HELP)


ACTIONS = ("register", "attach", "detach", "confirm")
