"""`yeda building`: the buildings of a zone set up from the command line, as 添加楼宇…,
添加楼层 and 批量添加房间… do in the window (a zone of fifty buildings is set up from a
list faster than by hand), and corrected (place_fixes: renamed, a floor or unit added by
mistake removed)."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.models import Building, Cluster, Floor, Subdistrict, Unit
from yeda_desktop.services import edits, place_fixes, places
from yeda_desktop.services.ordering import code_point, dialect_of
from yeda_desktop.services.record_lookup import (
    find_building,
    find_cluster,
    require_subdistrict,
)
from yeda_desktop.services.unit_lookup import find_floor, find_unit
from yeda_desktop.storage import Database


def _list(db: Database, args: argparse.Namespace) -> None:
    with db.reader() as session:
        subdistrict = require_subdistrict(session, args.subdistrict)
        cluster = find_cluster(session, args.cluster, subdistrict) if args.cluster else None
        units = (select(Floor.building_id, func.count(Unit.id).label("n"))
                 .join(Unit, Unit.floor_id == Floor.id).group_by(Floor.building_id).subquery())
        query = (select(Building.id, Building.name, Cluster.name, Subdistrict.name,
                        Building.floors_above, Building.floors_below,
                        func.coalesce(units.c.n, 0))
                 .join(Cluster, Cluster.id == Building.cluster_id)
                 .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
                 .outerjoin(units, units.c.building_id == Building.id)
                 .order_by(code_point(Building.name, dialect_of(session)), Building.id))
        if cluster is not None:
            query = query.where(Building.cluster_id == cluster)
        elif subdistrict is not None:  # a subdistrict's buildings
            query = query.where(Subdistrict.name == subdistrict)
        rows = session.execute(query).all()
    for bid, name, cluster_name, sub, above, below, count in rows:
        floors = f"地上{above}层" + (f" 地下{below}层" if below else "")
        print(f"{bid}\t{name}\t{cluster_name} · {sub}\t{floors}\t{count} 间房间")
    print(f"共 {len(rows)} 栋楼宇 / {len(rows)} buildings")


def _fix(session: Session, args: argparse.Namespace) -> edits.Edit | None:
    """A rename or a removal (place_fixes)."""
    building = find_building(session, args.building)
    if args.action == "rename":
        return place_fixes.rename_building(session, building, args.name)
    floor = find_floor(session, building, args.floor)
    if args.action == "rename-floor":
        return place_fixes.rename_floor(session, floor, args.label)
    if args.action == "remove-floor":
        return place_fixes.remove_floor(session, floor)
    unit = find_unit(session, args.building, args.floor, args.unit)
    if args.action == "rename-unit":
        return place_fixes.rename_unit(session, unit, args.label)
    return place_fixes.remove_unit(session, unit)


FIXES = ("rename", "rename-floor", "remove-floor", "rename-unit", "remove-unit")


def _add(db: Database, args: argparse.Namespace) -> None:
    with db.session(officer=args.officer) as session:
        if args.action in FIXES:
            fix = _fix(session, args)
            if fix is None:
                print("没有需要修改的内容 / nothing to change")
                return
            edit = fix
        elif args.action == "add":
            cluster = find_cluster(session, args.cluster, args.subdistrict)
            edit = places.add_building(session, cluster, args.name, args.floors, args.basements)
        elif args.action == "floor":
            edit = places.add_floor(session, find_building(session, args.building), args.label)
        else:
            building = find_building(session, args.building)
            edit = places.add_units(session, find_floor(session, building, args.floor),
                                    " ".join(args.labels))
        edits.apply(session, edit)
    print(f"已{edit.zh} / done: {edit.en}")


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "list":
            _list(db, args)
        else:
            _add(db, args)
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "building", help="list the buildings, add one (with its floors), a floor, or units "
        "(as the window's 添加楼宇…, 批量添加房间…); rename them, or remove a floor or unit "
        "added by mistake",
        description="BUILDING and CLUSTER: an id, or a name no other has (a cluster within "
        "--subdistrict, if given); the clusters come from `yeda zone add`.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every building, or a cluster's or a "
                                 "subdistrict's")
    add = actions.add_parser("add", help="a building with its floors B1…, 1…N")
    for p in (listing, add):
        p.add_argument("--cluster", required=p is add, metavar="CLUSTER",
                       help="the park, office building group or business district")
        p.add_argument("--subdistrict", metavar="S",
                       help="the cluster's subdistrict (for a cluster name two share); "
                       "list: without --cluster, the subdistrict's buildings")
    add.add_argument("name", help="e.g. 创业大厦A座")
    add.add_argument("--floors", type=int, required=True, help="floors above ground (1-200)")
    add.add_argument("--basements", type=int, default=0, help="floors below ground (0-10)")
    floor = actions.add_parser("floor", help="a floor more, e.g. 3A or a mezzanine")
    floor.add_argument("building", metavar="BUILDING")
    floor.add_argument("label", help="the floor's label")
    units = actions.add_parser("units", help="units on a floor: 01-20, A01-A12, 101 103")
    units.add_argument("building", metavar="BUILDING")
    units.add_argument("floor", help="the floor's label (5, B1, 3A)")
    units.add_argument("labels", nargs="+", help="unit numbers or ranges")
    rename = actions.add_parser("rename", help="a building's name typed wrong")
    rename.add_argument("building", metavar="BUILDING")
    rename.add_argument("name", help="its name as it should be")
    for action, what in (("rename-floor", "a floor's label typed wrong"),
                         ("remove-floor", "a floor added by mistake (one without units)")):
        p = actions.add_parser(action, help=what)
        p.add_argument("building", metavar="BUILDING")
        p.add_argument("floor", help="the floor's label (5, B1, 3A)")
    actions.choices["rename-floor"].add_argument("label", help="its label as it should be")
    for action, what in (("rename-unit", "a unit's number typed wrong"),
                         ("remove-unit", "a unit added by mistake (one without an "
                          "organization or a recorded visit)")):
        p = actions.add_parser(action, help=what)
        p.add_argument("building", metavar="BUILDING")
        p.add_argument("floor", help="the floor's label (5, B1, 3A)")
        p.add_argument("unit", help="the unit's number")
    actions.choices["rename-unit"].add_argument("label", help="its number as it should be")
    parser.set_defaults(func=run)
