"""The ledger as rows to show, filter, sort and export: each gap with its organization and place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.ledger.location import Place, building_places, primary_location
from yeda_desktop.models import Gap, Organization
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, GapAction, GapStatus, Ownership
from yeda_desktop.rules import RULES_BY_ID

NOWHERE: Place = (None, None, None, None, None, None)  # an organization in no unit

# Rows read from the database at a time: the whole result at once was held beside the
# rows made from it (at 178,180 gaps, a passing peak of 253 MiB against 186 kept).
YIELD_PER = 5000


@dataclass(frozen=True)
class LedgerRow:
    gap_id: str
    organization_id: str
    organization: str
    uscc: str | None
    rule_id: str
    severity: str
    status: GapStatus
    detail_zh: str | None
    action: GapAction | None
    responsible: str | None
    due_on: date | None
    identified_at: datetime
    closed_on: date | None
    evidence: str | None
    waived_reason: str | None
    subdistrict: str | None
    cluster: str | None
    building: str | None
    # Which cluster and building: a zone has several of one name.
    cluster_id: str | None
    building_id: str | None
    building_address: str | None
    industry_section: str | None
    ownership: Ownership
    overdue: bool
    waived_by: str | None = None  # who decided a waiver (not always who recorded it)

    @property
    def rule_zh(self) -> str:
        rule = RULES_BY_ID.get(self.rule_id)
        return rule.title_zh if rule else self.rule_id

    @property
    def industry_zh(self) -> str:
        return INDUSTRY_SECTIONS.get(self.industry_section or "", "")


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger view narrows to; None means "any"."""

    rule_id: str | None = None
    status: GapStatus | None = None
    open_only: bool = False
    subdistrict: str | None = None
    cluster_id: str | None = None
    building_id: str | None = None
    industry_section: str | None = None
    ownership: Ownership | None = None
    responsible: str | None = None
    overdue_only: bool = False
    text: str = ""
    organization_id: str | None = None
    # The organizations the search index finds by `text` (pinyin initials, a phone): a
    # row shows if its words hold the text or its organization is one of these.
    text_orgs: frozenset[str] = frozenset()

    def matches(self, row: LedgerRow) -> bool:
        return bool(self.select([row]))

    def select(self, rows: Sequence[LedgerRow]) -> list[LedgerRow]:
        """The rows this filter accepts, in their order.

        One pass per condition set, each a comprehension: a centre's ledger holds a
        gap per failed rule (178,000 rows for 100,000 organizations), filtered again
        at every keystroke of the view's search.
        """
        equal = {
            "rule_id": self.rule_id,
            "status": self.status,
            "subdistrict": self.subdistrict,
            "cluster_id": self.cluster_id,
            "building_id": self.building_id,
            "industry_section": self.industry_section,
            "ownership": self.ownership,
            "responsible": self.responsible,
            "organization_id": self.organization_id,
        }
        shown = list(rows)
        for attribute, wanted in equal.items():
            if wanted is not None:
                shown = [r for r in shown if getattr(r, attribute) == wanted]
        if self.open_only:
            shown = [r for r in shown if r.status in OPEN_STATUSES]
        if self.overdue_only:
            shown = [r for r in shown if r.overdue]
        needle = self.text.strip().lower()
        if needle:
            found = self.text_orgs
            shown = [r for r in shown if r.organization_id in found
                     or needle in f"{r.organization} {r.uscc or ''} {r.detail_zh or ''}".lower()]
        return shown


def ledger_rows(session: Session, today: date | None = None) -> list[LedgerRow]:
    """Every gap of the ledger with its organization and primary location, newest first."""
    day = today or date.today()
    loc = primary_location()
    query = (
        select(
            Gap.id, Gap.organization_id, Organization.name, Organization.uscc, Gap.rule_id,
            Gap.status, Gap.detail_zh, Gap.action, Gap.responsible, Gap.due_on,
            Gap.identified_at, Gap.closed_on, Gap.evidence, Gap.waived_reason, Gap.waived_by,
            loc.c.building_id, Organization.industry_section, Organization.ownership,
        )
        .join(Organization, Organization.id == Gap.organization_id)
        .outerjoin(loc, loc.c.organization_id == Gap.organization_id)
        .order_by(Gap.identified_at.desc(), Organization.name, Gap.rule_id)
    )
    # A gap's place comes from its building, read once for all: the same six values
    # (names, ids, address) for thousands of gaps, as one copy. Read with each gap (only
    # the names, before 2026-11-30), the rows of 178,180 gaps held 186 MiB; now 130.
    places = building_places(session)
    times: dict[datetime, datetime] = {}  # one copy of each re-evaluation's time too
    rows = []
    # Unpacked as tuples: reading the fields by name from each of a centre's 178,000 rows
    # took a third of the listing's 11 s.
    for (gap_id, org_id, name, uscc, rule_id, status, detail, action, responsible, due_on,
         identified_at, closed_on, evidence, waived_reason, waived_by, building_id,
         industry_section, ownership) in session.execute(
             query.execution_options(yield_per=YIELD_PER)):
        rule = RULES_BY_ID.get(rule_id)
        subdistrict, cluster, building, cluster_id, building_id, building_address = (
            places.get(building_id, NOWHERE) if building_id else NOWHERE)
        rows.append(
            LedgerRow(
                gap_id=gap_id, organization_id=org_id, organization=name, uscc=uscc,
                rule_id=rule.id if rule else rule_id,
                severity=rule.severity.value if rule else "info",
                status=status, detail_zh=detail, action=action, responsible=responsible,
                due_on=due_on, identified_at=times.setdefault(identified_at, identified_at),
                closed_on=closed_on, evidence=evidence, waived_reason=waived_reason,
                subdistrict=subdistrict, cluster=cluster, building=building,
                cluster_id=cluster_id, building_id=building_id,
                building_address=building_address,
                industry_section=industry_section, ownership=ownership,
                overdue=status in OPEN_STATUSES and due_on is not None and due_on < day,
                waived_by=waived_by,
            )
        )
    return rows
