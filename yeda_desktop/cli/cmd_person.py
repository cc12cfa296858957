"""`yeda person add | set | remove`: an organization's people, as the detail pane's member
row and table record them (the same checks: an ID number's check digit, a phone's
shape, a join date not in the future). `yeda org show` lists them with their ids."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.errors import YedaError
from yeda_desktop.models import Organization, Person
from yeda_desktop.models.enums import Gender, PartyStatus, PersonRole
from yeda_desktop.models.labels import column_label
from yeda_desktop.services import edits, sweep
from yeda_desktop.services.record_lookup import find_organization, find_person

# option → (field, how the typed text is read); "" clears a text field
_TEXT = {"id_number": "id_number", "phone": "phone", "joined": "join_date"}
_CHOSEN: dict[str, tuple[str, Any]] = {
    "gender": ("gender", lambda v: None if v == "none" else Gender(v)),
    "party_status": ("party_status", PartyStatus),
    "transferred": ("relation_transferred",
                    lambda v: {"yes": True, "no": False}.get(v)),
    "role": ("role", PersonRole),
}


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if getattr(args, "new_name", None) is not None:
        out["name"] = args.new_name
    for option, field in _TEXT.items():
        text = getattr(args, option)
        if text is not None:
            out[field] = text if text.strip() else None
    for option, (field, read) in _CHOSEN.items():
        if getattr(args, option) is not None:
            out[field] = read(getattr(args, option))
    return out


def _add(session: Session, args: argparse.Namespace) -> str:
    org = find_organization(session, args.org)
    edit = sweep.add_person(session, org, name=args.name, **_fields(args))
    edits.apply(session, edit)
    org_name = session.get_one(Organization, org).name
    return f"已为“{org_name}”{edit.zh} / {edit.en} to {org_name}"


def _person(session: Session, args: argparse.Namespace) -> Person:
    org = find_organization(session, args.org) if args.org else None
    return session.get_one(Person, find_person(session, args.person, org))


def _set(session: Session, args: argparse.Namespace) -> str:
    wanted = _fields(args)
    if not wanted:
        raise YedaError("请至少给出一项要修改的内容（如 --party-status full）",
                        "give at least one thing to change (such as --party-status full)")
    person = _person(session, args)
    changed = []
    for field, value in wanted.items():
        edit = edits.set_field(session, Person, person.id, field, value)
        if edit is not None:
            edits.apply(session, edit)
            changed.append(column_label("people", field))
    if not changed:
        return f"{person.name}：没有需要修改的内容 / nothing to change"
    return f"{person.name}：已修改 {'、'.join(changed)} / changed {len(changed)} field(s)"


def _remove(session: Session, args: argparse.Namespace) -> str:
    person = _person(session, args)
    edit = sweep.remove_person(session, person.id)
    edits.apply(session, edit)
    return f"已{edit.zh} / done: {edit.en}"


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        with db.session(officer=args.officer) as session:  # all of it, or none
            said = {"add": _add, "set": _set, "remove": _remove}[args.action](session, args)
    finally:
        db.close()
    print(said)
    return 0


def _field_options(parser: Any) -> None:
    parser.add_argument("--gender", choices=[*(g.value for g in Gender), "none"])
    parser.add_argument("--id-number", metavar="ID", help="居民身份证号码 (GB 11643-1999; "
                        "\"\" clears it)")
    parser.add_argument("--phone", metavar="PHONE", help="a mobile (11 digits) or landline")
    parser.add_argument("--party-status", choices=[s.value for s in PartyStatus],
                        help="none, activist (入党积极分子), candidate (发展对象), probationary "
                        "(预备党员) or full (正式党员)")
    parser.add_argument("--transferred", choices=("yes", "no", "unknown"),
                        help="the membership relation transferred here (no: a floating member)")
    parser.add_argument("--joined", metavar="DATE", help="入党日期, e.g. 2020-07-01")
    parser.add_argument("--role", choices=[r.value for r in PersonRole],
                        help="staff (职工), legal_rep (法定代表人), contact (联系人) or "
                        "party_worker (党务工作者)")


def register(sub: Any) -> None:
    parser = sub.add_parser("person", help="an organization's people: add one, change or "
                            "remove one (as the detail pane's member row and table)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="a person of the organization")
    add.add_argument("org", metavar="ORG", help="the organization: its id, USCC or name")
    add.add_argument("name", metavar="NAME", help="姓名")
    _field_options(add)
    change = actions.add_parser("set", help="change a person's fields")
    remove = actions.add_parser("remove", help="remove a person (undone by adding again)")
    for p in (change, remove):
        p.add_argument("person", metavar="PERSON", help="the person's id (or its start, as "
                       "yeda org show prints it), or name")
        p.add_argument("--org", metavar="ORG", help="look for the name among this "
                       "organization's people")
    change.add_argument("--name", dest="new_name", metavar="NAME", help="姓名")
    _field_options(change)
    parser.set_defaults(func=run)
