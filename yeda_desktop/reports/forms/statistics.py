"""两新组织党建工作统计表: the statistics tab on paper, for the centre's report upward.

The two coverage rates now and a campaign ago, coverage and sweep progress by the chosen
breakdown with a total row, the ledger's gaps by rule (open and finished), and the
funding estimate with the inputs it was made with. All figures are `stats.summarize`'s,
the very ones the tab and `yeda stats` show.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.rules import RULES
from yeda_desktop.stats import Summary
from yeda_desktop.stats.coverage import CoverageRow
from yeda_desktop.stats.dimensions import DIMENSIONS, group_label
from yeda_desktop.stats.progress import ProgressRow

from ..data import FormMeta
from ..layout import CountedTable, Heading, PageSetup, qr_payload
from ..output import Output
from ..progress import Progress
from ..text import para
from .common import SECTION_BG, cells, cn_date, meta_line, render, ruled, signature_boxes, styles

FORM = "statistics"
TITLE = "两新组织党建工作统计表"
GROUP_HEADER = ("单位数", "组织\n覆盖数", "组织\n覆盖率", "上一年", "工作\n覆盖数", "工作\n覆盖率",
                "上一年", "已扫楼层", "已走访\n房间", "走访率")
GROUP_WIDTHS_MM = (13, 13, 14, 12, 13, 14, 12, 19, 21, 13)
GAP_HEADER = ("问题类型", "未整改", "已办结", "合计")
FUNDING_HEADER = ("项目", "数量", "单价（元）", "月数", "金额（元）")


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _share(done: int, of: int) -> str:
    return f"{done:,}/{of:,}"


def _group_row(label: str, now: CoverageRow, before: CoverageRow | None,
               progress: ProgressRow | None) -> list[object]:
    return [
        label, f"{now.organizations:,}", f"{now.org_covered:,}", pct(now.org_rate),
        pct(before.org_rate if before else None), f"{now.work_covered:,}", pct(now.work_rate),
        pct(before.work_rate if before else None),
        _share(progress.floors_swept, progress.floors) if progress else "—",
        _share(progress.units_visited, progress.units) if progress else "—",
        pct(progress.unit_rate) if progress else "—",
    ]


def _section(heading: str, table: Flowable) -> KeepTogether:
    """A heading never left alone at the foot of a page (a long table still splits)."""
    return KeepTogether([para(heading, styles()["cell"]), Spacer(0, 1.5 * mm), table])


def render_statistics(
    summary: Summary,
    out: Output,
    *,
    meta: FormMeta | None = None,
    progress: Progress | None = None,
) -> int:
    """Print the statistics of `summary` (its breakdown, its funding inputs); the pages."""
    m = meta or FormMeta()
    st = styles()
    dim_zh = DIMENSIONS[summary.dimension][0]
    current, previous = summary.campaigns.current, summary.campaigns.previous

    def story(width: float) -> list[Flowable]:
        rest = [w * mm for w in GROUP_WIDTHS_MM]
        widths = [width - sum(rest), *rest]
        header = [para(h, st["small-c"]) for h in (dim_zh, *GROUP_HEADER)]
        rows: list[list[object]] = [header]
        for g in summary.groups():
            rows.append(cells(_group_row(group_label(summary.dimension, g.coverage.group),
                                         g.coverage, g.coverage_before, g.progress), widths))
        if summary.total_now is not None and summary.dimension != "all":
            rows.append(cells(_group_row("合计", summary.total_now, summary.total_before,
                                         summary.progress_total), widths))
        groups = CountedTable(rows, colWidths=widths, repeatRows=1)
        groups.setStyle(ruled([("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                               *([("BACKGROUND", (0, -1), (-1, -1), SECTION_BG)]
                                 if len(rows) > 2 and summary.dimension != "all" else [])],
                              font_size=9))

        gap_widths = [width * 0.55, width * 0.15, width * 0.15, width * 0.15]
        gap_rows: list[list[object]] = [[para(h, st["small-c"]) for h in GAP_HEADER]]
        open_total = done_total = 0
        for rule in RULES:
            counts = [g for g in summary.gaps if g.rule_id == rule.id]
            still_open = sum(g.count for g in counts if g.status in OPEN_STATUSES)
            finished = sum(g.count for g in counts if g.status not in OPEN_STATUSES)
            open_total, done_total = open_total + still_open, done_total + finished
            gap_rows.append(cells([rule.title_zh, f"{still_open:,}", f"{finished:,}",
                                   f"{still_open + finished:,}"], gap_widths))
        gap_rows.append(cells(["合计", f"{open_total:,}", f"{done_total:,}",
                               f"{open_total + done_total:,}"], gap_widths))
        gaps = CountedTable(gap_rows, colWidths=gap_widths, repeatRows=1)
        gaps.setStyle(ruled([("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                             ("BACKGROUND", (0, -1), (-1, -1), SECTION_BG)], font_size=9))

        fund_widths = [width * 0.43, width * 0.12, width * 0.15, width * 0.1, width * 0.2]
        fund_rows: list[list[object]] = [[para(h, st["small-c"]) for h in FUNDING_HEADER]]
        for line in summary.funding.lines:
            fund_rows.append(cells([line.label_zh, f"{line.count:,}", f"{line.unit_amount:,}",
                                    str(line.months), f"{line.amount:,}"], fund_widths))
        fund_rows.append(cells(["合计", "", "", "", f"{summary.funding.total:,}"], fund_widths))
        funding = CountedTable(fund_rows, colWidths=fund_widths, repeatRows=1)
        funding.setStyle(ruled([("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                                ("BACKGROUND", (0, -1), (-1, -1), SECTION_BG)], font_size=9))

        now, before = summary.total_now, summary.total_before
        rates = (f"组织覆盖率 {pct(now.org_rate if now else None)}"
                 f"（上一年 {pct(before.org_rate if before else None)}）；"
                 f"工作覆盖率 {pct(now.work_rate if now else None)}"
                 f"（上一年 {pct(before.work_rate if before else None)}）；"
                 f"两新组织 {now.organizations if now else 0:,} 家；"
                 f"在整改问题 {open_total:,} 项。")
        campaign = "扫楼活动：" + (current.name if current else "（无）") + (
            f"（对比：{previous.name}）" if previous else "")
        return [
            Heading(TITLE),
            meta_line(f"制表单位：{m.issuer}", f"统计日期：{cn_date(m.issued_on)}", width),
            para(campaign, st["meta"]),
            Spacer(0, 1 * mm),
            para(rates, st["body"]),
            Spacer(0, 2 * mm),
            _section(f"一、按{dim_zh}统计覆盖率和扫楼进度", groups),
            Spacer(0, 4 * mm),
            _section("二、专项工作台账问题统计", gaps),
            Spacer(0, 4 * mm),
            _section("三、年度经费测算", funding),
            Spacer(0, 5 * mm),
            signature_boxes(["制表人（签字）：", "审核人（签字）：", "单位（盖章）："],
                            width, 24 * mm),
        ]

    return render(
        out,
        title=TITLE,
        setup=PageSetup(running_title=f"{TITLE}　按{dim_zh}"),
        qr_payload=qr_payload(FORM, summary.dimension),
        story=story,
        progress=progress,
    )
