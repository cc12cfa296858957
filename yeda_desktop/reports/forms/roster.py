"""党员花名册: an organization's party members, ID numbers masked unless asked for in full."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from yeda_desktop.id_masking import mask_id_number

from ..data import FormMeta, Roster
from ..layout import CountedTable, Heading, PageSetup, qr_payload
from ..output import Output
from ..progress import Progress
from ..text import display, para
from .common import cells, cn_date, meta_line, render, ruled, signature_boxes, styles

FORM = "roster"
TITLE = "党员花名册"
HEADER = (
    "序号",
    "姓名",
    "性别",
    "公民身份号码",
    "联系电话",
    "党员类别",
    "入党时间",
    "组织关系\n是否转入",
    "备注",
)
WIDTHS_MM = (10, 24, 10, 40, 27, 19, 20, 16, 14)
MASKED_NOTE = "身份证号码已隐藏出生日期等中间 8 位"
FULL_NOTE = "身份证号码完整显示，含个人敏感信息，请妥善保管"


def _relation(value: bool | None) -> str:
    return "" if value is None else ("已转入" if value else "未转入")


def render_roster(
    roster: Roster,
    out: Output,
    *,
    full_id_numbers: bool = False,
    meta: FormMeta | None = None,
    progress: Progress | None = None,
) -> int:
    """Print the roster (IDs masked unless ``full_id_numbers``); return the page count."""
    m = meta or FormMeta()
    st = styles()
    members = roster.members
    full = sum(1 for p in members if p.party_status == "正式党员")
    probationary = sum(1 for p in members if p.party_status == "预备党员")
    floating = sum(1 for p in members if p.relation_transferred is False)

    def story(width: float) -> list[Flowable]:
        widths = [w * mm for w in WIDTHS_MM]
        widths[-1] += width - sum(widths)
        rows: list[list[object]] = [[para(h, st["small-c"]) for h in HEADER]]
        for i, p in enumerate(members, start=1):
            idn = p.id_number if full_id_numbers else mask_id_number(p.id_number)
            rows.append(
                cells(
                    [
                        i,
                        p.name,
                        p.gender,
                        display(idn),
                        p.phone,
                        p.party_status,
                        display(p.join_date),
                        _relation(p.relation_transferred),
                        p.remarks,
                    ],
                    widths,
                )
            )
        table = CountedTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            ruled(
                [
                    ("ALIGN", (0, 0), (0, -1), "CENTER"),
                    ("ALIGN", (2, 0), (2, -1), "CENTER"),
                    ("ALIGN", (5, 0), (7, -1), "CENTER"),
                ],
                font_size=9.5,
            )
        )
        return [
            Heading(TITLE),
            meta_line(f"单位名称：{roster.organization_name}", "", width),
            meta_line(
                f"党组织：{display(roster.party_org_name)}",
                f"截至：{cn_date(roster.as_of or m.issued_on)}",
                width,
            ),
            table,
            Spacer(0, 2 * mm),
            para(
                f"合计：党员 {len(members)} 名，其中正式党员 {full} 名、"
                f"预备党员 {probationary} 名；组织关系未转入 {floating} 名。",
                st["meta"],
            ),
            Spacer(0, 4 * mm),
            signature_boxes(
                ["填报人（签字）：", "党组织书记（签字）：", "党组织（盖章）："], width, 28 * mm
            ),
            Spacer(0, 2 * mm),
            para(f"制表单位：{m.issuer}", st["note"]),
        ]

    return render(
        out,
        title=f"{TITLE} {roster.organization_name}",
        setup=PageSetup(
            running_title=f"{TITLE}　{roster.organization_name}",
            footer_right=FULL_NOTE if full_id_numbers else MASKED_NOTE,
        ),
        qr_payload=qr_payload(FORM, roster.record_id),
        story=story,
        progress=progress,
    )
