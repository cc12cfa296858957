"""`yeda ledger`: one gap in full, and the steps of its rectification, as the ledger tab takes them.

Gaps are named by id as `yeda gaps --list` prints them (ledger.lookup); several at once
are changed in one transaction: one refused, none changed, and the message says which.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from yeda_desktop.cli.common import open_from_args, parse_day
from yeda_desktop.errors import YedaError
from yeda_desktop.ledger import (
    LedgerError,
    assign,
    close,
    gap_detail,
    reopen,
    set_responsible,
    start,
    waive,
)
from yeda_desktop.ledger.lookup import find_gap, find_gaps, gap_words, ids_in
from yeda_desktop.local_time import local_minute
from yeda_desktop.models import Gap
from yeda_desktop.models.enums import GapAction, GapStatus
from yeda_desktop.rules import RULES_BY_ID
from yeda_desktop.storage import Database

Step = Callable[[Session, Gap], None]


def measure_code(text: str) -> str:
    """A measure as typed: its code, or its Chinese name as the ledger tab lists it."""
    clean = text.strip()
    return next((a.value for a in GapAction if clean in (a.value, a.zh)), clean)


def _steps(args: argparse.Namespace) -> Callable[[Session, list[Gap]], None]:
    """What the action does to the gaps named, in one session."""
    action = args.action

    def each(step: Step) -> Callable[[Session, list[Gap]], None]:
        def work(session: Session, gaps: list[Gap]) -> None:
            for gap in gaps:
                try:
                    step(session, gap)
                except LedgerError as exc:  # which of the gaps, and that none changed
                    zh, en = gap_words(gap)
                    raise YedaError(f"{zh}：{exc.zh}；未做任何修改",
                                    f"{en}: {exc.en}; nothing was changed") from None
        return work

    if action == "assign":
        chosen, due = GapAction(args.measure), parse_day(args.due, "--due")
        return each(lambda s, g: assign(s, g, chosen, responsible=args.responsible,
                                        due_on=due, note=args.note))
    if action == "responsible":
        due = parse_day(args.due, "--due")

        def bulk(session: Session, gaps: list[Gap]) -> None:
            try:
                set_responsible(session, gaps, args.name, due)
            except LedgerError as exc:
                raise YedaError(f"{exc.zh}；未做任何修改",
                                f"{exc.en}; nothing was changed") from None
        return bulk
    if action == "start":
        return each(lambda s, g: start(s, g, args.note))
    if action == "close":
        on = parse_day(args.on, "--on") or date.today()
        return each(lambda s, g: close(s, g, args.evidence, on, args.note))
    if action == "waive":
        return each(lambda s, g: waive(s, g, args.reason, args.by))
    return each(lambda s, g: reopen(s, g, args.reason))


def named_gaps(keys: list[str]) -> list[str]:
    """The GAP arguments, "-" replaced by the ids piped in from `yeda gaps --list`."""
    if "-" not in keys:
        return keys
    piped = ids_in(sys.stdin)
    if not piped:
        raise YedaError("标准输入中没有问题编号（请用 yeda gaps --list … | yeda ledger … -）",
                        "no gap ids on standard input (use yeda gaps --list … | yeda ledger … -)")
    return [k for key in keys for k in (piped if key == "-" else [key])]


def _change(db: Database, args: argparse.Namespace, keys: list[str]) -> None:
    work = _steps(args)
    with db.session(officer=args.officer) as session:
        gaps = find_gaps(session, keys)
        before = {g.id: (g.status, g.responsible, g.due_on) for g in gaps}
        work(session, gaps)
        lines = [_after(g, *before[g.id]) for g in gaps]
    for line in lines:
        print(line)
    print(f"共 {len(lines)} 项 / {len(lines)} gaps")


def _after(gap: Gap, status: GapStatus, responsible: str | None, due: date | None) -> str:
    zh, _ = gap_words(gap)
    moved = (f"{status.zh} → {gap.status.zh}" if gap.status != status
             else f"仍为{gap.status.zh}")
    if (gap.responsible, gap.due_on) != (responsible, due):
        moved += f"；负责人 {gap.responsible or '—'}，期限 {_day(gap.due_on)}"
    return f"{zh}：{moved}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _show(db: Database, key: str) -> None:
    with db.reader() as session:
        detail = gap_detail(session, find_gap(session, key).id)
    assert detail is not None
    rule = RULES_BY_ID.get(detail.rule_id)
    rows = [
        ("编号 id", detail.gap_id),
        ("单位 organization", f"{detail.organization}（{detail.organization_id}）"),
        ("问题 rule", f"{rule.title_zh if rule else detail.rule_id}（{detail.rule_id}）"),
        ("说明 detail", detail.detail_zh or "—"),
        ("状态 status", f"{detail.status.zh}（{detail.status.value}）"),
        ("措施 measure", detail.action.zh if detail.action else "—"),
        ("负责人 responsible", detail.responsible or "—"),
        ("整改期限 due", _day(detail.due_on)),
    ]
    if detail.closed_on or detail.evidence:
        rows += [("完成日期 closed on", _day(detail.closed_on)),
                 ("佐证材料 evidence", detail.evidence or "—")]
    if detail.waived_reason:
        rows += [("豁免理由 waived", f"{detail.waived_reason}（{detail.waived_by or '—'}）")]
    for label, value in rows:
        print(f"{label}: {value}")
    print("经过 history:")
    for step in detail.history:
        moved = (f"{step.from_status.zh} → {step.to_status.zh}"
                 if step.from_status and step.from_status != step.to_status
                 else step.to_status.zh)
        print(f"  {local_minute(step.at)}  {step.officer or '—'}  {moved}"
              f"{'  ' + step.note if step.note else ''}")


def run(args: argparse.Namespace) -> int:
    # Piped ids are read to their end first: the `yeda gaps` writing them holds the
    # database until it has printed them all.
    keys = named_gaps(args.gaps) if args.action != "show" else []
    db = open_from_args(args)
    try:
        if args.action == "show":
            _show(db, args.gaps[0] if args.gaps else "")
        else:
            _change(db, args, keys)
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "ledger", help="one gap of the special work ledger in full, or a step of its "
        "rectification (assign, responsible, start, close, waive, reopen)",
        description="GAP: a gap's id as `yeda gaps --list` prints it (or a start of it "
        "that no other id shares), or - for the ids of the gaps listed on standard input "
        "(yeda gaps --no-reconcile --list --building B --open | yeda ledger responsible - "
        "--name P); several GAPs change together or not at all.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="the gap, its measure and its history")
    show.add_argument("gaps", nargs=1, metavar="GAP")
    steps = {
        "assign": "decide the measure (identified → assigned)",
        "responsible": "set who is responsible and by when (without --due: no due date)",
        "start": "work on the measure has begun (assigned → in progress)",
        "close": "rectified, with the evidence (→ closed)",
        "waive": "not to be rectified, with the reason (→ waived)",
        "reopen": "undo a closing or a waiver (→ identified)",
    }
    parsers = {name: actions.add_parser(name, help=text) for name, text in steps.items()}
    for p in parsers.values():
        p.add_argument("gaps", nargs="+", metavar="GAP")
    parsers["assign"].add_argument(
        "--measure", required=True, type=measure_code, choices=[a.value for a in GapAction],
        metavar="MEASURE", help="the measure decided, by its code or its Chinese name: "
        + ", ".join(f"{a.value} ({a.zh})" for a in GapAction))
    parsers["assign"].add_argument("--responsible", help="who sees to it")
    parsers["assign"].add_argument("--due", metavar="DATE", help="by when (2026-12-31)")
    parsers["responsible"].add_argument("--name", required=True,
                                        help="who sees to it (\"\" for nobody)")
    parsers["responsible"].add_argument("--due", metavar="DATE", help="by when (2026-12-31)")
    parsers["close"].add_argument("--evidence", required=True,
                                  help="what shows it was rectified")
    parsers["close"].add_argument("--on", metavar="DATE",
                                  help="the day it was rectified (default: today)")
    parsers["waive"].add_argument("--reason", required=True)
    parsers["waive"].add_argument("--by", help="who decided (default: --officer)")
    parsers["reopen"].add_argument("--reason", required=True)
    for name in ("assign", "start", "close"):
        parsers[name].add_argument("--note", help="a note for the history")
    parser.set_defaults(func=run)
