"""`yeda instructor`: party-building instructors sent to organizations and withdrawn, as the
detail pane's 选派… / 结束… record them (work coverage, 工作覆盖)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from sqlalchemy import select

from yeda_desktop.cli.common import open_from_args, parse_day
from yeda_desktop.errors import YedaError
from yeda_desktop.models import Instructor, InstructorAssignment, Organization
from yeda_desktop.services import edits, party_work
from yeda_desktop.services.record_lookup import find_organization
from yeda_desktop.storage import Database


def _list(db: Database, args: argparse.Namespace) -> None:
    with db.reader() as session:
        query = (select(Instructor.name, Instructor.phone, Instructor.employer, Organization.name,
                        InstructorAssignment.starts_on, InstructorAssignment.ends_on)
                 .join(Instructor, Instructor.id == InstructorAssignment.instructor_id)
                 .join(Organization, Organization.id == InstructorAssignment.organization_id)
                 .order_by(Instructor.name, Organization.name, InstructorAssignment.starts_on))
        if args.org:
            query = query.where(InstructorAssignment.organization_id
                                == find_organization(session, args.org))
        rows = session.execute(query).all()
    today = date.today()
    for name, phone, employer, org, starts, ends in rows:
        span = f"{starts.isoformat() if starts else '—'} 至 {ends.isoformat() if ends else '今'}"
        state = "在岗" if (starts is None or starts <= today) and (
            ends is None or ends >= today) else "已结束" if ends and ends < today else "未开始"
        print("\t".join((name, phone or "—", employer or "—", org, span, state)))
    print(f"列出 {len(rows)} 条选派 / {len(rows)} assignments")


def _send(db: Database, args: argparse.Namespace) -> list[edits.Edit]:
    done = []
    with db.session(officer=args.officer) as session:  # every organization, or none
        for key in args.orgs:
            edit = party_work.send_instructor(
                session, find_organization(session, key), args.name, phone=args.phone,
                employer=args.employer,
                starts_on=parse_day(args.starts, "--from") or date.today())
            edits.apply(session, edit)
            done.append(edit)
    return done


def _end(db: Database, args: argparse.Namespace) -> list[edits.Edit]:
    with db.session(officer=args.officer) as session:
        org = find_organization(session, args.org)
        active = [a for a in party_work.assignments_of(session, org) if a.ends_on is None]
        if args.name:
            active = [a for a in active if a.name == args.name.strip()]
        if not active:
            raise YedaError("该单位没有在岗的党建指导员" + (f"“{args.name}”" if args.name else ""),
                            "the organization has no instructor in post"
                            + (f" called {args.name}" if args.name else ""))
        if len(active) > 1:
            raise YedaError("该单位有多名在岗的党建指导员（"
                            + "、".join(a.name for a in active) + "），请用 --name 指定",
                            "the organization has several instructors; name one with --name")
        last = parse_day(args.on, "--on")
        assert last is not None  # required
        edit = party_work.end_assignment(session, active[0].assignment_id, last)
        edits.apply(session, edit)
    return [edit]


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, read_only=args.action == "list")
    try:
        if args.action == "list":
            _list(db, args)
            return 0
        done = _send(db, args) if args.action == "send" else _end(db, args)
    finally:
        db.close()
    for edit in done:
        print(f"已{edit.zh} / done: {edit.en}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("instructor", help="party-building instructors sent to "
                            "organizations (list, send, end)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every assignment, in post or ended")
    listing.add_argument("--org", metavar="ORG", help="only this organization's")
    send = actions.add_parser("send", help="an instructor sent to organizations (one already "
                              "on file, by name and phone, is sent again, not entered twice)")
    send.add_argument("orgs", nargs="+", metavar="ORG", help="its id, USCC or name")
    send.add_argument("--name", required=True)
    send.add_argument("--phone")
    send.add_argument("--employer")
    send.add_argument("--from", dest="starts", metavar="YYYY-MM-DD",
                      help="first day (default: today)")
    end = actions.add_parser("end", help="an organization's instructor withdrawn")
    end.add_argument("org", metavar="ORG", help="its id, USCC or name")
    end.add_argument("--on", required=True, metavar="YYYY-MM-DD",
                     help="the last day of the assignment")
    end.add_argument("--name", help="which instructor, when it has several")
    parser.set_defaults(func=run)
