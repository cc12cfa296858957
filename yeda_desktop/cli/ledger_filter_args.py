"""The ledger tab's filters as command-line options, for every command that narrows the
ledger the same way (`yeda gaps --list`, `yeda export-xlsx ledger`, `yeda pdf ledger`)."""

from __future__ import annotations

import argparse

from sqlalchemy.orm import Session

from yeda_desktop.ledger import LedgerFilter
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, GapStatus, Ownership
from yeda_desktop.rules import RULES
from yeda_desktop.services.record_lookup import (
    find_building,
    find_cluster,
    find_organization,
    require_subdistrict,
)
from yeda_desktop.services.search import matching_org_ids

_OPTIONS = ("rule", "status", "open", "overdue", "org", "building", "responsible",
            "subdistrict", "cluster", "industry", "ownership", "text")


def add_ledger_filter_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("which gaps (as the ledger tab's filters)")
    group.add_argument("--rule", choices=[r.id for r in RULES], help="only this rule's gaps")
    group.add_argument("--status", choices=[s.value for s in GapStatus],
                       help="only gaps of this status")
    group.add_argument("--open", action="store_true", help="only open gaps")
    group.add_argument("--overdue", action="store_true", help="only overdue gaps")
    group.add_argument("--org", metavar="ORG",
                       help="only this organization's gaps (its id, USCC or name)")
    group.add_argument("--building", metavar="B", help="only the gaps of organizations in "
                       "this building (its id, or a name no other building has)")
    group.add_argument("--responsible", metavar="P", help="only the gaps P sees to")
    group.add_argument("--subdistrict", metavar="S", help="only this subdistrict's gaps")
    group.add_argument("--cluster", metavar="C", help="only this cluster's gaps (its id, "
                       "or a name no other cluster of --subdistrict has)")
    group.add_argument("--industry", choices=sorted(INDUSTRY_SECTIONS),
                       help="only this industry section's gaps (GB/T 4754: C, I, …)")
    group.add_argument("--ownership", choices=[o.value for o in Ownership],
                       help="only this ownership's gaps")
    group.add_argument("--text", metavar="T",
                       help="only gaps whose organization, USCC or detail holds T, or whose "
                       "organization the search box finds by T (pinyin initials, phone)")


def any_ledger_filter(args: argparse.Namespace) -> bool:
    """Whether any of the options above was given."""
    return any(getattr(args, name, None) not in (None, False) for name in _OPTIONS)


def ledger_filter(session: Session, args: argparse.Namespace) -> LedgerFilter:
    """The options as a LedgerFilter; a name that fits no record, or several, stops here."""
    subdistrict = require_subdistrict(session, args.subdistrict)
    return LedgerFilter(
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
        organization_id=find_organization(session, args.org) if args.org is not None else None,
        text=args.text or "",
        text_orgs=matching_org_ids(session, args.text) if args.text else frozenset(),
    )
