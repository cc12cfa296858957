"""`yeda party`: party organizations and the organizations each covers, as the detail pane's
加入… / 成立… / 移出… record them: a joint branch formed with its neighbours is one
command (`yeda party form NAME --type joint_branch --org A --org B --org C`); `set`
changes one's name, type, secretary or date."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import select

from yeda_desktop.cli.common import open_from_args, parse_day
from yeda_desktop.errors import YedaError
from yeda_desktop.models import Organization, PartyOrg, PartyOrgCoverage
from yeda_desktop.models.enums import PartyOrgType
from yeda_desktop.models.labels import column_label
from yeda_desktop.services import edits, party_work
from yeda_desktop.services.record_lookup import find_organization, find_party_org
from yeda_desktop.storage import Database


def _list(db: Database, args: argparse.Namespace) -> None:
    with db.reader() as session:
        rows = party_work.party_org_rows(session)
        org = find_organization(session, args.org) if args.org else None
    shown = [r for r in rows if org is None or org in {o for o, _ in r.covered}]
    for r in shown:
        print("\t".join((r.party_org_id, r.name, r.type.zh, r.secretary or "—",
                         r.established_on.isoformat() if r.established_on else "—",
                         f"覆盖 {len(r.covered)} 家：" + ("、".join(n for _, n in r.covered)
                                                        or "—"))))
    print(f"列出 {len(shown)} / {len(rows)} 个党组织 / listed {len(shown)} of {len(rows)}")


def _change(db: Database, args: argparse.Namespace) -> None:
    with db.session(officer=args.officer) as session:  # every organization, or none
        orgs = [find_organization(session, key) for key in args.org]
        if len(set(orgs)) < len(orgs):
            raise YedaError("同一单位写了两次", "an organization is named twice")
        done: list[edits.Edit] = []
        if args.action == "form":
            first = party_work.form_party_org(
                session, orgs[0], args.name, PartyOrgType(args.type),
                secretary_name=args.secretary, established_on=parse_day(args.on, "--on"))
            edits.apply(session, first)
            done.append(first)
            party_id = first.created(PartyOrg)[0]
            orgs = orgs[1:]
        else:
            party_id = find_party_org(session, args.party)
        for org in orgs:
            if args.action == "leave":
                coverage = session.scalar(select(PartyOrgCoverage.id).where(
                    PartyOrgCoverage.party_org_id == party_id,
                    PartyOrgCoverage.organization_id == org))
                if coverage is None:
                    name = session.get(Organization, org)
                    raise YedaError(f"{name.name if name else org}不在该党组织中，未作任何修改",
                                    "the organization is not in it; nothing was changed")
                edit = party_work.leave_party_org(session, str(coverage))
            else:
                edit = party_work.join_party_org(session, org, party_id)
            edits.apply(session, edit)
            done.append(edit)
    for edit in done:
        print(f"已{edit.zh} / done: {edit.en}")


def _set(db: Database, args: argparse.Namespace) -> None:
    """Name, type (a branch grown past 50 members becomes a general branch), secretary or
    date of a party organization, as one logged edit."""
    if not any((args.name, args.type, args.secretary, args.on)):
        raise YedaError("请至少给出一项要修改的内容（如 --type general_branch）",
                        "give at least one thing to change (such as --type general_branch)")
    with db.session(officer=args.officer) as session:
        edit = party_work.change_party_org(
            session, find_party_org(session, args.party), name=args.name,
            type_=PartyOrgType(args.type) if args.type else None,
            secretary_name=args.secretary, established_on=parse_day(args.on, "--on"))
        if edit is not None:
            edits.apply(session, edit)
    changed = [column_label("party_orgs", s.field) for s in edit.steps
               if isinstance(s, edits.Update)] if edit is not None else []
    print(f"已修改 {'、'.join(changed)} / changed {len(changed)} field(s)" if changed
          else "没有需要修改的内容 / nothing to change")


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, read_only=args.action == "list")
    try:
        if args.action == "list":
            _list(db, args)
        elif args.action == "set":
            _set(db, args)
        else:
            _change(db, args)
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("party", help="party organizations and the organizations each "
                            "covers (list, form, join, leave, set)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every party organization with the "
                                 "organizations it covers")
    listing.add_argument("--org", metavar="ORG", help="only those covering this organization")
    form = actions.add_parser("form", help="a party organization formed for the first --org; "
                              "the others join it (a joint branch)")
    form.add_argument("name", metavar="NAME")
    form.add_argument("--type", required=True, choices=[t.value for t in PartyOrgType])
    form.add_argument("--org", required=True, action="append", metavar="ORG",
                      help="an organization it covers (its id, USCC or name); repeat for more")
    form.add_argument("--secretary", metavar="NAME")
    form.add_argument("--on", metavar="YYYY-MM-DD", help="established on")
    for action, text in (("join", "organizations join an existing party organization"),
                         ("leave", "organizations leave a party organization")):
        step = actions.add_parser(action, help=text)
        step.add_argument("party", metavar="PARTY", help="its id or name")
        step.add_argument("--org", required=True, action="append", metavar="ORG",
                          help="its id, USCC or name; repeat for more")
    change = actions.add_parser("set", help="a party organization's name, type, secretary "
                                "or date established")
    change.add_argument("party", metavar="PARTY", help="its id or name")
    change.add_argument("--name")
    change.add_argument("--type", choices=[t.value for t in PartyOrgType])
    change.add_argument("--secretary", metavar="NAME")
    change.add_argument("--on", metavar="YYYY-MM-DD", help="established on")
    parser.set_defaults(func=run)
