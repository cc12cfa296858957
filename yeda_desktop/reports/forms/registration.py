"""两新组织党建情况登记表: one page per organization, filled in or blank for handwriting."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer, Table

from ..data import FormMeta, Organization
from ..layout import Heading, PageSetup, RecordMarker, qr_payload
from ..output import Output
from ..progress import Progress
from ..text import Cell, cell, para
from .common import SECTION_BG, cn_date, meta_line, render, ruled, signature_boxes, styles

FORM = "registration"
TITLE = "两新组织党建情况登记表"
NOTES = (
    "填表说明：1. 本表由两新组织填写，一式两份，单位和所在镇街（集聚区）党组织各留存一份。"
    "2. 人数统计截至填表日期；“组织关系在本单位”指党员组织关系已转入本单位党组织。"
    "3. 组织类别填“非公企业”或“社会组织”；党组织类型填党委、党总支、党支部或联合党支部。"
)


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def _org_page(org: Organization | None, meta: FormMeta, width: float) -> list[Flowable]:
    """The flowables of one registration page (``org`` None gives the blank form)."""
    st = styles()
    o = org if org is not None else Organization(record_id="", name="")
    registered: int | None = None
    if o.full_members is not None or o.probationary_members is not None:
        registered = (o.full_members or 0) + (o.probationary_members or 0)
    label_w, value_w = 34 * mm, width / 2 - 34 * mm
    widths = [label_w, value_w, label_w, value_w]
    wide = label_w + 2 * value_w + label_w - label_w  # value spanning three columns

    def label(text: str) -> Cell:
        return para(text, st["cell-c"])

    def value(v: object, w: float = value_w) -> Cell:
        return cell(v, st["cell"], w)

    rows: list[list[Cell]] = []
    spans: list[tuple[object, ...]] = []

    def section(text: str) -> None:
        spans.extend(
            [
                ("SPAN", (0, len(rows)), (-1, len(rows))),
                ("BACKGROUND", (0, len(rows)), (-1, len(rows)), SECTION_BG),
            ]
        )
        rows.append([para(text, st["cell"]), "", "", ""])

    def pair(l1: str, v1: object, l2: str, v2: object) -> None:
        rows.append([label(l1), value(v1), label(l2), value(v2)])

    def full(l1: str, v1: object) -> None:
        spans.append(("SPAN", (1, len(rows)), (-1, len(rows))))
        rows.append([label(l1), value(v1, wide), "", ""])

    section("一、基本情况")
    full("单位名称", o.name)
    pair("统一社会信用代码", o.uscc, "组织类别", o.kind)
    pair("经济类型", o.ownership, "所属行业", o.industry)
    pair("企业标识", o.marks, "所属重点行业", o.key_industry)
    full("单位地址", o.address)
    pair("所在楼宇", o.building, "所属集聚区", o.cluster)
    full("所在楼层及房间", "；".join(o.units))
    pair("从业人员数", _count(o.staff_count), "所属镇街", o.subdistrict)
    section("二、党员情况")
    pair(
        "党员人数（自报）", _count(o.reported_member_count), "组织关系在本单位", _count(registered)
    )
    pair("其中：正式党员", _count(o.full_members), "预备党员", _count(o.probationary_members))
    section("三、党组织情况")
    full("党组织名称", o.party_org_name)
    pair("党组织类型", o.party_org_type, "党组织书记", o.secretary)
    pair("党建指导员", o.instructor, "", "")
    section("四、联系方式")
    pair("联系人", o.contact, "联系电话", o.phone)
    remarks_row = len(rows)
    full("备注", o.remarks)

    heights = [8.5 * mm] * len(rows)
    heights[remarks_row] = 18 * mm
    table = Table(rows, colWidths=widths, minRowHeights=heights, repeatRows=0)
    table.setStyle(ruled(spans))

    story: list[Flowable] = [
        Heading(TITLE),
        meta_line(
            f"制表单位：{meta.issuer}",
            f"填表日期：{cn_date(meta.issued_on)}",
            width,
        ),
        table,
        Spacer(0, 5 * mm),
        signature_boxes(["填表人（签字）：", "单位负责人（签字）：", "单位（盖章）："], width),
        Spacer(0, 3 * mm),
        signature_boxes(["镇街（集聚区）党组织审核意见：\n\n（盖章）"], width, 26 * mm),
        Spacer(0, 3 * mm),
        para(NOTES, st["note"]),
    ]
    return story


def render_registration(
    organizations: Sequence[Organization],
    out: Output,
    *,
    meta: FormMeta | None = None,
    progress: Progress | None = None,
) -> int:
    """Print one registration form page per organization into one PDF; returns the page count."""
    if not organizations:
        raise ValueError("render_registration needs at least one organization")
    m = meta or FormMeta()

    def story(width: float) -> list[Flowable]:
        out_story: list[Flowable] = []
        for i, org in enumerate(organizations):
            if i:
                out_story.append(PageBreak())
            out_story.append(RecordMarker(qr_payload(FORM, org.record_id)))
            page = _org_page(org, m, width)
            out_story.append(KeepInFrame(width, 250 * mm, page, mode="shrink"))
            out_story.append(RecordMarker(None, units=1))
        return out_story

    first = organizations[0]
    return render(
        out,
        title=TITLE if len(organizations) > 1 else f"{TITLE} {first.name}",
        setup=PageSetup(),
        qr_payload=qr_payload(FORM, first.record_id),
        story=story,
        progress=progress,
    )


def render_blank_registration(out: Output, *, meta: FormMeta | None = None) -> int:
    """Print an empty registration form to fill by hand (QR: ``yeda:registration:blank``)."""
    # The date is left blank for the hand to fill in.
    m = FormMeta(issuer=(meta or FormMeta()).issuer)

    def story(width: float) -> list[Flowable]:
        return [KeepInFrame(width, 250 * mm, _org_page(None, m, width), mode="shrink")]

    return render(
        out,
        title=f"{TITLE}（空白）",
        setup=PageSetup(),
        qr_payload=qr_payload(FORM, None),
        story=story,
    )
