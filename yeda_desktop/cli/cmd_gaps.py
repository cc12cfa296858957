"""`yeda gaps`: evaluate every rule, reconcile the special work ledger, print the counts.

`--list` prints each gap's id first, by which `yeda ledger` takes a step of its
rectification.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from sqlalchemy.orm import Session

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.ledger import LedgerFilter, ledger_rows, reconcile
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, GapStatus, Ownership
from yeda_desktop.rules import RULES, RULES_BY_ID, load_profile
from yeda_desktop.services.record_lookup import (
    find_building,
    find_cluster,
    find_organization,
    require_subdistrict,
)


def _filter(session: Session, args: argparse.Namespace) -> tuple[LedgerFilter, str | None]:
    """What `--list` narrows to, as the ledger tab's filters do, and the organization named."""
    subdistrict = require_subdistrict(session, args.subdistrict)
    wanted = LedgerFilter(
        rule_id=args.rule,
        status=GapStatus(args.status) if args.status else None,
        open_only=args.open,
        overdue_only=args.overdue,
        subdistrict=subdistrict,
        cluster_id=find_cluster(session, args.cluster, subdistrict) if args.cluster else None,
        building_id=find_building(session, args.building) if args.building else None,
        industry_section=args.industry,
        ownership=Ownership(args.ownership) if args.ownership else None,
        responsible=args.responsible,
    )
    return wanted, find_organization(session, args.org) if args.org is not None else None


def run(args: argparse.Namespace) -> int:
    profile = load_profile(args.profile)
    db = open_from_args(args)
    try:
        with db.reader() as session:  # before anything is written: a name that fits none stops
            wanted, org = _filter(session, args)
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
            shown = [r for r in wanted.select(rows) if org is None or r.organization_id == org]
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
    parser.add_argument("--profile", metavar="FILE", help="rules profile (.toml or .json)")
    parser.add_argument("--no-reconcile", action="store_true",
                        help="only print the ledger, do not re-evaluate")
    parser.add_argument("--list", action="store_true", help="list the gaps, one per line")
    parser.add_argument("--rule", choices=[r.id for r in RULES], help="list only this rule")
    parser.add_argument("--status", choices=[s.value for s in GapStatus],
                        help="list only this status")
    parser.add_argument("--open", action="store_true", help="list only open gaps")
    parser.add_argument("--overdue", action="store_true", help="list only overdue gaps")
    parser.add_argument("--org", metavar="ORG", help="list only this organization's gaps "
                        "(its id, USCC or name)")
    parser.add_argument("--building", metavar="B", help="list only the gaps of organizations "
                        "in this building (its id, or a name no other building has)")
    parser.add_argument("--responsible", metavar="P", help="list only the gaps P sees to")
    parser.add_argument("--subdistrict", metavar="S", help="list only this subdistrict's gaps")
    parser.add_argument("--cluster", metavar="C", help="list only this cluster's gaps (its id, "
                        "or a name no other cluster of --subdistrict has)")
    parser.add_argument("--industry", choices=sorted(INDUSTRY_SECTIONS),
                        help="list only this industry section's gaps (GB/T 4754: C, I, …)")
    parser.add_argument("--ownership", choices=[o.value for o in Ownership],
                        help="list only this ownership's gaps")
    parser.add_argument("--limit", type=int, default=0, help="list at most N gaps")
    parser.set_defaults(func=run)
