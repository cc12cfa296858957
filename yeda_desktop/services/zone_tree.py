"""The zone's tree above its buildings: zone (开发区), subdistrict (街道), cluster (园区、楼宇群).

Every building belongs to a cluster, so a zone set up for real starts here: before
2026-11-29 only the demo made clusters, and 添加楼宇 answered that there was none.
Zone and subdistrict are found by name, or made with the cluster in one undoable edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Cluster, Subdistrict, Zone, new_id
from yeda_desktop.models.checks import text
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.services.edits import Edit, Insert
from yeda_desktop.services.ordering import code_point, dialect_of

NAME_MAX = 100  # zones.name, subdistricts.name, clusters.name

_FIELDS = {"zone": "开发区", "subdistrict": "街道", "cluster": "园区或楼宇群"}


@dataclass(frozen=True)
class ClusterPath:
    id: str
    zone: str
    subdistrict: str
    cluster: str
    kind: ClusterKind


def _name(value: str, field: str) -> str:
    clean = text(value, field, _FIELDS[field], NAME_MAX)
    if not clean:
        raise ValidationError(field, _FIELDS[field], "不能为空", "must not be empty")
    return clean


def add_cluster(session: Session, zone: str, subdistrict: str, cluster: str,
                kind: ClusterKind) -> Edit:
    """An edit adding a cluster, and its zone and subdistrict where there are none of
    those names yet."""
    zone_name, sub_name = _name(zone, "zone"), _name(subdistrict, "subdistrict")
    cluster_name = _name(cluster, "cluster")
    steps: list[Insert] = []
    zone_id = session.scalar(select(Zone.id).where(Zone.name == zone_name).limit(1))
    if zone_id is None:
        zone_id = new_id()
        steps.append(Insert(Zone, {"id": zone_id, "name": zone_name}))
    sub_id = session.scalar(select(Subdistrict.id).where(
        Subdistrict.zone_id == zone_id, Subdistrict.name == sub_name).limit(1))
    if sub_id is None:
        sub_id = new_id()
        steps.append(Insert(Subdistrict, {"id": sub_id, "zone_id": zone_id, "name": sub_name}))
    taken = session.scalar(select(Cluster.id).where(
        Cluster.subdistrict_id == sub_id, Cluster.name == cluster_name).limit(1))
    if taken is not None:
        raise ValidationError("cluster", _FIELDS["cluster"],
                              f"{sub_name}已有“{cluster_name}”",
                              f"{sub_name} already has {cluster_name!r}")
    steps.append(Insert(Cluster, {"id": new_id(), "subdistrict_id": sub_id,
                                  "name": cluster_name, "kind": kind}))
    return Edit(f"添加{cluster_name}", f"Add {cluster_name}", tuple(steps))


def cluster_paths(session: Session) -> list[ClusterPath]:
    """Every cluster with its zone and subdistrict, in name order."""
    dialect = dialect_of(session)
    rows = session.execute(
        select(Cluster.id, Zone.name, Subdistrict.name, Cluster.name, Cluster.kind)
        .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
        .join(Zone, Zone.id == Subdistrict.zone_id)
        .order_by(code_point(Zone.name, dialect), code_point(Subdistrict.name, dialect),
                  code_point(Cluster.name, dialect)))
    return [ClusterPath(*row) for row in rows]


def names_in_use(session: Session) -> tuple[list[str], list[str]]:
    """The zones' and subdistricts' names, to offer when a cluster is added."""
    zones = list(session.scalars(select(Zone.name).order_by(Zone.name)))
    subs = sorted(set(session.scalars(select(Subdistrict.name))))
    return zones, subs
