"""楼宇扫楼情况汇总表: a building's sweep floor by floor and unit by unit, with totals."""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..data import FormMeta, SweepSummary
from ..layout import CountedTable, Heading, PageSetup, qr_payload
from ..output import Output
from ..progress import Progress
from ..text import para
from .common import SECTION_BG, cells, cn_date, meta_line, render, ruled, signature_boxes, styles

FORM = "sweep"
TITLE = "楼宇扫楼情况汇总表"
HEADER = ("楼层", "房间", "走访情况", "单位名称", "从业\n人员", "党员\n人数", "发现问题", "备注")
WIDTHS_MM = (13, 18, 18, 52, 13, 13, 36, 17)


def _sum(values: list[int | None]) -> int:
    return sum(v for v in values if v is not None)


def render_sweep_summary(
    summary: SweepSummary,
    out: Output,
    *,
    meta: FormMeta | None = None,
    progress: Progress | None = None,
) -> int:
    """Print the sweep summary of one building; rows keep their order, grouped by floor."""
    m = meta or FormMeta()
    st = styles()
    rows_in = summary.rows

    def story(width: float) -> list[Flowable]:
        widths = [w * mm for w in WIDTHS_MM]
        widths[3] += width - sum(widths)
        rows: list[list[object]] = [[para(h, st["small-c"]) for h in HEADER]]
        extra: list[tuple[object, ...]] = []
        for floor, group in groupby(rows_in, key=lambda r: r.floor_label):
            units = list(group)
            orgs = sum(1 for u in units if u.organization)
            extra.extend(
                [
                    ("SPAN", (0, len(rows)), (-1, len(rows))),
                    ("BACKGROUND", (0, len(rows)), (-1, len(rows)), SECTION_BG),
                ]
            )
            rows.append(
                [para(f"{floor} 层　共 {len(units)} 个房间，{orgs} 家单位", st["cell"])]
                + [""] * (len(HEADER) - 1)
            )
            for u in units:
                rows.append(
                    cells(
                        [
                            u.floor_label,
                            u.unit_label,
                            u.visit_outcome,
                            u.organization,
                            u.staff_count,
                            u.member_count,
                            "、".join(u.gaps),
                            u.remarks,
                        ],
                        widths,
                    )
                )
        orgs_total = sum(1 for r in rows_in if r.organization)
        gaps_total = sum(len(r.gaps) for r in rows_in)
        extra.append(("SPAN", (0, len(rows)), (3, len(rows))))
        extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), SECTION_BG))
        rows.append(
            [
                para(f"合计：{len(rows_in)} 个房间，{orgs_total} 家单位", st["cell"]),
                "",
                "",
                "",
                str(_sum([r.staff_count for r in rows_in])),
                str(_sum([r.member_count for r in rows_in])),
                f"{gaps_total} 项",
                "",
            ]
        )
        table = CountedTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            ruled(
                [
                    ("ALIGN", (0, 1), (2, -1), "CENTER"),
                    ("ALIGN", (4, 1), (5, -1), "RIGHT"),
                    *extra,
                ],
                font_size=9.5,
            )
        )
        place = "　".join(x for x in (summary.subdistrict, summary.cluster) if x)
        left = f"楼宇名称：{summary.building_name}" + (f"（{place}）" if place else "")
        info = "　".join(
            x
            for x in (
                f"扫楼活动：{summary.campaign}" if summary.campaign else "",
                f"走访组：{summary.team}" if summary.team else "",
            )
            if x
        )
        story_: list[Flowable] = [
            Heading(TITLE),
            meta_line(left, f"走访日期：{cn_date(summary.swept_on)}", width),
        ]
        if info:
            story_.append(meta_line(info, "", width))
        story_ += [
            table,
            Spacer(0, 5 * mm),
            signature_boxes(
                ["走访人（签字）：", "楼宇（集聚区）负责人（签字）：", "镇街审核（盖章）："],
                width,
                26 * mm,
            ),
            Spacer(0, 2 * mm),
            para(f"制表单位：{m.issuer}", st["note"]),
        ]
        return story_

    return render(
        out,
        title=f"{TITLE} {summary.building_name}",
        setup=PageSetup(running_title=f"{TITLE}　{summary.building_name}"),
        qr_payload=qr_payload(FORM, summary.record_id),
        story=story,
        progress=progress,
    )
