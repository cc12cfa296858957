"""`yeda gaps`: evaluate every rule, reconcile the special work ledger, print the counts.

`--list` prints each gap's id first, by which `yeda ledger` takes a step of its
rectification.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from yeda_desktop.cli.common import limit_or_all, open_from_args
from yeda_desktop.cli.ledger_filter_args import add_ledger_filter_args, ledger_filter
from yeda_desktop.ledger import ledger_rows, reconcile
from yeda_desktop.models.enums import GapStatus
from yeda_desktop.rules import RULES, RULES_BY_ID, load_profile


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile) if args.profile else None  # None: the one in force
    db = open_from_args(args)
    try:
        with db.reader() as session:  # before anything is written: a name that fits none stops
            wanted = ledger_filter(session, args)
        if not args.no_reconcile:
            with db.session(officer=args.officer) as session:
                result = reconcile(session, profile=profile)
            print(f"{result.summary_zh()} / {result.summary_en()}")
        with db.reader() as session:
            rows = ledger_rows(session)
        counts = Counter((r.rule_id, r.status) for r in rows)
        statuses = list(GapStatus)
        print(f"{'规则 / rule':<22}" + "".join(f"{s.zh:>9}" for s in statuses))
        for rule in RULES:
            line = "".join(f"{counts.get((rule.id, s), 0):>10}" for s in statuses)
            print(f"{rule.title_zh:<10}{rule.id:<18}{line}")
        if args.list:
            shown = wanted.select(rows)
            for r in shown[: args.limit or None]:
                title = RULES_BY_ID[r.rule_id].title_zh if r.rule_id in RULES_BY_ID else r.rule_id
                due = r.due_on.isoformat() if r.due_on else "—"
                print(f"{r.gap_id}\t{r.status.zh}\t{title}\t{r.organization}\t"
                      f"{r.detail_zh or ''}\t{r.responsible or '—'}\t{due}")
            print(f"列出 {min(len(shown), args.limit or len(shown))} / {len(shown)} 项")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("gaps", help="evaluate the gap rules and reconcile the ledger")
    parser.add_argument("--profile", metavar="FILE",
                        help="rules profile (.toml or .json) for this run, instead of the "
                        "thresholds in force (the centre's)")
    parser.add_argument("--no-reconcile", action="store_true",
                        help="only print the ledger, do not re-evaluate")
    parser.add_argument("--list", action="store_true", help="list the gaps, one per line")
    add_ledger_filter_args(parser)
    parser.add_argument("--limit", type=limit_or_all, default=0, help="list at most N gaps")
    parser.set_defaults(func=run)
