"""`yeda zone`: the zone's clusters (园区、楼宇群) with their subdistricts, which buildings need."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.services import edits, zone_tree


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action == "add":
            with db.session(officer=args.officer) as session:
                edit = zone_tree.add_cluster(session, args.zone, args.subdistrict, args.cluster,
                                             ClusterKind(args.kind))
                edits.apply(session, edit)
            print(f"已添加 / added: {args.zone.strip()} › {args.subdistrict.strip()} › "
                  f"{args.cluster.strip()}")
        else:
            with db.reader() as session:
                paths = zone_tree.cluster_paths(session)
            for p in paths:
                print(f"{p.zone} › {p.subdistrict} › {p.cluster}  {p.kind.zh} {p.kind.value} "
                      f"({p.id[:8]})")
            print(f"共 {len(paths)} 个园区或楼宇群 / {len(paths)} clusters")
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("zone", help="list the zone's clusters, or add one (with its "
                            "subdistrict and zone, if new): buildings are added to a cluster")
    parser.add_argument("action", choices=["list", "add"])
    parser.add_argument("zone", nargs="?", default="", help="add: the zone, e.g. 烟台开发区")
    parser.add_argument("subdistrict", nargs="?", default="", help="add: the subdistrict (街道)")
    parser.add_argument("cluster", nargs="?", default="", help="add: the park, office "
                        "building group or business district")
    parser.add_argument("--kind", choices=[k.value for k in ClusterKind], default="park",
                        help="add: what kind of cluster (default park)")
    parser.set_defaults(func=run)
