"""A building's sweep summary read from the database: every unit, its latest visit, its gaps.

Units come floor by floor in true floor order (B2, B1, 1, 2, 3, 3A …: ``Floor.level``
then label); a unit's status is its latest visit in the current campaign; the gaps are
the rules evaluated now on the stored facts of the building's organizations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import (
    Building,
    Campaign,
    Cluster,
    Floor,
    Occupancy,
    Subdistrict,
    Team,
    Unit,
    Visit,
)
from yeda_desktop.models import Organization as OrgRow
from yeda_desktop.rules import (
    RULES_BY_ID,
    RulesProfile,
    default_context,
    evaluate,
    profile_in_force,
)
from yeda_desktop.rules.facts import facts_from_row
from yeda_desktop.rules.facts_query import facts_select

from .data import SweepRow, SweepSummary
from .db_organization import chunks, member_counts

NOT_VISITED = "未走访"


def _gap_titles(
    session: Session, org_ids: list[str], day: date, profile: RulesProfile
) -> dict[str, tuple[str, ...]]:
    """Organization id → titles of the rules that fire for it (one query for all)."""
    facts = facts_select(
        default_context(session, day), identifiers=profile.check_identifiers
    ).subquery("facts")
    out: dict[str, tuple[str, ...]] = {}
    for part in chunks(org_ids):
        for row in session.execute(select(facts).where(facts.c.organization_id.in_(part))):
            found = evaluate(facts_from_row(row), profile)
            out[str(row.organization_id)] = tuple(
                RULES_BY_ID[f.rule_id].title_zh for f in found if f.severity != "info"
            )
    return out


def sweep_summary(
    session: Session,
    building_id: str,
    *,
    today: date | None = None,
    profile: RulesProfile | None = None,
) -> SweepSummary:
    """The sweep summary of one building in the current campaign."""
    day = today or date.today()
    prof = profile or profile_in_force(session)
    head = session.execute(
        select(Building.name, Cluster.name.label("cluster"), Subdistrict.name.label("sub"))
        .join(Cluster, Cluster.id == Building.cluster_id)
        .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
        .where(Building.id == building_id)
    ).one_or_none()
    if head is None:
        raise YedaError(f"找不到楼宇：{building_id}", f"no building with id {building_id}")
    ctx = default_context(session, day)
    campaign = (
        session.scalar(select(Campaign.name).where(Campaign.id == ctx.campaign_id))
        if ctx.campaign_id
        else None
    )

    units = session.execute(
        select(Unit.id, Unit.label, Floor.label.label("floor"))
        .join(Floor, Floor.id == Unit.floor_id)
        .where(Floor.building_id == building_id)
        .order_by(Floor.level, Floor.label, Unit.label)
    ).all()
    unit_ids = [str(u.id) for u in units]

    latest = (
        select(
            Visit.unit_id,
            Visit.outcome,
            Visit.visited_at,
            Visit.team_id,
            Visit.note,
            func.row_number()
            .over(partition_by=Visit.unit_id, order_by=(Visit.visited_at.desc(), Visit.id.desc()))
            .label("rn"),
        )
        .join(Unit, Unit.id == Visit.unit_id)
        .join(Floor, Floor.id == Unit.floor_id)
        .where(Floor.building_id == building_id, Visit.campaign_id == ctx.campaign_id)
        .subquery("latest")
    )
    visits = {str(v.unit_id): v for v in session.execute(select(latest).where(latest.c.rn == 1))}

    occupants: dict[str, list[tuple[str, str, int | None]]] = defaultdict(list)
    for part in chunks(unit_ids):
        query = (
            select(Occupancy.unit_id, OrgRow.id, OrgRow.name, OrgRow.staff_count)
            .join(OrgRow, OrgRow.id == Occupancy.organization_id)
            .where(Occupancy.unit_id.in_(part))
            .order_by(OrgRow.name)
        )
        for uid, oid, name, headcount in session.execute(query):
            occupants[str(uid)].append((str(oid), name, headcount))
    org_ids = list(dict.fromkeys(o for occ in occupants.values() for o, _, _ in occ))
    members = member_counts(session, org_ids)
    gaps = _gap_titles(session, org_ids, day, prof)

    rows = []
    for u in units:
        occ = occupants.get(str(u.id), [])
        visit = visits.get(str(u.id))
        staff = [s for _, _, s in occ if s is not None]
        rows.append(
            SweepRow(
                floor_label=u.floor,
                unit_label=u.label,
                visit_outcome=visit.outcome.zh if visit is not None else NOT_VISITED,
                organization="、".join(name for _, name, _ in occ) or None,
                staff_count=sum(staff) if staff else None,
                member_count=sum(sum(members.get(o, (0, 0))) for o, _, _ in occ) if occ else None,
                gaps=tuple(dict.fromkeys(t for o, _, _ in occ for t in gaps.get(o, ()))),
                remarks=visit.note if visit is not None else None,
            )
        )
    team_ids = Counter(v.team_id for v in visits.values() if v.team_id is not None)
    team = (
        session.scalar(select(Team.name).where(Team.id == team_ids.most_common(1)[0][0]))
        if team_ids
        else None
    )
    swept = max((v.visited_at for v in visits.values()), default=None)
    return SweepSummary(
        record_id=building_id,
        building_name=head.name,
        rows=tuple(rows),
        cluster=head.cluster,
        subdistrict=head.sub,
        campaign=campaign,
        team=team,
        swept_on=swept.date() if swept is not None else None,
    )
