"""整改提示单: one organization's open gaps, with receipt signature and seal boxes."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ..data import FormMeta, RectificationNotice
from ..layout import CountedTable, Heading, PageSetup, qr_payload
from ..output import Output
from ..progress import Progress
from ..text import display, para
from .common import cells, cn_date, meta_line, render, ruled, signature_boxes, styles

FORM = "notice"
TITLE = "整改提示单"
HEADER = ("序号", "问题类型", "具体情况", "整改建议", "整改时限", "状态")
WIDTHS_MM = (11, 30, 50, 50, 22, 17)


def render_notice(
    notice: RectificationNotice,
    out: Output,
    *,
    meta: FormMeta | None = None,
    progress: Progress | None = None,
) -> int:
    """Print a rectification notice for one organization; returns the page count."""
    m = meta or FormMeta()
    st = styles()

    def story(width: float) -> list[Flowable]:
        label_w = 34 * mm
        value_w = width / 2 - label_w
        info_rows = [
            cells(["单位名称", notice.organization_name, "", ""], [label_w, width - label_w, 0, 0]),
            cells(
                ["统一社会信用代码", notice.uscc, "党组织", notice.party_org_name],
                [label_w, value_w, label_w, value_w],
            ),
            cells(["单位地址", notice.address, "", ""], [label_w, width - label_w, 0, 0]),
            cells(
                ["联系人", notice.contact, "联系电话", notice.phone],
                [label_w, value_w, label_w, value_w],
            ),
        ]
        info = Table(info_rows, colWidths=[label_w, value_w, label_w, value_w])
        info.setStyle(
            ruled(
                [
                    ("SPAN", (1, 0), (-1, 0)),
                    ("SPAN", (1, 2), (-1, 2)),
                    ("ALIGN", (0, 0), (0, -1), "CENTER"),
                    ("ALIGN", (2, 0), (2, -1), "CENTER"),
                ]
            )
        )
        widths = [w * mm for w in WIDTHS_MM]
        widths[2] += width - sum(widths)
        rows: list[list[object]] = [[para(h, st["small-c"]) for h in HEADER]]
        for i, item in enumerate(notice.items, start=1):
            rows.append(
                cells(
                    [
                        i,
                        item.rule_name,
                        item.detail,
                        item.action,
                        display(item.due_date),
                        item.status,
                    ],
                    widths,
                )
            )
        items = CountedTable(rows, colWidths=widths, repeatRows=1)
        items.setStyle(
            ruled([("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (-1, -1), "CENTER")])
        )
        reply = cn_date(notice.reply_by, "规定时限")
        body = (
            f"经集中扫楼排查，你单位在党的建设方面存在以下 {len(notice.items)} 项需要整改的问题。"
            f"请对照整改建议认真整改，并于{reply}前将整改情况书面反馈所在镇街（集聚区）党组织。"
        )
        return [
            Heading(TITLE),
            meta_line(f"发文单位：{m.issuer}", f"编号：{display(notice.notice_number)}", width),
            Spacer(0, 2 * mm),
            para(f"{notice.organization_name}：", st["body"]),
            para(body, st["body"]),
            Spacer(0, 3 * mm),
            info,
            Spacer(0, 4 * mm),
            items,
            Spacer(0, 6 * mm),
            signature_boxes(
                ["被提示单位签收人（签字）：", f"{m.issuer}（盖章）"],
                width,
                34 * mm,
                dates=[None, m.issued_on],
            ),
        ]

    return render(
        out,
        title=f"{TITLE} {notice.organization_name}",
        setup=PageSetup(running_title=f"{TITLE}　{notice.organization_name}"),
        qr_payload=qr_payload(FORM, notice.record_id),
        story=story,
        progress=progress,
    )
