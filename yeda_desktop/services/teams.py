"""The sweep teams of a campaign and the buildings each one sweeps.

The centre sets them up; the team's buildings are the scope of the baseline its laptops
get, and the teams travel to every laptop in the centre's profile. A building is swept
by one team of a campaign: given to another team, it leaves the one it had.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError, YedaError
from yeda_desktop.models import (
    Building,
    Cluster,
    Device,
    Subdistrict,
    Team,
    TeamBuilding,
    Visit,
)
from yeda_desktop.models.checks import text
from yeda_desktop.models.enums import DeviceStatus
from yeda_desktop.services.ordering import code_point, dialect_of
from yeda_desktop.services.sweep import current_campaign

NAME_MAX = 60  # teams.name
ID_PREFIX_MIN = 6  # characters of an id that may name a building on the command line


@dataclass(frozen=True)
class TeamInfo:
    id: str
    name: str
    leader: str | None
    buildings: int


@dataclass(frozen=True)
class Placement:
    """A building and the team of the campaign that sweeps it (None: no team yet)."""

    building_id: str
    building: str
    team_id: str | None
    team: str | None
    # Where it stands ("镇街 · 集聚区"): a zone has several buildings of one name (a
    # 100,000-organization demo: 714 buildings, 337 names).
    place: str


@dataclass
class Assigned:
    """What an assignment changed: buildings added to the team, taken off it, and those
    that came from another team (building name → that team's name)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved_from: dict[str, str] = field(default_factory=dict)


def list_teams(session: Session, campaign_id: str) -> list[TeamInfo]:
    counts = {team: n for team, n in session.execute(
        select(TeamBuilding.team_id, func.count()).group_by(TeamBuilding.team_id))}
    rows = session.scalars(select(Team).where(Team.campaign_id == campaign_id)
                           .order_by(code_point(Team.name, dialect_of(session))))
    return [TeamInfo(t.id, t.name, t.leader, counts.get(t.id, 0)) for t in rows]


def current_teams(session: Session) -> list[Team]:
    """The teams of the current campaign, by name: a team of an earlier year's campaign
    (one `campaigns.start_campaign` copied) is not one to enrol for or send a baseline to."""
    current = current_campaign(session)
    query = select(Team).order_by(code_point(Team.name, dialect_of(session)))
    if current is not None:
        query = query.where(Team.campaign_id == current.id)
    return list(session.scalars(query))


def _clean_name(session: Session, campaign_id: str, name: str, keep: str | None = None) -> str:
    clean = text(name, "name", "小组名称", NAME_MAX)
    if not clean:
        raise ValidationError("name", "小组名称", "不能为空", "must not be empty")
    taken = session.scalar(select(Team.id).where(
        Team.campaign_id == campaign_id, Team.name == clean, Team.id != (keep or "")))
    if taken is not None:
        raise ValidationError("name", "小组名称", f"已有名为“{clean}”的扫楼小组",
                              f"there is already a team called {clean!r}")
    return clean


def add_team(session: Session, campaign_id: str, name: str, leader: str | None = None) -> Team:
    team = Team(campaign_id=campaign_id, name=_clean_name(session, campaign_id, name),
                leader=text(leader, "leader", "组长", 60))
    session.add(team)
    session.flush()
    return team


def rename_team(session: Session, team_id: str, name: str) -> Team:
    """A new name for a team. Laptops enrolled under the old name keep it on their
    devices' rows; they learn the new one from the next profile."""
    team = _team(session, team_id)
    team.name = _clean_name(session, team.campaign_id, name, keep=team.id)
    session.flush()
    return team


def remove_team(session: Session, team_id: str) -> list[str]:
    """Remove a team nothing has used yet (one added by mistake); returns the names of
    the buildings it had, which are left without a team.

    A team that recorded visits is part of the campaign's record, and one a laptop is
    enrolled for (or asks to be) is the name that laptop's work travels under: both are
    refused, saying why (a wrong name can be changed instead). Laptops drop the team with
    the next profile they import.
    """
    team = _team(session, team_id)
    visits = session.scalar(select(func.count()).select_from(Visit)
                            .where(Visit.team_id == team.id)) or 0
    if visits:
        raise YedaError(
            f"扫楼小组“{team.name}”已有 {visits} 条走访记录，不能删除（名称有误可以改名）",
            f"team {team.name!r} has recorded {visits} visit(s) and cannot be removed "
            "(rename it if the name is wrong)")
    devices = sorted(session.scalars(select(Device.name).where(
        Device.team == team.name, Device.status != DeviceStatus.REVOKED)))
    if devices:
        raise YedaError(
            f"设备 {'、'.join(devices)} 登记在扫楼小组“{team.name}”，不能删除；"
            "请先吊销这些设备或拒绝其申请（名称有误可以改名）",
            f"device(s) {', '.join(devices)} are enrolled for team {team.name!r}, so it "
            "cannot be removed; revoke them or refuse their requests first (rename it if "
            "the name is wrong)")
    names = _building_names(session)
    freed = []
    for link in session.scalars(select(TeamBuilding).where(TeamBuilding.team_id == team.id)):
        freed.append(names.get(link.building_id, link.building_id))
        session.delete(link)
    session.flush()
    session.delete(team)
    session.flush()
    return sorted(freed)


def find_team(session: Session, campaign_id: str, name_or_id: str) -> Team:
    rows = list(session.scalars(select(Team).where(
        Team.campaign_id == campaign_id, (Team.id == name_or_id) | (Team.name == name_or_id))))
    if len(rows) != 1:
        raise YedaError(f"找不到扫楼小组“{name_or_id}”", f"no team {name_or_id!r}")
    return rows[0]


def find_buildings(session: Session, names_or_ids: Iterable[str]) -> list[str]:
    """Building ids, each given by its id, a unique start of it (as `yeda teams list
    --buildings` prints it) or its unique name."""
    found: list[str] = []
    for wanted in names_or_ids:
        rows = list(session.scalars(select(Building.id).where(
            (Building.id == wanted) | (Building.name == wanted))))
        if not rows and len(wanted) >= ID_PREFIX_MIN:
            rows = list(session.scalars(select(Building.id).where(
                Building.id.startswith(wanted, autoescape=True))))
        if not rows:
            raise YedaError(f"找不到楼宇“{wanted}”", f"no building {wanted!r}")
        if len(rows) > 1:
            where = {b: place for b, place in session.execute(
                select(Building.id, Cluster.name).join(Cluster, Cluster.id == Building.cluster_id)
                .where(Building.id.in_(rows)))}
            listed = "、".join(sorted(f"{where[b]}（{b[:8]}）" for b in rows))
            raise YedaError(
                f"有多座楼宇名为“{wanted}”：{listed}，请用编号",
                f"several buildings are called {wanted!r} ({listed}); give the id")
        found.append(rows[0])
    return found


def placements(session: Session, campaign_id: str) -> list[Placement]:
    """Every building, by subdistrict, cluster and name, with where it stands and the
    campaign's team that sweeps it."""
    owner = {building: team for building, team in session.execute(
        select(TeamBuilding.building_id, TeamBuilding.team_id)
        .join(Team, Team.id == TeamBuilding.team_id)
        .where(Team.campaign_id == campaign_id))}
    names = {t.id: t.name for t in session.scalars(
        select(Team).where(Team.campaign_id == campaign_id))}
    dialect = dialect_of(session)
    rows = session.execute(
        select(Building.id, Building.name, Subdistrict.name, Cluster.name)
        .join(Cluster, Cluster.id == Building.cluster_id)
        .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
        .order_by(code_point(Subdistrict.name, dialect), code_point(Cluster.name, dialect),
                  code_point(Building.name, dialect), Building.id))
    return [Placement(b, name, owner.get(b), names.get(owner.get(b) or ""),
                      f"{subdistrict} · {cluster}")
            for b, name, subdistrict, cluster in rows]


def assign(session: Session, team_id: str, building_ids: Iterable[str], *,
           exactly: bool = False) -> Assigned:
    """Give the buildings to the team (from any other team of its campaign); with
    `exactly`, the team keeps no other building."""
    team = _team(session, team_id)
    wanted = set(building_ids)
    known = set(session.scalars(select(Building.id).where(Building.id.in_(wanted))))
    if wanted - known:
        raise YedaError("所选楼宇不存在", "a chosen building does not exist")
    links = list(session.scalars(
        select(TeamBuilding).join(Team, Team.id == TeamBuilding.team_id)
        .where(Team.campaign_id == team.campaign_id)))
    names = _building_names(session)
    done = Assigned()
    held = set()
    for link in links:
        if link.team_id == team.id:
            held.add(link.building_id)
            if exactly and link.building_id not in wanted:
                done.removed.append(names.get(link.building_id, link.building_id))
                session.delete(link)
        elif link.building_id in wanted:
            done.moved_from[names.get(link.building_id, link.building_id)] = link.team.name
            session.delete(link)
    session.flush()  # the moved links go before the new ones come
    for building_id in sorted(wanted - held):
        session.add(TeamBuilding(team_id=team.id, building_id=building_id))
        done.added.append(names.get(building_id, building_id))
    session.flush()
    return done


def unassign(session: Session, team_id: str, building_ids: Iterable[str]) -> list[str]:
    """Take the buildings off the team; returns the names of those it had."""
    team = _team(session, team_id)
    gone = set(building_ids)
    names = _building_names(session)
    taken = []
    for link in session.scalars(select(TeamBuilding).where(TeamBuilding.team_id == team.id)):
        if link.building_id in gone:
            taken.append(names.get(link.building_id, link.building_id))
            session.delete(link)
    session.flush()
    return taken


def _building_names(session: Session) -> dict[str, str]:
    """Building id → its name, with its cluster after a name that several buildings have
    (a message listing moved buildings by name would otherwise merge them)."""
    rows = list(session.execute(select(Building.id, Building.name, Cluster.name)
                                .join(Cluster, Cluster.id == Building.cluster_id)))
    shared = Counter(name for _, name, _ in rows)
    return {b: f"{name}（{cluster}）" if shared[name] > 1 else name for b, name, cluster in rows}


def _team(session: Session, team_id: str) -> Team:
    team = session.get(Team, team_id)
    if team is None:
        raise YedaError("扫楼小组不存在", "the team does not exist")
    return team
