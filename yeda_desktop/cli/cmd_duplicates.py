"""`yeda duplicates`: organizations that may be the same; merge or dismiss each pair."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.storage import Database
from yeda_desktop.syncflow import duplicates
from yeda_desktop.syncflow.installation import Role, require_installation
from yeda_desktop.syncflow.pair_compare import compare_pair

_STATUS = {"open": "待处理 open", "dismissed": "已排除 dismissed", "merged": "已合并 merged",
           "linked": "已关联 linked"}


def _decide(db: Database, args: argparse.Namespace) -> None:
    with db.session() as session:
        require_installation(session, Role.CENTRE)
        if args.action == "merge":
            row = duplicates.merge(session, args.id, args.keep, args.officer)
            kept = duplicates.org_label(session.connection(), str(row.survivor_id))
            print(f"已合并 / merged {row.id[:8]}: 保留 kept {kept}")
        else:
            row = duplicates.dismiss(session, args.id, args.officer)
            print(f"已排除 / dismissed {row.id[:8]}: 不是同一单位 not the same organization")


def _list(db: Database, everything: bool) -> None:
    with db.reader() as session:
        conn = session.connection()
        rows = duplicates.list_candidates(session, None if everything else "open")
        for r in rows:
            print(f"{r.id[:8]} {_STATUS.get(r.status, r.status)}  "
                  f"{duplicates.org_label(conn, r.record_a)}  ⇄  "
                  f"{duplicates.org_label(conn, r.record_b)}  {duplicates.reason_words(r)}")
    print(f"共 {len(rows)} 对 / {len(rows)} pairs")


def _show(db: Database, candidate_id: str) -> None:
    """The pair side by side: "≠" where the values differ, "+" where a merge into the
    empty side would take the other's value."""
    with db.reader() as session:
        pair = compare_pair(session, candidate_id)
        conn = session.connection()
        a, b = (duplicates.org_label(conn, r) for r in (pair.record_a, pair.record_b))
    print(f"{pair.candidate_id[:8]}  甲 A {a}  ⇄  乙 B {b}")
    width = max(len(f.label) for f in pair.fields)
    for f in pair.fields:
        mark = "≠" if f.differs else "+" if f.filled else " "
        print(f"{mark} {f.label:\u3000<{width}}  甲 A {f.a}  |  乙 B {f.b}")


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args)
    try:
        if args.action in ("merge", "dismiss"):
            _decide(db, args)
        elif args.action == "show":
            _show(db, args.id)
        else:
            _list(db, args.all)
    finally:
        db.close()
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("duplicates", help="list, merge or dismiss duplicate candidates")
    parser.add_argument("action", choices=["list", "show", "merge", "dismiss"])
    parser.add_argument("id", nargs="?", default="",
                        help="show, merge, dismiss: the pair's id (or a unique start of it, "
                        "as `list` prints); show prints the two organizations side by side")
    parser.add_argument("--keep", help="merge: the organization that survives (its id or a "
                        "unique start of it)")
    parser.add_argument("--all", action="store_true", help="include decided and linked pairs")
    parser.set_defaults(func=run)
