"""`yeda search TEXT`: the window's search box on the command line (name, pinyin initials,
USCC, phone or room), each hit with where it is, so that an id can be taken from it."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import at_least_one, open_from_args
from yeda_desktop.services.search import Hit, search

_KINDS = {"org": "单位 organization", "person": "人员 person", "unit": "房间 unit"}


def hit_line(hit: Hit) -> str:
    """One hit: what it is, its name, what tells it apart (USCC, employer, building) and
    where choosing it would take the officer."""
    where = ""
    if hit.place is not None and hit.kind != "unit":
        place = hit.place
        where = f"{place.building_name} {place.floor_label}层 {place.unit_label}"
    parts = [hit.ref_id, _KINDS.get(hit.kind, hit.kind), hit.title, hit.context, where]
    return "\t".join(p or "—" for p in parts)


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, read_only=True)
    try:
        with db.reader() as session:
            hits = search(session, " ".join(args.text), limit=args.limit)
    finally:
        db.close()
    for hit in hits:
        print(hit_line(hit))
    print(f"找到 {len(hits)} 项 / {len(hits)} found"
          + (f"（只列出前 {args.limit} 项，请多写几个字）/ showing the first {args.limit}"
             if len(hits) == args.limit else ""))
    return 0 if hits else 1


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "search", help="find organizations, people and rooms by name, pinyin initials, "
        "USCC, phone or room number")
    parser.add_argument("text", nargs="+", help="what to look for (yths finds 烟台华盛)")
    parser.add_argument("--limit", type=at_least_one, default=50,
                        help="at most N hits (default 50)")
    parser.set_defaults(func=run)
