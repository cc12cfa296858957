"""专项工作台账: open gaps, landscape, header on every page, grouped by subdistrict or cluster."""

from __future__ import annotations

from itertools import groupby

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..data import FormMeta, GroupBy, Ledger, LedgerRow
from ..layout import Heading, PageSetup, qr_payload
from ..longtable import RowCommand, ledger_table
from ..output import Output
from ..progress import Progress
from ..text import display, para
from .common import SECTION_BG, cells, cn_date, meta_line, render, ruled, styles

FORM = "ledger"
TITLE = "专项工作台账"
GROUP_LABEL = {"subdistrict": "镇街", "cluster": "集聚区"}
UNSET = "（未填写）"
WIDTHS_MM = (11, 28, 32, 50, 30, 46, 20, 16, 22, 12)
OVERDUE_RED = colors.Color(0.75, 0, 0)


def _key(row: LedgerRow, group_by: GroupBy) -> str:
    return (row.subdistrict if group_by == "subdistrict" else row.cluster) or UNSET


def render_ledger(
    ledger: Ledger,
    out: Output,
    *,
    group_by: GroupBy = "subdistrict",
    meta: FormMeta | None = None,
    progress: Progress | None = None,
) -> int:
    """Print the ledger grouped (stably) by subdistrict or cluster; return the page count."""
    m = meta or FormMeta()
    st = styles()
    other = "cluster" if group_by == "subdistrict" else "subdistrict"
    header = (
        "序号",
        GROUP_LABEL[other],
        "楼宇",
        "单位名称",
        "问题类型",
        "具体情况",
        "整改状态",
        "责任人",
        "整改时限",
        "逾期",
    )
    first_seen: dict[str, int] = {}
    for i, r in enumerate(ledger.rows):
        first_seen.setdefault(_key(r, group_by), i)
    ordered = sorted(ledger.rows, key=lambda r: first_seen[_key(r, group_by)])

    def story(width: float) -> list[Flowable]:
        widths = [w * mm for w in WIDTHS_MM]
        widths[5] += width - sum(widths)
        head = [[para(h, st["small-c"]) for h in header]]
        body: list[list[object]] = []
        row_styles: list[tuple[RowCommand, ...]] = []
        group_style = (("SPAN", 0, -1), ("BACKGROUND", 0, -1, SECTION_BG))
        overdue_style = (("TEXTCOLOR", 8, 9, OVERDUE_RED),)
        n = 0
        for key, group in groupby(ordered, key=lambda r: _key(r, group_by)):
            items = list(group)
            body.append(
                [para(f"{GROUP_LABEL[group_by]}：{key}（{len(items)} 项）", st["cell"])]
                + [""] * (len(header) - 1)
            )
            row_styles.append(group_style)
            for r in items:
                n += 1
                row_styles.append(overdue_style if r.overdue else ())
                body.append(
                    cells(
                        [
                            n,
                            r.cluster if other == "cluster" else r.subdistrict,
                            r.building,
                            r.organization,
                            r.rule_name,
                            r.detail,
                            r.status,
                            r.responsible,
                            display(r.due_date),
                            "逾期" if r.overdue else "",
                        ],
                        widths,
                    )
                )
        table = ledger_table(
            head,
            body,
            col_widths=widths,
            base_style=ruled(
                [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (6, 1), (-1, -1), "CENTER")],
                font_size=9,
            ).getCommands(),
            row_styles=row_styles,
            min_row_height=9 * 1.3 + 6,  # one line of 9 pt plus top and bottom padding
        )
        overdue = sum(1 for r in ledger.rows if r.overdue)
        subtitle = ledger.title_suffix or ""
        return [
            Heading(f"{TITLE}" + (f"（{subtitle}）" if subtitle else "")),
            meta_line(
                f"制表单位：{m.issuer}",
                f"截至：{cn_date(ledger.as_of or m.issued_on)}"
                f"　共 {len(ledger.rows)} 项，逾期 {overdue} 项",
                width,
            ),
            table,
            Spacer(0, 3 * mm),
            para("制表人：　　　　　　　　审核人：　　　　　　　　（盖章）", st["meta"]),
        ]

    return render(
        out,
        title=TITLE,
        setup=PageSetup(running_title=TITLE, landscape=True),
        qr_payload=qr_payload(FORM, ledger.record_id),
        story=story,
        progress=progress,
    )
