"""`yeda stats`: the statistics tab's figures as text (coverage now and a campaign ago, sweep
progress, open gaps), by any of the tab's groupings."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.cli.common import open_from_args
from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.stats.dimensions import DIMENSIONS, group_label
from yeda_desktop.stats.summary import Summary, summarize

HEADERS = ("组织数", "组织覆盖率", "上一年", "工作覆盖率", "上一年", "已扫楼层", "已走访房间",
           "上一年已走访房间")


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _share(done: int | None, of: int | None) -> str:
    return "—" if done is None or of is None else f"{done:,}/{of:,}"


def summary_lines(summary: Summary) -> list[str]:
    """The head figures, then one tab-separated row per group, as the tab's table."""
    now, before = summary.total_now, summary.total_before
    open_gaps = sum(g.count for g in summary.gaps if g.status in OPEN_STATUSES)
    campaign = summary.campaigns.current.name if summary.campaigns.current else "—"
    lines = [
        f"扫楼活动 campaign: {campaign}",
        f"组织覆盖率 organization coverage: {_pct(now.org_rate if now else None)}"
        f"（上一年 previous {_pct(before.org_rate if before else None)}）",
        f"工作覆盖率 work coverage: {_pct(now.work_rate if now else None)}"
        f"（上一年 previous {_pct(before.work_rate if before else None)}）",
        f"在整改问题 open gaps: {open_gaps:,}",
        "\t".join((DIMENSIONS[summary.dimension][0], *HEADERS)),
    ]
    for g in summary.groups():
        row, prev, prog, prog_before = g.coverage, g.coverage_before, g.progress, g.progress_before
        lines.append("\t".join((
            group_label(summary.dimension, row.group), f"{row.organizations:,}",
            _pct(row.org_rate), _pct(prev.org_rate if prev else None),
            _pct(row.work_rate), _pct(prev.work_rate if prev else None),
            _share(prog.floors_swept if prog else None, prog.floors if prog else None),
            _share(prog.units_visited if prog else None, prog.units if prog else None),
            _share(prog_before.units_visited if prog_before else None,
                   prog_before.units if prog_before else None),
        )))
    return lines


def run(args: argparse.Namespace) -> int:
    db = open_from_args(args, read_only=True)
    try:
        with db.reader() as session:
            summary = summarize(session, args.by)
    finally:
        db.close()
    for line in summary_lines(summary):
        print(line)
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("stats", help="coverage, sweep progress and open gaps, by "
                            "subdistrict, cluster, building, industry, ownership, "
                            "size or key industry")
    parser.add_argument("--by", choices=list(DIMENSIONS), default="subdistrict",
                        help="the groups of the table (default subdistrict)")
    parser.set_defaults(func=run)
